// The runtime matrix (docs/testing.md, "Runtime matrix"): the BUILT package runs in
// Node 22, Deno, Bun, workerd (via miniflare) and Chromium, each computing known
// answers with tests/runtimes/probe.mjs. Truth comes from the host Node: node:crypto HMACs,
// published pHash vectors and a BigInt popcount, and the same dist/ calls made here.
// The runtimes are installed by `npm run setup` (.ci/install.sh); a missing one fails.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFile } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { bundleWorker, loadMiniflare, repoRoot, runtimeBinary, runtimeEnv, runtimesDir } from '../support/runtimes.js';
import { chromiumLaunchOptions } from '../support/chromium.js';

const run = promisify(execFile);
type Json = any;

// ---- inputs and host-side truth -------------------------------------------------------

const urlEndpoint = 'https://ik.imagekit.io/demo';
const privateKey = 'private_matrix_key_ü';
const webhookSecret = 'whsec_matrixSecret+/=';
const nowSeconds = Math.floor(Date.now() / 1000);

const hmacHex = (alg: 'sha1' | 'sha256', key: string, msg: string) => createHmac(alg, key).update(msg, 'utf8').digest('hex');
const popcount = (a: string, b: string) => {
  let x = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
  let n = 0;
  for (; x; x &= x - 1n) n++;
  return n;
};

const webhookBody = JSON.stringify({
  type: 'video.transformation.accepted',
  id: 'evt_matrix_1',
  created_at: '2025-01-01T00:00:00.000Z',
  request: { url: 'https://ik.imagekit.io/demo/v.mp4?tr=vc-h264', x_request_id: 'req-1', user_agent: 'probe' },
  data: {
    asset: { url: 'https://ik.imagekit.io/demo/v.mp4' },
    transformation: { type: 'video-transformation', options: { video_codec: 'h264', format: 'mp4' } },
  },
});
const standardId = 'msg_matrix_1';
const legacyMs = Date.now();
const standardSignature = createHmac('sha256', webhookSecret).update(`${standardId}.${nowSeconds}.${webhookBody}`).digest('base64');

const input = {
  buildUrl: [
    { urlEndpoint, path: '/default-image.jpg', transformation: [{ width: 300, height: 200 }] },
    {
      urlEndpoint,
      path: '/folder/ünïcode 文件 #1.jpg',
      transformation: [{ width: 400, overlay: { type: 'text', text: 'Hello, wörld' } }],
      transformationPosition: 'query',
      queryParameters: { v: '2', a: 'b c' },
    },
    { urlEndpoint: `${urlEndpoint}/`, src: `${urlEndpoint}/p/a.png?x=1`, transformation: [{ raw: 'l-text,i-Hi,l-end' }, { rotation: 90 }] },
    { urlEndpoint, path: "/it's+100%.png", transformation: [{ quality: 80, format: 'webp' }] },
  ],
  buildTransformationString: [[{ width: 100 }, { rotation: 90, quality: 80 }], []],
  responsive: [
    { src: '/img.jpg', urlEndpoint, width: 400 },
    { src: '/img.jpg', urlEndpoint, sizes: '(min-width: 768px) 50vw, 100vw' },
  ],
  // Published vectors (the legacy SDKs' tests; docs/url-and-signing-rules.md): distances 0, 17 and 37.
  phash: [
    ['f06830ca9f1e3e90', 'f06830ca9f1e3e90'],
    ['2d5ad3936d2e015b', '2d6ed293db36a4fb'],
    ['a4a65595ac94518b', '7838873e791f8400'],
  ],
  phashInvalid: ['not-hex!', 'f06830ca9f1e3e90'],
  sign: {
    privateKey,
    urlEndpoint,
    url: `${urlEndpoint}/tr:w-100/folder/%C3%BCn%C3%AF.png?v=2&tr=h-50`,
    urls: [`${urlEndpoint}/a.jpg`, `${urlEndpoint}/tr:w-100/b.jpg?x=1`],
  },
  auth: { privateKey, token: 'matrix-token-1', expire: nowSeconds + 600 },
  webhookSecret,
  webhooks: [
    {
      body: webhookBody,
      headers: { 'webhook-id': standardId, 'webhook-timestamp': String(nowSeconds), 'webhook-signature': `v1,${standardSignature}` },
    },
    { body: webhookBody, headers: { 'x-ik-signature': `t=${legacyMs},v1=${hmacHex('sha256', webhookSecret, `${legacyMs}.${webhookBody}`)}` } },
    {
      body: webhookBody.replace('h264', 'av1'),
      headers: { 'webhook-id': standardId, 'webhook-timestamp': String(nowSeconds), 'webhook-signature': `v1,${standardSignature}` },
    },
  ],
  expectStub: false,
};

