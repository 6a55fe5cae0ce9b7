// How calls behave for a caller, whatever the endpoint:
// - a function that returns a promise reports every failure, caller mistakes included,
//   by rejecting it (never by a synchronous throw): `ik.getFileDetails('').catch(h)` must
//   not crash the process;
// - a function passed where `imagekit` v6 took a callback is a TypeError (the callback
//   would never run);
// - the promises of the signing calls refuse to be serialized or used as a string
//   (v6 returned the value itself: `res.send(ik.getAuthenticationParameters())`).
// The lists are read from the code and from the installed v6 package, so a new endpoint
// is covered without editing this file.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ImageKit } from '../../src/client/imagekit.js';
import * as media from '../../src/media/index.js';
import * as server from '../../src/server.js';

let fetchCalls = 0;
const countingFetch: typeof fetch = async () => {
  fetchCalls++;
  throw new Error('a caller mistake must stop the call before anything is sent');
};
const privateKey = 'private_calls_test';
const urlEndpoint = 'https://ik.imagekit.io/demo';
const context = server.createClientContext({ privateKey, urlEndpoint, fetch: countingFetch });
const client = (): ImageKit => new ImageKit({ privateKey, publicKey: 'public_x', urlEndpoint, fetch: countingFetch });

/** Exports of the server entry that are synchronous on purpose (they throw; nothing to reject). */
const synchronousExports = new Set([
  'buildUrl',
  'buildTransformationString',
  'getResponsiveImageAttributes',
  'phashDistance',
  'createClientContext',
  'isBrowserLike',
  'isPartialSuccess',
  'isWebhookEvent',
]);
/** `ImageKit` methods that are synchronous on purpose; `url` returns a string unless it signs (tested below). */
const synchronousMethods = new Set(['constructor', 'withOptions', 'phashDistance', 'pHashDistance', 'url']);

const isClass = (value: unknown): boolean => typeof value === 'function' && /^class\b/.test(Function.prototype.toString.call(value));
const isGuard = (name: string): boolean => /^is[A-Z]/.test(name);

/** Promise-returning (or async-iterator-returning) functions of the server entry. */
const asyncExports = Object.entries(server)
  .filter(([name, value]) => typeof value === 'function' && !isClass(value) && !synchronousExports.has(name) && !isGuard(name))
  .map(([name, value]) => [name, value as (...args: unknown[]) => unknown] as const);

/** Promise-returning (or async-iterator-returning) methods of `ImageKit`. */
const asyncMethods = [
  ...new Set([...Object.getOwnPropertyNames(ImageKit.prototype), ...Object.getOwnPropertyNames(Object.getPrototypeOf(ImageKit.prototype))]),
].filter((name) => !synchronousMethods.has(name));

/**
 * Calls `run` and asserts it does not throw, then that its result rejects (a promise) or
 * that the first `next()` rejects (an async iterator) with a TypeError or RangeError, and
 * that nothing was sent.
 */
async function expectRejectionOnly(run: () => unknown): Promise<Error> {
  const before = fetchCalls;
  let result: unknown;
  try {
    result = run();
  } catch (error) {
    throw new Error(`threw synchronously: ${String(error)}`);
  }
  const iterator = result as Partial<AsyncIterator<unknown>> & Partial<PromiseLike<unknown>>;
  const settled = typeof iterator.then === 'function' ? result : (iterator.next as () => Promise<unknown>).call(result);
  expect(typeof (settled as PromiseLike<unknown>).then, 'returns a promise or an async iterator').toBe('function');
  const error = await (settled as Promise<unknown>).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error, 'rejects').toBeInstanceOf(Error);
  expect([TypeError.name, RangeError.name]).toContain((error as Error).constructor.name);
  expect(fetchCalls).toBe(before);
  return error as Error;
}

