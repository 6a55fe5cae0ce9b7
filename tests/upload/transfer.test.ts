// Progress, abort, timeouts, error mapping and transport selection, against a loopback
// server that reads slowly, holds its answer, or answers with errors.
import { describe, it, expect, afterEach, vi } from 'vitest';
import { createClientContext } from '../../src/core/context.js';
import { uploadFile } from '../../src/upload/server-upload.js';
import { upload } from '../../src/upload/client-upload.js';
import { selectUploadTransport, sendServerUpload } from '../../src/transport/select.js';
import { isApiError, isTimeoutError, isUploadIndeterminateError, BadRequestError, TimeoutError } from '../../src/errors.js';
import { jsonResponder, startUploadServer, type UploadServer } from './server.js';

const privateKey = 'private_transfer_secret';
let server: UploadServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const ctx = (url: string, extra: Record<string, unknown> = {}) => createClientContext({ privateKey, uploadBaseUrl: url, maxRetries: 2, ...extra });

function bigBlob(bytes: number): Blob {
  const chunk = new Uint8Array(1 << 20).fill(97);
  const parts: Uint8Array<ArrayBuffer>[] = [];
  for (let i = 0; i < bytes / chunk.length; i++) parts.push(chunk);
  return new Blob(parts);
}

type Progress = { loaded: number; total: number | undefined };

function checkProgress(events: Progress[], bodyLength: number): void {
  expect(events.length).toBeGreaterThan(2);
  for (let i = 1; i < events.length; i++) expect(events[i]!.loaded).toBeGreaterThan(events[i - 1]!.loaded);
  for (const event of events) expect(event.total).toBe(bodyLength);
  expect(events.at(-1)!.loaded).toBe(bodyLength);
}

describe('progress', () => {
  it('node:http: monotonic, total = exact body size = Content-Length, ends at total', async () => {
    server = await startUploadServer({ keepBody: false });
    const events: Progress[] = [];
    await uploadFile(ctx(server.url), { file: bigBlob(8 << 20), fileName: 'big.bin', onProgress: (p) => events.push(p) });
    const got = server.received[0]!;
    expect(Number(got.headers['content-length'])).toBe(got.bodyLength);
    checkProgress(events, got.bodyLength);
    expect(events.length).toBeGreaterThan(10);
  });

  it('injected fetch (streaming request body): monotonic and ends at total', async () => {
    server = await startUploadServer({ keepBody: false });
    const events: Progress[] = [];
    await uploadFile(ctx(server.url, { fetch: globalThis.fetch }), {
      file: bigBlob(4 << 20),
      fileName: 'big.bin',
      onProgress: (p) => events.push(p),
    });
    checkProgress(events, server.received[0]!.bodyLength);
  });

  it('injected fetch without onProgress sends a Blob with Content-Length', async () => {
    server = await startUploadServer();
    await uploadFile(ctx(server.url, { fetch: globalThis.fetch }), { file: new Uint8Array([1, 2, 3]), fileName: 'a.bin' });
    const got = server.received[0]!;
    expect(got.headers['content-length']).toBe(String(got.bodyLength));
    expect([...new Uint8Array(await (got.form!.get('file') as File).arrayBuffer())]).toEqual([1, 2, 3]);
  });

  it('a throwing onProgress aborts the upload with that error', async () => {
    server = await startUploadServer({ keepBody: false });
    const boom = new Error('ui broke');
    const error = await uploadFile(ctx(server.url), {
      file: bigBlob(4 << 20),
      fileName: 'a.bin',
      onProgress: (p) => {
        if (p.loaded > 0) throw boom;
      },
    }).catch((e: unknown) => e);
    expect(error).toBe(boom);
  });
});

