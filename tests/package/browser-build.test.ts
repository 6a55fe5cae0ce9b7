// The root entry's browser build (package.json `exports["."].browser` → dist/index-browser.*),
// resolved the way bundlers resolve it: from a consumer folder whose node_modules links to
// this package. What a browser bundler gets for `upload` has no Node transport; a Node
// build still has it; both builds export the same names and share the error classes.
// (tests/runtimes/browser-bundle.test.ts uploads with that bundle in a real Chromium.)
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { build, type Platform } from 'esbuild';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { consumerDir, declarationExports, distDir, distExportNames, importDist, repoRoot, requireDist } from './helpers.js';
import { startUploadServer, okResponder, type UploadServer } from '../upload/server.js';

type Module = Record<string, any>;

let dir = '';
let nodeEsm: Module;
let browserEsm: Module;
let nodeCjs: Module;
let browserCjs: Module;

beforeAll(async () => {
  requireDist();
  for (const file of ['index-browser.js', 'index-browser.cjs', 'index-browser.d.ts', 'index-browser.d.cts']) {
    if (!existsSync(join(distDir, file))) throw new Error(`dist/${file} is missing: run \`npm run build\` first (npm test does)`);
  }
  dir = await consumerDir();
  nodeEsm = await importDist('index');
  browserEsm = await importDist('index-browser');
  const require = createRequire(import.meta.url);
  nodeCjs = require(join(distDir, 'index.cjs')) as Module;
  browserCjs = require(join(distDir, 'index-browser.cjs')) as Module;
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

interface BundleOptions {
  platform: Platform;
  conditions?: string[];
  format?: 'esm' | 'cjs';
  minify?: boolean;
  treeShaking?: boolean;
}

/** Bundles a consumer module that imports `imagekit-universal` by name, as an app's bundler would. */
async function bundle(contents: string, options: BundleOptions) {
  const result = await build({
    stdin: { contents, resolveDir: dir, loader: 'js', sourcefile: 'consumer.js' },
    bundle: true,
    format: options.format ?? 'esm',
    platform: options.platform,
    ...(options.conditions ? { conditions: options.conditions } : {}),
    minify: options.minify ?? false,
    treeShaking: options.treeShaking ?? true,
    target: 'es2022',
    write: false,
    metafile: true,
    // Metafile paths are relative to this; the symlinked package resolves to its real path.
    absWorkingDir: repoRoot,
    logLevel: 'silent',
  });
  const text = result.outputFiles[0]!.text;
  return { text, inputs: Object.keys(result.metafile.inputs), gzipBytes: gzipSync(text, { level: 9 }).length };
}

const nodeTransport = /getBuiltinModule|node:https?/;

/** The text around the first match (undefined when none), so a failure shows where, not the whole bundle. */
function around(text: string, pattern: RegExp): string | undefined {
  const match = pattern.exec(text);
  return match ? `…${text.slice(Math.max(0, match.index - 120), match.index + 80)}…` : undefined;
}
const uploadConsumer = `export { upload } from 'imagekit-universal';`;

describe('a browser bundle of the root upload (browser condition)', () => {
  it('resolves to dist/index-browser.js and holds no getBuiltinModule / node:http(s)', async () => {
    const { text, inputs } = await bundle(uploadConsumer, { platform: 'browser', minify: true });
    expect(inputs).toContain('dist/index-browser.js');
    expect(inputs).not.toContain('dist/index.js');
    expect(/XMLHttpRequest/.test(text)).toBe(true);
    expect(around(text, nodeTransport)).toBeUndefined();
  });

  it('holds no Node transport even without tree shaking (the whole ESM build and its chunks)', async () => {
    const { text } = await bundle(`export * from 'imagekit-universal';`, { platform: 'browser', treeShaking: false });
    expect(/XMLHttpRequest/.test(text)).toBe(true);
    expect(around(text, nodeTransport)).toBeUndefined();
  });

  it('require() under the browser condition gets dist/index-browser.cjs, with no Node transport', async () => {
    const { text, inputs } = await bundle(`module.exports = require('imagekit-universal').upload;`, { platform: 'browser', format: 'cjs' });
    expect(inputs).toContain('dist/index-browser.cjs');
    expect(inputs).not.toContain('dist/index.cjs');
    expect(around(text, nodeTransport)).toBeUndefined();
  });

  it('workerd / worker bundles (conditions workerd, worker, browser) get the browser build too', async () => {
    const { text, inputs } = await bundle(uploadConsumer, { platform: 'neutral', conditions: ['workerd', 'worker', 'browser'] });
    expect(inputs).toContain('dist/index-browser.js');
    expect(around(text, nodeTransport)).toBeUndefined();
  });

  it('tree shaking still works: buildUrl alone is no bigger from the browser build', async () => {
    const viaBrowser = await bundle(`export { buildUrl } from 'imagekit-universal';`, { platform: 'browser', minify: true });
    const viaNodeBuild = await bundle(`export { buildUrl } from 'imagekit-universal';`, { platform: 'node', minify: true });
    expect(viaBrowser.inputs).toContain('dist/index-browser.js');
    expect(viaNodeBuild.inputs).toContain('dist/index.js');
    expect(viaBrowser.gzipBytes).toBeLessThanOrEqual(viaNodeBuild.gzipBytes);
    expect(around(viaBrowser.text, /XMLHttpRequest|getBuiltinModule/)).toBeUndefined();
  });

  it('is smaller than the same upload bundled from the Node-capable build by path', async () => {
    const browser = await bundle(uploadConsumer, { platform: 'browser', minify: true });
    // dist/index.js is not an `exports` subpath, so only a path import reaches it from a browser build.
    const byPath = await build({
      stdin: { contents: `export { upload } from './dist/index.js';`, resolveDir: repoRoot, loader: 'js' },
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      write: false,
      logLevel: 'silent',
    });
    const text = byPath.outputFiles[0]!.text;
    expect(nodeTransport.test(text)).toBe(true);
    expect(browser.gzipBytes).toBeLessThan(gzipSync(text, { level: 9 }).length - 300);
  });
});

describe('the root upload outside browser bundles keeps the Node transport', () => {
  it('platform node resolves to dist/index.js, which holds the node:http(s) transport', async () => {
    const { text, inputs } = await bundle(uploadConsumer, { platform: 'node', minify: true });
    expect(inputs).toContain('dist/index.js');
    expect(inputs).not.toContain('dist/index-browser.js');
    expect(/getBuiltinModule/.test(text)).toBe(true);
    expect(/node:http/.test(text)).toBe(true);
  });

  it.each([[[]], [['deno']], [['bun']]])('platform neutral with conditions %j resolves to dist/index.js', async (conditions) => {
    const { inputs } = await bundle(uploadConsumer, { platform: 'neutral', conditions });
    expect(inputs).toContain('dist/index.js');
  });
});

describe('the browser build exports what the root entry exports', () => {
  it('same names as dist/index.js (ESM) and dist/index.cjs (CJS)', async () => {
    const names = await distExportNames('index');
    expect(names).toContain('upload');
    expect(await distExportNames('index-browser')).toEqual(names);
    expect(Object.keys(browserCjs).sort()).toEqual(Object.keys(nodeCjs).sort());
  });

  it('same declared names, types included (index-browser.d.ts / .d.cts vs index.d.ts / .d.cts)', () => {
    for (const ext of ['d.ts', 'd.cts']) {
      const names = declarationExports(join(distDir, `index.${ext}`));
      expect(names).toContain('ClientUploadOptions');
      expect(declarationExports(join(distDir, `index-browser.${ext}`))).toEqual(names);
    }
  });

  it('every export but upload is the very same object in both builds (shared chunks): one error class tree', () => {
    for (const [a, b] of [
      [nodeEsm, browserEsm],
      [nodeCjs, browserCjs],
    ] as const) {
      const differing = Object.keys(a).filter((name) => a[name] !== b[name]);
      expect(differing).toEqual(['upload']);
      expect(typeof b.upload).toBe('function');
    }
  });

  it('the guards recognise errors across both builds and both formats (Symbol.for brand)', () => {
    const builds = [nodeEsm, browserEsm, nodeCjs, browserCjs];
    for (const maker of builds) {
      let error: unknown;
      try {
        maker.phashDistance('not-hex!', 'f06830ca9f1e3e90');
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(Error);
      for (const guard of builds) expect(guard.isImageKitError(error)).toBe(true);
      expect(error instanceof browserEsm.PhashError || error instanceof browserCjs.PhashError).toBe(true);
    }
  });
});

describe('which transport each build sends with on Node', () => {
  let server: UploadServer | undefined;

  afterAll(async () => {
    await server?.close();
  });

  const options = (url: string, extra: Record<string, unknown> = {}) => ({
    file: new Uint8Array([1, 2, 3]),
    fileName: 'a.bin',
    publicKey: 'public_x',
    token: 't',
    signature: 's',
    expire: 1900000000,
    uploadBaseUrl: url,
    maxRetries: 0,
    ...extra,
  });

  /** Runs `fn` with the global `fetch` wrapped in a counter. */
  async function countingGlobalFetch<T>(fn: () => Promise<T>): Promise<{ value: T; calls: number }> {
    const original = globalThis.fetch;
    let calls = 0;
    globalThis.fetch = ((...args: Parameters<typeof fetch>) => {
      calls++;
      return original(...args);
    }) as typeof fetch;
    try {
      return { value: await fn(), calls };
    } finally {
      globalThis.fetch = original;
    }
  }

  it('dist/index.js streams through node:http (global fetch untouched); dist/index-browser.js uses fetch (no XHR here)', async () => {
    server = await startUploadServer({ respond: okResponder() });
    const viaNode = await countingGlobalFetch<Module>(() => nodeEsm.upload(options(server!.url)));
    expect(viaNode.value.fileId).toBe('file_1');
    expect(viaNode.calls).toBe(0);
    const viaBrowser = await countingGlobalFetch<Module>(() => browserEsm.upload(options(server!.url)));
    expect(viaBrowser.value.fileId).toBe('file_1');
    expect(viaBrowser.calls).toBe(1);
    expect(server.received.map((r) => r.form?.get('fileName'))).toEqual(['a.bin', 'a.bin']);
  });

  it('an injected fetch wins in the browser build', async () => {
    const calls: string[] = [];
    const injected = async (input: RequestInfo | URL) => {
      calls.push(String(input instanceof Request ? input.url : input));
      return new Response(JSON.stringify({ fileId: 'injected', name: 'a.bin', filePath: '/a.bin', url: 'https://ik.imagekit.io/demo/a.bin' }), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    };
    const result = await browserEsm.upload(options('https://upload.example.invalid', { fetch: injected }));
    expect(result.fileId).toBe('injected');
    expect(calls).toEqual(['https://upload.example.invalid/api/v1/files/upload']);
  });
});
