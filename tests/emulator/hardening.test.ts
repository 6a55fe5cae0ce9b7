// The emulator as a process left running on a developer machine: persistence under
// concurrency, bodies refused before they are read, random keys, loopback-only Host and
// CORS, and malformed input answered with a 400.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runs } from '../support/runs.js';
import { connect } from 'node:net';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '../../src/testing.js';
import { basic, call, emulatorAt, upload, uploadOk } from './helpers.js';

/** Sends raw bytes over a socket and returns the status code of the answer (or 'closed'). */
function raw(url: string, text: string): Promise<number | 'closed'> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(text));
    let received = '';
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
      const status = /^HTTP\/1\.1 (\d{3})/.exec(received);
      if (status !== null) {
        resolve(Number(status[1]));
        socket.destroy();
      }
    });
    socket.on('error', reject);
    socket.on('close', () => resolve('closed'));
  });
}

/** A request body produced on demand, counting what the server pulled. */
function streamedBody(totalBytes: number, chunkBytes = 64 * 1024): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  let pulled = 0;
  const chunk = new Uint8Array(chunkBytes).fill(0x61);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= totalBytes) {
        controller.close();
        return;
      }
      pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled: () => pulled };
}

function multipartHead(boundary: string): Uint8Array {
  return new TextEncoder().encode(
    `--${boundary}\r\ncontent-disposition: form-data; name="fileName"\r\n\r\nbig.bin\r\n--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="big.bin"\r\n\r\n`,
  );
}

describe('persistence under concurrency (dataDir)', () => {
  it('200 parallel uploads all succeed and all survive a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ik-emulator-race-'));
    try {
      const first = await startEmulator({ dataDir });
      const statuses = await Promise.all(
        Array.from({ length: 200 }, async (_, i) => {
          const body = new FormData();
          body.append('file', new Blob([`bytes of file ${i}`]));
          body.append('fileName', `f${i}.txt`);
          const response = await fetch(`${first.url}/api/v1/files/upload`, {
            method: 'POST',
            body,
            headers: { authorization: basic(first.privateKey) },
          });
          return { status: response.status, body: await response.json() };
        }),
      );
      expect(statuses.filter((item) => item.status !== 200).map((item) => item.body)).toEqual([]);
      await first.close();
      const second = await startEmulator({ dataDir });
      try {
        expect(second.emulator.files()).toHaveLength(200);
        for (const { body } of statuses) {
          const index = /^f(\d+)_/.exec(body.name)?.[1];
          expect(new TextDecoder().decode(second.emulator.getFileBytes(body.fileId))).toBe(`bytes of file ${index}`);
        }
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('request bodies', () => {
  let server: RunningEmulator;
  beforeAll(async () => {
    server = await startEmulator({ maxBodyBytes: 1024 * 1024 });
  });
  afterAll(() => server.close());

  it('a 1 GiB POST with a wrong key gets a 401 before the body is read', async () => {
    for (const path of ['/api/v1/files/upload', '/v1/files/batch/deleteByFileIds']) {
      const body = streamedBody(1024 ** 3);
      const response = await fetch(`${server.url}${path}`, {
        method: 'POST',
        body: body.stream,
        duplex: 'half',
        headers: { authorization: basic('not_the_key'), 'content-type': 'multipart/form-data; boundary=x' },
      } as RequestInit);
      expect(response.status).toBe(401);
      await response.arrayBuffer();
      // What was pulled is what the socket buffers took before the refusal: far from 1 GiB.
      expect(body.pulled()).toBeLessThan(64 * 1024 * 1024);
    }
  });

  it('a body over `maxBodyBytes` with the right key gets a 413 and is not read to the end', async () => {
    const boundary = 'b0undary';
    const head = multipartHead(boundary);
    const rest = streamedBody(256 * 1024 * 1024);
    const reader = rest.stream.getReader();
    let sentHead = false;
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (!sentHead) {
          sentHead = true;
          controller.enqueue(head);
          return;
        }
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      },
    });
    const response = await fetch(`${server.url}/api/v1/files/upload`, {
      method: 'POST',
      body: stream,
      duplex: 'half',
      headers: { authorization: basic(server.privateKey), 'content-type': `multipart/form-data; boundary=${boundary}` },
    } as RequestInit).catch((error: unknown) => error);
    expect(response).toBeInstanceOf(Response);
    expect((response as Response).status).toBe(413);
    expect(((await (response as Response).json()) as { message: string }).message).toMatch(/maxBodyBytes/);
    expect(rest.pulled()).toBeLessThan(64 * 1024 * 1024);
    expect(server.emulator.files()).toEqual([]);
  });

  it('a declared Content-Length over the cap gets a 413 once the key is known to be right', async () => {
    const head = `POST /api/v1/files/upload HTTP/1.1\r\nhost: ${new URL(server.url).host}\r\ncontent-type: multipart/form-data; boundary=x\r\ncontent-length: ${2 * 1024 * 1024}\r\n`;
    expect(await raw(server.url, `${head}authorization: ${basic(server.privateKey)}\r\n\r\n`)).toBe(413);
    expect(await raw(server.url, `${head}authorization: ${basic('wrong')}\r\n\r\n`)).toBe(401);
  });
});

