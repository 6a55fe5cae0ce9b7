import { afterEach, describe, it, expect, vi } from 'vitest';
import fc from 'fast-check';
import { runs } from '../support/runs.js';
import { createHmac } from 'node:crypto';
import { fastCrypto, hmacHex, hmacHexSync, hmacKey, hmacVerify, hmacWebCrypto, setHmacFastPath, subtleCrypto } from '../../src/signing/hmac.js';
import { ImageKitError } from '../../src/errors.js';
import { toHex, utf8 } from '../../src/internal/encoding.js';

const secretArb = fc.string({ unit: 'binary', minLength: 1, maxLength: 80 });
const messageArb = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: fc.constantFrom(..."ab/?#%+' &=,:é漢😀\u0000".split('')), maxLength: 100 }),
);
const hashArb = fc.constantFrom('SHA-1' as const, 'SHA-256' as const);
const nodeName = { 'SHA-1': 'sha1', 'SHA-256': 'sha256' } as const;

afterEach(() => {
  setHmacFastPath(true);
  vi.unstubAllGlobals();
});

describe('hmac', () => {
  it('finds the Node fast path on Node', () => {
    expect(fastCrypto()?.createHmac).toBeTypeOf('function');
    setHmacFastPath(false);
    expect(fastCrypto()).toBeUndefined();
    expect(hmacHexSync('k', 'SHA-1', 'm')).toBeUndefined();
  });

  it('Web Crypto path equals node:crypto createHmac for random unicode secrets and messages', async () => {
    await fc.assert(
      fc.asyncProperty(secretArb, messageArb, hashArb, async (secret, message, hash) => {
        const expected = createHmac(nodeName[hash], secret).update(message).digest('hex');
        expect(toHex(await hmacWebCrypto(secret, hash, message))).toBe(expected);
      }),
      { numRuns: 400 },
    );
  });

  it('fast path is byte-identical to the Web Crypto path', async () => {
    await fc.assert(
      fc.asyncProperty(secretArb, messageArb, hashArb, async (secret, message, hash) => {
        const fast = hmacHexSync(secret, hash, message);
        const web = toHex(await hmacWebCrypto(secret, hash, message));
        expect(fast).toBe(web);
        setHmacFastPath(false);
        try {
          expect(await hmacHex(secret, hash, message)).toBe(web);
        } finally {
          setHmacFastPath(true);
        }
        expect(await hmacHex(secret, hash, message)).toBe(web);
      }),
      runs(1000),
    );
  });

  it('keeps giving correct results past the key cache limit', async () => {
    for (let i = 0; i < 80; i++) {
      const secret = `secret-${i}`;
      expect(toHex(await hmacWebCrypto(secret, 'SHA-1', 'm'))).toBe(createHmac('sha1', secret).update('m').digest('hex'));
    }
    // The same key object is reused while cached.
    expect(await hmacKey('secret-79', 'SHA-1')).toBe(await hmacKey('secret-79', 'SHA-1'));
  });

  it('verifies in constant time with subtle.verify: true for the right MAC, false otherwise', async () => {
    const data = utf8('payload');
    const mac = new Uint8Array(createHmac('sha256', 'whsec_x').update('payload').digest());
    expect(await hmacVerify('whsec_x', 'SHA-256', mac, data)).toBe(true);
    const wrong = mac.slice();
    wrong[0]! ^= 1;
    expect(await hmacVerify('whsec_x', 'SHA-256', wrong, data)).toBe(false);
    expect(await hmacVerify('whsec_x', 'SHA-256', mac.slice(0, 10), data)).toBe(false);
  });

  it('throws a clear ImageKitError when crypto.subtle is missing', async () => {
    vi.stubGlobal('crypto', {});
    setHmacFastPath(false);
    expect(() => subtleCrypto()).toThrow(ImageKitError);
    expect(() => subtleCrypto()).toThrow(/crypto\.subtle/);
    await expect(hmacHex('k', 'SHA-1', 'm')).rejects.toThrow(/Web Crypto/);
  });
});
