import { createHmac } from 'node:crypto';
import { inspect } from 'node:util';
import ImageKitV6 from 'imagekit';
import { HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImageKit } from '../../src/client/imagekit.js';
import * as media from '../../src/media/index.js';
import { buildUrl } from '../../src/url/build-url.js';
import { basicAuthorization, recordWire, type SeenRequest } from '../support/wire-recorder.js';

const privateKey = 'private_Cl1ent+Secret/Key=';
const publicKey = 'public_abc';
const urlEndpoint = 'https://ik.imagekit.io/demo';
const authorization = basicAuthorization(privateKey);
const wire = recordWire(['https://api.imagekit.io', 'https://upload.imagekit.io', 'https://proxy.example.test']);
afterEach(() => vi.useRealTimers());

const client = (): ImageKit => new ImageKit({ privateKey, publicKey, urlEndpoint });
const v6 = (): InstanceType<typeof ImageKitV6> => new ImageKitV6({ privateKey, publicKey, urlEndpoint });

/** Method names of the v6 class (prototype methods plus the instance arrow `verifyWebhookEvent`). */
function v6MethodNames(): string[] {
  const instance = v6() as unknown as Record<string, unknown>;
  const names = new Set([...Object.getOwnPropertyNames(Object.getPrototypeOf(instance)), ...Object.keys(instance)]);
  return [...names].filter((name) => name !== 'constructor' && typeof instance[name] === 'function').sort();
}

describe('method names', () => {
  it('has every method of the imagekit v6 class (oracle: the installed v6 package)', () => {
    const names = v6MethodNames();
    expect(names.length).toBeGreaterThanOrEqual(32);
    const ours = client() as unknown as Record<string, unknown>;
    const missing = names.filter((name) => typeof ours[name] !== 'function');
    expect(missing).toEqual([]);
  });

  it('has one method per endpoint, named like its standalone function (a new endpoint gets a method)', () => {
    const ours = client() as unknown as Record<string, unknown>;
    const endpoints = Object.entries(media).filter(([, value]) => typeof value === 'function' && 'facts' in value);
    expect(endpoints.length).toBeGreaterThanOrEqual(51);
    expect(endpoints.filter(([name]) => typeof ours[name] !== 'function').map(([name]) => name)).toEqual([]);
  });

  it('has every promised method name (the v6 names plus the rest of the API)', () => {
    const ours = client() as unknown as Record<string, unknown>;
    for (const name of [
      'url',
      'uploadFile',
      'listFiles',
      'getFileDetails',
      'getFileMetadata',
      'getRemoteFileUrlMetadata',
      'updateFileDetails',
      'deleteFile',
      'bulkFileDelete',
      'purgeFileCache',
      'getPurgeFileCacheStatus',
      'getAuthenticationParameters',
      'phashDistance',
      'withOptions',
      'iterateFiles',
      'renameFolder',
      'getUsage',
      'getUsageAnalytics',
      ...['Origin', 'UrlEndpoint', 'SavedExtension', 'NamedTransformation'].flatMap((noun) => [
        `create${noun}`,
        `get${noun}`,
        `update${noun}`,
        `delete${noun}`,
        `list${noun}s`,
      ]),
    ]) {
      expect(typeof ours[name], name).toBe('function');
    }
  });
});

