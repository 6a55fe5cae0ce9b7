/**
 * @module internal/retry-after
 * Reads how long a server asked the client to wait. Shared by the retry timing of the
 * HTTP core and `RateLimitError.retryAfterMs`. Not public API.
 */

/**
 * How long the server asked us to wait, in milliseconds, or `undefined`.
 * `X-RateLimit-Reset` (a duration in ms, per the ImageKit docs) wins over
 * `retry-after-ms` and `Retry-After` (seconds or an HTTP date).
 */
export function serverRetryDelay(headers: Readonly<Record<string, string>>, now: number = Date.now()): number | undefined {
  const reset = headers['x-ratelimit-reset']?.trim();
  if (reset && /^\d+$/.test(reset)) return Number(reset);
  // `Number(undefined)` is NaN, which fails both comparisons.
  const ms = Number(headers['retry-after-ms']);
  if (ms >= 0 && ms < Infinity) return ms;
  const retryAfter = headers['retry-after'];
  if (retryAfter === undefined) return undefined;
  const seconds = Number(retryAfter);
  if (retryAfter.trim() && isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(retryAfter);
  return isNaN(date) ? undefined : Math.max(0, date - now);
}
