import { afterAll, afterEach, beforeAll, describe, it, expect } from 'vitest';
import { setupServer } from 'msw/node';
import { createHmac, randomUUID } from 'node:crypto';
import { createEmulator } from '../../src/testing.js';
import { asset, basic } from './helpers.js';

const emulator = createEmulator({ now: () => Date.parse('2025-03-01T00:00:00Z') });
const server = setupServer(...emulator.handlers);

// A request no handler claims is recorded and never sent: the throw makes msw answer it
// with a 500 itself. msw's 'error' strategy refuses it too, but prints an error into a
// green test log; afterEach fails any test that made such a request unexpectedly.
const unhandled: string[] = [];
beforeAll(() =>
  server.listen({
    onUnhandledRequest(request) {
      unhandled.push(`${request.method} ${request.url}`);
      throw new Error(`no msw handler for ${request.method} ${request.url}`);
    },
  }),
);
afterEach(() => {
  expect(unhandled.splice(0), 'requests no handler claimed').toEqual([]);
  emulator.reset();
  emulator.setFaults({});
});
afterAll(() => server.close());

const auth = { authorization: basic(emulator.privateKey) };

describe('msw handlers', () => {
  it('serve upload, API and file URL through plain fetch', async () => {
    const body = new FormData();
    body.append('file', new Blob([asset('tiny.gif')]), 'tiny.gif');
    body.append('fileName', 'tiny.gif');
    const uploaded = await fetch('https://upload.imagekit.io/api/v1/files/upload', { method: 'POST', body, headers: auth });
    expect(uploaded.status).toBe(200);
    const file = await uploaded.json();
    const list = await (await fetch('https://api.imagekit.io/v1/files', { headers: auth })).json();
    expect(list.map((item: any) => item.fileId)).toEqual([file.fileId]);
    const served = await fetch(file.url);
    expect(served.headers.get('content-type')).toBe('image/gif');
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(asset('tiny.gif'));
  });

  it('accept a browser-style client upload signed with node:crypto', async () => {
    const token = randomUUID();
    const expire = Math.floor(Date.parse('2025-03-01T00:00:00Z') / 1000) + 600;
    const body = new FormData();
    body.append('file', new Blob([new Uint8Array([1, 2])]), 'x');
    body.append('fileName', 'client.bin');
    body.append('publicKey', emulator.publicKey);
    body.append('token', token);
    body.append('expire', String(expire));
    body.append(
      'signature',
      createHmac('sha1', emulator.privateKey)
        .update(token + expire)
        .digest('hex'),
    );
    expect((await fetch('https://upload.imagekit.io/api/v1/files/upload', { method: 'POST', body })).status).toBe(200);
  });

  it('turn a dropped connection into a network error', async () => {
    emulator.setFaults({ dropRate: 1 });
    await expect(fetch('https://api.imagekit.io/v1/files', { headers: auth })).rejects.toThrow();
  });

  it('leave other hosts to onUnhandledRequest', async () => {
    const response = await fetch('https://example.com/');
    expect(unhandled.splice(0)).toEqual(['GET https://example.com/']);
    expect(response.status).toBe(500);
    expect(await response.text()).toMatch(/no msw handler for GET https:\/\/example\.com\//);
  });

  it('loadHandlers() returns the same handlers via dynamic import', async () => {
    const other = createEmulator();
    const handlers = await other.loadHandlers();
    expect(handlers).toHaveLength(3);
    expect(other.handlers).toBe(handlers);
  });
});