describe('same wire requests as imagekit v6 for the classic endpoints', () => {
  type Call = [name: string, args: unknown[]];
  const calls: Call[] = [
    ['listFiles', [{ path: '/shop', limit: 10, skip: 5, sort: 'ASC_NAME', searchQuery: 'size > 100' }]],
    ['getFileDetails', ['file_1']],
    ['getFileVersions', ['file_1']],
    ['getFileVersionDetails', [{ fileId: 'file_1', versionId: 'ver_1' }]],
    ['getFileMetadata', ['file_1']],
    ['getFileMetadata', ['https://ik.imagekit.io/demo/a.jpg']],
    ['updateFileDetails', ['file_1', { tags: ['a'], customCoordinates: '1,2,3,4' }]],
    ['updateFileDetails', ['file_1', { publish: { isPublished: true } }]],
    ['bulkAddTags', [['f1', 'f2'], ['t1']]],
    ['bulkRemoveTags', [['f1'], ['t1']]],
    ['bulkRemoveAITags', [['f1'], ['Dog']]],
    ['deleteFile', ['file_1']],
    ['deleteFileVersion', [{ fileId: 'file_1', versionId: 'ver_1' }]],
    ['restoreFileVersion', [{ fileId: 'file_1', versionId: 'ver_1' }]],
    ['purgeCache', ['https://ik.imagekit.io/demo/a.jpg']],
    ['getPurgeCacheStatus', ['req_1']],
    ['bulkDeleteFiles', [['f1', 'f2']]],
    ['copyFile', [{ sourceFilePath: '/a.jpg', destinationPath: '/b/', includeFileVersions: true }]],
    ['moveFile', [{ sourceFilePath: '/a.jpg', destinationPath: '/b/' }]],
    ['renameFile', [{ filePath: '/a.jpg', newFileName: 'c.jpg', purgeCache: true }]],
    ['createFolder', [{ folderName: 'new', parentFolderPath: '/shop' }]],
    ['deleteFolder', ['/shop/old']],
    ['moveFolder', [{ sourceFolderPath: '/a', destinationPath: '/b' }]],
    ['getBulkJobStatus', ['job_1']],
    ['createCustomMetadataField', [{ name: 'price', label: 'Price', schema: { type: 'Number', minValue: 1 } }]],
    ['getCustomMetadataFields', [{ includeDeleted: true }]],
    ['updateCustomMetadataField', ['cmf_1', { label: 'Cost' }]],
    ['deleteCustomMetadataField', ['cmf_1']],
  ];

  async function capture(target: Record<string, (...args: unknown[]) => Promise<unknown>>, name: string, args: unknown[]): Promise<SeenRequest> {
    wire.seen = [];
    await target[name]!(...args).catch(() => {});
    expect(wire.seen, `${name} made one request`).toHaveLength(1);
    return wire.seen[0]!;
  }

  it.each(calls)('%s', async (name, args) => {
    const theirs = await capture(v6() as never, name, args);
    const ours = await capture(client() as never, name, args);
    expect(ours.method).toBe(theirs.method);
    // v6 lists at `/v1/files/`; the API docs and v7 use `/v1/files`: compare without a trailing slash.
    const strip = (u: URL): string => (u.origin + u.pathname).replace(/\/$/, '');
    expect(strip(ours.url)).toBe(strip(theirs.url));
    expect(Object.fromEntries(ours.url.searchParams)).toEqual(Object.fromEntries(theirs.url.searchParams));
    expect(ours.headers.get('authorization')).toBe(theirs.headers.get('authorization'));
    expect(ours.headers.get('authorization')).toBe(authorization);
    expect(ours.text === '' ? undefined : JSON.parse(ours.text)).toEqual(theirs.text === '' ? undefined : JSON.parse(theirs.text));
  });

  it('copyFolder: the one documented difference (v6 sends includeFileVersions, we send includeVersions)', async () => {
    const args = [{ sourceFolderPath: '/a', destinationPath: '/b', includeFileVersions: true }];
    const theirs = await capture(v6() as never, 'copyFolder', args);
    const ours = await capture(client() as never, 'copyFolder', args);
    expect(ours.url.pathname).toBe(theirs.url.pathname);
    expect(JSON.parse(theirs.text)).toEqual({ sourceFolderPath: '/a', destinationPath: '/b', includeFileVersions: true });
    expect(JSON.parse(ours.text)).toEqual({ sourceFolderPath: '/a', destinationPath: '/b', includeVersions: true });
  });
});

describe('options', () => {
  it('validates the constructor options', () => {
    expect(() => new ImageKit(undefined as never)).toThrow(TypeError);
    expect(() => new ImageKit({} as never)).toThrow(/`privateKey`/);
    expect(() => new ImageKit({ privateKey: '' })).toThrow(/`privateKey`/);
    expect(() => new ImageKit({ privateKey, prefixUrl: 'x' } as never)).toThrow(new TypeError('`prefixUrl` is not an option of ImageKit'));
    expect(() => new ImageKit({ privateKey, baseUrl: 'ftp://x' })).toThrow(/`baseUrl`/);
    expect(() => new ImageKit({ privateKey, timeout: -1 })).toThrow(RangeError);
    expect(() => new ImageKit({ privateKey, maxRetries: 0.5 })).toThrow(/`maxRetries`/);
  });

  it('withOptions returns a new client with the change and leaves the original alone', async () => {
    const original = new ImageKit({ privateKey, maxRetries: 0 });
    const proxied = original.withOptions({ baseUrl: 'https://proxy.example.test/ik' });
    expect(proxied).not.toBe(original);
    await proxied.getFileDetails('f1');
    await original.getFileDetails('f1');
    expect(wire.seen.map((s) => s.url.href)).toEqual([
      'https://proxy.example.test/ik/v1/files/f1/details',
      'https://api.imagekit.io/v1/files/f1/details',
    ]);
    expect(wire.seen[0]!.headers.get('authorization')).toBe(authorization);
    expect(() => original.withOptions({ bogus: 1 } as never)).toThrow(new TypeError('`bogus` is not an option of ImageKit'));
  });

  it('per-request options reach the engine (maxRetries, headers)', async () => {
    wire.reply = () => HttpResponse.json({}, { status: 500 });
    await expect(client().listFiles({}, { maxRetries: 0, headers: { 'x-test': '1' } })).rejects.toThrow(/500/);
    expect(wire.seen).toHaveLength(1);
    expect(wire.seen[0]!.headers.get('x-test')).toBe('1');
  });
});

