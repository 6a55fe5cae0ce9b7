import { afterEach, beforeEach, describe, it, expect, vi } from 'vitest';
import fc from 'fast-check';
import { createHmac } from 'node:crypto';
import { createUploadToken } from '../../src/signing/upload-jwt.js';
import * as server from '../../src/server.js';

const NOW = Date.UTC(2025, 2, 3, 4, 5, 6) / 1000;
/** `exp` is `iat + expireSeconds`, shortened by up to 59 s so that same-second tokens differ. */
const expiry = (seconds: number): unknown =>
  expect.toSatisfy((exp: unknown) => Number.isInteger(exp) && (exp as number) <= NOW + seconds && (exp as number) >= NOW + Math.max(1, seconds - 59));

/** Independent JWT check with node:crypto and Buffer: returns header and payload if the HS256 signature is right. */
function verifyJwt(token: string, key: string): { header: Record<string, unknown>; payload: Record<string, unknown> } {
  const parts = token.split('.');
  expect(parts).toHaveLength(3);
  for (const part of parts) expect(part).toMatch(/^[\w-]+$/);
  const [h, p, s] = parts as [string, string, string];
  const expected = createHmac('sha256', key).update(`${h}.${p}`).digest('base64url');
  expect(s).toBe(expected);
  return {
    header: JSON.parse(Buffer.from(h, 'base64url').toString('utf8')),
    payload: JSON.parse(Buffer.from(p, 'base64url').toString('utf8')),
  };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(NOW * 1000 + 999);
});
afterEach(() => vi.useRealTimers());

