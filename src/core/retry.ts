/**
 * @module core/retry
 * Pure retry timing (exponential backoff with jitter, server-directed waits) and an
 * abortable sleep, used by the request engine for every call.
 */
import { serverRetryDelay } from '../internal/retry-after.js';

export { serverRetryDelay };

/** Statuses worth another attempt: timeouts, rate limits and server failures. 409 never is. */
export const retryStatusCodes: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

/** Backoff base and cap, and the longest server-directed wait that is slept, in milliseconds. */
export const retryTiming = { baseMs: 500, capMs: 8_000, maxServerWaitMs: 60_000 } as const;

/**
 * Wait before retry number `attempt` (1 for the first retry) after an answer with `status`
 * and `headers` (both absent when no answer came). The one rule for every call: a 429 or
 * 503 carries a wait the server means for us (`X-RateLimit-Reset`, `retry-after-ms`,
 * `Retry-After`), which is used; any other failure uses `min(base·2^(attempt-1), cap)`
 * with ±25 % jitter. `undefined` when the server asked for more than
 * {@link retryTiming}.maxServerWaitMs: such a retry would most likely fail again, so the
 * error is reported instead.
 */
export function retryWait(
  attempt: number,
  status?: number,
  headers?: Readonly<Record<string, string>>,
  random: () => number = Math.random,
): number | undefined {
  const fromServer = headers && (status === 429 || status === 503) ? serverRetryDelay(headers) : undefined;
  if (fromServer !== undefined) return fromServer > retryTiming.maxServerWaitMs ? undefined : fromServer;
  const exponential = Math.min(retryTiming.baseMs * 2 ** (attempt - 1), retryTiming.capMs);
  return Math.round(exponential * (1 + (random() * 0.5 - 0.25)));
}

/**
 * Waits `ms` milliseconds; rejects with `signal.reason` as soon as the signal aborts.
 * The timer and the listener are always cleaned up.
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
