import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createHmac } from 'node:crypto';
import { buildUrl } from '../../src/url/build-url.js';
import { signUrl } from '../../src/signing/sign-url.js';

const sha1 = (key: string, message: string) => createHmac('sha1', key).update(message).digest('hex');

/** The endpoint's normal form, computed independently with the WHATWG parser. */
function normalPrefix(endpoint: string): string {
  const url = new URL(endpoint);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}/`;
}

describe('signUrl(buildUrl(...))', () => {
  it.each([
    'https://ik.imagekit.io/demo',
    'https://ik.imagekit.io/demo/',
    'https://ik.imagekit.io/demo?x=1',
    'https://IK.ImageKit.io/demo/',
    'https://ik.imagekit.io:443/demo',
    'http://localhost:8080/files',
    'https://media.example.com',
  ])('signs the exact built URL minus the normal form of %s', async (urlEndpoint) => {
    const url = buildUrl({ urlEndpoint, path: '/dir/p q é.jpg', transformation: [{ width: 300, height: 200 }] });
    const rest = url.slice(normalPrefix(urlEndpoint).length);
    expect(url.startsWith(normalPrefix(urlEndpoint))).toBe(true);
    const separator = url.includes('?') ? '&' : '?';
    expect(await signUrl(url, { privateKey: 'private_key_test', urlEndpoint })).toBe(
      `${url}${separator}ik-s=${sha1('private_key_test', `${rest}9999999999`)}`,
    );
  });

  it('gives the same signature with and without a trailing slash on the endpoint, for any path', async () => {
    // Without `.`/`..` segments, which signUrl resolves first (tests/signing/sign-url.test.ts).
    const segment = fc
      .string({ unit: fc.constantFrom(..."ab09-_.é漢😀 #?+'%&=,:".split('')), minLength: 1, maxLength: 12 })
      .filter((text) => !/^\.{1,2}$/.test(text));
    await fc.assert(
      fc.asyncProperty(fc.array(segment, { minLength: 1, maxLength: 3 }), fc.boolean(), async (segments, query) => {
        const options = {
          path: `/${segments.join('/')}`,
          transformation: [{ width: 120 }],
          transformationPosition: query ? ('query' as const) : ('path' as const),
          queryParameters: { v: 'a b' },
        };
        const a = buildUrl({ urlEndpoint: 'https://ik.imagekit.io/demo', ...options });
        const b = buildUrl({ urlEndpoint: 'https://ik.imagekit.io/demo/', ...options });
        expect(a).toBe(b);
        const signedA = await signUrl(a, { privateKey: 'k', urlEndpoint: 'https://ik.imagekit.io/demo' });
        const signedB = await signUrl(b, { privateKey: 'k', urlEndpoint: 'https://ik.imagekit.io/demo/' });
        expect(signedA).toBe(signedB);
        expect(signedA).toBe(`${a}${a.includes('?') ? '&' : '?'}ik-s=${sha1('k', `${a.slice('https://ik.imagekit.io/demo/'.length)}9999999999`)}`);
        // ik-s is the last parameter and the result is still a valid URL.
        expect(new URL(signedA).searchParams.get('ik-s')).toMatch(/^[\da-f]{40}$/);
        expect([...new URL(signedA).searchParams.keys()].at(-1)).toBe('ik-s');
      }),
      { numRuns: 200 },
    );
  });
});