describe('every promise-returning call reports caller mistakes by rejecting', () => {
  it('finds the functions and methods to check', () => {
    expect(asyncExports.length).toBeGreaterThanOrEqual(55);
    expect(asyncExports.map(([name]) => name)).toEqual(
      expect.arrayContaining([
        'signUrl',
        'getAuthenticationParameters',
        'createUploadToken',
        'verifyWebhook',
        'iterateFiles',
        'upload',
        'uploadFile',
      ]),
    );
    expect(asyncMethods.length).toBeGreaterThanOrEqual(55);
  });

  // Each export is called twice: with nothing at all, and with a real context followed by bad values.
  it.each(asyncExports)('server export %s', async (_name, fn) => {
    await expectRejectionOnly(() => fn());
    await expectRejectionOnly(() => fn(context, -1, -1, -1, -1));
  });

  it.each(asyncMethods)('ImageKit#%s', async (name) => {
    const ik = client() as unknown as Record<string, (...args: unknown[]) => unknown>;
    await expectRejectionOnly(() => ik[name]!(-1, -1, -1, -1));
  });

  it('the examples of the issue: getFileDetails(""), listFiles({ limit: 0 }), bulkAddTags([], []), copyFile({})', async () => {
    const ik = client();
    expect((await expectRejectionOnly(() => ik.getFileDetails(''))).message).toMatch(/`fileId`/);
    expect(await expectRejectionOnly(() => ik.listFiles({ limit: 0 }))).toBeInstanceOf(RangeError);
    expect((await expectRejectionOnly(() => ik.bulkAddTags([], []))).message).toMatch(/`fileIds`/);
    expect((await expectRejectionOnly(() => ik.copyFile({} as never))).message).toMatch(/`sourceFilePath`/);
  });

  it('iterateFiles: the iterator is returned, its first next() rejects', async () => {
    const pages = client().iterateFiles({ limit: 0 });
    expect(typeof pages.next).toBe('function');
    await expect(pages.next()).rejects.toThrow(/`limit`/);
    await expect(media.iterateFilePages(context, { maxItems: -1 }).next()).rejects.toThrow(/`maxItems`/);
  });

  it('url(): a signing call rejects; an unsigned one throws (it returns a string)', async () => {
    const ik = client();
    expect((await expectRejectionOnly(() => ik.url({ path: '/a.jpg', signed: true, transformationPosition: 'middle' as never }))).message).toMatch(
      /transformationPosition/,
    );
    await expectRejectionOnly(() => ik.url({ path: '/a.jpg', expireSeconds: -1 }));
    await expectRejectionOnly(() => ik.url({ signed: true, path: -1 as never }));
    expect(() => ik.url({ path: '/a.jpg', transformationPosition: 'middle' as never })).toThrow(TypeError);
    expect(() => ik.url(null as never)).toThrow(/`options`/);
  });

  it('the request options argument is checked: a non-object or an unknown key is a TypeError', async () => {
    await expectRejectionOnly(() => media.listOrigins(context, 'fast' as never));
    const unknown = await expectRejectionOnly(() => media.getFileDetails(context, 'f1', { baseUrl: 'https://evil.example' } as never));
    expect(unknown.message).toMatch(/`baseUrl`/);
    await expectRejectionOnly(() => media.listFiles(context, {}, { retry: 'always' } as never));
  });
});

/** The v6 methods that take a callback, with the callback's position, read from the installed v6 typings. */
function v6CallbackMethods(): Array<[string, number, string[]]> {
  const require = createRequire(import.meta.url);
  const typings = readFileSync(join(dirname(require.resolve('imagekit/package.json')), 'dist/index.d.ts'), 'utf8');
  const found = new Map<string, [string, number, string[]]>();
  for (const match of typings.matchAll(/^\s+(\w+)\((.*)\):/gm)) {
    const [, name, list] = match as unknown as [string, string, string];
    // Split the parameter list on top-level commas (types such as IKCallback<A, B> hold commas).
    const params: string[] = [];
    let depth = 0;
    let current = '';
    for (const char of list) {
      if (char === '<' || char === '(' || char === '{') depth++;
      if (char === '>' || char === ')' || char === '}') depth--;
      if (char === ',' && depth === 0) {
        params.push(current.trim());
        current = '';
      } else current += char;
    }
    if (current.trim()) params.push(current.trim());
    const position = params.findIndex((param) => /^callback\??:/.test(param));
    if (position >= 0) found.set(name, [name, position, params.slice(0, position).map((param) => param.split(':')[1]!.trim())]);
  }
  return [...found.values()];
}

