/**
 * @module phash/distance
 * Hamming distance between two perceptual hashes (the `pHash` of the metadata API).
 * Pure: runs in browsers, workers and servers alike.
 */
import { PhashError } from '../errors.js';

/**
 * Counts the bits that differ between two hexadecimal pHash strings (case-insensitive).
 * The result is between 0 and 4 × length (0..64 for the usual 16-digit hashes); a small
 * distance means visually similar images.
 *
 * @example
 * phashDistance('f06830ca9f1e3e90', 'f06830ca9f1e3e90'); // 0
 * phashDistance('2d5ad3936d2e015b', '2d6ed293db36a4fb'); // 17
 * @throws {PhashError} `reason` is `missing` (no value, or an empty string), `not_string`,
 * `invalid_hex` or `unequal_length`. It throws; it never returns an error.
 */
export function phashDistance(first: string, second: string): number {
  for (const value of [first, second] as unknown[]) {
    // Falsy values (undefined, null, "", 0) count as missing, like the legacy SDKs.
    const reason = !value
      ? 'missing'
      : typeof value != 'string'
        ? 'not_string'
        : /[^\da-f]/i.test(value)
          ? 'invalid_hex'
          : value.length != first.length && 'unequal_length';
    // Short message on purpose (this module ships in browser bundles); the reason says which rule failed.
    if (reason) throw new PhashError(reason, 'Invalid pHash: ' + reason);
  }
  let distance = 0;
  // One hex digit (4 bits) at a time: exact for any length, no BigInt, no 53-bit limit.
  for (let i = 0; i < first.length; i++) {
    let bits = parseInt(first[i]!, 16) ^ parseInt(second[i]!, 16);
    for (; bits; bits &= bits - 1) distance++;
  }
  return distance;
}
