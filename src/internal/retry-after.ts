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
  const reset = headers['x-ratelimit-reset'];
  if (reset !== undefined && /^\d+$/.test(reset.trim())) return Number(reset.trim());
  const ms = headers['retry-after-ms'];
  if (ms !== undefined && Number.isFinite(Number(ms)) && Number(ms) >= 0) return Number(ms);
  const retryAfter = headers['retry-after'];
  if (retryAfter === undefined) return undefined;
  const seconds = Number(retryAfter);
  if (retryAfter.trim() !== '' && Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(retryAfter);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}
