// Uploads: `timeout` bounds inactivity (no byte sent or received for that long), not the
// whole transfer. The engine is driven with fake time; each transport is shown to report
// activity, against a loopback server that reads slowly but steadily, or stops reading.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClientContext } from '../../src/core/context.js';
import { isTimeoutError, isUploadIndeterminateError, TimeoutError } from '../../src/errors.js';
import { upload } from '../../src/upload/client-upload.js';
import { runUpload, type UploadCall } from '../../src/upload/send.js';
import { uploadFile } from '../../src/upload/server-upload.js';
import { TransportError, type TransportRequest } from '../../src/transport/types.js';
import { FakeXhr } from './fake-xhr.js';
import { startUploadServer, type UploadServer } from './server.js';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** A transport that reports activity every `everyMs` for `beats` beats, then answers 200 (or goes silent when `stallAfter` beats passed). */
function scriptedSend(everyMs: number, beats: number, stallAfter = Infinity) {
  const log = { beats: 0, settledAt: 0 };
  const send = (request: TransportRequest) =>
    new Promise<{ status: number; headers: Record<string, string>; text: string }>((resolve, reject) => {
      const timer = setInterval(() => {
        if (log.beats >= stallAfter) return;
        log.beats++;
        request.onActivity?.();
        if (log.beats === beats) {
          clearInterval(timer);
          resolve({ status: 200, headers: {}, text: '{"fileId":"f"}' });
        }
      }, everyMs);
      request.signal.addEventListener('abort', () => {
        clearInterval(timer);
        reject(new TransportError('aborted', true, request.signal.reason));
      });
    });
  return { send, log };
}

function call(send: UploadCall['send'], timeout: number): UploadCall {
  return {
    options: { file: new Uint8Array([1]), fileName: 'a' },
    url: 'https://upload.example.test/api/v1/files/upload',
    headers: () => ({}),
    authFields: () => Promise.resolve([]),
    authResendable: true,
    fetch: undefined,
    timeout,
    maxRetries: 0,
    send,
  };
}