/** A plausible value of a v6 parameter type. */
const sample = (type: string): unknown => (type === 'string' ? 'file_1' : type === 'string[]' ? ['file_1'] : {});

describe('a function where imagekit v6 took a callback is a TypeError', () => {
  const methods = v6CallbackMethods();

  it('reads the v6 methods that take a callback', () => {
    expect(methods.length).toBeGreaterThanOrEqual(28);
    expect(methods.map(([name]) => name)).toEqual(expect.arrayContaining(['listFiles', 'upload', 'bulkAddTags', 'bulkDeleteFiles']));
  });

  it.each(methods)('%s(…, callback) at position %i rejects, and the callback never runs', async (name, position, types) => {
    const ik = client() as unknown as Record<string, (...args: unknown[]) => unknown>;
    expect(typeof ik[name], `ImageKit has ${name}`).toBe('function');
    let called = false;
    const callback = (): void => {
      called = true;
    };
    const error = await expectRejectionOnly(() => ik[name]!(...types.map(sample), callback));
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toMatch(/returns a promise/);
    expect(error.message).toMatch(/`await`/);
    await new Promise((resolve) => setImmediate(resolve));
    expect(called).toBe(false);
  });

  it('the standalone functions refuse a callback in the options slot', async () => {
    const callback = (): void => {};
    for (const run of [
      () => media.listFiles(context, {}, callback as never),
      () => media.getFileDetails(context, 'f1', callback as never),
      () => media.listOrigins(context, callback as never),
      () => media.listFiles(context, callback as never),
      () => media.iterateFiles(context, {}, callback as never),
    ]) {
      expect((await expectRejectionOnly(run)).message).toMatch(/returns a promise/);
    }
  });
});

describe('signing promises refuse to be serialized or used as a string', () => {
  const expire = (): number => Math.floor(Date.now() / 1000) + 600;
  const url = `${urlEndpoint}/a.jpg`;
  const calls: Array<[string, () => Promise<unknown>]> = [
    ['getAuthenticationParameters', () => server.getAuthenticationParameters({ privateKey })],
    ['signUrl', () => server.signUrl(url, { privateKey, urlEndpoint })],
    ['signUrls', () => server.signUrls([url], { privateKey, urlEndpoint })],
    ['signResponsiveImageAttributes', () => server.signResponsiveImageAttributes({ src: url }, { privateKey, urlEndpoint })],
    ['createUploadToken', () => server.createUploadToken({ privateKey, publicKey: 'public_x', fields: { fileName: 'a.jpg' } })],
    ['imagekit.getAuthenticationParameters', () => client().getAuthenticationParameters('token-1', expire())],
    ['imagekit.url', () => client().url({ path: '/a.jpg', signed: true })],
  ];

  it.each(calls)('%s', async (name, call) => {
    const promise = call();
    const refused = new RegExp(`${name.replace('.', '\\.')}\\(\\)\` returns a Promise: \`await\` it`);
    expect(() => JSON.stringify(promise)).toThrow(TypeError);
    expect(() => JSON.stringify(promise)).toThrow(refused);
    expect(() => JSON.stringify({ auth: promise })).toThrow(refused);
    expect(() => `${promise as unknown as string}`).toThrow(refused);
    expect(() => String(promise)).toThrow(refused);
    expect(() => (promise as unknown as string) + '').toThrow(refused);
    expect(() => Response.json(promise)).toThrow(refused); // what an edge auth endpoint would do
    // Invisible otherwise: no enumerable key, inspectable, and awaited as usual.
    expect(Object.keys(promise)).toEqual([]);
    expect({ ...promise }).toEqual({});
    expect(() => inspect(promise)).not.toThrow();
    const value = await promise;
    expect(JSON.stringify(value)).toBe(JSON.stringify(await promise.then((same) => same)));
    expect(value).not.toBeInstanceOf(Promise);
  });

  it('a rejected signing promise still rejects as usual', async () => {
    const promise = server.signUrl('https://elsewhere.example/a.jpg', { privateKey, urlEndpoint });
    expect(() => String(promise)).toThrow(/`await` it/);
    await expect(promise).rejects.toThrow(/under `urlEndpoint`/);
  });
});