/** Checks a signed URL against node:crypto: ik-s = HMAC-SHA1(key, URL after the endpoint + expiry). */
function expectValidSignature(signed: string, unsigned: string): number | undefined {
  const match = /[?&](?:ik-t=(\d+)&)?ik-s=([0-9a-f]{40})$/.exec(signed);
  expect(match, `no ik-s at the end of ${signed}`).not.toBeNull();
  const base = signed.slice(0, match!.index);
  expect(base).toBe(unsigned);
  const expiry = match![1] ?? '9999999999';
  expect(match![2]).toBe(hmacHex('sha1', privateKey, `${base.slice(urlEndpoint.length + 1)}${expiry}`));
  return match![1] === undefined ? undefined : Number(match![1]);
}

// ---- runners ----------------------------------------------------------------------------

let workDir = '';
const results = new Map<string, { value?: Json; error?: unknown }>();
let host: { root: Json; server: Json; rootNames: string[]; serverNames: string[]; stubNames: string[] };

function parseResult(stdout: string): Json {
  const line = stdout.split('\n').find((l) => l.startsWith('__RESULT__'));
  if (!line) throw new Error(`the probe printed no result:\n${stdout}`);
  return JSON.parse(line.slice('__RESULT__'.length));
}

const entryScript = (inputJson: string) => `
import * as root from 'imagekit-universal';
import * as server from 'imagekit-universal/server';
import { runProbe } from './probe.mjs';
console.log('__RESULT__' + JSON.stringify(await runProbe(root, server, JSON.parse(${JSON.stringify(inputJson)}))));
`;

/** A consumer folder: package.json, node_modules/imagekit-universal → this repo, the probe. */
async function prepareConsumer(): Promise<void> {
  workDir = await mkdtemp(join(tmpdir(), 'ik-matrix-'));
  await mkdir(join(workDir, 'node_modules'));
  await symlink(repoRoot, join(workDir, 'node_modules', 'imagekit-universal'), 'dir');
  await writeFile(join(workDir, 'package.json'), JSON.stringify({ name: 'matrix-consumer', private: true, type: 'module' }));
  await copyFile(join(runtimesDir, 'probe.mjs'), join(workDir, 'probe.mjs'));
  await writeFile(join(workDir, 'entry.mjs'), entryScript(JSON.stringify(input)));
}

async function runBinary(binary: 'node' | 'deno' | 'bun', args: string[]): Promise<Json> {
  const { stdout } = await run(runtimeBinary(binary), args, { cwd: workDir, env: runtimeEnv, timeout: 30_000, maxBuffer: 16 << 20 });
  return parseResult(stdout);
}

async function runWorkerd(): Promise<Json> {
  const Miniflare = loadMiniflare();
  // What wrangler does: bundle with the worker conditions (which include `browser`).
  const { script } = await bundleWorker({
    stdin: {
      contents: `
        import * as root from 'imagekit-universal';
        import * as server from 'imagekit-universal/server';
        import { runProbe } from './probe.mjs';
        const input = JSON.parse(${JSON.stringify(JSON.stringify(input))});
        export default { async fetch() { return Response.json(await runProbe(root, server, input)); } };`,
      resolveDir: workDir,
      loader: 'js',
    },
  });
  const mf = new Miniflare({ modules: true, script, compatibilityDate: '2025-07-01' });
  try {
    const response = await mf.dispatchFetch('http://localhost/');
    return await response.json();
  } finally {
    await mf.dispose();
  }
}