describe('upload `file` URLs on loopback', () => {
  let local: Server;
  let base = '';
  beforeAll(async () => {
    local = createServer((request, response) => {
      if (request.url === '/redirect') response.writeHead(302, { location: '/data' }).end();
      else if (request.url === '/data') response.end('local bytes');
      else response.end(new Uint8Array(2 * 1024 * 1024));
    });
    await new Promise<void>((resolve) => local.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(local.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => local.close(() => resolve())));

  it('are read without following redirects, and only up to `maxBodyBytes`', async () => {
    const emulator = emulatorAt({ maxBodyBytes: 1024 * 1024 });
    expect((await uploadOk(emulator, { file: `${base}/data`, fileName: 'ok.txt' })).size).toBe(11);
    expect((await upload(emulator, { file: `${base}/redirect`, fileName: 'r.txt' })).status).toBe(400);
    const big = await upload(emulator, { file: `${base}/big`, fileName: 'big.bin' });
    expect(big.status).toBe(400);
    expect(((await big.json()) as { message: string }).message).toMatch(/maxBodyBytes/);
    expect(emulator.files()).toHaveLength(1);
  });

  it('`maxBodyBytes` must be a non-negative integer', async () => {
    expect(() => emulatorAt({ maxBodyBytes: -1 })).toThrow(new RangeError('The `maxBodyBytes` option must be a non-negative integer'));
    await expect(startEmulator({ maxBodyBytes: 1.5 })).rejects.toThrow(RangeError);
  });
});

describe('reachable only from this machine, with keys nobody knows', () => {
  let server: RunningEmulator;
  beforeAll(async () => {
    server = await startEmulator();
  });
  afterAll(() => server.close());

  it('makes fresh random keys on every start, and uses passed keys as given', async () => {
    const other = await startEmulator({ privateKey: 'private_fixed', publicKey: 'public_fixed' });
    try {
      expect(server.privateKey).toMatch(/^private_emulator_[0-9a-f]{36}$/);
      expect(server.publicKey).toMatch(/^public_emulator_[0-9a-f]{36}$/);
      const again = await startEmulator();
      await again.close();
      expect(again.privateKey).not.toBe(server.privateKey);
      expect(again.publicKey).not.toBe(server.publicKey);
      expect([other.privateKey, other.publicKey]).toEqual(['private_fixed', 'public_fixed']);
      expect((await fetch(`${server.url}/v1/files`, { headers: { authorization: basic('private_emulator_key') } })).status).toBe(401);
    } finally {
      await other.close();
    }
  });

  it('refuses a Host header that is not loopback with its port (DNS rebinding)', async () => {
    const port = Number(new URL(server.url).port);
    const get = (host: string) =>
      raw(server.url, `GET /v1/files HTTP/1.1\r\nhost: ${host}\r\nauthorization: ${basic(server.privateKey)}\r\nconnection: close\r\n\r\n`);
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `127.0.0.2:${port}`]) expect(await get(host)).toBe(200);
    for (const host of [
      `evil.example:${port}`,
      `evil.example`,
      `127.0.0.1:${port + 1}`,
      `localhost.evil.example:${port}`,
      `127.0.0.1.nip.io:${port}`,
      '',
    ]) {
      expect([host, await get(host)]).toEqual([host, 403]);
    }
    const absolute = await raw(
      server.url,
      `GET http://evil.example:${port}/v1/files HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\nconnection: close\r\n\r\n`,
    );
    expect(absolute).toBe(403);
  });

  it('answers CORS for loopback origins only', async () => {
    const preflight = (origin: string) =>
      fetch(`${server.url}/api/v1/files/upload`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' },
      });
    const local = await preflight('http://localhost:5173');
    expect(local.status).toBe(204);
    expect(local.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    const evil = await preflight('https://evil.example');
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    expect(evil.headers.get('access-control-allow-headers')).toBeNull();
    const listed = await fetch(`${server.url}/v1/files`, { headers: { origin: 'https://evil.example', authorization: basic(server.privateKey) } });
    expect(listed.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('malformed input is a 400, never a 500', () => {
  it('bad percent-encoding in an API path', async () => {
    const emulator = emulatorAt();
    for (const path of ['/v1/files/%ZZ/details', '/v1/files/%E0%A4%A/versions', '/v1/customMetadataFields/%']) {
      const method = path.includes('customMetadataFields') ? 'DELETE' : 'GET';
      expect([path, (await call(emulator, method, path)).status]).toEqual([path, 400]);
    }
  });

  it('a searchQuery of 5,000 "(" and other deep or long queries', async () => {
    const emulator = emulatorAt();
    await uploadOk(emulator, { fileName: 'a.txt' });
    const queries = [
      '('.repeat(5000),
      `${'('.repeat(40)}name = "a"${')'.repeat(40)}`,
      Array.from({ length: 20_000 }, () => 'size > 1').join(' AND '),
    ];
    const statuses = [];
    for (const query of queries) statuses.push((await call(emulator, 'GET', `/v1/files?searchQuery=${encodeURIComponent(query)}`)).status);
    expect(statuses).toEqual([400, 400, 200]);
    const nested = `${'('.repeat(30)}name : "a"${')'.repeat(30)}`;
    expect((await call(emulator, 'GET', `/v1/files?searchQuery=${encodeURIComponent(nested)}`)).body).toHaveLength(1);
  });

  it('a request target that is not a URL (`http://[::1/…`), sent raw', async () => {
    const server = await startEmulator();
    try {
      const host = new URL(server.url).host;
      expect(await raw(server.url, `GET http://[::1/v1/files HTTP/1.1\r\nhost: ${host}\r\nconnection: close\r\n\r\n`)).toBe(400);
      expect(await raw(server.url, `GET http://[::1/x/%ZZ HTTP/1.1\r\nhost: ${host}\r\nconnection: close\r\n\r\n`)).toBe(400);
    } finally {
      await server.close();
    }
  });

  it('property: any searchQuery built from the grammar’s pieces gets a 200 or a 400', async () => {
    const emulator = emulatorAt();
    await uploadOk(emulator, { fileName: 'a.txt', tags: 'x,y' });
    await call(emulator, 'POST', '/v1/folder', { folderName: 'f', parentFolderPath: '/' });
    const piece = fc.oneof(
      fc.constantFrom('(', ')', '[', ']', ',', '=', ':', '<', '<=', '>', '>=', 'AND', 'OR', 'NOT', 'IN', 'and', 'not', '"', "'", '\\'),
      fc.constantFrom(
        'name',
        'tags',
        'type',
        'format',
        'size',
        'width',
        'height',
        'createdAt',
        'updatedAt',
        'private',
        'published',
        'transparency',
        '"customMetadata.k"',
        'embeddedMetadata.x',
        'path',
      ),
      fc.constantFrom(
        '"a"',
        '"1mb"',
        '"2d"',
        '"2025-01-01"',
        'true',
        'false',
        '1',
        '-1.5',
        '1e999',
        'jpg',
        'file',
        'folder',
        '"x"',
        '"__proto__"',
        'constructor',
      ),
      fc.string({ maxLength: 4 }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(piece, { maxLength: 24 }).map((parts) => parts.join(' ')),
        async (query) => {
          const { status } = await call(emulator, 'GET', `/v1/files?searchQuery=${encodeURIComponent(query)}`);
          expect([200, 400]).toContain(status);
        },
      ),
      runs(1500),
    );
  });

  it('property: API calls with junk ids, parameters and bodies get a 2xx or 4xx, never a 5xx', async () => {
    const emulator = emulatorAt();
    const file = await uploadOk(emulator, { fileName: 'a.txt' });
    const segment = fc.oneof(
      fc.constantFrom(file.fileId, 'x', '%ZZ', '%', '..', '%2e%2e', '__proto__'),
      fc.string({ maxLength: 5 }).map(encodeURIComponent),
    );
    const path = fc.oneof(
      fc.constantFrom(
        '/v1/files',
        '/v1/files/copy',
        '/v1/files/move',
        '/v1/files/rename',
        '/v1/files/batch/deleteByFileIds',
        '/v1/files/addTags',
        '/v1/files/removeTags',
        '/v1/files/removeAITags',
        '/v1/files/purge',
        '/v1/metadata',
        '/v1/folder',
        '/v1/bulkJobs/copyFolder',
        '/v1/bulkJobs/moveFolder',
        '/v1/bulkJobs/renameFolder',
        '/v1/customMetadataFields',
        '/v1/accounts/usage',
        '/v1/accounts/usage-analytics',
        '/v1/accounts/origins',
        '/v1/accounts/url-endpoints',
        '/v1/saved-extensions',
        '/v1/named-transformations',
      ),
      fc
        .tuple(segment, fc.constantFrom('/details', '/versions', '/metadata', '', '/versions/x', '/versions/x/restore'))
        .map(([id, rest]) => `/v1/files/${id}${rest}`),
      fc
        .tuple(fc.constantFrom('/v1/bulkJobs/', '/v1/customMetadataFields/', '/v1/accounts/origins/', '/v1/files/purge/'), segment)
        .map(([base, id]) => base + id),
    );
    const query = fc
      .dictionary(
        fc.constantFrom('path', 'limit', 'skip', 'sort', 'type', 'fileType', 'tags', 'searchQuery', 'url', 'startDate', 'endDate'),
        fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('-1', '1e9', 'NaN', 'ASC_NAME', '2025-01-01', 'true')),
      )
      .map((entries) => `?${new URLSearchParams(entries)}`);
    const fields = [
      'sourceFilePath',
      'destinationPath',
      'filePath',
      'newFileName',
      'fileIds',
      'tags',
      'AITags',
      'url',
      'folderName',
      'parentFolderPath',
      'folderPath',
      'sourceFolderPath',
      'newFolderName',
      'name',
      'label',
      'schema',
      'customMetadata',
      'type',
      'description',
      'publish',
      'extensions',
    ];
    const body = fc.oneof(
      fc.constant(undefined),
      fc.jsonValue({ maxDepth: 3 }),
      fc.dictionary(fc.constantFrom(...fields), fc.jsonValue({ maxDepth: 3 })),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE'), path, query, body, async (method, target, search, json) => {
        const { status } = await call(emulator, method, target + search, method === 'GET' ? undefined : json);
        expect(status).toBeLessThan(500);
      }),
      runs(800),
    );
  });
});
