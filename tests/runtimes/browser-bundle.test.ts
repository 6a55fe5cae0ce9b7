// The root entry's browser build in a real browser: a consumer module importing
// `imagekit-universal` is bundled by esbuild for the browser (package.json
// `exports["."].browser` → dist/index-browser.js) and uploads from Chromium through
// XMLHttpRequest to a loopback server, with progress. Needs `npm run build` and Chromium
// (`npm run setup`, or CHROMIUM_PATH).
import { describe, it, expect, afterAll } from 'vitest';
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import { consumerDir, repoRoot, requireDist } from '../package/helpers.js';
import { startUploadServer, okResponder, type UploadServer } from '../upload/server.js';
import { chromiumLaunchOptions } from '../support/chromium.js';

const nodeTransport = /getBuiltinModule|node:https?/;

/** Bundles `contents` for the browser from a consumer folder linked to this package. */
async function bundle(contents: string): Promise<string> {
  requireDist();
  const dir = await consumerDir();
  try {
    const result = await build({
      stdin: { contents, resolveDir: dir, loader: 'js', sourcefile: 'consumer.js' },
      bundle: true,
      format: 'esm',
      platform: 'browser',
      minify: true,
      target: 'es2022',
      write: false,
      absWorkingDir: repoRoot,
      logLevel: 'silent',
    });
    return result.outputFiles[0]!.text;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('the browser bundle in Chromium', () => {
  let server: UploadServer | undefined;

  afterAll(async () => {
    await server?.close();
  });

  it('uploads through XMLHttpRequest (never fetch), with progress ending at the body size', async () => {
    const app = await bundle(`import { upload, isImageKitError } from 'imagekit-universal'; window.ik = { upload, isImageKitError };`);
    expect(nodeTransport.test(app)).toBe(false);
    const page = `<!doctype html><meta charset="utf-8"><script src="/app.js"></script>`;
    const ok = okResponder();
    server = await startUploadServer({
      respond: (req, res, attempt, received) => {
        if (req.method === 'GET') {
          const js = req.url === '/app.js';
          res.writeHead(js || req.url === '/' ? 200 : 404, { 'content-type': js ? 'text/javascript' : 'text/html; charset=utf-8' });
          res.end(js ? app : page);
          return;
        }
        return ok(req, res, attempt, received);
      },
    });
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch(await chromiumLaunchOptions());
    try {
      const tab = await browser.newPage();
      await tab.goto(`${server.url}/`);
      await tab.waitForFunction(() => (window as any).ik !== undefined, undefined, { timeout: 15_000 });
      const outcome = await tab.evaluate(async (size: number) => {
        const counts = { fetch: 0, xhr: 0 };
        const realFetch = window.fetch;
        window.fetch = (...args: Parameters<typeof fetch>) => {
          counts.fetch++;
          return realFetch(...args);
        };
        const realSend = XMLHttpRequest.prototype.send;
        XMLHttpRequest.prototype.send = function (this: XMLHttpRequest, body) {
          counts.xhr++;
          return realSend.call(this, body);
        };
        const events: number[][] = [];
        const bytes = new Uint8Array(size);
        for (let i = 0; i < size; i++) bytes[i] = i % 251;
        const result = await (window as any).ik.upload({
          file: new Blob([bytes]),
          fileName: 'chromium.bin',
          publicKey: 'public_browser',
          token: 'tok',
          signature: 'sig',
          expire: 1900000000,
          uploadBaseUrl: location.origin,
          onProgress: (p: { loaded: number; total: number }) => events.push([p.loaded, p.total]),
        });
        return { fileId: result.fileId, size: result.size, counts, events };
      }, 1 << 20);
      expect(outcome.fileId).toBe('file_1');
      expect(outcome.size).toBe(1 << 20);
      expect(outcome.counts).toEqual({ fetch: 0, xhr: 1 });
      const received = server.received.find((r) => r.method === 'POST')!;
      expect(received.form?.get('fileName')).toBe('chromium.bin');
      expect(outcome.events.length).toBeGreaterThan(0);
      expect(outcome.events.at(-1)).toEqual([received.bodyLength, received.bodyLength]);
    } finally {
      await browser.close();
    }
  });
});
