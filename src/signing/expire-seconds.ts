/**
 * @module signing/expire-seconds
 * The one check of every `expireSeconds` option (signed URLs, the client's `url()`,
 * signed responsive attributes, upload tokens).
 */

/** The longest `expireSeconds` a signed URL accepts: ten years (365-day years). */
export const maxExpireSeconds = 315_360_000;

/**
 * Checks an `expireSeconds` option and returns it in whole seconds (a fraction is dropped).
 * A non-positive value used to sign a URL that never expires, a huge one gave an `ik-t`
 * of more than 10 digits, and a value below 1 is surely a unit mistake: all are refused.
 * @param max the largest accepted value (the upload API caps tokens at 3600).
 * @throws {TypeError} `value` is not a number.
 * @throws {RangeError} `value` is below 1, above `max`, or `NaN`.
 */
export function checkExpireSeconds(value: unknown, max: number = maxExpireSeconds): number {
  if (typeof value !== 'number') throw new TypeError('`expireSeconds` must be a number of seconds');
  if (!(value >= 1 && value <= max)) throw new RangeError(`\`expireSeconds\` must be from 1 to ${max} seconds, got ${value}`);
  return Math.trunc(value);
}
