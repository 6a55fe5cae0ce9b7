import { serverRetryDelay } from '../internal/retry-after.js';

export { serverRetryDelay };

/**
 * @module core/retry
 * Pure retry timing (exponential backoff with jitter, server-directed waits) and an
 * abortable sleep. Shared by the HTTP core and the upload pipeline.
 */

/** Statuses worth another attempt: timeouts, rate limits and server failures. 409 never is. */
export const retryStatusCodes: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

/** Backoff base and cap, in milliseconds. */
export const retryTiming = { baseMs: 500, capMs: 8_000, maxServerWaitMs: 60_000 } as const;

/**
 * Delay before retry number `attempt` (1 for the first retry).
 * Uses the server's wait when given (capped at {@link retryTiming}.maxServerWaitMs),
 * else `min(base·2^(attempt-1), cap)` with ±25 % jitter.
 */
export function retryDelay(
  attempt: number,
  headers?: Readonly<Record<string, string>>,
  random: () => number = Math.random,
): number {
  const fromServer = headers ? serverRetryDelay(headers) : undefined;
  if (fromServer !== undefined) return Math.min(fromServer, retryTiming.maxServerWaitMs);
  const exponential = Math.min(retryTiming.baseMs * 2 ** (attempt - 1), retryTiming.capMs);
  const jitter = 1 + (random() * 0.5 - 0.25);
  return Math.round(exponential * jitter);
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
