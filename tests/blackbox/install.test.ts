// The packed package, installed in a temp project: every entry loads by package name
// from ESM and CJS, TypeScript consumers (bundler, node16, nodenext; strict) see the
// types and get errors for wrong options, and the `imagekit-emulator` bin starts.
import { spawn } from 'node:child_process';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installPacked, repoRoot, runIn, type Installed } from './installed.js';

let installed: Installed;
beforeAll(async () => {
  installed = await installPacked();
}, 90_000);
afterAll(() => installed?.remove());

const entries = ['imagekit-universal', 'imagekit-universal/server', 'imagekit-universal/testing'];

describe('runtime resolution by package name', () => {
  it('ESM import and CJS require of all three entries give the same export names', async () => {
    const script = `
      const { createRequire } = await import('node:module');
      const require = createRequire(process.cwd() + '/x.cjs');
      const out = {};
      for (const name of ${JSON.stringify(entries)}) {
        const esm = Object.keys(await import(name)).sort();
        const cjs = Object.keys(require(name)).filter((k) => k !== '__esModule').sort();
        out[name] = { esm, cjs };
      }
      console.log(JSON.stringify(out));`;
    const { stdout } = await runIn(installed.dir, ['--input-type=module', '-e', script]);
    const out = JSON.parse(stdout) as Record<string, { esm: string[]; cjs: string[] }>;
    for (const name of entries) {
      expect(out[name]!.esm.length, name).toBeGreaterThan(0);
      expect(out[name]!.cjs, name).toEqual(out[name]!.esm);
    }
    expect(out['imagekit-universal']!.esm).toEqual(expect.arrayContaining(['buildUrl', 'upload', 'ApiError', 'isApiError']));
    expect(out['imagekit-universal/server']!.esm).toEqual(expect.arrayContaining(['ImageKit', 'signUrl', 'verifyWebhook', 'buildUrl']));
    expect(out['imagekit-universal/testing']!.esm).toEqual(expect.arrayContaining(['createEmulator', 'startEmulator']));
  });

  it('errors from the CJS copy are recognised by the ESM guards', async () => {
    const script = `
      const { createRequire } = await import('node:module');
      const cjs = createRequire(process.cwd() + '/x.cjs')('imagekit-universal');
      const esm = await import('imagekit-universal');
      const e = new cjs.NotFoundError({ status: 404, headers: {}, body: {}, method: 'GET', path: '/v1/x' });
      console.log(JSON.stringify([esm.isApiError(e), esm.isNotFoundError(e), esm.isImageKitError(e), e instanceof esm.ApiError]));`;
    const { stdout } = await runIn(installed.dir, ['--input-type=module', '-e', script]);
    expect(JSON.parse(stdout)).toEqual([true, true, true, false]);
  });

  it('the imagekit-emulator bin starts and serves the API', async () => {
    const pkg = JSON.parse(await readFile(join(installed.dir, 'node_modules/imagekit-universal/package.json'), 'utf8')) as {
      bin: Record<string, string>;
    };
    const bin = join(installed.dir, 'node_modules/imagekit-universal', pkg.bin['imagekit-emulator']!);
    expect((await readFile(bin, 'utf8')).startsWith('#!/usr/bin/env node')).toBe(true);
    const child = spawn(process.execPath, [bin, '--port', '0'], { cwd: installed.dir, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const [url, privateKey] = await new Promise<[string, string]>((resolve, reject) => {
        let text = '';
        const timer = setTimeout(() => reject(new Error(`no URL printed: ${text}`)), 20_000);
        child.stdout.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          const url = /http:\/\/127\.0\.0\.1:\d+/.exec(text);
          const key = /privateKey:\s+(\S+)/.exec(text);
          if (url && key) {
            clearTimeout(timer);
            resolve([url[0], key[1]!]);
          }
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}: ${text}`)));
      });
      // The keys are random per start: the printed one works.
      const response = await fetch(`${url}/v1/files`, {
        headers: { authorization: `Basic ${btoa(`${privateKey}:`)}` },
      });
      expect(response.status).toBe(200);
      expect(Array.isArray(await response.json())).toBe(true);
    } finally {
      child.kill();
    }
  });
});

const goodSource = `
import { buildUrl, upload, ApiError, isApiError, isRateLimitError, type Transformation, type UploadResponse } from 'imagekit-universal';
import { ImageKit, signUrl, getAuthenticationParameters, verifyWebhook } from 'imagekit-universal/server';
import { createEmulator, startEmulator } from 'imagekit-universal/testing';
const step: Transformation = { width: 300, crop: 'maintain_ratio', raw: 'anything_else-x' };
export const url: string = buildUrl({ urlEndpoint: 'https://ik.imagekit.io/demo', path: '/a.jpg', transformation: [step] });
export function describe(error: unknown, result: UploadResponse): string {
  const requestId: string | undefined = result.$ResponseMetadata.requestId;
  if (isRateLimitError(error)) return String(error.retryAfterMs);
  if (isApiError(error)) return error.status + (error.requestId ?? '') + error.path;
  if (error instanceof ApiError) return error.method;
  return result.fileId ?? requestId ?? '';
}
export async function flow(): Promise<void> {
  const emulator = await startEmulator();
  const imagekit = new ImageKit({ privateKey: emulator.privateKey, baseUrl: emulator.url, uploadBaseUrl: emulator.url, timeout: 1000, maxRetries: 0 });
  const file = await imagekit.uploadFile({ file: new Blob(['x']), fileName: 'a.txt', tags: ['t'] });
  const files = await imagekit.listFiles({ limit: 1 });
  const names: string[] = files.map((f) => f.name);
  await signUrl(url, { privateKey: 'k', urlEndpoint: 'https://ik.imagekit.io/demo', expireSeconds: 60 });
  const auth: { token: string; expire: number; signature: string } = await getAuthenticationParameters({ privateKey: 'k' });
  await upload({ file: new Blob(['x']), fileName: 'b', publicKey: 'p', ...auth, signal: new AbortController().signal });
  await verifyWebhook({ body: '{}', headers: new Headers() }, { secret: 's' });
  createEmulator().reset();
  void file.$ResponseMetadata.statusCode; void names;
  await emulator.close();
}
`;

const badSource = `
import { buildUrl, upload, type Transformation } from 'imagekit-universal';
import { ImageKit } from 'imagekit-universal/server';
export const a: Transformation = { width: 300, crop: 'not_a_crop' };
export const b: Transformation = { widht: 300 };
buildUrl({ urlEndpoint: 'https://x.io', path: '/a', transformationPosition: 'middle' });
buildUrl({ urlEndpoint: 'https://x.io', path: '/a', src: 'https://x.io/b' });
new ImageKit({ privateKey: 1 });
new ImageKit({ privateKey: 'x', maxRetries: '2' });
new ImageKit({ privateKey: 'x', timout: 100 });
void upload({ file: new Blob(['x']), fileName: 'b', publicKey: 'p', privateKey: 'secret' });
`;
const badLines = 8;

const setups = [
  { name: 'bundler', type: 'module', compilerOptions: { module: 'esnext', moduleResolution: 'bundler' } },
  { name: 'node16 (CJS project)', type: 'commonjs', compilerOptions: { module: 'node16', moduleResolution: 'node16' } },
  { name: 'nodenext (ESM project)', type: 'module', compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext' } },
] as const;

async function tsc(setup: (typeof setups)[number], source: string): Promise<string[]> {
  const dir = join(installed.dir, `ts-${setup.name.replace(/\W+/g, '-')}-${source === goodSource ? 'good' : 'bad'}`);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: setup.type }));
  await writeFile(join(dir, 'main.ts'), source);
  const compilerOptions = {
    ...setup.compilerOptions,
    target: 'es2022',
    lib: ['es2022', 'dom'],
    strict: true,
    types: [],
    skipLibCheck: true,
    noEmit: true,
  };
  await writeFile(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['main.ts'] }));
  try {
    await runIn(dir, [join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], 60_000);
    return [];
  } catch (error) {
    const stdout = (error as { stdout?: string }).stdout ?? '';
    return stdout.split('\n').filter((line) => line.includes('error TS'));
  }
}

describe('TypeScript consumers (strict)', () => {
  it.each(setups)(
    '$name: the types resolve and a correct program compiles',
    async (setup) => {
      expect(await tsc(setup, goodSource)).toEqual([]);
    },
    60_000,
  );

  it.each(setups)(
    '$name: every wrong option is a type error',
    async (setup) => {
      const errors = await tsc(setup, badSource);
      const lines = new Set(errors.map((line) => /main\.ts\((\d+),/.exec(line)?.[1]));
      expect(errors.join('\n')).not.toMatch(/Cannot find module|TS7016/);
      expect(lines.size, errors.join('\n')).toBe(badLines);
    },
    60_000,
  );
});