describe('transport selection', () => {
  it('uses node:http on Node and fetch when a fetch is injected', () => {
    expect(selectUploadTransport('http://127.0.0.1/', false)).toBe('node-http');
    expect(selectUploadTransport('https://upload.imagekit.io/', false)).toBe('node-http');
    expect(selectUploadTransport('http://127.0.0.1/', true)).toBe('fetch');
  });

  it('the server transport never uses XHR, even where XMLHttpRequest exists', async () => {
    server = await startUploadServer();
    let constructed = 0;
    vi.stubGlobal(
      'XMLHttpRequest',
      class {
        constructor() {
          constructed++;
        }
      },
    );
    try {
      expect(selectUploadTransport(server.url, false)).toBe('xhr'); // what the root `upload()` would take here
      const blob = new Blob(['hello']);
      const body = { contentType: 'text/plain', length: blob.size, replayable: true, blob, stream: () => blob.stream() };
      const signal = new AbortController().signal;
      const request = { method: 'POST', url: server.url, headers: {}, body, signal, onProgress: undefined, onActivity: undefined, fetch: undefined };
      const response = await sendServerUpload(request);
      expect(response.status).toBe(200);
      expect(server.received).toHaveLength(1);
      expect(constructed).toBe(0);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('abort', () => {
  for (const transport of ['node-http', 'fetch'] as const) {
    const extra = transport === 'fetch' ? { fetch: globalThis.fetch } : {};

    it(`${transport}: an already-aborted signal rejects with its reason and sends nothing`, async () => {
      server = await startUploadServer();
      const reason = new Error('user left');
      const error = await uploadFile(ctx(server.url, extra), {
        file: new Uint8Array([1]),
        fileName: 'a',
        signal: AbortSignal.abort(reason),
      }).catch((e: unknown) => e);
      expect(error).toBe(reason);
      expect(server.started).toBe(0);
    });

    it(`${transport}: abort mid-way (server reads slowly) rejects with the reason, stops reading the file, no progress after, no retry`, async () => {
      let bytes = 0;
      let closed!: () => void;
      const serverClosed = new Promise<void>((resolve) => (closed = resolve));
      server = await startUploadServer({
        onRequest: (req) => {
          req.pause();
          const timer = setInterval(() => {
            const chunk = req.read(64 * 1024) as Buffer | null;
            if (chunk) bytes += chunk.length;
          }, 5);
          req.on('close', () => {
            clearInterval(timer);
            closed();
          });
        },
      });
      // A one-shot stream file that counts what is read from it and tells when reading ended.
      const total = 16 << 20;
      const piece = new Uint8Array(256 << 10).fill(97);
      const file = { pulled: 0, cancelled: false };
      let fileDone!: () => void;
      const fileEnded = new Promise<void>((resolve) => (fileDone = resolve));
      const stream = new ReadableStream<Uint8Array>(
        {
          pull(controller) {
            if (file.pulled >= total) {
              controller.close();
              fileDone();
              return;
            }
            file.pulled += piece.byteLength;
            controller.enqueue(piece);
          },
          cancel() {
            file.cancelled = true;
            fileDone();
          },
        },
        { highWaterMark: 0 },
      );
      const controller = new AbortController();
      const reason = new DOMException('stop', 'AbortError');
      const events: Progress[] = [];
      const error = await uploadFile(ctx(server.url, extra), {
        file: stream,
        fileSize: total,
        fileName: 'slow.bin',
        useUniqueFileName: false,
        signal: controller.signal,
        onProgress: (p) => {
          events.push(p);
          if (p.loaded > 2 << 20) controller.abort(reason);
        },
      }).catch((e: unknown) => e);
      expect(error).toBe(reason);
      const eventsAtSettle = events.length;
      expect(events.at(-1)!.loaded).toBeLessThan(events.at(-1)!.total!);
      // Wait for the events, not for time: the server saw the connection close, the file stopped being read.
      await Promise.all([serverClosed, fileEnded]);
      expect(file.cancelled).toBe(true);
      expect(file.pulled).toBeLessThan(total);
      expect(events.length).toBe(eventsAtSettle);
      expect(server.started).toBe(1);
      expect(bytes).toBeLessThan(total);
    });

    it(`${transport}: abort after the last byte, before the response, rejects with the reason`, async () => {
      let bodyDone!: () => void;
      const bodyArrived = new Promise<void>((resolve) => (bodyDone = resolve));
      server = await startUploadServer({
        respond: () => bodyDone(), // never answer
      });
      const controller = new AbortController();
      const promise = uploadFile(ctx(server.url, extra), {
        file: new Uint8Array(1000),
        fileName: 'a',
        useUniqueFileName: false,
        signal: controller.signal,
      }).catch((e: unknown) => e);
      await bodyArrived;
      controller.abort('custom reason');
      expect(await promise).toBe('custom reason');
      expect(server.started).toBe(1);
    });
  }

  it('client upload: abort while the authenticator runs rejects with the reason, nothing sent', async () => {
    server = await startUploadServer();
    const controller = new AbortController();
    let called!: () => void;
    const authenticating = new Promise<void>((resolve) => (called = resolve));
    const promise = upload({
      file: new Uint8Array([1]),
      fileName: 'a',
      publicKey: 'public_x',
      uploadBaseUrl: server.url,
      signal: controller.signal,
      authenticator: () => {
        called();
        return new Promise(() => undefined);
      },
    }).catch((e: unknown) => e);
    await authenticating;
    controller.abort('gone');
    expect(await promise).toBe('gone');
    expect(server.started).toBe(0);
  });
});

describe('timeout', () => {
  it('a timeout after sending is not a user abort: UploadIndeterminateError caused by TimeoutError (unique names)', async () => {
    server = await startUploadServer({ respond: () => undefined });
    const error = await uploadFile(ctx(server.url, { timeout: 150 }), { file: new Uint8Array(10), fileName: 'a' }).catch((e: unknown) => e);
    expect(isUploadIndeterminateError(error)).toBe(true);
    expect((error as Error).cause).toBeInstanceOf(TimeoutError);
    expect(((error as Error).cause as TimeoutError).timeoutMs).toBe(150);
    expect(server.started).toBe(1);
  });

  it('the per-call timeout overrides the context, and 0 disables it', async () => {
    server = await startUploadServer({
      respond: (_req, res) => {
        setTimeout(() => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end('{"fileId":"late"}');
        }, 200);
      },
    });
    const result = await uploadFile(ctx(server.url, { timeout: 50 }), { file: new Uint8Array(1), fileName: 'a', timeout: 0 });
    expect(result.fileId).toBe('late');
    const error = await upload({
      file: new Uint8Array(1),
      fileName: 'a',
      publicKey: 'p',
      token: 't',
      signature: 's',
      expire: 1,
      uploadBaseUrl: server.url,
      timeout: 50,
    }).catch((e: unknown) => e);
    expect(isUploadIndeterminateError(error)).toBe(true);
    expect(isTimeoutError((error as Error).cause)).toBe(true);
  });
});

describe('errors', () => {
  it('maps a 4xx with the API message and request id, and never retries it', async () => {
    server = await startUploadServer({
      respond: jsonResponder(400, { message: 'Your request contains invalid fileName', help: 'For support…' }, { 'x-ik-requestid': 'rid-400' }),
    });
    const error = await uploadFile(ctx(server.url), { file: new Uint8Array(1), fileName: 'a', useUniqueFileName: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    const apiError = error as BadRequestError;
    expect(apiError.status).toBe(400);
    expect(apiError.requestId).toBe('rid-400');
    expect(apiError.apiMessage).toBe('Your request contains invalid fileName');
    expect(apiError.message).toContain('POST /api/v1/files/upload');
    expect(apiError.$ResponseMetadata.requestId).toBe('rid-400');
    expect(server.started).toBe(1);
  });

  it('keeps a non-JSON error body as the message', async () => {
    server = await startUploadServer({
      respond: (_req, res) => {
        res.writeHead(403, { 'content-type': 'text/plain', 'x-request-id': 'rid-text' });
        res.end('Forbidden by proxy');
      },
    });
    const error = await uploadFile(ctx(server.url), { file: new Uint8Array(1), fileName: 'a' }).catch((e: unknown) => e);
    expect(isApiError(error)).toBe(true);
    expect((error as BadRequestError).apiMessage).toBe('Forbidden by proxy');
    expect((error as BadRequestError).requestId).toBe('rid-text');
  });

  it('never exposes the private key, Authorization or the client signature/token in errors', async () => {
    server = await startUploadServer({ respond: jsonResponder(401, { message: 'Your account cannot be authenticated.' }) });
    const e1 = await uploadFile(ctx(server.url), { file: new Uint8Array(1), fileName: 'a' }).catch((e: unknown) => e);
    const e2 = await upload({
      file: new Uint8Array(1),
      fileName: 'a',
      publicKey: 'public_x',
      token: 'secret-token-123',
      signature: 'secret-signature-abc',
      expire: 1,
      uploadBaseUrl: server.url,
    }).catch((e: unknown) => e);
    for (const error of [e1, e2]) {
      const text = `${String(error)} ${(error as Error).stack} ${JSON.stringify(error)} ${JSON.stringify((error as { headers: unknown }).headers)}`;
      for (const secret of [privateKey, 'secret-token-123', 'secret-signature-abc', Buffer.from(`${privateKey}:`).toString('base64')]) {
        expect(text).not.toContain(secret);
      }
      expect(text.toLowerCase()).not.toContain('authorization');
    }
  });

  it('a 200 that is not JSON is an UploadIndeterminateError', async () => {
    server = await startUploadServer({
      respond: (_req, res) => {
        res.writeHead(200);
        res.end('<html>');
      },
    });
    const error = await uploadFile(ctx(server.url), { file: new Uint8Array(1), fileName: 'a' }).catch((e: unknown) => e);
    expect(isUploadIndeterminateError(error)).toBe(true);
  });
});