describe('secret isolation', () => {
  it('never shows the private key through JSON, keys, descriptors or util.inspect', () => {
    for (const instance of [client(), client().withOptions({ timeout: 5 })]) {
      const views = [
        JSON.stringify(instance),
        JSON.stringify(Object.keys(instance)),
        JSON.stringify(Reflect.ownKeys(instance).map(String)),
        JSON.stringify(Object.getOwnPropertyDescriptors(instance)),
        inspect(instance, { showHidden: true, depth: Infinity, getters: true }),
        String(instance),
      ];
      for (const view of views) {
        expect(view).not.toContain(privateKey);
        expect(view).not.toContain(authorization.slice(6));
      }
      expect(Object.keys(instance)).toEqual([]);
    }
  });

  it('the v6 oracle shows why this matters: its options are enumerable', () => {
    expect(JSON.stringify(v6())).toContain(privateKey);
  });
});

describe('browser refusal', () => {
  function withBrowserGlobals(run: () => void): void {
    const g = globalThis as Record<string, unknown>;
    const had = { window: 'window' in g, document: 'document' in g };
    const saved = { window: g['window'], document: g['document'] };
    g['window'] = {};
    g['document'] = {};
    try {
      run();
    } finally {
      if (had.window) g['window'] = saved.window;
      else delete g['window'];
      if (had.document) g['document'] = saved.document;
      else delete g['document'];
    }
  }

  it('refuses to construct in a browser-like global environment', () => {
    withBrowserGlobals(() => {
      expect(() => new ImageKit({ privateKey })).toThrow(/refuses to run in a browser/);
      expect(() => new ImageKit({ privateKey })).not.toThrow(new RegExp(privateKey.replace(/[+/=]/g, '\\$&')));
    });
  });

  it('allows it with dangerouslyAllowBrowser, and withOptions keeps that choice', () => {
    withBrowserGlobals(() => {
      const allowed = new ImageKit({ privateKey, dangerouslyAllowBrowser: true });
      expect(() => allowed.withOptions({ timeout: 1 })).not.toThrow();
    });
  });

  it('restores the globals after the test', () => {
    expect('window' in globalThis).toBe(false);
    expect(() => new ImageKit({ privateKey })).not.toThrow();
  });
});

