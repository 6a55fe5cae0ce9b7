/**
 * @module signing/expire-seconds
 * The one check of every `expireSeconds` option (signed URLs, the client's `url()`,
 * signed responsive attributes, upload tokens).
 */

/** The longest `expireSeconds` a signed URL accepts: ten years (365-day years). */
export const maxExpireSeconds = 315_360_000;

/**
 * Checks an `expireSeconds` option and returns it in whole seconds (a fraction is dropped).
 * A non-positive value used to sign a URL that never expires; a huge one gives an `ik-t`
 * of more than 10 digits. Both are refused.
 * @param max the largest accepted value (the upload API caps tokens at 3600).
 * @throws {TypeError} `value` is not a number.
 * @throws {RangeError} `value` is not finite, not above 0, above `max`, or below 1 (it is in seconds).
 */
export function checkExpireSeconds(value: unknown, max: number = maxExpireSeconds): number {
  if (typeof value !== 'number') throw new TypeError('`expireSeconds` must be a number of seconds');
  if (!(Number.isFinite(value) && value > 0 && value <= max)) {
    throw new RangeError(`\`expireSeconds\` must be a finite number of seconds above 0 and at most ${max}, got ${value}`);
  }
  const seconds = Math.trunc(value);
  if (seconds === 0) throw new RangeError(`\`expireSeconds\` must be at least 1 (it is in seconds), got ${value}`);
  return seconds;
}
