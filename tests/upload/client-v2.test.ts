// The root `upload()` with a v2 upload JWT (`uploadToken`, or `{ uploadToken }` from an
// `authenticator`), against the emulator, which verifies v2 JWTs the way
// docs/imagekit-api-notes.md ("v2 upload JWT") describes them (HS256, kid = public key, payload = the form
// fields except `file` and `token`, single use). JWTs come from `createUploadToken` and,
// as an independent oracle, from node:crypto directly.
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { upload } from '../../src/upload/client-upload.js';
import { upload as browserUpload } from '../../src/upload/client-upload-browser.js';
import { createUploadToken } from '../../src/signing/upload-jwt.js';
import { getAuthenticationParameters } from '../../src/signing/upload-auth.js';
import { BadRequestError, InternalServerError, isImageKitError, isUploadIndeterminateError } from '../../src/errors.js';
import { createEmulator, startEmulator, type RunningEmulator } from '../../src/testing.js';
import { skipBackoff } from '../support/backoff.js';

const privateKey = 'private_v2_key';
const publicKey = 'public_v2_key';
const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/** An HS256 JWT built with node:crypto only: the oracle for what the API accepts. */
function oracleJwt(payload: Record<string, unknown>, key = privateKey, kid = publicKey): string {
  const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${part({ alg: 'HS256', typ: 'JWT', kid })}.${part(payload)}`;
  return `${input}.${createHmac('sha256', key).update(input).digest('base64url')}`;
}

interface Sent {
  url: URL;
  form: FormData;
  authorization: string | null;
}

/**
 * An in-process emulator behind an injected `fetch` that records every request (URL and
 * parsed multipart form). `failFirst` forwards the first request (so the server stores the
 * file and burns the token) and then answers 500 instead: a failure after sending.
 */
function recordingEmulator(options: { failFirst?: boolean } = {}) {
  const emulator = createEmulator({ privateKey, publicKey });
  const sent: Sent[] = [];
  const fetch = async (input: Request | string | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    sent.push({ url: new URL(request.url), form: await request.clone().formData(), authorization: request.headers.get('authorization') });
    const response = await emulator.handle(request);
    if (options.failFirst && sent.length === 1) {
      return Response.json({ message: 'Internal error' }, { status: 500, headers: { 'retry-after-ms': '0' } });
    }
    return response;
  };
  return { emulator, sent, fetch };
}

const textFields = (form: FormData): Record<string, string> =>
  Object.fromEntries([...form.entries()].filter(([, value]) => typeof value === 'string') as Array<[string, string]>);
const noFetch = (): Promise<Response> => Promise.reject(new Error('a request was sent'));

describe('upload() with a static uploadToken (v2)', () => {
  it('a JWT from createUploadToken: POST /api/v2/files/upload with `token` and no publicKey/signature/expire', async () => {
    const fields = {
      fileName: 'notes.txt',
      folder: '/v2/docs',
      tags: ['a', 'b'],
      useUniqueFileName: false,
      transformation: { pre: 'w-100' },
      description: 'naïve ☕ text',
    };
    const uploadToken = await createUploadToken({ privateKey, publicKey, fields });
    const { sent, fetch } = recordingEmulator();
    const result = await upload({ file: new Blob(['hello v2']), ...fields, uploadToken, fetch });
    expect(result.filePath).toBe('/v2/docs/notes.txt');
    expect(result.$ResponseMetadata.statusCode).toBe(200);
    expect(sent).toHaveLength(1);
    const request = sent[0]!;
    expect(request.url.pathname).toBe('/api/v2/files/upload');
    expect(request.authorization).toBeNull();
    expect(textFields(request.form)).toEqual({
      fileName: 'notes.txt',
      folder: '/v2/docs',
      tags: 'a,b',
      useUniqueFileName: 'false',
      transformation: '{"pre":"w-100"}',
      description: 'naïve ☕ text',
      token: uploadToken,
    });
    for (const name of ['publicKey', 'signature', 'expire']) expect(request.form.has(name)).toBe(false);
    expect(await (request.form.get('file') as Blob).text()).toBe('hello v2');
  });

  it('a JWT built with node:crypto (the oracle) is accepted by the emulator through the default transport', async () => {
    const server: RunningEmulator = await startEmulator({ privateKey, publicKey });
    try {
      const iat = nowSeconds();
      const uploadToken = oracleJwt({ fileName: 'oracle.txt', folder: '/oracle', isPrivateFile: 'false', iat, exp: iat + 600 });
      const options = { fileName: 'oracle.txt', folder: '/oracle', isPrivateFile: false, uploadToken, uploadBaseUrl: server.url };
      const result = await upload({ file: new Uint8Array([1, 2, 3]), ...options });
      expect(result.filePath).toMatch(/^\/oracle\/oracle_.+\.txt$/);
      expect(result.size).toBe(3);
      // Single use: the same JWT again is refused by the server (not by us: it is well-formed).
      const again = await upload({ file: new Uint8Array([1]), ...options }).catch((e: unknown) => e);
      expect(again).toMatchObject({ status: 400 });
    } finally {
      await server.close();
    }
  });

  it('the emulator refuses an oracle JWT signed with another key: the signature is really checked there', async () => {
    const iat = nowSeconds();
    const uploadToken = oracleJwt({ fileName: 'a.txt', iat, exp: iat + 60 }, 'private_wrong');
    const { sent, fetch } = recordingEmulator();
    await expect(upload({ file: new Blob(['x']), fileName: 'a.txt', uploadToken, fetch })).rejects.toMatchObject({ status: 400 });
    expect(sent).toHaveLength(1);
  });

  it('a string `file` (base64) is not signed: the JWT leaves it out', async () => {
    const uploadToken = await createUploadToken({ privateKey, publicKey, fields: { fileName: 'b64.txt' } });
    const { sent, fetch } = recordingEmulator();
    const result = await upload({ file: btoa('base64 body'), fileName: 'b64.txt', uploadToken, fetch });
    expect(result.name).toMatch(/^b64_.+\.txt$/);
    expect(sent[0]!.form.get('file')).toBe(btoa('base64 body'));
  });

  it('tags given as an array match a JWT that signs them comma-joined ("a,b")', async () => {
    const iat = nowSeconds();
    const uploadToken = oracleJwt({ fileName: 't.txt', tags: 'a,b', responseFields: 'tags', iat, exp: iat + 60 });
    const { fetch } = recordingEmulator();
    const result = await upload({ file: new Blob(['t']), fileName: 't.txt', tags: ['a', 'b'], responseFields: ['tags'], uploadToken, fetch });
    expect(result.tags).toEqual(['a', 'b']);
  });

  it('`publicKey` given with an uploadToken is accepted and not sent', async () => {
    const uploadToken = await createUploadToken({ privateKey, publicKey, fields: { fileName: 'k.txt' } });
    const { sent, fetch } = recordingEmulator();
    await upload({ file: new Blob(['k']), fileName: 'k.txt', publicKey, uploadToken, fetch });
    expect(sent[0]!.form.has('publicKey')).toBe(false);
  });

  it('the browser build (XHR/fetch picker) sends the same v2 request', async () => {
    const uploadToken = await createUploadToken({ privateKey, publicKey, fields: { fileName: 'br.txt', folder: '/br' } });
    const { sent, fetch } = recordingEmulator();
    const result = await browserUpload({ file: new Blob(['br']), fileName: 'br.txt', folder: '/br', uploadToken, fetch });
    expect(result.filePath).toMatch(/^\/br\/br_/);
    expect(sent[0]!.url.pathname).toBe('/api/v2/files/upload');
    expect(textFields(sent[0]!.form)).toEqual({ fileName: 'br.txt', folder: '/br', token: uploadToken });
  });
});

describe('a JWT that does not sign exactly the sent fields is refused locally (no request)', () => {
  const base = { file: new Blob(['x']), fileName: 'm.txt' };
  const iat = nowSeconds();
  const cases: Array<[string, Record<string, unknown>, Record<string, unknown>, string]> = [
    ['a field sent but not signed', { fileName: 'm.txt' }, { folder: '/extra' }, 'folder'],
    ['a field signed but not sent', { fileName: 'm.txt', folder: '/signed' }, {}, 'folder'],
    ['a field with another value', { fileName: 'm.txt', folder: '/a' }, { folder: '/b' }, 'folder'],
    ['another fileName', { fileName: 'other.txt' }, {}, 'fileName'],
    ['tags signed as a JSON array, sent comma-joined', { fileName: 'm.txt', tags: ['a', 'b'] }, { tags: ['a', 'b'] }, 'tags'],
    ['tags signed "a,b", sent ["a", "c"]', { fileName: 'm.txt', tags: 'a,b' }, { tags: ['a', 'c'] }, 'tags'],
    ['a boolean signed as JSON true, sent as "true"', { fileName: 'm.txt', isPrivateFile: true }, { isPrivateFile: true }, 'isPrivateFile'],
    ['`file` signed (the API never signs it)', { fileName: 'm.txt', file: 'x' }, {}, 'file'],
    ['a field named like an Object.prototype member', { fileName: 'm.txt', constructor: 'x' }, {}, 'constructor'],
  ];

  it.each(cases)('%s', async (_label, payload, extra, field) => {
    const uploadToken = oracleJwt({ ...payload, iat, exp: iat + 600 });
    const { sent, fetch } = recordingEmulator();
    const error = await upload({ ...base, ...extra, uploadToken, fetch }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toContain(`\`${field}\``);
    expect((error as Error).message).toContain('`uploadToken` option');
    expect((error as Error).message).not.toContain(uploadToken.split('.')[1]!);
    expect(sent).toHaveLength(0);
  });

  it('the emulator agrees: the same mismatched JWT sent anyway is refused with 400', async () => {
    const uploadToken = oracleJwt({ fileName: 'm.txt', iat, exp: iat + 600 });
    const { emulator } = recordingEmulator();
    const form = new FormData();
    form.set('fileName', 'm.txt');
    form.set('folder', '/extra');
    form.set('token', uploadToken);
    form.set('file', new Blob(['x']), 'm.txt');
    const response = await emulator.handle(new Request('https://upload.imagekit.io/api/v2/files/upload', { method: 'POST', body: form }));
    expect(response.status).toBe(400);
  });

  it('a token from createUploadToken for other fields', async () => {
    const uploadToken = await createUploadToken({ privateKey, publicKey, fields: { fileName: 'm.txt', folder: '/x' } });
    const { sent, fetch } = recordingEmulator();
    await expect(upload({ ...base, folder: '/y', uploadToken, fetch })).rejects.toThrow(TypeError);
    expect(sent).toHaveLength(0);
  });
});

