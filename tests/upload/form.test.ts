// What reaches the server: every form field serialized as the upload API expects, parsed back
// by the platform's own multipart parser; auth for server and client uploads; bad input
// rejected before any request.
import { describe, it, expect, beforeAll, afterAll, beforeEach } from 'vitest';
import { createClientContext } from '../../src/core/context.js';
import { uploadFile } from '../../src/upload/server-upload.js';
import { upload } from '../../src/upload/client-upload.js';
import { buildUploadForm } from '../../src/upload/form.js';
import { buildMultipart, escapeDispositionValue } from '../../src/upload/multipart.js';
import { startUploadServer, type UploadServer } from './server.js';

const privateKey = 'private_form_test_key';
let server: UploadServer;
const context = () => createClientContext({ privateKey, uploadBaseUrl: server.url, maxRetries: 0 });

beforeAll(async () => {
  server = await startUploadServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.received.length = 0;
});

function fields(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of form.entries()) if (typeof value === 'string') out[name] = value;
  return out;
}

describe('server upload: fields and auth', () => {
  it('sends every documented field, serialized as the API expects, with Basic auth', async () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 255, 13, 10]);
    const transformation = {
      pre: 'w-100',
      post: [
        { type: 'thumbnail' as const, value: 'h-50' },
        { type: 'abs' as const, value: 'sr-240_360', protocol: 'hls' as const },
      ],
    };
    const extensions = [
      { name: 'remove-bg' as const, options: { add_shadow: true } },
      { name: 'google-auto-tagging' as const, maxTags: 5, minConfidence: 80 },
      { name: 'saved-extension' as const, id: 'ext_1' },
    ];
    const customMetadata = { brand: 'Acme', price: 10, flags: ['a', 'b'] };
    const result = await uploadFile(context(), {
      file: new Blob([bytes], { type: 'image/png' }),
      fileName: 'cat photo.png',
      useUniqueFileName: false,
      tags: ['a', 'b c', 'ünï'],
      folder: '/animals/cats',
      isPrivateFile: true,
      isPublished: false,
      customCoordinates: '10,10,100,100',
      responseFields: ['tags', 'customMetadata'],
      extensions,
      webhookUrl: 'https://example.com/hook',
      overwriteFile: true,
      overwriteAITags: false,
      overwriteTags: false,
      overwriteCustomMetadata: true,
      customMetadata,
      transformation,
      checks: '"request.folder" : "marketing/"',
      description: 'A "cat"\r\nline two',
    });
    expect(server.received).toHaveLength(1);
    const got = server.received[0]!;
    expect(got.method).toBe('POST');
    expect(got.url).toBe('/api/v1/files/upload');
    expect(got.headers.authorization).toBe(`Basic ${Buffer.from(`${privateKey}:`).toString('base64')}`);
    expect(got.headers['content-length']).toBe(String(got.bodyLength));
    expect(got.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    const form = got.form!;
    expect(fields(form)).toEqual({
      fileName: 'cat photo.png',
      useUniqueFileName: 'false',
      tags: 'a,b c,ünï',
      folder: '/animals/cats',
      isPrivateFile: 'true',
      isPublished: 'false',
      customCoordinates: '10,10,100,100',
      responseFields: 'tags,customMetadata',
      extensions: JSON.stringify(extensions),
      webhookUrl: 'https://example.com/hook',
      overwriteFile: 'true',
      overwriteAITags: 'false',
      overwriteTags: 'false',
      overwriteCustomMetadata: 'true',
      customMetadata: JSON.stringify(customMetadata),
      transformation: JSON.stringify(transformation),
      checks: '"request.folder" : "marketing/"',
      description: 'A "cat"\r\nline two',
    });
    const file = form.get('file') as File;
    expect(file.name).toBe('cat photo.png');
    expect(file.type).toBe('image/png');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(bytes);
    expect(result.fileId).toBe('file_1');
    expect(result.$ResponseMetadata.statusCode).toBe(200);
    expect(result.$ResponseMetadata.requestId).toBe('req-ok-1');
    expect(Object.keys(result)).not.toContain('$ResponseMetadata');
  });

  it('uses the v2 path with useV2 and never sends client auth fields', async () => {
    await uploadFile(context(), { file: new Uint8Array([1]), fileName: 'a.bin', useV2: true });
    const got = server.received[0]!;
    expect(got.url).toBe('/api/v2/files/upload');
    expect([...got.form!.keys()].sort()).toEqual(['file', 'fileName']);
  });

  it.each([
    ['ArrayBuffer', () => new Uint8Array([5, 6, 7]).buffer, [5, 6, 7]],
    ['Uint8Array view with an offset', () => new Uint8Array([9, 5, 6, 7, 9]).subarray(1, 4), [5, 6, 7]],
    ['DataView', () => new DataView(new Uint8Array([9, 5, 6, 7]).buffer, 1, 3), [5, 6, 7]],
    ['Node Buffer', () => Buffer.from([5, 6, 7]), [5, 6, 7]],
    ['File', () => new File([new Uint8Array([5, 6, 7])], 'ignored.bin'), [5, 6, 7]],
  ])('sends a %s file as a binary part', async (_label, make, expected) => {
    await uploadFile(context(), { file: make(), fileName: 'x.bin' });
    const file = server.received[0]!.form!.get('file') as File;
    expect(file.name).toBe('x.bin');
    expect(file.type).toBe('application/octet-stream');
    expect([...new Uint8Array(await file.arrayBuffer())]).toEqual(expected);
  });

  it('sends a ReadableStream file with fileSize and an exact Content-Length', async () => {
    const chunks = [new Uint8Array([1, 2]), new Uint8Array([3]), new Uint8Array([4, 5, 6])];
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(chunk);
        controller.close();
      },
    });
    await uploadFile(context(), { file: stream, fileSize: 6, fileName: 's.bin' });
    const got = server.received[0]!;
    expect(got.headers['content-length']).toBe(String(got.bodyLength));
    expect([...new Uint8Array(await (got.form!.get('file') as File).arrayBuffer())]).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it.each([
    ['an http(s) URL', 'https://example.com/a.jpg'],
    ['a data URI', 'data:image/png;base64,iVBORw0KGgo='],
    ['plain base64', 'iVBORw0KGgo='],
  ])('sends %s as a text field', async (_label, file) => {
    await uploadFile(context(), { file, fileName: 'u.jpg' });
    expect(server.received[0]!.form!.get('file')).toBe(file);
  });

  it('escapes file names like the platform FormData does (", CR, LF) and keeps UTF-8', async () => {
    const name = 'a"b\r\nc ü.txt';
    await uploadFile(context(), { file: new Uint8Array([1]), fileName: name });
    // Oracle: the platform's own multipart serializer.
    const native = new FormData();
    native.append('file', new Blob([new Uint8Array([1])]), name);
    const nativeBytes = Buffer.from(await new Request('http://x/', { method: 'POST', body: native }).arrayBuffer());
    const nativeDisposition = /filename="([^"]*)"/.exec(nativeBytes.toString('utf8'))![1];
    const ours = /filename="([^"]*)"/.exec(server.received[0]!.body.toString('utf8'))![1];
    expect(ours).toBe(nativeDisposition);
    expect(escapeDispositionValue(name)).toBe(nativeDisposition);
  });

  it('passes tags given as a string unchanged', async () => {
    await uploadFile(context(), { file: 'https://example.com/a.jpg', fileName: 'a.jpg', tags: 'x,y' });
    expect(server.received[0]!.form!.get('tags')).toBe('x,y');
  });
});

