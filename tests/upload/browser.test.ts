// Real browser: Chromium loads the built dist/index.js from a loopback server and
// uploads a generated 8 MiB Blob with `upload()` (XMLHttpRequest transport) to the same
// server, which parses the multipart body for real. A second upload is aborted mid-way.
// Needs `npm run build` (npm test builds first) and Chromium (`npm run setup`, or `CHROMIUM_PATH`).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { parseForm } from './server.js';
import { chromiumLaunchOptions } from '../support/chromium.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
// IK_TEST_DIST_DIR lets a developer point at another build output (e.g. while another
// process is rebuilding dist/); CI uses dist/.
const distDir = process.env.IK_TEST_DIST_DIR ?? join(repoRoot, 'dist');
const fileSize = 8 << 20;

let server: Server;
let origin = '';
let browser: BrowserContext | undefined;
let userDataDir = '';
/** Called when a `/slow/` upload request has ended, aborted or whole (replaced per test). */
let slowRequestEnded = () => {};
const uploads: Array<{ path: string; bytes: number; fields: Record<string, string>; fileSize: number; fileOk: boolean }> = [];

/** Reads the request body at a limited pace (`bytesPerTick` every 10 ms), like a slow link. */
function readPaced(req: IncomingMessage, bytesPerTick: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.pause();
    let ended = false;
    req.on('end', () => {
      ended = true;
    });
    const timer = setInterval(() => {
      let budget = bytesPerTick;
      for (let chunk = req.read() as Buffer | null; chunk; chunk = budget > 0 ? (req.read() as Buffer | null) : null) {
        chunks.push(chunk);
        budget -= chunk.length;
      }
      if (ended || req.readableEnded) {
        clearInterval(timer);
        resolve(Buffer.concat(chunks));
      }
    }, 10);
    req.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    req.on('close', () => {
      if (!req.readableEnded) {
        clearInterval(timer);
        reject(new Error('client went away'));
      }
    });
  });
}

const page = `<!doctype html><meta charset="utf-8"><title>upload test</title>
<script type="module">
  import { upload } from '/dist/index.js';
  const makeBlob = (size) => {
    const bytes = new Uint8Array(size);
    for (let i = 0; i < size; i++) bytes[i] = i % 251;
    return new Blob([bytes], { type: 'application/octet-stream' });
  };
  window.runUpload = async (base, abortMidway) => {
    const events = [];
    const controller = new AbortController();
    const reason = new DOMException('user cancelled', 'AbortError');
    try {
      const result = await upload({
        file: makeBlob(${fileSize}),
        fileName: 'browser.bin',
        tags: ['from-browser'],
        publicKey: 'public_browser',
        token: 'tok-browser',
        signature: 'sig-browser',
        expire: 1900000000,
        uploadBaseUrl: location.origin + base,
        signal: controller.signal,
        onProgress: (p) => {
          events.push({ loaded: p.loaded, total: p.total });
          if (abortMidway && p.loaded > 0 && p.loaded < p.total) controller.abort(reason);
        },
      });
      return { ok: true, result: { ...result }, requestId: result.$ResponseMetadata.requestId, events };
    } catch (error) {
      return { ok: false, sameReason: error === reason, name: error?.name, message: String(error?.message), events };
    }
  };
  window.ready = true;
</script>`;

