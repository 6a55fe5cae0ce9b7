/**
 * @module signing/expire-seconds
 * The one check of every `expireSeconds` option (signed URLs, the client's `url()`,
 * signed responsive attributes, upload tokens).
 */

/** The longest `expireSeconds` a signed URL accepts: ten years (365-day years). */
export const maxExpireSeconds = 315_360_000;

/**
 * Checks an `expireSeconds` option and returns it in whole seconds: a fraction is dropped
 * (as `@imagekit/nodejs` does), but never below 1, so the expiry is never now. A non-positive value used to sign a URL that never
 * expires and a huge one gave an `ik-t` of more than 10 digits: both are refused.
 * @param max the largest accepted value (the upload API caps tokens at 3600).
 * @throws {TypeError} `value` is not a number.
 * @throws {RangeError} `value` is 0 or less, above `max`, or `NaN`.
 */
export function checkExpireSeconds(value: unknown, max: number = maxExpireSeconds): number {
  if (typeof value !== 'number') throw new TypeError('`expireSeconds` must be a number of seconds');
  if (!(value > 0 && value <= max)) {
    throw new RangeError(`\`expireSeconds\` must be more than 0 and at most ${max} seconds, got ${value}`);
  }
  return Math.max(1, Math.trunc(value));
}