/** Chromium loads dist/index.js and dist/server-browser.js as native ES modules. */
async function runChromium(): Promise<Json> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch(await chromiumLaunchOptions());
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    const origin = 'http://localhost:9/';
    const html = `<!doctype html><script type="module">
      import * as root from '/dist/index.js';
      import * as server from '/dist/server-browser.js';
      import { runProbe } from '/tests/runtimes/probe.mjs';
      window.__probe = runProbe(root, server, ${JSON.stringify({ ...input, expectStub: true })});
    </script>`;
    // Every request is answered from disk here: nothing leaves the process, no server runs.
    await page.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.origin + '/' !== origin) return route.abort();
      if (url.pathname === '/') return route.fulfill({ contentType: 'text/html; charset=utf-8', body: html });
      const file = normalize(join(repoRoot, decodeURIComponent(url.pathname)));
      const allowed = [join(repoRoot, 'dist') + sep, join(runtimesDir, 'probe.mjs')];
      if (!allowed.some((prefix) => file === prefix || file.startsWith(prefix)) || !existsSync(file)) {
        errors.push(`404 ${url.pathname}`);
        return route.fulfill({ status: 404, body: 'not found' });
      }
      return route.fulfill({ contentType: 'text/javascript; charset=utf-8', body: await readFile(file, 'utf8') });
    });
    await page.goto(origin);
    await page
      .waitForFunction(() => (window as unknown as { __probe?: unknown }).__probe !== undefined, undefined, { timeout: 15_000 })
      .catch(() => {
        throw new Error(`the page never ran the probe: ${errors.join('; ') || 'no page error'}`);
      });
    const value: Json = await page.evaluate(() => (window as unknown as { __probe: Promise<unknown> }).__probe);
    value.userAgent = await page.evaluate(() => navigator.userAgent);
    return value;
  } finally {
    await browser.close();
  }
}

const runtimes: Array<[string, () => Promise<Json>]> = [
  ['node22', () => runBinary('node', ['entry.mjs'])],
  ['deno', () => runBinary('deno', ['run', '--allow-read', '--allow-env', 'entry.mjs'])],
  ['bun', () => runBinary('bun', ['run', 'entry.mjs'])],
  ['workerd', runWorkerd],
  ['chromium', runChromium],
];

beforeAll(async () => {
  if (!existsSync(join(repoRoot, 'dist', 'index.js'))) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
  const root = await import(pathToFileURL(join(repoRoot, 'dist', 'index.js')).href);
  const server = await import(pathToFileURL(join(repoRoot, 'dist', 'server.js')).href);
  const stub = await import(pathToFileURL(join(repoRoot, 'dist', 'server-browser.js')).href);
  host = {
    root,
    server,
    rootNames: Object.keys(root).sort(),
    serverNames: Object.keys(server).sort(),
    stubNames: Object.keys(stub).sort(),
  };
  await prepareConsumer();
  // All runtimes at once: the matrix is bound by process start-up, not CPU.
  await Promise.all(
    runtimes.map(async ([name, runner]) => {
      try {
        results.set(name, { value: await runner() });
      } catch (error) {
        results.set(name, { error });
      }
    }),
  );
}, 90_000);

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

/** Host answers for the root cases, with the same error shape as the probe. */
function hostAnswers(fn: (arg: any) => unknown, cases: unknown[]): Json[] {
  return cases.map((c) => {
    try {
      return { value: JSON.parse(JSON.stringify(fn(c))) };
    } catch (error: any) {
      return { error: { name: error?.name, message: String(error?.message), reason: error?.reason } };
    }
  });
}

