// `expireSeconds` is a finite number above 0 and at most ten years (315,360,000 s),
// everywhere it is accepted. A non-positive value used to sign a URL that never expires,
// and 1e12 gave a 13-digit `ik-t`.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ImageKit } from '../../src/client/imagekit.js';
import { signResponsiveImageAttributes, signUrl, signUrls } from '../../src/signing/sign-url.js';
import { createUploadToken } from '../../src/signing/upload-jwt.js';

const privateKey = 'private_expiry_test';
const urlEndpoint = 'https://ik.imagekit.io/demo';
const url = `${urlEndpoint}/a.jpg`;
const tenYears = 315_360_000;

/** Every place that accepts a URL-signing `expireSeconds`, each returning one signed URL. */
const entryPoints: Array<[string, (expireSeconds: number) => Promise<string>]> = [
  ['signUrl', (expireSeconds) => signUrl(url, { privateKey, urlEndpoint, expireSeconds })],
  ['signUrls', async (expireSeconds) => (await signUrls([url], { privateKey, urlEndpoint, expireSeconds }))[0]!],
  [
    'signResponsiveImageAttributes',
    async (expireSeconds) => (await signResponsiveImageAttributes({ src: url, srcSet: `${url} 1x` }, { privateKey, urlEndpoint, expireSeconds })).src,
  ],
  ['ImageKit#url', (expireSeconds) => new ImageKit({ privateKey, urlEndpoint }).url({ path: '/a.jpg', expireSeconds })],
  [
    'ImageKit#url with signed: true',
    (expireSeconds) => new ImageKit({ privateKey, urlEndpoint }).url({ path: '/a.jpg', signed: true, expireSeconds }),
  ],
];

describe.each(entryPoints)('%s: expireSeconds', (_name, sign) => {
  it.each([-1, 0, -5, -0.5, NaN, Infinity, -Infinity, 1e12, tenYears + 1])('%s is a RangeError naming `expireSeconds`', async (value) => {
    let promise: Promise<string> | undefined;
    expect(() => (promise = sign(value))).not.toThrow();
    await expect(promise).rejects.toThrow(RangeError);
    await expect(promise).rejects.toThrow(/`expireSeconds`/);
  });

  it('a fraction above 0 is accepted and never expires at once: 0.5 gives ik-t = now + 1', async () => {
    const before = Math.floor(Date.now() / 1000);
    const ikT = Number(new URL(await sign(0.5)).searchParams.get('ik-t'));
    const after = Math.floor(Date.now() / 1000);
    expect(ikT).toBeGreaterThanOrEqual(before + 1);
    expect(ikT).toBeLessThanOrEqual(after + 1);
  });

  it('ten years is accepted: ik-t is a 10-digit integer, signed as node:crypto signs it', async () => {
    const before = Math.floor(Date.now() / 1000);
    const signed = new URL(await sign(tenYears));
    const ikT = signed.searchParams.get('ik-t')!;
    expect(ikT).toMatch(/^\d{10}$/);
    expect(Number(ikT) - before - tenYears).toBeGreaterThanOrEqual(0);
    expect(Number(ikT) - before - tenYears).toBeLessThanOrEqual(1);
    expect(signed.searchParams.get('ik-s')).toBe(createHmac('sha1', privateKey).update(`a.jpg${ikT}`).digest('hex'));
  });

  it('a string is a TypeError', async () => {
    await expect(sign('600' as never)).rejects.toThrow(TypeError);
  });
});

describe('createUploadToken: the same check with the upload API cap of 3600', () => {
  it.each([-1, 0, NaN, Infinity, 3601, tenYears])('%s is a RangeError naming `expireSeconds`', async (expireSeconds) => {
    await expect(createUploadToken({ privateKey, publicKey: 'p', fields: {}, expireSeconds })).rejects.toThrow(/`expireSeconds`/);
    await expect(createUploadToken({ privateKey, publicKey: 'p', fields: {}, expireSeconds })).rejects.toThrow(RangeError);
  });
});