describe('client upload: fields and auth', () => {
  it('sends publicKey, signature, expire and token as fields and no Authorization header', async () => {
    await upload({
      file: new Blob(['hello']),
      fileName: 'h.txt',
      publicKey: 'public_abc',
      token: 'tok-1',
      signature: 'ab12',
      expire: 1_900_000_000,
      uploadBaseUrl: `${server.url}/`,
      tags: ['t'],
    });
    const got = server.received[0]!;
    expect(got.url).toBe('/api/v1/files/upload');
    expect(got.headers.authorization).toBeUndefined();
    expect(fields(got.form!)).toEqual({
      fileName: 'h.txt',
      tags: 't',
      publicKey: 'public_abc',
      signature: 'ab12',
      expire: '1900000000',
      token: 'tok-1',
    });
    expect(await (got.form!.get('file') as File).text()).toBe('hello');
  });

  it('asks the authenticator for auth parameters', async () => {
    let calls = 0;
    await upload({
      file: new Uint8Array([1]),
      fileName: 'a.bin',
      publicKey: 'public_abc',
      uploadBaseUrl: server.url,
      authenticator: async () => {
        calls++;
        return { token: 'fresh', signature: 'sig', expire: 1_900_000_001 };
      },
    });
    expect(calls).toBe(1);
    expect(fields(server.received[0]!.form!)).toMatchObject({ token: 'fresh', signature: 'sig', expire: '1900000001' });
  });
});