describe('non-HTTP helpers', () => {
  it('url() without signing returns the string buildUrl gives on the client endpoint (as v6 returns a string)', () => {
    const options = { path: '/a b.jpg', transformation: [{ width: 300 }] };
    const url: string = client().url(options);
    expect(typeof url).toBe('string');
    expect(url).toBe(buildUrl({ urlEndpoint, ...options }));
    expect(client().url({ ...options, urlEndpoint: 'https://ik.imagekit.io/other' })).toBe(
      buildUrl({ urlEndpoint: 'https://ik.imagekit.io/other', ...options }),
    );
    expect(`<img src="${client().url({ path: '/a.jpg' })}">`).toBe(`<img src="${v6().url({ path: '/a.jpg' })}">`);
    expect(client().url({ path: '/a.jpg', signed: false, expireSeconds: undefined })).toBe(`${urlEndpoint}/a.jpg`);
  });

  it('url() with signed: true or any expireSeconds returns a promise (it signs)', async () => {
    for (const options of [{ signed: true }, { expireSeconds: 60 }, { signed: false, expireSeconds: 60 }]) {
      const result = client().url({ path: '/a.jpg', ...options });
      expect(result).toBeInstanceOf(Promise);
      expect(new URL(await result).searchParams.get('ik-s')).toMatch(/^[\da-f]{40}$/);
    }
  });

  it('url() requires an endpoint somewhere: thrown when unsigned, rejected when signed', async () => {
    const noEndpoint = new ImageKit({ privateKey });
    expect(() => noEndpoint.url({ path: '/a.jpg' })).toThrow(/`urlEndpoint`/);
    let signed: Promise<string> | undefined;
    expect(() => (signed = noEndpoint.url({ path: '/a.jpg', signed: true }))).not.toThrow();
    await expect(signed).rejects.toThrow(/`urlEndpoint`/);
  });

  it('url() signs with expireSeconds: ik-s = HMAC-SHA1(key, path + expiry) (node:crypto oracle) and matches v6', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-06-01T00:00:00Z'));
    const signed = await client().url({ path: '/private/a.jpg', transformation: [{ width: 100 }], expireSeconds: 600 });
    const url = new URL(signed);
    const expiry = Math.floor(Date.now() / 1000) + 600;
    expect(url.searchParams.get('ik-t')).toBe(String(expiry));
    const unsigned = `${urlEndpoint}/tr:w-100/private/a.jpg`;
    const expected = createHmac('sha1', privateKey).update(`tr:w-100/private/a.jpg${expiry}`).digest('hex');
    expect(url.searchParams.get('ik-s')).toBe(expected);
    expect(signed.startsWith(`${unsigned}?`)).toBe(true);
    const theirs = v6().url({ path: '/private/a.jpg', transformation: [{ width: '100' }], signed: true, expireSeconds: 600 });
    expect(signed).toBe(theirs);
  });

  it('url() with signed: true and no expiry signs without ik-t', async () => {
    const signed = new URL(await client().url({ path: '/a.jpg', signed: true }));
    expect(signed.searchParams.has('ik-t')).toBe(false);
    expect(signed.searchParams.get('ik-s')).toBe(createHmac('sha1', privateKey).update('a.jpg9999999999').digest('hex'));
  });

  it('getAuthenticationParameters(token, expire) matches node:crypto and v6', async () => {
    const expire = Math.floor(Date.now() / 1000) + 600;
    const ours = await client().getAuthenticationParameters('tok-1', expire);
    expect(ours).toEqual({
      token: 'tok-1',
      expire,
      signature: createHmac('sha1', privateKey).update(`tok-1${expire}`).digest('hex'),
    });
    expect(ours).toEqual(v6().getAuthenticationParameters('tok-1', expire));
  });

  it('phashDistance and pHashDistance agree with v6', () => {
    const a = 'f06830ca9f1e3e90';
    const b = 'f06830ca9f1e3e91';
    expect(client().phashDistance(a, b)).toBe(v6().pHashDistance(a, b));
    expect(client().pHashDistance(a, 'ffffffffffffffff')).toBe(v6().pHashDistance(a, 'ffffffffffffffff'));
  });

  it('uploadFile / upload post to the upload host with Basic auth', async () => {
    wire.reply = () => HttpResponse.json({ fileId: 'up1', name: 'a.txt' });
    const result = await client().uploadFile({ file: 'aGVsbG8=', fileName: 'a.txt' });
    expect(result.fileId).toBe('up1');
    await client().upload({ file: 'aGVsbG8=', fileName: 'b.txt' });
    expect(wire.seen.map((s) => `${s.method} ${s.url.href}`)).toEqual([
      'POST https://upload.imagekit.io/api/v1/files/upload',
      'POST https://upload.imagekit.io/api/v1/files/upload',
    ]);
    expect(wire.seen[0]!.headers.get('authorization')).toBe(authorization);
  });

  it('verifyWebhookEvent checks a legacy x-ik-signature like v6', async () => {
    const secret = 'whsec_legacy_secret';
    const body = JSON.stringify({ type: 'file.deleted', data: { fileId: 'f1' } });
    const t = Date.now();
    const signature = `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
    const ours = await client().verifyWebhookEvent(body, signature, secret);
    const theirs = v6().verifyWebhookEvent(body, signature, secret);
    expect(ours.timestamp).toBe(theirs.timestamp);
    expect(ours.event).toEqual(theirs.event);
    // Change the last hex digit (replacing it by a fixed digit left it unchanged 1 time in 16).
    const tampered = signature.slice(0, -1) + (signature.endsWith('0') ? '1' : '0');
    await expect(client().verifyWebhookEvent(body, tampered, secret)).rejects.toMatchObject({
      reason: 'signature_mismatch',
    });
  });
});

describe('metadata routing', () => {
  it('getFileMetadata picks /v1/metadata for a URL and the file path for an id', async () => {
    await client().getFileMetadata('https://ik.imagekit.io/demo/a.jpg');
    await client().getFileMetadata('file_1');
    await client().getRemoteFileUrlMetadata('http://ik.imagekit.io/demo/b.jpg');
    expect(wire.seen.map((s) => s.url.pathname + s.url.search)).toEqual([
      '/v1/metadata?url=https%3A%2F%2Fik.imagekit.io%2Fdemo%2Fa.jpg',
      '/v1/files/file_1/metadata',
      '/v1/metadata?url=http%3A%2F%2Fik.imagekit.io%2Fdemo%2Fb.jpg',
    ]);
  });

  it('iterateFiles pages through the client', async () => {
    wire.reply = (request) => {
      const skip = Number(new URL(request.url).searchParams.get('skip'));
      return HttpResponse.json(skip < 4 ? [{ fileId: `f${skip}` }, { fileId: `f${skip + 1}` }] : [{ fileId: 'last' }]);
    };
    const ids: string[] = [];
    for await (const item of client().iterateFiles({ limit: 2 })) ids.push((item as { fileId: string }).fileId);
    expect(ids).toEqual(['f0', 'f1', 'f2', 'f3', 'last']);
  });
});
