/**
 * @module testing/emulator/random
 * A tiny seeded PRNG (mulberry32) so ids, unique file-name suffixes and fault
 * decisions repeat exactly for the same seed and request sequence.
 */

/** A seeded random source whose position can be saved and restored. */
export interface SeededRandom {
  /** Next float in [0, 1). */
  next(): number;
  /** Current internal state (for persistence). */
  state(): number;
  /** Restores a state returned by `state()`. */
  restore(value: number): void;
}

/** Creates a mulberry32 generator from a 32-bit seed. */
export function createRandom(seed: number): SeededRandom {
  let s = seed >>> 0;
  return {
    next() {
      s = (s + 0x6d2b79f5) >>> 0;
      let t = s;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
    state: () => s,
    restore(value) {
      s = value >>> 0;
    },
  };
}

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A random alphanumeric string of `length` characters drawn from `random`. */
export function randomAlnum(random: SeededRandom, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(random.next() * alphabet.length)];
  return out;
}

/** 8 lower-case hex characters derived from a seed (prefix of every id). */
export function seedTag(seed: number): string {
  const random = createRandom(seed ^ 0x5eed);
  return Math.floor(random.next() * 0xffffffff)
    .toString(16)
    .padStart(8, '0');
}
