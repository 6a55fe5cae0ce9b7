import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { startEmulator, type RunningEmulator } from '../../src/testing.js';
import { asset, basic } from './helpers.js';

let server: RunningEmulator;
beforeAll(async () => {
  server = await startEmulator();
});
afterAll(async () => {
  await server.close();
});

async function serverUpload(fields: Record<string, string | Blob>) {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) body.append(key, value);
  return fetch(`${server.url}/api/v1/files/upload`, { method: 'POST', body, headers: { authorization: basic(server.privateKey) } });
}

describe('startEmulator', () => {
  it('listens on 127.0.0.1 with random keys and an endpoint it serves itself', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.urlEndpoint).toBe(`${server.url}/emulator`);
    expect(server.privateKey).toMatch(/^private_emulator_[0-9a-f]{36}$/);
    expect(server.publicKey).toMatch(/^public_emulator_[0-9a-f]{36}$/);
  });

  it('round-trips upload → list → GET of the file URL (bytes and content-type)', async () => {
    const png = asset('waves.png');
    const uploaded = await serverUpload({ file: new Blob([png]), fileName: 'round.png', folder: '/trip' });
    expect(uploaded.status).toBe(200);
    const file = await uploaded.json();
    expect(file.url.startsWith(`${server.urlEndpoint}/trip/round_`)).toBe(true);
    const list = await fetch(`${server.url}/v1/files?path=/trip`, { headers: { authorization: basic(server.privateKey) } });
    expect(list.headers.get('x-ratelimit-limit')).toBeNull();
    expect((await list.json()).map((item: any) => item.fileId)).toEqual([file.fileId]);
    const served = await fetch(file.url);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(png);
    const transformed = await fetch(file.url.replace('/emulator/', '/emulator/tr:w-10/'));
    expect(transformed.status).toBe(200);
    expect((await fetch(`${server.urlEndpoint}/missing.png`)).status).toBe(404);
  });

  it('serves a private file only through a signed URL (node:crypto HMAC-SHA1)', async () => {
    const file = await (
      await serverUpload({ file: new Blob([asset('tiny.jpg')]), fileName: 'secret.jpg', isPrivateFile: 'true', useUniqueFileName: 'false' })
    ).json();
    expect((await fetch(file.url)).status).toBe(401);
    const expiry = Math.floor(Date.now() / 1000) + 300;
    const signature = createHmac('sha1', server.privateKey).update(`secret.jpg${expiry}`).digest('hex');
    expect((await fetch(`${file.url}?ik-t=${expiry}&ik-s=${signature}`)).status).toBe(200);
    expect((await fetch(`${file.url}?ik-t=${expiry}&ik-s=${'0'.repeat(40)}`)).status).toBe(401);
  });

  it('answers CORS preflights from loopback origins', async () => {
    const response = await fetch(`${server.url}/api/v1/files/upload`, {
      method: 'OPTIONS',
      headers: { origin: 'http://127.0.0.1:8080', 'access-control-request-headers': 'content-type' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:8080');
    expect(response.headers.get('access-control-allow-headers')).toBe('content-type');
  });

  it('a dropped connection destroys the socket', async () => {
    const flaky = await startEmulator({ faults: { dropRate: 1 } });
    try {
      await expect(fetch(`${flaky.url}/v1/files`, { headers: { authorization: basic(flaky.privateKey) } })).rejects.toThrow();
    } finally {
      await flaky.close();
    }
  });

  it('persists state and bytes in dataDir across restarts', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ik-emulator-'));
    try {
      const first = await startEmulator({ dataDir, port: 0 });
      const body = new FormData();
      body.append('file', new Blob([asset('tiny.webp')]));
      body.append('fileName', 'kept.webp');
      const file = await (
        await fetch(`${first.url}/api/v1/files/upload`, { method: 'POST', body, headers: { authorization: basic(first.privateKey) } })
      ).json();
      await first.close();
      const second = await startEmulator({ dataDir });
      try {
        const details = await fetch(`${second.url}/v1/files/${file.fileId}/details`, { headers: { authorization: basic(second.privateKey) } });
        expect((await details.json()).name).toBe(file.name);
        const bytes = second.emulator.getFileBytes(file.fileId);
        expect(bytes && new Uint8Array(bytes)).toEqual(asset('tiny.webp'));
        const next = await (
          await fetch(`${second.url}/api/v1/files/upload`, { method: 'POST', body, headers: { authorization: basic(second.privateKey) } })
        ).json();
        expect(next.fileId).not.toBe(file.fileId);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('official SDKs against startEmulator', () => {
  it('imagekit v6: upload via its uploadEndpoint option; list via an axios URL rewrite', async () => {
    // v6 hard-codes https://api.imagekit.io for management calls and has no base-URL option,
    // so the list call is redirected with a request interceptor on the axios instance v6 uses.
    const requireFromImagekit = createRequire(createRequire(import.meta.url).resolve('imagekit'));
    const axios = requireFromImagekit('axios');
    const ImageKit = requireFromImagekit('imagekit');
    const interceptor = axios.interceptors.request.use((config: any) => ({
      ...config,
      url: String(config.url).replace('https://api.imagekit.io', server.url),
    }));
    try {
      const imagekit = new ImageKit({
        publicKey: server.publicKey,
        privateKey: server.privateKey,
        urlEndpoint: server.urlEndpoint,
        uploadEndpoint: `${server.url}/api/v1/files/upload`,
      });
      const uploaded = await imagekit.upload({ file: Buffer.from(asset('tiny.gif')), fileName: 'v6.gif', folder: '/v6', tags: ['a', 'b'] });
      expect(uploaded).toMatchObject({ width: 3, height: 2, filePath: expect.stringMatching(/^\/v6\/v6_.+\.gif$/) });
      const list = await imagekit.listFiles({ path: '/v6' });
      expect(list.map((item: any) => item.fileId)).toEqual([uploaded.fileId]);
      expect(list[0].tags).toEqual(['a', 'b']);
    } finally {
      axios.interceptors.request.eject(interceptor);
    }
  });

  it('@imagekit/nodejs v7 with baseURL: upload, list, get, delete', async () => {
    const { default: ImageKit, toFile } = await import('@imagekit/nodejs');
    const client = new ImageKit({ privateKey: server.privateKey, baseURL: server.url, maxRetries: 0 });
    const uploaded = await client.files.upload({
      file: await toFile(Buffer.from(asset('tiny.jpg')), 'v7.jpg'),
      fileName: 'v7.jpg',
      folder: '/v7',
      tags: ['x'],
    });
    expect(uploaded).toMatchObject({ width: 16, height: 8 });
    const list = await client.assets.list({ path: '/v7' });
    expect(list.map((item: any) => item.fileId)).toEqual([uploaded.fileId]);
    const details = await client.files.get(uploaded.fileId as string);
    expect(details.tags).toEqual(['x']);
    await client.files.delete(uploaded.fileId as string);
    await expect(client.files.get(uploaded.fileId as string)).rejects.toMatchObject({ status: 404 });
  });
});
