import { afterEach, beforeEach, describe, it, expect, vi } from 'vitest';
import fc from 'fast-check';
import { createHmac } from 'node:crypto';
import ImageKit from '@imagekit/nodejs';
import { signUrl, signUrls, signResponsiveImageAttributes } from '../../src/signing/sign-url.js';
import { setHmacFastPath } from '../../src/signing/hmac.js';
import * as server from '../../src/server.js';

const sha1 = (key: string, message: string) => createHmac('sha1', key).update(message).digest('hex');
const official = new ImageKit({ privateKey: 'private_key_test' });

/** Runs a test body once with the Node fast path and once with Web Crypto only. */
const bothPaths = (name: string, body: () => Promise<void>) => {
  it(`${name} (Node fast path)`, body);
  it(`${name} (Web Crypto path)`, async () => {
    setHmacFastPath(false);
    try {
      await body();
    } finally {
      setHmacFastPath(true);
    }
  });
};

afterEach(() => {
  vi.useRealTimers();
});

describe('signUrl', () => {
  it('is exported from the server entry', () => {
    expect(server.signUrl).toBe(signUrl);
    expect(server.signUrls).toBe(signUrls);
    expect(server.signResponsiveImageAttributes).toBe(signResponsiveImageAttributes);
  });

  describe('known-answer vectors (docs/url-and-signing-rules.md)', () => {
    bothPaths('signs tr:w-100/test-signed-url.png with no expiry → 41b3075c…', async () => {
      for (const urlEndpoint of ['https://ik.imagekit.io/test_url_endpoint', 'https://ik.imagekit.io/test_url_endpoint/']) {
        const url = 'https://ik.imagekit.io/test_url_endpoint/tr:w-100/test-signed-url.png';
        expect(await signUrl(url, { privateKey: 'private_key_test', urlEndpoint })).toBe(`${url}?ik-s=41b3075c40bc84147eb71b8b49ae7fbf349d0f00`);
      }
    });

    bothPaths('signs with expiry 100 → ik-t=100 and 5e5037a3…', async () => {
      vi.useFakeTimers();
      vi.setSystemTime(0);
      const url = 'https://ik.imagekit.io/test_url_endpoint/tr:w-100/test-signed-url.png';
      expect(
        await signUrl(url, { privateKey: 'private_key_test', urlEndpoint: 'https://ik.imagekit.io/test_url_endpoint', expireSeconds: 100 }),
      ).toBe(`${url}?ik-t=100&ik-s=5e5037a31a7121cbe2964e220b4338cc6e1ba66d`);
    });

    bothPaths('matches the Node v7 vectors 32dbbbfc… and 601d97a7… (query parameters signed too)', async () => {
      const options = { privateKey: 'dummy-key', urlEndpoint: 'https://ik.imagekit.io/demo/' };
      expect(await signUrl('https://ik.imagekit.io/demo/sdk-testing-files/future-search.png', options)).toMatch(/\?ik-s=32dbbbfc[\da-f]{32}$/);
      expect(await signUrl('https://ik.imagekit.io/demo/sdk-testing-files/future-search.png?version=2.0&tr=w-300,h-200', options)).toMatch(
        /\?version=2\.0&tr=w-300,h-200&ik-s=601d97a7[\da-f]{32}$/,
      );
    });
  });

  bothPaths('signs exactly the URL minus the endpoint prefix plus 9999999999, for any path (node:crypto oracle)', async () => {
    // Dot segments (`.`, `..`, also before `?`/`#`) are resolved before signing: tested on their own below.
    const segment = fc
      .string({
        unit: fc.constantFrom(..."abcXYZ019-_.~é漢😀 #?+'%&=,:;@!$()*".split('')),
        minLength: 1,
        maxLength: 20,
      })
      .filter((text) => !/^(?:\.|%2e){1,2}(?:[?#]|$)/i.test(text));
    await fc.assert(
      fc.asyncProperty(
        fc.array(segment, { minLength: 1, maxLength: 4 }),
        fc.constantFrom('https://ik.imagekit.io/demo', 'https://ik.imagekit.io/demo/', 'http://cdn.example.com', 'http://cdn.example.com/a/b/'),
        fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }),
        async (segments, urlEndpoint, privateKey) => {
          const rest = segments.join('/');
          const base = urlEndpoint.replace(/\/+$/, '');
          const url = `${base}/${rest}`;
          // What a client requests (WHATWG URL) is what is signed and returned; the
          // fragment is never sent, so it is not signed and stays last.
          const href = new URL(url).href;
          const hash = href.indexOf('#');
          const [requested, fragment] = hash === -1 ? [href, ''] : [href.slice(0, hash), href.slice(hash)];
          const prefix = `${new URL(base).href.replace(/\/+$/, '')}/`;
          expect(requested.startsWith(prefix)).toBe(true);
          fc.pre(requested.length > prefix.length); // a fragment right after the endpoint leaves no file path
          const signed = await signUrl(url, { privateKey, urlEndpoint });
          const query = requested.indexOf('?');
          const separator = query === -1 ? '?' : query === requested.length - 1 || requested.endsWith('&') ? '' : '&';
          const toSign = `${requested.slice(prefix.length)}9999999999`;
          expect(signed).toBe(`${requested}${separator}ik-s=${sha1(privateKey, toSign)}${fragment}`);
          expect(new URL(signed).searchParams.get('ik-s')).toBe(sha1(privateKey, toSign));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('agrees with @imagekit/nodejs buildSrc (signed) on the URLs it builds', async () => {
    const pathArb = fc.array(fc.string({ unit: fc.constantFrom(...'abcXYZ019-_.é漢 '.split('')), minLength: 1, maxLength: 12 }), {
      minLength: 1,
      maxLength: 3,
    });
    await fc.assert(
      fc.asyncProperty(pathArb, fc.integer({ min: 1, max: 2000 }), fc.boolean(), async (segments, width, query) => {
        const base = {
          src: `/${segments.join('/')}`,
          urlEndpoint: 'https://ik.imagekit.io/demo',
          transformation: [{ width }],
          transformationPosition: query ? ('query' as const) : ('path' as const),
          queryParameters: { v: '2' },
        };
        const unsigned = official.helper.buildSrc(base);
        const ours = signUrl(unsigned, { privateKey: 'private_key_test', urlEndpoint: base.urlEndpoint });
        // A leading ".." segment makes the official URL leave the endpoint (URL resolves it):
        // docs/url-and-signing-rules.md rule 8 makes that a TypeError here, while Node v7 signs it anyway.
        if (!unsigned.startsWith(`${base.urlEndpoint}/`)) await expect(ours).rejects.toThrow(TypeError);
        else expect(await ours).toBe(official.helper.buildSrc({ ...base, signed: true }));
      }),
      { numRuns: 200 },
    );
  });

  it.each(['x/../a.jpg', './a.jpg', 'x/./y/../a b.jpg', 'x/%2e%2E/a.jpg', 'x/.%2e/a.jpg', 'x/y/..'])(
    'signs the path a client will request for dot segments (%s), as @imagekit/nodejs does',
    async (path) => {
      const urlEndpoint = 'https://ik.imagekit.io/demo';
      const built = `${urlEndpoint}/${path}`;
      const signed = await signUrl(built, { privateKey: 'private_key_test', urlEndpoint });
      const requested = new URL(built).href;
      // node:crypto oracle over the resolved path; and the official SDK's signed URL.
      expect(signed).toBe(`${requested}?ik-s=${sha1('private_key_test', `${requested.slice(urlEndpoint.length + 1)}9999999999`)}`);
      expect(signed).toBe(official.helper.buildSrc({ src: `/${path}`, urlEndpoint, signed: true }));
      expect((await signUrls([built], { privateKey: 'private_key_test', urlEndpoint }))[0]).toBe(signed);
    },
  );

  it('rejects a URL whose ".." segments leave urlEndpoint (the request would be for another path)', async () => {
    const urlEndpoint = 'https://ik.imagekit.io/demo';
    for (const url of [`${urlEndpoint}/../a.jpg`, `${urlEndpoint}/x/../../other/a.jpg`, `${urlEndpoint}/%2E%2E/a.jpg`]) {
      await expect(signUrl(url, { privateKey: 'k', urlEndpoint })).rejects.toThrow(/under `urlEndpoint`/);
    }
  });

  it('agrees with @imagekit/nodejs on expiring URLs at a frozen time', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2025-01-01T00:00:00.750Z'));
    const base = { src: '/photo.jpg', urlEndpoint: 'https://ik.imagekit.io/demo', transformation: [{ height: 300 }] };
    for (const expiresIn of [1, 10.9, 600, 3600]) {
      const theirs = official.helper.buildSrc({ ...base, signed: true, expiresIn });
      const ours = await signUrl(official.helper.buildSrc(base), {
        privateKey: 'private_key_test',
        urlEndpoint: base.urlEndpoint,
        expireSeconds: expiresIn,
      });
      expect(ours).toBe(theirs);
    }
  });

  describe('expiry', () => {
    beforeEach(() => {
      vi.useFakeTimers();
      vi.setSystemTime(new Date('2025-01-01T00:00:00.999Z'));
    });
    const now = Date.UTC(2025, 0, 1) / 1000;
    const url = 'https://ik.imagekit.io/demo/a.jpg';
    const options = { privateKey: 'k', urlEndpoint: 'https://ik.imagekit.io/demo' };

    it.each([
      [600, now + 600],
      [10.9, now + 10],
      [1, now + 1],
      [0.5, now + 1],
      [0.001, now + 1],
    ])('expireSeconds %s → ik-t = floor(now) + max(1, trunc(expireSeconds))', async (expireSeconds, ikT) => {
      expect(await signUrl(url, { ...options, expireSeconds })).toBe(`${url}?ik-t=${ikT}&ik-s=${sha1('k', `a.jpg${ikT}`)}`);
    });

    it('expireSeconds undefined → never expires (9999999999 signed, no ik-t)', async () => {
      const expireSeconds = undefined;
      expect(await signUrl(url, { ...options, expireSeconds })).toBe(`${url}?ik-s=${sha1('k', 'a.jpg9999999999')}`);
    });

    it.each([NaN, Infinity, 0, -0.5, 315_360_001])('expireSeconds %s is a RangeError', async (expireSeconds) => {
      await expect(signUrl(url, { ...options, expireSeconds })).rejects.toThrow(RangeError);
      await expect(signUrl(url, { ...options, expireSeconds })).rejects.toThrow(/`expireSeconds`/);
    });

    it('a non-number expireSeconds is a TypeError', async () => {
      await expect(signUrl(url, { ...options, expireSeconds: '600' as never })).rejects.toThrow(TypeError);
    });
  });

  describe('placement of ik-t and ik-s', () => {
    const options = { privateKey: 'k', urlEndpoint: 'https://ik.imagekit.io/demo' };
    it('appends with & after an existing query, last of all', async () => {
      const url = 'https://ik.imagekit.io/demo/a.jpg?v=1&tr=w-100';
      expect(await signUrl(url, options)).toBe(`${url}&ik-s=${sha1('k', 'a.jpg?v=1&tr=w-1009999999999')}`);
    });
    it('does not double a trailing ? or &', async () => {
      expect(await signUrl('https://ik.imagekit.io/demo/a.jpg?', options)).toMatch(/a\.jpg\?ik-s=[\da-f]{40}$/);
      expect(await signUrl('https://ik.imagekit.io/demo/a.jpg?v=1&', options)).toMatch(/v=1&ik-s=[\da-f]{40}$/);
    });
  });

  describe('caller mistakes', () => {
    const options = { privateKey: 'k', urlEndpoint: 'https://ik.imagekit.io/demo' };
    it.each([
      ['https://other.example.com/demo/a.jpg'],
      ['https://ik.imagekit.io/demo2/a.jpg'],
      ['https://ik.imagekit.io/a.jpg'],
      ['https://ik.imagekit.io/demo'],
      ['https://ik.imagekit.io/demo/'],
      ['/demo/a.jpg'],
    ])('a URL not under the endpoint (%s) is a TypeError', async (url) => {
      await expect(signUrl(url, options)).rejects.toThrow(TypeError);
      await expect(signUrl(url, options)).rejects.toThrow(/not under|under `urlEndpoint`/);
    });

    it('an already signed URL is a TypeError', async () => {
      const signed = await signUrl('https://ik.imagekit.io/demo/a.jpg', options);
      await expect(signUrl(signed, options)).rejects.toThrow(/already signed/);
    });

    it.each([
      [{ privateKey: '', urlEndpoint: 'https://ik.imagekit.io/demo' }, /`privateKey`/],
      [{ privateKey: undefined, urlEndpoint: 'https://ik.imagekit.io/demo' }, /`privateKey`/],
      [{ privateKey: 'k', urlEndpoint: undefined }, /`urlEndpoint`/],
      [{ privateKey: 'k', urlEndpoint: 'ik.imagekit.io/demo' }, /`urlEndpoint`/],
      [{ privateKey: 'k', urlEndpoint: 'https://' }, /`urlEndpoint`/],
      [{ privateKey: 'k', urlEndpoint: 'ftp://ik.imagekit.io/demo' }, /`urlEndpoint`/],
    ])('invalid options %j are a TypeError naming the option', async (bad, pattern) => {
      await expect(signUrl('https://ik.imagekit.io/demo/a.jpg', bad as never)).rejects.toThrow(TypeError);
      await expect(signUrl('https://ik.imagekit.io/demo/a.jpg', bad as never)).rejects.toThrow(pattern);
    });

    it('never puts the private key or a signature in an error message', async () => {
      const privateKey = 'private_SECRET_123';
      for (const call of [
        () => signUrl('https://elsewhere.example.com/a.jpg', { privateKey, urlEndpoint: 'https://ik.imagekit.io/demo' }),
        () => signUrl('https://ik.imagekit.io/demo/a.jpg', { privateKey, urlEndpoint: 'nope' }),
        () => signUrl('https://ik.imagekit.io/demo/a.jpg', { privateKey, urlEndpoint: 'https://ik.imagekit.io/demo', expireSeconds: NaN }),
      ]) {
        const error = (await call().catch((e: unknown) => e)) as Error;
        expect(error).toBeInstanceOf(Error);
        expect(error.message).not.toContain(privateKey);
        expect(JSON.stringify(error)).not.toContain(privateKey);
      }
    });
  });
});

describe('signUrl returns the URL a client requests', () => {
  const urlEndpoint = 'https://ik.imagekit.io/demo';
  const options = { privateKey: 'k', urlEndpoint };
  it('a backslash is read as "/" (as every client reads it), so a "..\\" that leaves the endpoint is refused', async () => {
    await expect(signUrl(`${urlEndpoint}/x\\..\\..\\other/secret.jpg`, options)).rejects.toThrow(/under `urlEndpoint`/);
    const signed = await signUrl(`${urlEndpoint}/x\\..\\a.jpg`, options);
    expect(signed).toBe(`${urlEndpoint}/a.jpg?ik-s=${sha1('k', 'a.jpg9999999999')}`);
  });

  it('a space is signed and returned percent-encoded, as it is requested', async () => {
    const signed = await signUrl(`${urlEndpoint}/a b.jpg`, options);
    expect(signed).toBe(new URL(signed).href);
    expect(signed).toBe(`${urlEndpoint}/a%20b.jpg?ik-s=${sha1('k', 'a%20b.jpg9999999999')}`);
  });

  it('a #fragment is not signed and stays after ik-s, so ik-s is sent', async () => {
    const signed = await signUrl(`${urlEndpoint}/a.jpg?tr=w-5#top`, { ...options, expireSeconds: 60 });
    const parsed = new URL(signed);
    expect(parsed.hash).toBe('#top');
    const ikT = parsed.searchParams.get('ik-t');
    expect(parsed.searchParams.get('ik-s')).toBe(sha1('k', `a.jpg?tr=w-5${ikT}`));
    const [one] = await signUrls([`${urlEndpoint}/b.jpg#x`], options);
    expect(one).toBe(`${urlEndpoint}/b.jpg?ik-s=${sha1('k', 'b.jpg9999999999')}#x`);
  });

  it.each(['ik-t=5', 'IK-T=5', 'ik-s=abc', 'Ik-S=abc'])('a URL that already has %s is a TypeError', async (parameter) => {
    await expect(signUrl(`${urlEndpoint}/a.jpg?${parameter}`, options)).rejects.toThrow(/already signed/);
    await expect(signUrl(`${urlEndpoint}/a.jpg?v=1&${parameter}`, options)).rejects.toThrow(/already signed/);
  });

  it('a query ending in a literal "?" still gets a real ik-s parameter', async () => {
    const signed = await signUrl(`${urlEndpoint}/a.jpg??`, options);
    expect(signed).toBe(`${urlEndpoint}/a.jpg??&ik-s=${sha1('k', 'a.jpg??9999999999')}`);
    expect(new URL(signed).searchParams.get('ik-s')).toBe(sha1('k', 'a.jpg??9999999999'));
  });
});

describe('signUrls', () => {
  bothPaths('signs every URL like signUrl, in order, with one shared expiry', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2025-06-01T12:00:00Z'));
    const options = { privateKey: 'private_key_test', urlEndpoint: 'https://ik.imagekit.io/demo', expireSeconds: 300 };
    const urls = Array.from({ length: 25 }, (_, i) => `https://ik.imagekit.io/demo/tr:w-${100 + i}/img ${i}.jpg`);
    const batch = await signUrls(urls, options);
    expect(batch).toEqual(await Promise.all(urls.map((url) => signUrl(url, options))));
    const ikT = Date.UTC(2025, 5, 1, 12) / 1000 + 300;
    batch.forEach((signed, i) => {
      // The space is requested as %20 (WHATWG URL), so that is the form signed and returned.
      const requested = `https://ik.imagekit.io/demo/tr:w-${100 + i}/img%20${i}.jpg`;
      expect(signed).toBe(`${requested}?ik-t=${ikT}&ik-s=${sha1('private_key_test', `tr:w-${100 + i}/img%20${i}.jpg${ikT}`)}`);
    });
  });

  it('returns [] for no URLs and rejects a non-array', async () => {
    const options = { privateKey: 'k', urlEndpoint: 'https://ik.imagekit.io/demo' };
    expect(await signUrls([], options)).toEqual([]);
    await expect(signUrls('https://ik.imagekit.io/demo/a.jpg' as never, options)).rejects.toThrow(TypeError);
  });

  it('signs nothing when one URL is not under the endpoint', async () => {
    const options = { privateKey: 'k', urlEndpoint: 'https://ik.imagekit.io/demo' };
    await expect(signUrls(['https://ik.imagekit.io/demo/a.jpg', 'https://x.example.com/b.jpg'], options)).rejects.toThrow(TypeError);
  });
});

describe('signResponsiveImageAttributes', () => {
  const options = { privateKey: 'k', urlEndpoint: 'https://ik.imagekit.io/demo' };
  const sign = (url: string) =>
    `${url}${url.includes('?') ? '&' : '?'}ik-s=${sha1('k', `${url.slice('https://ik.imagekit.io/demo/'.length)}9999999999`)}`;

  it('signs src and every width candidate of srcSet (URLs with commas included)', async () => {
    const a = 'https://ik.imagekit.io/demo/photo.jpg?tr=w-640,q-80';
    const b = 'https://ik.imagekit.io/demo/tr:w-750,h-200/photo.jpg';
    const attrs = { src: b, srcSet: `${a} 640w, ${b} 750w`, sizes: '100vw', width: 640 };
    expect(await signResponsiveImageAttributes(attrs, options)).toEqual({
      src: sign(b),
      srcSet: `${sign(a)} 640w, ${sign(b)} 750w`,
      sizes: '100vw',
      width: 640,
    });
  });

  it('signs density candidates and a candidate without descriptor', async () => {
    const a = 'https://ik.imagekit.io/demo/p.jpg?tr=w-100';
    const b = 'https://ik.imagekit.io/demo/p.jpg?tr=w-200';
    const result = await signResponsiveImageAttributes({ src: a, srcSet: `${a} 1x,${b} 2x` }, options);
    expect(result.srcSet).toBe(`${sign(a)} 1x, ${sign(b)} 2x`);
    const bare = await signResponsiveImageAttributes({ src: a, srcSet: `${a}, ${b} 2x` }, options);
    expect(bare.srcSet).toBe(`${sign(a)}, ${sign(b)} 2x`);
  });

  it('leaves attributes without srcSet alone apart from src', async () => {
    const src = 'https://ik.imagekit.io/demo/p.jpg';
    expect(await signResponsiveImageAttributes({ src }, options)).toEqual({ src: sign(src) });
  });
});
