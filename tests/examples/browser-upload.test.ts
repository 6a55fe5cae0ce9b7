// examples/browser-upload (a node:http server and a page that uploads with a progress bar)
// driven in Chromium as a user would: the server is started as its header says (no
// IMAGEKIT_* keys, so it runs the emulator on loopback), the page loads the BUILT root
// entry from dist/, a file is picked and "Upload" clicked. Truth: the bytes the emulator
// then serves at the returned URL, fetched here by Node, and what the page showed.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { requireDist } from '../package/helpers.js';
import { launchChromium } from '../support/chromium.js';
import { startServer, withoutImageKitKeys, type RunningServer } from '../support/runtimes.js';

const fileBytes = randomBytes(3 << 20);
let server: RunningServer | undefined;
let browser: Browser | undefined;
let page: Page;
const requests: string[] = [];
let uploadHeaders: Promise<Record<string, string>> | undefined;
const pageErrors: string[] = [];

beforeAll(async () => {
  requireDist();
  server = await startServer(process.execPath, ['examples/browser-upload/server.mjs'], {
    env: { ...withoutImageKitKeys(process.env), PORT: '0' },
    ready: /^browser upload example: (http:\/\/127\.0\.0\.1:\d+\/)/,
  });
  browser = await launchChromium();
  page = await browser.newPage();
  page.on('request', (request) => {
    requests.push(`${request.method()} ${new URL(request.url()).pathname}`);
    if (request.method() === 'POST') uploadHeaders = request.allHeaders();
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('examples/browser-upload in Chromium', () => {
  it('uploads a picked file with a progress bar, through /auth, and the emulator then serves the same bytes', async () => {
    await page.goto(server!.url);
    // Every text the status line shows while the upload runs ("1.5 of 3.0 MiB", then "Done in …").
    await page.evaluate(() => {
      const status = document.getElementById('status')!;
      const seen: string[] = [];
      (window as unknown as { statusTexts: string[] }).statusTexts = seen;
      new MutationObserver(() => seen.push(status.textContent ?? '')).observe(status, { childList: true, characterData: true, subtree: true });
    });
    await page.setInputFiles('#file', { name: 'progress-test.bin', mimeType: 'application/octet-stream', buffer: fileBytes });
    await page.click('#start');
    await page.waitForFunction(
      () => /^(Done|Failed|Unknown outcome|Cancelled)/.test(document.getElementById('status')!.textContent ?? ''),
      undefined,
      {
        timeout: 30_000,
      },
    );

    const status = await page.textContent('#status');
    expect(status, `page errors: ${pageErrors.join('; ')}`).toMatch(/^Done in /);
    expect(pageErrors).toEqual([]);

    // Progress counts the whole multipart body Chromium sent (the file and the form fields):
    // the bar ends full at that size, and the status showed "x of 3.0 MiB" on the way.
    const bar = await page.evaluate(() => {
      const element = document.getElementById('bar') as HTMLProgressElement;
      return { value: element.value, max: element.max };
    });
    const uploadBodyBytes = Number((await uploadHeaders)?.['content-length']);
    expect(uploadBodyBytes).toBeGreaterThan(fileBytes.length);
    expect(bar).toEqual({ value: uploadBodyBytes, max: uploadBodyBytes });
    const texts = await page.evaluate(() => (window as unknown as { statusTexts: string[] }).statusTexts);
    expect(texts.filter((text) => / of 3\.0 MiB$/.test(text)).length).toBeGreaterThanOrEqual(1);
    expect(texts.at(-1)).toBe(status);

    // The page asked the server for auth parameters and uploaded through its proxy.
    expect(requests).toEqual(expect.arrayContaining(['GET /dist/index.js', 'GET /config', 'GET /auth', 'POST /upload/api/v1/files/upload']));

    // The response the page shows names the stored file; its URL serves the uploaded bytes.
    const result = JSON.parse((await page.textContent('#result')) ?? '');
    expect(result.size).toBe(fileBytes.length);
    expect(result.name).toMatch(/^progress-test.*\.bin$/);
    const served = await fetch(result.url);
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).equals(fileBytes)).toBe(true);
  });
});