describe('property: the local check agrees with the emulator', () => {
  // Random upload fields; the JWT signs them (createUploadToken) with one optional change.
  // Whatever the change, the local verdict must be the emulator's verdict.
  const text = fc.string({ minLength: 1, maxLength: 8 }).filter((value) => !/[,%]/.test(value));
  const fieldsArb = fc.record(
    {
      folder: fc.constantFrom('/p', '/p/q', '/other'),
      tags: fc.array(text, { minLength: 1, maxLength: 3 }),
      description: text,
      isPrivateFile: fc.boolean(),
      useUniqueFileName: fc.boolean(),
    },
    { requiredKeys: [] },
  );
  const change = fc.constantFrom('none', 'drop', 'add', 'alter');

  it('accepted locally ⇔ accepted by the emulator; refused locally ⇒ no request', async () => {
    await fc.assert(
      fc.asyncProperty(fieldsArb, change, async (fields, how) => {
        const signed: Record<string, unknown> = { fileName: 'p.txt', ...fields };
        const keys = Object.keys(fields);
        if (how === 'drop' && keys.length) delete signed[keys[0]!];
        if (how === 'add') signed['checks'] = '"file.size" < "1mb"';
        if (how === 'alter') signed['fileName'] = 'q.txt';
        const uploadToken = await createUploadToken({ privateKey, publicKey, fields: signed });
        const { sent, fetch } = recordingEmulator();
        const outcome = await upload({ file: new Blob(['p']), fileName: 'p.txt', ...fields, uploadToken, fetch }).catch((e: unknown) => e);
        const changed = how === 'add' || how === 'alter' || (how === 'drop' && keys.length > 0);
        if (changed) {
          expect(outcome).toBeInstanceOf(TypeError);
          expect(sent).toHaveLength(0);
          // What the emulator would have said to the same request: refused.
          const form = new FormData();
          for (const [name, value] of Object.entries({ fileName: 'p.txt', ...fields })) {
            form.set(name, Array.isArray(value) ? value.join(',') : String(value));
          }
          form.set('token', uploadToken);
          form.set('file', new Blob(['p']), 'p.txt');
          const emulator = createEmulator({ privateKey, publicKey });
          const response = await emulator.handle(new Request('https://upload.imagekit.io/api/v2/files/upload', { method: 'POST', body: form }));
          expect(response.status).toBe(400);
        } else {
          expect(outcome).toMatchObject({ fileId: expect.any(String) });
          expect(sent).toHaveLength(1);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('malformed and expired tokens', () => {
  const payload = Buffer.from(JSON.stringify({ fileName: 'a' })).toString('base64url');
  const encode = (text: string | number[]): string => Buffer.from(text as string).toString('base64url');
  it.each([
    ['not a JWT', 'hello'],
    ['two parts', `x.${payload}`],
    ['four parts', `x.${payload}.y.z`],
    ['an empty part', `x.${payload}.`],
    ['a non-base64url character', `x.${payload}+.y`],
    ['a payload that is not JSON', `x.${encode('{nope')}.y`],
    ['a JSON array payload', `x.${encode('["a"]')}.y`],
    ['a JSON string payload', `x.${encode('"a"')}.y`],
    ['a JSON null payload', `x.${encode('null')}.y`],
    ['invalid UTF-8 in the payload', `x.${encode([0x7b, 0xff, 0x7d])}.y`],
    ['an empty string', ''],
  ])('%s → TypeError "must be a JWT", no request', async (_label, uploadToken) => {
    const error = await upload({ file: new Blob(['x']), fileName: 'a', uploadToken, fetch: noFetch }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(/`uploadToken` option must be a JWT/);
    if (uploadToken) expect((error as Error).message).not.toContain(uploadToken);
  });

  it('an `exp` in the past is left to the server (a browser clock can be wrong): sent, and its 400 surfaces', async () => {
    const iat = nowSeconds() - 600;
    const uploadToken = oracleJwt({ fileName: 'a', iat, exp: iat + 60 });
    const { sent, fetch } = recordingEmulator();
    const error = await upload({ file: new Blob(['x']), fileName: 'a', uploadToken, fetch }).catch((e: unknown) => e);
    expect(sent).toHaveLength(1);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as Error).message).not.toContain(uploadToken);
  });

  it('a browser clock an hour fast does not reject a fresh token locally', async () => {
    const fields = { fileName: 'a' };
    const uploadToken = await createUploadToken({ privateKey, publicKey, fields, expireSeconds: 600 });
    // The server (a stub here: the in-process emulator would share the faked clock) accepts it.
    const answer = { fileId: 'f1', name: 'a', filePath: '/a', url: 'https://ik.imagekit.io/x/a' };
    const requests: string[] = [];
    const fetch = async (input: Request | string | URL): Promise<Response> => {
      requests.push(String(input instanceof Request ? input.url : input));
      return Response.json(answer);
    };
    vi.useFakeTimers({ now: Date.now() + 3_600_000, toFake: ['Date'] });
    try {
      await expect(upload({ file: new Blob(['x']), ...fields, uploadToken, fetch })).resolves.toMatchObject(answer);
    } finally {
      vi.useRealTimers();
    }
    expect(requests).toEqual(['https://upload.imagekit.io/api/v2/files/upload']);
  });

  it('a non-string uploadToken → TypeError', async () => {
    const error = await upload({ file: new Blob(['x']), fileName: 'a', uploadToken: 42 as never, fetch: noFetch }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
  });
});

describe('an authenticator returning { uploadToken }', () => {
  it('is a v2 upload; a 500 after sending is retried with a fresh JWT and succeeds', async () => {
    onTestFinished(skipBackoff().restore); // which attempts are sent is the subject, not the back-off
    const fields = { fileName: 'retry.txt', folder: '/retry', useUniqueFileName: false };
    let calls = 0;
    // createUploadToken is deterministic within a second (same fields, iat, exp), so a
    // server must vary something to hand out a new JWT; here the lifetime.
    const authenticator = async () => {
      calls++;
      return { uploadToken: await createUploadToken({ privateKey, publicKey, fields, expireSeconds: 600 + calls }) };
    };
    const { sent, fetch } = recordingEmulator({ failFirst: true });
    const result = await upload({ file: new Blob(['r']), ...fields, authenticator, fetch });
    expect(result.filePath).toBe('/retry/retry.txt');
    expect(calls).toBe(2);
    expect(sent.map((request) => request.url.pathname)).toEqual(['/api/v2/files/upload', '/api/v2/files/upload']);
    const [first, second] = sent.map((request) => request.form.get('token'));
    // The emulator burnt the first JWT (single use), so the retry succeeded only with a new one.
    expect(first).not.toBe(second);
  });

  it('a field mismatch in its token is an ImageKitError naming the field, before any request', async () => {
    const uploadToken = await createUploadToken({ privateKey, publicKey, fields: { fileName: 'a.txt', folder: '/a' } });
    const options = { file: new Blob(['x']), fileName: 'a.txt', folder: '/b', authenticator: async () => ({ uploadToken }), fetch: noFetch };
    const error = await upload(options).catch((e: unknown) => e);
    expect(isImageKitError(error)).toBe(true);
    expect(error).not.toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(/`uploadToken` returned by `authenticator`.*`folder`/);
    expect((error as Error).message).not.toContain(uploadToken);
  });

  it('a malformed token from it is a TypeError naming the source', async () => {
    const options = { file: new Blob(['x']), fileName: 'a', authenticator: async () => ({ uploadToken: 'nope' }), fetch: noFetch };
    const error = await upload(options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(/`uploadToken` returned by `authenticator` must be a JWT/);
  });

  it('may switch between v1 and v2 per attempt; v1 still needs `publicKey`', async () => {
    onTestFinished(skipBackoff().restore); // which attempts are sent is the subject, not the back-off
    const fields = { fileName: 'mix.txt', useUniqueFileName: false };
    const answers = [
      () => getAuthenticationParameters({ privateKey }),
      async () => ({ uploadToken: await createUploadToken({ privateKey, publicKey, fields }) }),
    ];
    const { sent, fetch } = recordingEmulator({ failFirst: true });
    const result = await upload({ file: new Blob(['m']), ...fields, publicKey, authenticator: () => answers.shift()!(), fetch });
    expect(result.name).toBe('mix.txt');
    expect(sent.map((request) => request.url.pathname)).toEqual(['/api/v1/files/upload', '/api/v2/files/upload']);
    expect(sent[0]!.form.get('publicKey')).toBe(publicKey);
    expect(sent[1]!.form.has('publicKey')).toBe(false);

    const noKey = await upload({
      file: new Blob(['m']),
      ...fields,
      authenticator: () => getAuthenticationParameters({ privateKey }),
      fetch: noFetch,
    }).catch((e: unknown) => e);
    expect(noKey).toBeInstanceOf(TypeError);
    expect((noKey as Error).message).toMatch(/`publicKey`/);
  });
});

describe('a static uploadToken is single-use', () => {
  it('a 500 after sending ends in UploadIndeterminateError, never re-sent (even for a same-path upload)', async () => {
    const fields = { fileName: 'once.txt', useUniqueFileName: false };
    const uploadToken = await createUploadToken({ privateKey, publicKey, fields });
    const { sent, fetch } = recordingEmulator({ failFirst: true });
    const error = await upload({ file: new Blob(['o']), ...fields, uploadToken, fetch }).catch((e: unknown) => e);
    expect(isUploadIndeterminateError(error)).toBe(true);
    expect((error as Error).cause).toBeInstanceOf(InternalServerError);
    expect((error as Error).message).toContain('/api/v2/files/upload');
    expect(sent).toHaveLength(1);
  });
});

describe('exactly one auth source', () => {
  const uploadToken = oracleJwt({ fileName: 'a', iat: nowSeconds(), exp: nowSeconds() + 60 });
  const v1 = { publicKey, token: 't', signature: 's', expire: nowSeconds() + 60 };
  it.each<[string, Record<string, unknown>, RegExp]>([
    ['uploadToken and token/signature/expire', { ...v1, uploadToken }, /not `token` and `uploadToken`/],
    ['uploadToken and a lone expire', { expire: 5, uploadToken }, /not `token` and `uploadToken`/],
    ['uploadToken and authenticator', { uploadToken, authenticator: async () => ({ uploadToken }) }, /not `uploadToken` and `authenticator`/],
    ['all three', { ...v1, uploadToken, authenticator: async () => v1 }, /not `token` and `uploadToken` and `authenticator`/],
    ['none', {}, /either `token`.*`uploadToken`.*`authenticator`/],
  ])('%s → TypeError', async (_label, auth, message) => {
    const error = await upload({ file: new Blob(['x']), fileName: 'a', ...auth, fetch: noFetch } as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain(uploadToken);
  });
});

describe('v1 keeps working unchanged', () => {
  let server: RunningEmulator;
  beforeAll(async () => {
    server = await startEmulator({ privateKey, publicKey });
  });
  afterAll(() => server.close());

  it('token/signature/expire + publicKey → /api/v1/files/upload', async () => {
    const auth = await getAuthenticationParameters({ privateKey });
    const result = await upload({ file: new Blob(['v1']), fileName: 'v1.txt', publicKey, ...auth, uploadBaseUrl: server.url });
    expect(result.name).toMatch(/^v1_.+\.txt$/);
  });
});
