// The README's emulator (server and msw) and webhook snippets, pasted as they are into a
// consumer project that has the packed package installed, and run with Node: only the
// TypeScript types are stripped (esbuild) and vitest's functions come from a tiny shim.
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { transform } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installPacked, runIn, type Installed } from './installed.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!);

function block(marker: string): string {
  const found = blocks.find((text) => text.includes(marker));
  if (!found) throw new Error(`README has no ts block containing ${marker}`);
  return found;
}

// Enough of vitest for the snippets: hooks, `it`, and the matchers they use.
const shim = `
import assert from 'node:assert/strict';
const hooks = { beforeAll: [], afterAll: [], afterEach: [], tests: [] };
export const beforeAll = (fn) => hooks.beforeAll.push(fn);
export const beforeEach = (fn) => hooks.beforeAll.push(fn);
export const afterAll = (fn) => hooks.afterAll.push(fn);
export const afterEach = (fn) => hooks.afterEach.push(fn);
export const it = (name, fn) => hooks.tests.push([name, fn]);
export const expect = (actual) => ({ toEqual: (e) => assert.deepEqual(actual, e), toBe: (e) => assert.equal(actual, e) });
export async function run() {
  for (const fn of hooks.beforeAll) await fn();
  try {
    for (const [name, fn] of hooks.tests) {
      await fn();
      for (const after of hooks.afterEach) await after();
      console.log('passed: ' + name);
    }
  } finally {
    for (const fn of hooks.afterAll) await fn();
  }
}
`;

let installed: Installed;
beforeAll(async () => {
  installed = await installPacked();
  await writeFile(join(installed.dir, 'vitest-shim.mjs'), shim);
}, 90_000);
afterAll(() => installed?.remove());

async function runSnippet(name: string, source: string): Promise<string> {
  const { code } = await transform(source, { loader: 'ts', format: 'esm', target: 'node20' });
  const file = join(installed.dir, `${name}.mjs`);
  await writeFile(file, code.replace(/from ["']vitest["']/g, "from './vitest-shim.mjs'"));
  const { stdout } = await runIn(installed.dir, [file], 45_000);
  return stdout;
}

describe('README snippets run as pasted against the installed package', () => {
  it('"Testing your app with the emulator": the server snippet', async () => {
    const snippet = block('startEmulator(); // loopback HTTP server');
    const stdout = await runSnippet('emulator-server', `${snippet}\nimport { run } from './vitest-shim.mjs';\nawait run();\n`);
    expect(stdout).toContain('passed: uploads, tags and finds a file');
  }, 60_000);

  it('"With msw instead of a server": the msw snippet and the client it makes, with the fixed default keys', async () => {
    const snippet = block('setupServer(...emulator.handlers)');
    // Only what a test file adds below the snippet; the snippet brings its own imports.
    const source = `${snippet}
import { it, expect, run } from './vitest-shim.mjs';
it('uploads through msw', async () => {
  expect(emulator.privateKey).toBe('private_emulator_key');
  expect(emulator.publicKey).toBe('public_emulator_key');
  const file = await imagekit.uploadFile({ file: new Blob(['hello']), fileName: 'a.txt' });
  expect(await (await fetch(file.url)).text()).toBe('hello');
  expect((await imagekit.listFiles()).length).toBe(1);
});
await run();
`;
    expect(await runSnippet('emulator-msw', source)).toContain('passed: uploads through msw');
  }, 60_000);

  it('"Webhooks": the worker snippet verifies a Standard Webhooks request and rejects a forged one', async () => {
    const snippet = block('verifyWebhook(');
    const secret = 'whsec_dGVzdC1zZWNyZXQtZm9yLXRoZS1yZWFkbWU=';
    const body = JSON.stringify({ id: 'evt_1', type: 'video.transformation.ready', created_at: new Date().toISOString(), data: {} });
    const timestamp = Math.floor(Date.now() / 1000);
    const mac = createHmac('sha256', secret).update(`msg_1.${timestamp}.${body}`).digest('base64');
    const headers = { 'webhook-id': 'msg_1', 'webhook-timestamp': String(timestamp), 'webhook-signature': `v1,${mac}` };
    // The secret reaches the handler the way workerd passes it: as the second argument of
    // `fetch` (nothing named `env` in scope), so a snippet that reads an undeclared `env` fails here.
    const source = `${snippet.replace('export default {', 'const worker = {')}
const bindings = { IMAGEKIT_WEBHOOK_SECRET: ${JSON.stringify(secret)} };
const headers = ${JSON.stringify(headers)};
const body = ${JSON.stringify(body)};
const ok = await worker.fetch(new Request('http://127.0.0.1/hook', { method: 'POST', body, headers }), bindings);
console.log('answer: ' + ok.status + ' ' + (await ok.text()));
const forged = await worker.fetch(new Request('http://127.0.0.1/hook', { method: 'POST', body: body.replace('evt_1', 'evt_2'), headers }), bindings);
console.log('forged: ' + forged.status + ' ' + (await forged.text()));
`;
    const stdout = await runSnippet('webhook', source);
    expect(stdout).toContain('answer: 200 ok');
    expect(stdout).toContain('forged: 400 signature_mismatch');
  }, 60_000);
});