describe.each(runtimes.map(([name]) => name))('%s', (name) => {
  const result = (): Json => {
    const entry = results.get(name);
    if (!entry) throw new Error(`${name} did not run`);
    if (entry.error) throw entry.error;
    return entry.value;
  };

  it('loads the package and sees the same root exports as Node', () => {
    const r = result();
    console.log(`runtime matrix: ${name} = ${r.userAgent ?? r.runtime}`);
    expect(r.rootExports).toEqual(host.rootNames);
  });

  it('builds the same URLs, transformation strings and responsive attributes as Node', () => {
    const r = result();
    expect(r.buildUrl).toEqual(hostAnswers((c) => host.root.buildUrl(c), input.buildUrl));
    expect(r.buildUrl.every((a: Json) => typeof a.value === 'string')).toBe(true);
    expect(r.buildTransformationString).toEqual(hostAnswers((c) => host.root.buildTransformationString(c), input.buildTransformationString));
    expect(r.responsive).toEqual(hostAnswers((c) => host.root.getResponsiveImageAttributes(c), input.responsive));
  });

  it('computes the pHash vectors 0, 17 and 37 (BigInt popcount oracle)', () => {
    const r = result();
    expect(r.phash.map((a: Json) => a.value)).toEqual([0, 17, 37]);
    expect(input.phash.map(([a, b]) => popcount(a!, b!))).toEqual([0, 17, 37]);
    expect(r.phashInvalid.error?.name).toBe('PhashError');
    expect(r.phashInvalidIsImageKitError.value).toBe(true);
  });

  if (name === 'chromium') {
    it('gets the browser stub of /server, which refuses to sign', () => {
      const r = result();
      expect(r.serverExports).toEqual(host.stubNames);
      expect(r.stub.error?.message).toMatch(/bundled for a browser/);
    });
    return;
  }

  it('gets the real /server entry (its runtime condition wins over browser)', () => {
    expect(result().serverExports).toEqual(host.serverNames);
  });

  it('signs URLs exactly like node:crypto HMAC-SHA1', () => {
    expect(typeof host.server.signUrl).toBe('function');
    const r = result();
    expect(expectValidSignature(r.signUrl.value, input.sign.url)).toBeUndefined();
    const expiry = expectValidSignature(r.signUrlExpiring.value, input.sign.url);
    expect(Math.abs(expiry! - (nowSeconds + 600))).toBeLessThan(120);
    expect(r.signUrls.value).toHaveLength(input.sign.urls.length);
    r.signUrls.value.forEach((signed: string, i: number) => expectValidSignature(signed, input.sign.urls[i]!));
  });

  it('creates upload authentication parameters like node:crypto HMAC-SHA1', () => {
    expect(typeof host.server.getAuthenticationParameters).toBe('function');
    const { token, expire } = input.auth;
    expect(result().auth.value).toEqual({ token, expire, signature: hmacHex('sha1', privateKey, `${token}${expire}`) });
  });

  it('verifies node:crypto-signed webhooks (Standard Webhooks and legacy) and rejects a tampered body', () => {
    expect(typeof host.server.verifyWebhook).toBe('function');
    const [standard, legacy, tampered] = result().webhooks;
    expect(standard.value).toEqual({ type: 'video.transformation.accepted', id: 'evt_matrix_1', timestampMs: nowSeconds * 1000 });
    expect(legacy.value).toEqual({ type: 'video.transformation.accepted', id: 'evt_matrix_1', timestampMs: legacyMs });
    expect(tampered.error?.name).toBe('WebhookVerificationError');
    expect(tampered.error?.reason).toBe('signature_mismatch');
  });

  it('builds a URL through the ImageKit client like Node', async () => {
    expect(typeof host.server.ImageKit).toBe('function');
    const client = new host.server.ImageKit({ privateKey, publicKey: 'public_x', urlEndpoint });
    expect(result().client.value).toEqual({ url: await client.url({ path: '/default-image.jpg', transformation: [{ width: 300 }] }) });
  });
});