describe('the engine (fake time)', () => {
  it('a transfer that keeps moving succeeds however long it takes in total', async () => {
    vi.useFakeTimers();
    const { send, log } = scriptedSend(400, 50); // 20 s in total, never idle for 1 s
    const promise = runUpload(call(send, 1000));
    await vi.advanceTimersByTimeAsync(20_000);
    expect((await promise).fileId).toBe('f');
    expect(log.beats).toBe(50);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a transfer that stops moving ends `timeout` after its last byte, with a TimeoutError', async () => {
    vi.useFakeTimers();
    const { send } = scriptedSend(400, 50, 5); // last activity at 2,000 ms
    const start = Date.now();
    const promise = runUpload(call(send, 1000)).catch((e: unknown) => e);
    let settledAt = 0;
    void promise.then(() => (settledAt = Date.now() - start));
    await vi.advanceTimersByTimeAsync(10_000);
    const error = await promise;
    expect(isUploadIndeterminateError(error)).toBe(true);
    const cause = (error as Error).cause as TimeoutError;
    expect(cause).toBeInstanceOf(TimeoutError);
    expect(cause.timeoutMs).toBe(1000);
    // The same template as an API call's per-attempt timeout (tests/core/request.test.ts).
    expect(cause.message).toBe('Request timed out without a byte sent or received for 1000 ms: POST upload.example.test/api/v1/files/upload');
    expect(settledAt).toBe(3000);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('a timeout before any byte was sent (still connecting)', () => {
  it('is retried: the transport says nothing was sent, and the engine keeps that fact', async () => {
    vi.useFakeTimers();
    let attempts = 0;
    const send = (request: TransportRequest) =>
      new Promise<{ status: number; headers: Record<string, string>; text: string }>((resolve, reject) => {
        attempts++;
        if (attempts > 1) return resolve({ status: 200, headers: {}, text: '{"fileId":"second"}' });
        request.signal.addEventListener('abort', () => reject(new TransportError('aborted', false, request.signal.reason)));
      });
    const promise = runUpload({ ...call(send, 1000), maxRetries: 1 }); // unique names: a sent timeout would be indeterminate
    await vi.advanceTimersByTimeAsync(5_000);
    expect((await promise).fileId).toBe('second');
    expect(attempts).toBe(2);
  });
});

describe('no progress after an attempt settled', () => {
  it('a transport still reporting progress after the abort reaches no callback', async () => {
    const controller = new AbortController();
    const events: number[] = [];
    let late!: () => void;
    const lateReported = new Promise<void>((resolve) => (late = resolve));
    const send = (request: TransportRequest) =>
      new Promise<never>((_, reject) => {
        request.onProgress?.(1);
        request.signal.addEventListener('abort', () => {
          reject(new TransportError('aborted', true, request.signal.reason));
          // A transport winding down (a body pull in flight) reports once more, after the rejection.
          setTimeout(() => {
            request.onProgress?.(2);
            late();
          });
        });
        controller.abort('stop');
      });
    const error = await runUpload({
      ...call(send, 0),
      options: { file: new Uint8Array([1]), fileName: 'a', signal: controller.signal, onProgress: (p) => events.push(p.loaded) },
    }).catch((e: unknown) => e);
    expect(error).toBe('stop');
    await lateReported;
    expect(events).toEqual([1]);
  });
});

describe('XHR reports activity (fake time)', () => {
  const auth = { publicKey: 'public_x', token: 'tok-123456', signature: 'sig-123456', expire: 1 };

  it('upload progress every 400 ms keeps a 1,000 ms timeout from firing; silence then ends it', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    FakeXhr.onSend = (xhr) => {
      let loaded = 0;
      const timer = setInterval(() => {
        xhr.sendProgress((loaded += 10));
        if (loaded === 200) {
          clearInterval(timer);
          setTimeout(() => xhr.receiveProgress(5), 600);
          setTimeout(() => xhr.respond(200, '{"fileId":"x"}'), 1200);
        }
      }, 400);
    };
    const ok = upload({ file: new Uint8Array(200), fileName: 'a', uploadBaseUrl: 'https://u.example.test', timeout: 1000, ...auth });
    await vi.advanceTimersByTimeAsync(10_000);
    expect((await ok).fileId).toBe('x');

    FakeXhr.onSend = (xhr) => setTimeout(() => xhr.sendProgress(10), 400); // then nothing
    const stalled = upload({ file: new Uint8Array(200), fileName: 'a', uploadBaseUrl: 'https://u.example.test', timeout: 1000, ...auth }).catch(
      (e: unknown) => e,
    );
    await vi.advanceTimersByTimeAsync(2_000);
    const error = await stalled;
    expect(isUploadIndeterminateError(error)).toBe(true);
    expect(isTimeoutError((error as Error).cause)).toBe(true);
    expect(FakeXhr.instances.at(-1)!.aborted).toBe(true);
  });
});

describe('node:http and fetch report activity (loopback server)', () => {
  let server: UploadServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  // The steady server reads 512 KiB every 10 ms (about 50 MB/s): 32 MiB take about 0.7 s,
  // longer than `timeout` (measured below). After the client's last write the server still
  // reads what the sockets buffered (a few MiB, 0.1 to 0.15 s here), during which the client
  // sees nothing move: that must stay well under `timeout`, hence the fast reads.
  const timeout = 400;
  const bigBlob = (mib: number) => new Blob(Array.from({ length: mib }, () => new Uint8Array(1 << 20).fill(97)));

  for (const transport of ['node-http', 'fetch'] as const) {
    const extra = transport === 'fetch' ? { fetch: globalThis.fetch } : {};

    it(`${transport}: a server that reads slowly but steadily (longer than \`timeout\` in total) gets the whole upload`, async () => {
      const reads = { first: 0, last: 0, maxGap: 0, bytes: 0 };
      server = await startUploadServer({
        onRequest: (req, res) => {
          req.pause();
          const timer = setInterval(() => {
            const chunk = req.read(512 * 1024) as Buffer | null;
            if (!chunk) return;
            const now = performance.now();
            if (reads.first === 0) reads.first = now;
            else reads.maxGap = Math.max(reads.maxGap, now - reads.last);
            reads.last = now;
            reads.bytes += chunk.length;
          }, 10);
          req.on('end', () => {
            clearInterval(timer);
            res.writeHead(200, { 'content-type': 'application/json' }).end('{"fileId":"slow"}');
          });
          req.on('close', () => clearInterval(timer));
        },
      });
      const file = bigBlob(32);
      const result = await uploadFile(createClientContext({ privateKey: 'private_slow', uploadBaseUrl: server.url, timeout, ...extra }), {
        file,
        fileName: 'slow.bin',
      });
      expect(result.fileId).toBe('slow');
      expect(reads.bytes).toBeGreaterThan(file.size);
      // The premise of the test, measured: longer than `timeout` in total, never idle that long.
      expect(reads.last - reads.first).toBeGreaterThan(timeout);
      expect(reads.maxGap).toBeLessThan(timeout);
    });

    it(`${transport}: a server that stops reading ends the upload with a TimeoutError`, async () => {
      let requests = 0;
      server = await startUploadServer({
        onRequest: (req) => {
          requests++;
          req.pause(); // never reads: the socket buffers fill, then nothing moves
        },
      });
      const error = await uploadFile(createClientContext({ privateKey: 'private_stall', uploadBaseUrl: server.url, timeout, ...extra }), {
        file: bigBlob(48),
        fileName: 'stall.bin',
      }).catch((e: unknown) => e);
      expect(isUploadIndeterminateError(error)).toBe(true);
      expect(isTimeoutError((error as Error).cause)).toBe(true);
      expect(requests).toBe(1);
    });
  }
});