beforeAll(async () => {
  if (!existsSync(join(distDir, 'index.js'))) {
    throw new Error('dist/index.js is missing: run `npm run build` (npm test builds first)');
  }
  server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (req.method === 'GET' && url.pathname === '/') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(page);
        return;
      }
      if (req.method === 'GET' && url.pathname.startsWith('/dist/')) {
        const file = normalize(join(distDir, decodeURIComponent(url.pathname.slice('/dist/'.length))));
        if (!file.startsWith(distDir + sep) || !existsSync(file)) {
          res.writeHead(404);
          res.end();
          return;
        }
        res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
        res.end(await readFile(file));
        return;
      }
      if (req.method === 'POST' && url.pathname.endsWith('/api/v1/files/upload')) {
        const slow = url.pathname.startsWith('/slow/');
        // 128 KiB per 10 ms: 8 MiB take ~0.7 s, long enough for several progress events even
        // when loopback socket buffers absorb a few MiB at once (a faster pace flaked under load).
        const body = await readPaced(req, slow ? 16 * 1024 : 128 * 1024).catch(() => undefined);
        if (!body) {
          if (slow) slowRequestEnded();
          return;
        }
        const form = await parseForm(req.headers, body);
        const fields: Record<string, string> = {};
        for (const [name, value] of form.entries()) if (typeof value === 'string') fields[name] = value;
        const file = form.get('file') as File;
        const bytes = new Uint8Array(await file.arrayBuffer());
        let fileOk = bytes.length === fileSize;
        for (let i = 0; fileOk && i < bytes.length; i += 4099) fileOk = bytes[i] === i % 251;
        uploads.push({ path: url.pathname, bytes: body.length, fields, fileSize: file.size, fileOk });
        if (slow) slowRequestEnded();
        res.writeHead(200, { 'content-type': 'application/json', 'x-ik-requestid': 'browser-req-1' });
        res.end(JSON.stringify({ fileId: 'browser-file', name: file.name, size: file.size }));
        return;
      }
      res.writeHead(404);
      res.end();
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  userDataDir = await mkdtemp(join(tmpdir(), 'ik-chromium-'));
  const { chromium } = await import('playwright-core');
  browser = await chromium.launchPersistentContext(userDataDir, await chromiumLaunchOptions());
}, 60_000);

afterAll(async () => {
  await browser?.close();
  if (server) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
});

type PageResult = {
  ok: boolean;
  result?: Record<string, unknown>;
  requestId?: string;
  sameReason?: boolean;
  name?: string;
  message?: string;
  events: Array<{ loaded: number; total: number }>;
};

async function runInPage(base: string, abortMidway: boolean): Promise<PageResult> {
  const tab = await browser!.newPage();
  const errors: string[] = [];
  tab.on('pageerror', (error) => errors.push(error.message));
  try {
    await tab.goto(`${origin}/`);
    await tab
      .waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true, undefined, { timeout: 15_000 })
      .catch(() => {
        throw new Error(`the page did not load dist/index.js: ${errors.join('; ') || 'no page error'}`);
      });
    return (await tab.evaluate(([b, a]) => (window as unknown as { runUpload: (b: string, a: boolean) => Promise<unknown> }).runUpload(b, a), [
      base,
      abortMidway,
    ] as const)) as PageResult;
  } finally {
    await tab.close();
  }
}

describe('upload() in Chromium (XMLHttpRequest transport)', () => {
  it('uploads an 8 MiB Blob with several monotonic progress events ending at the body size', async () => {
    const outcome = await runInPage('', false);
    expect(outcome.ok).toBe(true);
    expect(outcome.result).toMatchObject({ fileId: 'browser-file', name: 'browser.bin', size: fileSize });
    expect(outcome.requestId).toBe('browser-req-1');
    const received = uploads.find((u) => u.path === '/api/v1/files/upload')!;
    expect(received.fileOk).toBe(true);
    expect(received.fields).toEqual({
      fileName: 'browser.bin',
      tags: 'from-browser',
      publicKey: 'public_browser',
      signature: 'sig-browser',
      expire: '1900000000',
      token: 'tok-browser',
    });
    const { events } = outcome;
    // Start, at least one point in between (checked below) and the end.
    expect(events.length).toBeGreaterThan(2);
    for (let i = 1; i < events.length; i++) expect(events[i]!.loaded).toBeGreaterThan(events[i - 1]!.loaded);
    for (const event of events) expect(event.total).toBe(received.bytes);
    expect(events.at(-1)!.loaded).toBe(received.bytes);
    expect(events.some((e) => e.loaded > 0 && e.loaded < received.bytes)).toBe(true);
  });

  it('aborting mid-way rejects with the signal reason and the server never gets the whole body', async () => {
    const before = uploads.length;
    const ended = new Promise<void>((resolve) => (slowRequestEnded = resolve));
    const outcome = await runInPage('/slow', true);
    expect(outcome.ok).toBe(false);
    expect(outcome.sameReason).toBe(true);
    expect(outcome.name).toBe('AbortError');
    expect(outcome.message).toBe('user cancelled');
    const last = outcome.events.at(-1)!;
    expect(last.loaded).toBeLessThan(last.total);
    await ended; // the server saw the request end (the abort) before it could read the whole body
    expect(uploads.length).toBe(before);
  });
});
