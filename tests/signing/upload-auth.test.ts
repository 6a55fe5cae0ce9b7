import { afterEach, beforeEach, describe, it, expect, vi } from 'vitest';
import fc from 'fast-check';
import { createHmac } from 'node:crypto';
import ImageKit from '@imagekit/nodejs';
import { getAuthenticationParameters } from '../../src/signing/upload-auth.js';
import { setHmacFastPath } from '../../src/signing/hmac.js';
import { ImageKitError } from '../../src/errors.js';
import * as server from '../../src/server.js';

const sha1 = (key: string, message: string) => createHmac('sha1', key).update(message).digest('hex');
const NOW = Date.UTC(2025, 0, 1) / 1000;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(NOW * 1000 + 400);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  setHmacFastPath(true);
});

describe('getAuthenticationParameters', () => {
  it('is exported from the server entry', () => {
    expect(server.getAuthenticationParameters).toBe(getAuthenticationParameters);
  });

  it.each([true, false])('gives the documented vector e71bcd60… (fast path %s)', async (fast) => {
    setHmacFastPath(fast);
    vi.setSystemTime((1582269249 - 600) * 1000);
    expect(await getAuthenticationParameters({ privateKey: 'private_key_test', token: 'your_token', expire: 1582269249 })).toEqual({
      token: 'your_token',
      expire: 1582269249,
      signature: 'e71bcd6031016b060d349d212e23e85c791decdd',
    });
  });

  it('defaults to a random UUID token and now + 1800', async () => {
    const first = await getAuthenticationParameters({ privateKey: 'private_key_test' });
    const second = await getAuthenticationParameters({ privateKey: 'private_key_test' });
    expect(first.token).toMatch(/^[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/);
    expect(second.token).not.toBe(first.token);
    expect(first.expire).toBe(NOW + 1800);
    expect(first.signature).toBe(sha1('private_key_test', `${first.token}${NOW + 1800}`));
  });

  it('treats an empty token like no token (UUID), as the official SDKs do', async () => {
    expect((await getAuthenticationParameters({ privateKey: 'k', token: '' })).token).toMatch(/^[\da-f-]{36}$/);
  });

  it('agrees with @imagekit/nodejs for any token and valid expire', async () => {
    const official = new ImageKit({ privateKey: 'private_key_test' });
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 3600 }), async (token, ahead) => {
        const expire = NOW + ahead;
        const theirs = official.helper.getAuthenticationParameters(token, expire);
        expect(await getAuthenticationParameters({ privateKey: 'private_key_test', token, expire })).toEqual(theirs);
      }),
      { numRuns: 200 },
    );
  });

  describe('validation', () => {
    it.each([
      ['in the past', NOW - 1, RangeError, /in the past/],
      ['now', NOW, RangeError, /in the past/],
      ['more than 3600 s ahead', NOW + 3601, RangeError, /3600/],
      ['a duration (1800)', 1800, RangeError, /not a duration/],
      ['zero', 0, RangeError, /not a duration/],
      ['negative', -5, RangeError, /not a duration/],
      ['milliseconds', (NOW + 60) * 1000, RangeError, /not milliseconds/],
      ['fractional', NOW + 60.5, RangeError, /whole number/],
      ['NaN', NaN, RangeError, /whole number/],
      ['a string', String(NOW + 60), TypeError, /`expire` must be a number/],
    ])('expire %s is rejected', async (_label, expire, type, pattern) => {
      const call = getAuthenticationParameters({ privateKey: 'k', expire: expire as number });
      await expect(call).rejects.toThrow(type);
      await expect(getAuthenticationParameters({ privateKey: 'k', expire: expire as number })).rejects.toThrow(pattern);
    });

    it.each([
      ['exactly 3600 s ahead', NOW + 3600],
      ['1 s ahead', NOW + 1],
    ])('expire %s is accepted', async (_label, expire) => {
      expect((await getAuthenticationParameters({ privateKey: 'k', expire })).expire).toBe(expire);
    });

    it.each([[undefined], [''], [42], [null]])('privateKey %j is a TypeError', async (privateKey) => {
      await expect(getAuthenticationParameters({ privateKey } as never)).rejects.toThrow(TypeError);
      await expect(getAuthenticationParameters({ privateKey } as never)).rejects.toThrow(/`privateKey`/);
    });

    it('missing options and a non-string token are TypeErrors', async () => {
      await expect(getAuthenticationParameters(undefined as never)).rejects.toThrow(TypeError);
      await expect(getAuthenticationParameters({ privateKey: 'k', token: 5 as never })).rejects.toThrow(/`token`/);
    });

    it('error messages never contain the private key', async () => {
      const error = (await getAuthenticationParameters({ privateKey: 'private_SECRET', expire: 5 }).catch((e) => e)) as Error;
      expect(error.message).not.toContain('private_SECRET');
    });
  });

  it('throws a clear ImageKitError when randomUUID is missing and no token is given', async () => {
    vi.stubGlobal('crypto', { subtle: globalThis.crypto.subtle });
    await expect(getAuthenticationParameters({ privateKey: 'k' })).rejects.toThrow(ImageKitError);
    await expect(getAuthenticationParameters({ privateKey: 'k' })).rejects.toThrow(/randomUUID/);
    expect((await getAuthenticationParameters({ privateKey: 'k', token: 't' })).token).toBe('t');
  });
});
