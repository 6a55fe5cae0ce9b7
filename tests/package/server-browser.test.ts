// The browser stub of `imagekit-universal/server` (dist/server-browser.*, written by
// `npm run build` from the built server entry). It offers the same names and types as the
// real entry, so a browser bundle builds and fails where the server code is used, not with
// a confusing "no such export"; its root names come from the root's BROWSER build, so a
// browser bundle never carries the Node transport.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { consumerDir, declarationExports, distDir, distExportNames, importDist, repoRoot, requireDist } from './helpers.js';

type Module = Record<string, any>;

const refusal = /was bundled for a browser/;
const nodeTransport = /getBuiltinModule|node:https?/;
const isClass = (value: unknown) => typeof value === 'function' && /^class\b/.test(Function.prototype.toString.call(value));
const require = createRequire(import.meta.url);

let serverNames: string[] = [];
let serverOnly: string[] = [];
let stub: Module = {};
let stubCjs: Module = {};
let rootNode: Module = {};
let rootBrowser: Module = {};
let rootBrowserCjs: Module = {};
let dir = '';

beforeAll(async () => {
  requireDist();
  for (const file of ['server-browser.d.ts', 'server-browser.d.cts', 'index-browser.js', 'index-browser.cjs']) {
    if (!existsSync(join(distDir, file))) throw new Error(`dist/${file} is missing: run \`npm run build\` first (npm test does)`);
  }
  serverNames = await distExportNames('server');
  rootNode = await importDist('index');
  rootBrowser = await importDist('index-browser');
  rootBrowserCjs = require(join(distDir, 'index-browser.cjs')) as Module;
  serverOnly = serverNames.filter((name) => !(name in rootBrowser));
  stub = await importDist('server-browser');
  stubCjs = require(join(distDir, 'server-browser.cjs')) as Module;
  dir = await consumerDir();
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Bundles `contents` from a consumer folder, resolving the package through its `exports`. */
async function bundle(contents: string, options: { format?: 'esm' | 'cjs'; treeShaking?: boolean } = {}) {
  const result = await build({
    stdin: { contents, resolveDir: dir, loader: 'js', sourcefile: 'consumer.js' },
    bundle: true,
    platform: 'browser',
    conditions: ['browser'],
    format: options.format ?? 'esm',
    treeShaking: options.treeShaking ?? true,
    target: 'es2022',
    write: false,
    metafile: true,
    absWorkingDir: repoRoot,
    logLevel: 'silent',
  });
  return { text: result.outputFiles[0]!.text, inputs: Object.keys(result.metafile.inputs) };
}

/** The text around the first match (undefined when none), so a failure shows where. */
function around(text: string, pattern: RegExp): string | undefined {
  const match = pattern.exec(text);
  return match ? `…${text.slice(Math.max(0, match.index - 120), match.index + 80)}…` : undefined;
}

describe('server-browser stub: exports', () => {
  it('exports exactly the names of dist/server.js, in ESM and in CJS', async () => {
    expect(serverOnly.length).toBeGreaterThan(0);
    expect(await distExportNames('server-browser')).toEqual(serverNames);
    expect(Object.keys(stubCjs).sort()).toEqual(serverNames);
  });

  it("re-exports the root names from the root's browser build (the same objects; upload without the Node transport)", () => {
    const shared = serverNames.filter((name) => name in rootBrowser);
    expect(shared).toContain('upload');
    expect(shared).toContain('buildUrl');
    for (const name of shared) {
      expect(stub[name], name).toBe(rootBrowser[name]);
      expect(stubCjs[name], name).toBe(rootBrowserCjs[name]);
    }
    expect(stub.upload).not.toBe(rootNode.upload);
  });

  it('every server-only export throws where it is used (class: on construct, function: on call, constant: on access)', () => {
    for (const mod of [stub, stubCjs]) {
      for (const name of serverOnly) {
        const value = mod[name];
        if (isClass(value)) expect(() => new value({ privateKey: 'private_x' }), name).toThrow(refusal);
        else if (typeof value === 'function') expect(() => value('a', {}), name).toThrow(refusal);
        else {
          expect(typeof value, `${name} must be a class, a function or a refusing object`).toBe('object');
          expect(() => value.anything, name).toThrow(refusal);
          expect(() => Object.keys(value), name).toThrow(refusal);
        }
      }
    }
  });

  it('the refusal names the right import and never echoes an argument', () => {
    let message = '';
    try {
      stub.signUrl('private_secret_value', { privateKey: 'private_secret_value' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/imagekit-universal/);
    expect(message).not.toMatch(/private_secret_value/);
  });
});

describe('server-browser stub: types', () => {
  it('declares the names of the server entry, types included (d.ts and d.cts)', () => {
    for (const ext of ['d.ts', 'd.cts']) {
      const names = declarationExports(join(distDir, `server.${ext}`));
      expect(names).toContain('ClientOptions');
      expect(declarationExports(join(distDir, `server-browser.${ext}`))).toEqual(names);
    }
  });

  it('a browser-condition TypeScript consumer type-checks against the server types', async () => {
    const file = join(dir, 'consumer.ts');
    await writeFile(
      file,
      `import { ImageKit, buildUrl, type ClientOptions, type SignUrlOptions } from 'imagekit-universal/server';
const options: ClientOptions = { privateKey: 'private_x', urlEndpoint: 'https://ik.imagekit.io/demo' };
const client: ImageKit = new ImageKit(options);
const signing: SignUrlOptions | undefined = undefined;
const url: string = buildUrl({ urlEndpoint: 'https://ik.imagekit.io/demo', src: '/a.jpg' });
// @ts-expect-error the real signature is kept: ImageKit needs its options
new ImageKit();
export { client, signing, url };
`,
    );
    const program = ts.createProgram([file], {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: [],
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      customConditions: ['browser'],
    });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(diagnostics).toEqual([]);
    const resolved = program.getSourceFiles().map((source) => source.fileName);
    expect(resolved.some((name) => name.endsWith('/dist/server-browser.d.ts'))).toBe(true);
  });
});

describe('server-browser stub: a browser bundle (esbuild, platform and condition browser)', () => {
  it('goes through dist/server-browser.js and dist/index-browser.js, never the Node builds', async () => {
    const { inputs } = await bundle(`export * from 'imagekit-universal/server';`);
    expect(inputs).toContain('dist/server-browser.js');
    expect(inputs).toContain('dist/index-browser.js');
    expect(inputs).not.toContain('dist/server.js');
    expect(inputs).not.toContain('dist/index.js');
  });

  it('holds no node:http(s) and no getBuiltinModule, with or without tree shaking, ESM or CJS', async () => {
    for (const [contents, options] of [
      [`export * from 'imagekit-universal/server';`, { treeShaking: false }],
      [`import { ImageKit, upload } from 'imagekit-universal/server'; window.ik = { ImageKit, upload };`, {}],
      [`module.exports = require('imagekit-universal/server');`, { format: 'cjs' }],
    ] as const) {
      const { text } = await bundle(contents, options);
      expect(around(text, nodeTransport), contents).toBeUndefined();
      expect(text).toMatch(refusal);
    }
  });

  it('in the bundle, new ImageKit throws a clear error and the root names work', async () => {
    const { text } = await bundle(`export { ImageKit, signUrl, buildUrl, isImageKitError, phashDistance, upload } from 'imagekit-universal/server';`);
    const file = join(dir, 'server-bundle.mjs');
    await writeFile(file, text);
    const mod = (await import(pathToFileURL(file).href)) as Module;
    expect(() => new mod.ImageKit({ privateKey: 'private_x' })).toThrow(refusal);
    expect(() => mod.signUrl('https://ik.imagekit.io/demo/a.jpg', { privateKey: 'private_x' })).toThrow(refusal);
    const input = { urlEndpoint: 'https://ik.imagekit.io/demo', src: '/a.jpg', transformation: [{ width: 300 }] };
    expect(mod.buildUrl(input)).toBe(rootNode.buildUrl(input));
    expect(mod.phashDistance('f06830ca9f1e3e90', 'f06830ca9f1e3e90')).toBe(0);
    let error: unknown;
    try {
      mod.phashDistance('not-hex!', 'f06830ca9f1e3e90');
    } catch (caught) {
      error = caught;
    }
    expect(mod.isImageKitError(error)).toBe(true);
    expect(typeof mod.upload).toBe('function');
  });
});
