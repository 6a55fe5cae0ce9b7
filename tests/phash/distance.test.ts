import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { runs } from '../support/runs.js';
import ImageKitV6 from 'imagekit';
import { phashDistance } from '../../src/phash/distance.js';
import { PhashError, isImageKitError } from '../../src/errors.js';
import * as root from '../../src/index.js';

/** Independent oracle: popcount over BigInt XOR. */
function oracle(a: string, b: string): number {
  let x = BigInt('0x' + a) ^ BigInt('0x' + b);
  let n = 0;
  while (x > 0n) {
    n += Number(x & 1n);
    x >>= 1n;
  }
  return n;
}

const legacy = new ImageKitV6({ publicKey: 'public_x', privateKey: 'private_x', urlEndpoint: 'https://ik.imagekit.io/demo' });

const hexDigit = fc.constantFrom(...'0123456789abcdefABCDEF');
const hex = (length: number) => fc.string({ unit: hexDigit, minLength: length, maxLength: length });
const pair = fc.integer({ min: 1, max: 80 }).chain((n) => fc.tuple(hex(n), hex(n)));

function reasonOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(PhashError);
    expect(isImageKitError(error)).toBe(true);
    return (error as PhashError).reason;
  }
  return undefined;
}

describe('phashDistance', () => {
  it('is exported from the root entry', () => {
    expect(root.phashDistance).toBe(phashDistance);
  });

  it.each([
    ['f06830ca9f1e3e90', 'f06830ca9f1e3e90', 0],
    ['2d5ad3936d2e015b', '2d6ed293db36a4fb', 17],
    ['a4a65595ac94518b', '7838873e791f8400', 37],
    ['33699c96619cc69e', '968e978414fe04ea', 30],
    ['63433b3ccf8e1ebe', 'f5d2226cd9d32b16', 27],
  ])('gives the published vector %s vs %s → %i in both orders', (a, b, expected) => {
    expect(phashDistance(a, b)).toBe(expected);
    expect(phashDistance(b, a)).toBe(expected);
  });

  it('is case-insensitive', () => {
    expect(phashDistance('2D5AD3936D2E015B', '2d6ed293db36a4fb')).toBe(17);
    expect(phashDistance('F06830CA9F1E3E90', 'f06830ca9f1e3e90')).toBe(0);
  });

  it('gives 64 for complementary 16-digit hashes and works beyond 53 bits', () => {
    expect(phashDistance('ffffffffffffffff', '0000000000000000')).toBe(64);
    expect(phashDistance('8000000000000000', '0000000000000001')).toBe(2);
    expect(phashDistance('f'.repeat(40), '0'.repeat(40))).toBe(160);
  });

  it('matches a BigInt popcount oracle for any equal-length hex strings', () => {
    fc.assert(
      fc.property(pair, ([a, b]) => phashDistance(a, b) === oracle(a, b)),
      runs(2000),
    );
  });

  it('matches the legacy imagekit v6 pHashDistance on valid input', () => {
    fc.assert(
      fc.property(hex(16), hex(16), (a, b) => phashDistance(a, b) === legacy.pHashDistance(a, b)),
      { numRuns: 500 },
    );
  });

  it('is symmetric, zero on itself, and within 0..4×length', () => {
    fc.assert(
      fc.property(pair, ([a, b]) => {
        const d = phashDistance(a, b);
        return d === phashDistance(b, a) && phashDistance(a, a) === 0 && d >= 0 && d <= 4 * a.length;
      }),
      runs(1000),
    );
  });

  it('satisfies the triangle inequality', () => {
    fc.assert(fc.property(hex(16), hex(16), hex(16), (a, b, c) => phashDistance(a, c) <= phashDistance(a, b) + phashDistance(b, c)));
  });

  it('is not affected by enumerable keys added to String.prototype', () => {
    const proto = String.prototype as unknown as Record<string, unknown>;
    proto['polluted'] = 'f';
    try {
      expect(phashDistance('2d5ad3936d2e015b', '2d6ed293db36a4fb')).toBe(17);
    } finally {
      delete proto['polluted'];
    }
  });

  describe('errors', () => {
    const call = (a: unknown, b: unknown) => () => phashDistance(a as string, b as string);

    it.each([
      [undefined, 'f06830ca9f1e3e90', 'missing'],
      ['f06830ca9f1e3e90', undefined, 'missing'],
      [null, 'f06830ca9f1e3e90', 'missing'],
      ['', 'f06830ca9f1e3e90', 'missing'],
      ['f06830ca9f1e3e90', '', 'missing'],
      [0, 'ab', 'missing'],
      [1234, 'ab', 'not_string'],
      ['f06830ca9f1e3e90', 2222222222222222, 'not_string'],
      [['ab'], 'ab', 'not_string'],
      [{}, 'ab', 'not_string'],
      ['xyz', 'abc', 'invalid_hex'],
      ['f06830ca9f1e3e90', 'f06830ca9f1e3e9g', 'invalid_hex'],
      ['0xab', '00ab', 'invalid_hex'],
      [' ab', '0ab', 'invalid_hex'],
      ['ab ', 'ab0', 'invalid_hex'],
      ['ab\n', 'ab0', 'invalid_hex'],
      ['-1', '01', 'invalid_hex'],
      ['ab', 'abc', 'unequal_length'],
      ['f06830ca9f1e3e90', 'f06830ca9f1e3e9', 'unequal_length'],
    ])('phashDistance(%j, %j) throws reason %s', (a, b, reason) => {
      expect(reasonOf(call(a, b))).toBe(reason);
    });

    it('throws (never returns) a PhashError whose message names the reason', () => {
      expect(call('xyz', 'abc')).toThrow(PhashError);
      expect(call('xyz', 'abc')).toThrow(/pHash.*invalid_hex/);
      expect(call('ab', 'abc')).toThrow(/pHash.*unequal_length/);
      expect(call(undefined, 'abc')).toThrow(/pHash.*missing/);
      expect(call(5, 'abc')).toThrow(/pHash.*not_string/);
    });

    it('has the PhashError name and is an Error', () => {
      try {
        phashDistance('zz', 'zz');
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(Error);
        expect((error as Error).name).toBe('PhashError');
      }
    });
  });
});
