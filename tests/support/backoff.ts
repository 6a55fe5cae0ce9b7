// For tests about which failures are retried, not about how long the back-off is (that is
// tests/core/retry.test.ts, with fake timers): the engine's back-off sleep is recorded and
// ends at once, or once the event given to `after` happened (what a retry must come after).
import { vi } from 'vitest';
import * as retry from '../../src/core/retry.js';

export interface SkippedBackoff {
  /** The waits the engine asked for, in order. */
  waits: number[];
  /** Let the next back-offs end only once `event` settled. */
  after(event: Promise<unknown>): void;
  /** The real sleep again. */
  restore(): void;
}

export function skipBackoff(): SkippedBackoff {
  const realSleep = retry.sleep;
  const waits: number[] = [];
  let until: Promise<unknown> = Promise.resolve();
  const spy = vi.spyOn(retry, 'sleep').mockImplementation(async (ms, signal) => {
    waits.push(ms);
    await until.catch(() => undefined);
    return realSleep(0, signal);
  });
  return { waits, after: (event) => void (until = event), restore: () => spy.mockRestore() };
}