describe('bad input never reaches the server', () => {
  const base = { file: new Uint8Array([1]), fileName: 'a.bin' };
  const cases: Array<[string, Record<string, unknown>, RegExp, ErrorConstructor]> = [
    ['missing file', { fileName: 'a' }, /`file`/, TypeError],
    ['null file', { file: null, fileName: 'a' }, /`file`/, TypeError],
    ['missing fileName', { file: new Uint8Array([1]) }, /`fileName`/, TypeError],
    ['empty fileName', { ...base, fileName: '' }, /`fileName`/, TypeError],
    ['numeric fileName', { ...base, fileName: 5 }, /`fileName`/, TypeError],
    ['tag with a comma', { ...base, tags: ['a,b'] }, /`tags`.*`,`/, TypeError],
    ['tag with %', { ...base, tags: ['50%'] }, /`%`/, TypeError],
    ['tags string with %', { ...base, tags: 'a%20' }, /`%`/, TypeError],
    ['tags of numbers', { ...base, tags: [1] }, /`tags`/, TypeError],
    ['stream without fileSize', { file: new ReadableStream(), fileName: 'a' }, /`fileSize`/, TypeError],
    ['negative fileSize', { ...base, fileSize: -1 }, /`fileSize`/, RangeError],
    ['fileSize mismatch', { ...base, fileSize: 2 }, /`fileSize`/, RangeError],
    ['number file', { file: 42, fileName: 'a' }, /`file`/, TypeError],
    ['plain object file', { file: { a: 1 }, fileName: 'a' }, /`file`/, TypeError],
    ['Node stream file', { file: { pipe() {} }, fileName: 'a' }, /openAsBlob/, TypeError],
    ['string that is not URL/base64', { file: 'not a url!', fileName: 'a' }, /`file`/, TypeError],
    ['empty string file', { file: '', fileName: 'a' }, /`file`/, TypeError],
    ['boolean as string', { ...base, useUniqueFileName: 'false' }, /`useUniqueFileName`/, TypeError],
    ['folder as number', { ...base, folder: 1 }, /`folder`/, TypeError],
    ['extensions not an array', { ...base, extensions: { name: 'remove-bg' } }, /`extensions`/, TypeError],
    ['extension without name', { ...base, extensions: [{}] }, /`extensions`/, TypeError],
    ['customMetadata as array', { ...base, customMetadata: [] }, /`customMetadata`/, TypeError],
    ['empty transformation', { ...base, transformation: {} }, /`transformation`/, TypeError],
    ['empty transformation.pre', { ...base, transformation: { pre: '' } }, /`transformation.pre`/, TypeError],
    ['non-array transformation.post', { ...base, transformation: { post: {} } }, /`transformation.post`/, TypeError],
    ['responseFields as number', { ...base, responseFields: 1 }, /`responseFields`/, TypeError],
    ['unknown option', { ...base, fileNme: 'x' }, /`fileNme`/, TypeError],
    ['onProgress not a function', { ...base, onProgress: 1 }, /`onProgress`/, TypeError],
    ['negative timeout', { ...base, timeout: -5 }, /`timeout`/, RangeError],
    ['signal not a signal', { ...base, signal: {} }, /`signal`/, TypeError],
    ['maxRetries fractional', { ...base, maxRetries: 1.5 }, /`maxRetries`/, RangeError],
  ];

  it.each(cases)('server upload: %s', async (_label, options, message, type) => {
    const error = await uploadFile(context(), options as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(type);
    expect((error as Error).message).toMatch(message);
    expect(server.started).toBe(startedBefore);
  });

  const clientBase = { publicKey: 'public_abc', token: 't', signature: 's', expire: 1_900_000_000 };
  const clientCases: Array<[string, Record<string, unknown>, RegExp]> = [
    ['missing publicKey', { ...base, token: 't', signature: 's', expire: 1 }, /`publicKey`/],
    ['no auth at all', { ...base, publicKey: 'public_abc' }, /`token`.*`authenticator`/],
    ['token without signature', { ...base, publicKey: 'public_abc', token: 't', expire: 1 }, /`signature`/],
    ['expire not integer', { ...base, ...clientBase, expire: 'soon' }, /`expire`/],
    ['both auth styles', { ...base, ...clientBase, authenticator: async () => clientBase }, /either/],
    ['bad uploadBaseUrl', { ...base, ...clientBase, uploadBaseUrl: 'ftp://x' }, /`uploadBaseUrl`/],
    ['tag with a comma', { ...base, ...clientBase, tags: ['a,b'] }, /`tags`/],
    ['a secret-side option', { ...base, ...clientBase, useV2: true }, /`useV2`/],
  ];
  let startedBefore = 0;
  beforeEach(() => {
    startedBefore = server.started;
  });

  it.each(clientCases)('client upload: %s', async (_label, options, message) => {
    const error = await upload({ uploadBaseUrl: server.url, ...options } as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(message);
    expect(server.started).toBe(startedBefore);
  });

  it('an authenticator returning junk fails before sending', async () => {
    const error = await upload({
      ...base,
      publicKey: 'public_abc',
      uploadBaseUrl: server.url,
      authenticator: async () => ({ token: '', signature: 's', expire: 1 }) as never,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(/`token`.*authenticator/);
    expect(server.started).toBe(startedBefore);
  });

  it('a throwing authenticator is wrapped with its cause', async () => {
    const cause = new Error('auth server down');
    const error = await upload({
      ...base,
      publicKey: 'public_abc',
      uploadBaseUrl: server.url,
      authenticator: async () => {
        throw cause;
      },
    }).catch((e: unknown) => e);
    expect((error as Error).name).toBe('ImageKitError');
    expect((error as Error).cause).toBe(cause);
    expect(server.started).toBe(startedBefore);
  });
});

describe('multipart body', () => {
  it('has an exact length equal to the Blob size and a boundary absent from the fields', () => {
    const form = buildUploadForm({ file: new Uint8Array(1000), fileName: 'a', description: 'x'.repeat(100) });
    const body = buildMultipart(form);
    expect(body.blob!.size).toBe(body.length);
    const boundary = body.contentType.split('boundary=')[1]!;
    expect(boundary.length).toBeGreaterThan(30);
    expect(body.replayable).toBe(true);
  });

  it('a stream body can be sent once only', () => {
    const form = buildUploadForm({ file: new ReadableStream(), fileSize: 0, fileName: 'a' });
    const body = buildMultipart(form);
    expect(body.replayable).toBe(false);
    body.stream();
    expect(() => body.stream()).toThrow(TypeError);
  });

  it('a stream shorter or longer than fileSize fails with a RangeError', async () => {
    for (const [size, actual] of [
      [5, 3],
      [2, 3],
    ] as const) {
      const stream = new ReadableStream<Uint8Array>({
        start(c) {
          c.enqueue(new Uint8Array(actual));
          c.close();
        },
      });
      const body = buildMultipart(buildUploadForm({ file: stream, fileSize: size, fileName: 'a' }));
      await expect(new Response(body.stream()).arrayBuffer()).rejects.toThrow(RangeError);
    }
  });
});