describe('createUploadToken', () => {
  it('is exported from the server entry', () => {
    expect(server.createUploadToken).toBe(createUploadToken);
  });

  it('creates an HS256 JWT with kid = public key and the serialized fields + iat/exp', async () => {
    const token = await createUploadToken({
      privateKey: 'private_key_test',
      publicKey: 'public_key_test',
      fields: {
        file: new Uint8Array([1, 2, 3]),
        fileName: 'avatar é.png',
        folder: '/users/42',
        tags: ['a', 'b c'],
        responseFields: ['tags', 'customCoordinates'],
        useUniqueFileName: false,
        isPrivateFile: true,
        extensions: [{ name: 'google-auto-tagging', maxTags: 5, minConfidence: 95 }],
        customMetadata: { brand: 'Nike', price: 10 },
        transformation: { pre: 'w-100', post: [{ type: 'thumbnail', value: 'w-50' }] },
        description: undefined,
        checks: null,
        onProgress: () => {},
        signal: new AbortController().signal,
        token: 'ignored',
      },
    });
    const { header, payload } = verifyJwt(token, 'private_key_test');
    expect(header).toEqual({ alg: 'HS256', typ: 'JWT', kid: 'public_key_test' });
    expect(payload).toEqual({
      fileName: 'avatar é.png',
      folder: '/users/42',
      tags: 'a,b c',
      responseFields: 'tags,customCoordinates',
      useUniqueFileName: 'false',
      isPrivateFile: 'true',
      extensions: '[{"name":"google-auto-tagging","maxTags":5,"minConfidence":95}]',
      customMetadata: '{"brand":"Nike","price":10}',
      transformation: '{"pre":"w-100","post":[{"type":"thumbnail","value":"w-50"}]}',
      iat: NOW,
      exp: expiry(1800),
    });
  });

  it('gives a different, valid token on every call for the same fields in the same second (ImageKit accepts a JWT once)', async () => {
    const tokens = [];
    for (let i = 0; i < 40; i++) {
      tokens.push(await createUploadToken({ privateKey: 'k', publicKey: 'p', fields: { fileName: 'avatar.png', folder: '/a' } }));
    }
    expect(new Set(tokens).size).toBe(40);
    for (const token of tokens) {
      expect(verifyJwt(token, 'k').payload).toEqual({ fileName: 'avatar.png', folder: '/a', iat: NOW, exp: expiry(1800) });
    }
  });

  it('keeps exp - iat >= 1 for the shortest lifetime', async () => {
    const token = await createUploadToken({ privateKey: 'k', publicKey: 'p', fields: {}, expireSeconds: 1 });
    expect(verifyJwt(token, 'k').payload).toEqual({ iat: NOW, exp: NOW + 1 });
  });

  it('accepts already-serialized [name, value] pairs, leaving out `file` and `token` (never signed)', async () => {
    const token = await createUploadToken({
      privateKey: 'k',
      publicKey: 'p',
      fields: [
        ['fileName', 'a.png'],
        ['tags', 'x,y'],
        ['file', 'aGVsbG8='],
        ['token', 'x'],
      ],
      expireSeconds: 3600,
    });
    expect(verifyJwt(token, 'k').payload).toEqual({ fileName: 'a.png', tags: 'x,y', iat: NOW, exp: expiry(3600) });
  });

  it('signs [name, value] pairs as given: any field names and unicode values, verifiably', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.string({ minLength: 1 }).filter((k) => !['iat', 'exp', 'file', 'token'].includes(k)),
          fc.string({ unit: 'grapheme' }),
        ),
        fc.string({ unit: 'grapheme', minLength: 1 }),
        async (fields, privateKey) => {
          const token = await createUploadToken({ privateKey, publicKey: 'public_x', fields: Object.entries(fields) });
          const { payload } = verifyJwt(token, privateKey);
          expect(payload).toEqual({ ...fields, iat: NOW, exp: expiry(1800) });
        },
      ),
      { numRuns: 150 },
    );
  });

  it.each([
    [{ privateKey: '', publicKey: 'p', fields: {} }, TypeError, /`privateKey`/],
    [{ privateKey: 'k', publicKey: undefined, fields: {} }, TypeError, /`publicKey`/],
    [{ privateKey: 'k', publicKey: 'p', fields: 'x' }, TypeError, /`fields`/],
    [{ privateKey: 'k', publicKey: 'p', fields: { iat: 1 } }, TypeError, /`fields.iat`/],
    [{ privateKey: 'k', publicKey: 'p', fields: {}, expireSeconds: 3601 }, RangeError, /`expireSeconds`/],
    [{ privateKey: 'k', publicKey: 'p', fields: {}, expireSeconds: 0 }, RangeError, /`expireSeconds`/],
    [{ privateKey: 'k', publicKey: 'p', fields: {}, expireSeconds: 0 }, RangeError, /`expireSeconds`/],
    [{ privateKey: 'k', publicKey: 'p', fields: {}, expireSeconds: -1 }, RangeError, /`expireSeconds`/],
    [{ privateKey: 'k', publicKey: 'p', fields: [['exp', '1']] }, TypeError, /`fields.exp` is reserved/],
    // The object form takes what upload() takes, checked by the same code (one message per mistake).
    [
      { privateKey: 'k', publicKey: 'p', fields: { folde: '/a' } },
      TypeError,
      /^`folde` is not an option of createUploadToken `fields`; did you mean `folder`\?$/,
    ],
    [{ privateKey: 'k', publicKey: 'p', fields: { width: 5 } }, TypeError, /`width` is not an option/],
    [{ privateKey: 'k', publicKey: 'p', fields: { publicKey: 'p' } }, TypeError, /`publicKey` is not an option/],
    [{ privateKey: 'k', publicKey: 'p', fields: { folder: 42 } }, TypeError, /^The `fields.folder` option must be a string$/],
    [{ privateKey: 'k', publicKey: 'p', fields: { isPrivateFile: 'true' } }, TypeError, /^The `fields.isPrivateFile` option must be a boolean$/],
    [{ privateKey: 'k', publicKey: 'p', fields: { tags: ['50%'] } }, TypeError, /^The `fields.tags` option must be .*`%`$/],
    [{ privateKey: 'k', publicKey: 'p', fields: { transformation: { pre: '' } } }, TypeError, /^The `fields.transformation.pre` option/],
    [{ privateKey: 'k', publicKey: 'p', fields: { folder: () => '/a' } }, TypeError, /`fields.folder`/],
    [{ privateKey: 'k', publicKey: 'p', fields: [['width', 5]] }, TypeError, /pairs of strings/],
    [{ privateKey: 'k', publicKey: 'p', fields: [['a', 'b', 'c']] }, TypeError, /pairs of strings/],
    [{ privateKey: 'k', publicKey: 'p', fields: ['ab'] }, TypeError, /pairs of strings/],
  ])('rejects %j', async (options, type, pattern) => {
    await expect(createUploadToken(options as never)).rejects.toThrow(type);
    await expect(createUploadToken(options as never)).rejects.toThrow(pattern);
  });
});
