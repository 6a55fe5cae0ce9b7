// The upload retry rule: retry only when the body is replayable and a duplicate (or a
// re-sent single-use token) is impossible. Attempts are counted on the server.
import { describe, it, expect, afterEach, beforeEach } from 'vitest';
import { createServer } from 'node:http';
import { createClientContext } from '../../src/core/context.js';
import { uploadFile, type ServerUploadOptions } from '../../src/upload/server-upload.js';
import { upload } from '../../src/upload/client-upload.js';
import { repeatIsHarmless, uploadFailureVerdict, type UploadFailureFacts } from '../../src/upload/retry-policy.js';
import { ConnectionError, InternalServerError, isUploadIndeterminateError, BadRequestError } from '../../src/errors.js';
import {
  freePort,
  jsonResponder,
  okResponder,
  startUploadServer,
  startUploadServerAfterRefusal,
  type Responder,
  type UploadServer,
} from './server.js';
import { skipBackoff, type SkippedBackoff } from '../support/backoff.js';

let server: UploadServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

// Which failures are retried is the subject here, not how long the back-off is.
let backoff: SkippedBackoff;
beforeEach(() => {
  backoff = skipBackoff();
});
afterEach(() => backoff.restore());

const fail500: Responder = jsonResponder(500, { message: 'Internal error' });
const failThenOk =
  (failures: number): Responder =>
  (req, res, attempt, received) =>
    attempt <= failures ? fail500(req, res, attempt, received) : okResponder()(req, res, attempt, received);

const ctx = (url: string, maxRetries = 2) => createClientContext({ privateKey: 'private_retry', uploadBaseUrl: url, maxRetries });
const file = () => new Uint8Array([1, 2, 3]);

describe('uploadFailureVerdict (the table)', () => {
  const base: UploadFailureFacts = { status: undefined, sent: true, replayable: true, harmlessRepeat: false, authResendable: true };
  it.each<[string, Partial<UploadFailureFacts>, string]>([
    ['4xx is never retried', { status: 400, harmlessRepeat: true }, 'fail'],
    ['a redirect is never retried', { status: 307, harmlessRepeat: true }, 'fail'],
    ['429: the server did not act, retried even for unique names', { status: 429 }, 'retry'],
    ['408: the server did not act, retried', { status: 408 }, 'retry'],
    ['429 with a fixed token (it reached the server): the ApiError', { status: 429, authResendable: false }, 'fail'],
    ['429 with a one-shot stream: the ApiError', { status: 429, replayable: false }, 'fail'],
    ['nothing sent, replayable', { sent: false }, 'retry'],
    ['nothing sent, fixed token (never reached the server)', { sent: false, authResendable: false }, 'retry'],
    ['nothing sent, one-shot stream', { sent: false, replayable: false }, 'fail'],
    ['sent, unique names (default)', { status: 500 }, 'indeterminate'],
    ['sent, harmless repeat, re-sendable auth', { status: 500, harmlessRepeat: true }, 'retry'],
    ['sent (reset), harmless repeat, re-sendable auth', { harmlessRepeat: true }, 'retry'],
    ['sent, harmless repeat, fixed client token', { status: 502, harmlessRepeat: true, authResendable: false }, 'indeterminate'],
    ['sent, harmless repeat, one-shot stream', { status: 503, harmlessRepeat: true, replayable: false }, 'indeterminate'],
  ])('%s', (_label, facts, verdict) => {
    expect(uploadFailureVerdict({ ...base, ...facts })).toBe(verdict);
  });
});

describe('(a) nothing reached the server', () => {
  it('connection refused is retried, and succeeds once the server is up', async () => {
    const later = await startUploadServerAfterRefusal();
    backoff.after(later.server); // the retry comes once the server listens
    const result = await uploadFile(ctx(later.url), { file: file(), fileName: 'a' });
    server = await later.server;
    expect(result.fileId).toBe('file_1');
    expect(later.refused()).toBe(1);
    expect(server.started).toBe(1);
    expect(backoff.waits).toHaveLength(1);
  });

  it('connection refused with retries exhausted is a ConnectionError (not indeterminate)', async () => {
    const port = await freePort();
    const error = await uploadFile(ctx(`http://127.0.0.1:${port}`, 0), { file: file(), fileName: 'a' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(((error as Error).cause as { code?: string }).code).toBe('ECONNREFUSED');
  });

  it('a fixed client token is re-sent only when it never reached the server', async () => {
    const later = await startUploadServerAfterRefusal();
    backoff.after(later.server); // the retry comes once the server listens
    await upload({
      file: file(),
      fileName: 'a',
      publicKey: 'public_x',
      token: 'tok',
      signature: 'sig',
      expire: 1,
      uploadBaseUrl: later.url,
    });
    server = await later.server;
    expect(later.refused()).toBe(1);
    expect(server.received.map((r) => r.form!.get('token'))).toEqual(['tok']);
  });

  it('fetch transport: connection refused is retried too', async () => {
    const later = await startUploadServerAfterRefusal();
    backoff.after(later.server); // the retry comes once the server listens
    const context = createClientContext({ privateKey: 'private_retry', uploadBaseUrl: later.url, fetch: globalThis.fetch });
    expect((await uploadFile(context, { file: file(), fileName: 'a' })).fileId).toBe('file_1');
    server = await later.server;
    expect(later.refused()).toBe(1);
  });
});

describe('(b) server auth, same target (useUniqueFileName: false)', () => {
  it('a 500 is retried and the retry succeeds', async () => {
    server = await startUploadServer({ respond: failThenOk(1) });
    const result = await uploadFile(ctx(server.url), { file: file(), fileName: 'a', useUniqueFileName: false });
    expect(result.fileId).toBe('file_1');
    expect(server.started).toBe(2);
  });

  it('retries stop after maxRetries: UploadIndeterminateError caused by the last 500', async () => {
    server = await startUploadServer({ respond: fail500 });
    const error = await uploadFile(ctx(server.url, 2), { file: file(), fileName: 'a', useUniqueFileName: false }).catch((e: unknown) => e);
    expect(isUploadIndeterminateError(error)).toBe(true);
    expect((error as Error).cause).toBeInstanceOf(InternalServerError);
    expect(server.started).toBe(3);
    expect(backoff.waits).toHaveLength(2);
  });

  it('per-call maxRetries overrides the client', async () => {
    server = await startUploadServer({ respond: fail500 });
    await uploadFile(ctx(server.url, 2), { file: file(), fileName: 'a', useUniqueFileName: false, maxRetries: 0 }).catch(() => undefined);
    expect(server.started).toBe(1);
  });

  it('overwriteFile: false is not a same-target upload: not retried', async () => {
    server = await startUploadServer({ respond: failThenOk(1) });
    const error = await uploadFile(ctx(server.url), { file: file(), fileName: 'a', useUniqueFileName: false, overwriteFile: false }).catch(
      (e: unknown) => e,
    );
    expect(isUploadIndeterminateError(error)).toBe(true);
    expect(server.started).toBe(1);
  });

  it('a connection dropped mid-body is retried', async () => {
    let attempts = 0;
    const http = createServer((req, res) => {
      attempts++;
      if (attempts === 1) {
        req.once('data', () => req.socket.destroy());
        return;
      }
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"fileId":"second"}');
      });
    });
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
    const { port } = http.address() as { port: number };
    try {
      const result = await uploadFile(ctx(`http://127.0.0.1:${port}`), {
        file: new Uint8Array(4 << 20),
        fileName: 'a',
        useUniqueFileName: false,
      });
      expect(result.fileId).toBe('second');
      expect(attempts).toBe(2);
    } finally {
      http.closeAllConnections();
      await new Promise((r) => http.close(r));
    }
  });

  it('a 4xx is never retried, even for a same-target upload', async () => {
    server = await startUploadServer({ respond: jsonResponder(400, { message: 'bad' }) });
    const error = await uploadFile(ctx(server.url), { file: file(), fileName: 'a', useUniqueFileName: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(server.started).toBe(1);
  });

  it('a one-shot stream body is never retried', async () => {
    server = await startUploadServer({ respond: failThenOk(1) });
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new Uint8Array([1, 2]));
        c.close();
      },
    });
    const error = await uploadFile(ctx(server.url), { file: stream, fileSize: 2, fileName: 'a', useUniqueFileName: false }).catch((e: unknown) => e);
    expect(isUploadIndeterminateError(error)).toBe(true);
    expect(server.started).toBe(1);
  });
});

describe('extensions and webhookUrl: never re-sent once the server may have acted (as updateFileDetails)', () => {
  it('repeatIsHarmless: same path and nothing else runs', () => {
    expect(repeatIsHarmless({ useUniqueFileName: false })).toBe(true);
    expect(repeatIsHarmless({ useUniqueFileName: false, extensions: [] })).toBe(true);
    expect(repeatIsHarmless({ useUniqueFileName: false, extensions: [{ name: 'google-auto-tagging' }] })).toBe(false);
    expect(repeatIsHarmless({ useUniqueFileName: false, webhookUrl: 'https://example.test/hook' })).toBe(false);
    expect(repeatIsHarmless({ useUniqueFileName: false, overwriteFile: false })).toBe(false);
    expect(repeatIsHarmless({})).toBe(false);
  });

  const cases: [string, Partial<ServerUploadOptions>][] = [
    ['extensions', { extensions: [{ name: 'remove-bg' }] }],
    ['webhookUrl', { webhookUrl: 'https://example.test/hook' }],
  ];
  for (const [label, extra] of cases) {
    it(`${label}: a 500 on a same-path upload is not re-sent: UploadIndeterminateError`, async () => {
      server = await startUploadServer({ respond: failThenOk(1) });
      const error = await uploadFile(ctx(server.url), { file: file(), fileName: 'a', useUniqueFileName: false, ...extra }).catch((e: unknown) => e);
      expect(isUploadIndeterminateError(error)).toBe(true);
      expect(server.started).toBe(1);
    });

    it(`${label}: a reset after the body arrived is not re-sent`, async () => {
      server = await startUploadServer({ respond: (req) => void req.socket.destroy() });
      const error = await uploadFile(ctx(server.url), { file: file(), fileName: 'a', useUniqueFileName: false, ...extra }).catch((e: unknown) => e);
      expect(isUploadIndeterminateError(error)).toBe(true);
      expect(server.started).toBe(1);
    });

    it(`${label}: a 429 (the server did not act) is retried`, async () => {
      const limited: Responder = jsonResponder(429, { message: 'slow down' }, { 'retry-after-ms': '0' });
      server = await startUploadServer({
        respond: (req, res, attempt, received) => (attempt === 1 ? limited : okResponder())(req, res, attempt, received),
      });
      const result = await uploadFile(ctx(server.url), { file: file(), fileName: 'a', useUniqueFileName: false, ...extra });
      expect(result.fileId).toBe('file_1');
      expect(server.started).toBe(2);
    });
  }
});

describe('unique names (the default): a failure after sending is indeterminate', () => {
  it('a 500 is not retried: UploadIndeterminateError with the InternalServerError as cause', async () => {
    server = await startUploadServer({ respond: failThenOk(1) });
    const error = await uploadFile(ctx(server.url), { file: file(), fileName: 'a' }).catch((e: unknown) => e);
    expect(isUploadIndeterminateError(error)).toBe(true);
    expect((error as Error).message).toMatch(/may or may not have happened/);
    expect((error as Error).cause).toBeInstanceOf(InternalServerError);
    expect(server.started).toBe(1);
  });

  it('a connection reset after the body arrived is not retried', async () => {
    server = await startUploadServer({
      respond: (req) => {
        req.socket.destroy();
      },
    });
    const error = await uploadFile(ctx(server.url), { file: file(), fileName: 'a' }).catch((e: unknown) => e);
    expect(isUploadIndeterminateError(error)).toBe(true);
    expect((error as Error).cause).toBeInstanceOf(ConnectionError);
    expect(server.started).toBe(1);
  });
});

describe('(c) client auth', () => {
  it('with an authenticator, a same-target upload is retried with a fresh token', async () => {
    server = await startUploadServer({ respond: failThenOk(1) });
    let n = 0;
    await upload({
      file: file(),
      fileName: 'a',
      useUniqueFileName: false,
      publicKey: 'public_x',
      uploadBaseUrl: server.url,
      authenticator: async () => {
        n++;
        return { token: `tok-${n}`, signature: `sig-${n}`, expire: 1_900_000_000 };
      },
    });
    expect(server.received.map((r) => r.form!.get('token'))).toEqual(['tok-1', 'tok-2']);
    expect(server.received.map((r) => r.form!.get('signature'))).toEqual(['sig-1', 'sig-2']);
  });

  it('with an authenticator but unique names, a 500 is not retried (a retry could store a second copy)', async () => {
    server = await startUploadServer({ respond: failThenOk(1) });
    const error = await upload({
      file: file(),
      fileName: 'a',
      publicKey: 'public_x',
      uploadBaseUrl: server.url,
      authenticator: async () => ({ token: 't', signature: 's', expire: 1 }),
    }).catch((e: unknown) => e);
    expect(isUploadIndeterminateError(error)).toBe(true);
    expect(server.started).toBe(1);
  });

  it('a fixed token that reached the server is never re-sent', async () => {
    server = await startUploadServer({ respond: failThenOk(1) });
    const error = await upload({
      file: file(),
      fileName: 'a',
      useUniqueFileName: false,
      publicKey: 'public_x',
      token: 'once',
      signature: 's',
      expire: 1,
      uploadBaseUrl: server.url,
    }).catch((e: unknown) => e);
    expect(isUploadIndeterminateError(error)).toBe(true);
    expect(server.started).toBe(1);
  });

  it('abort during the back-off sleep rejects with the reason and stops retrying', async () => {
    backoff.restore(); // the real 5 s sleep, ended by the abort
    const busy = jsonResponder(503, { message: 'busy' }, { 'retry-after': '5' });
    let answered!: () => void;
    const sent = new Promise<void>((resolve) => (answered = resolve));
    server = await startUploadServer({
      respond: (req, res, attempt, received) => {
        res.once('finish', answered);
        return busy(req, res, attempt, received);
      },
    });
    const controller = new AbortController();
    const promise = uploadFile(ctx(server.url), {
      file: file(),
      fileName: 'a',
      useUniqueFileName: false,
      signal: controller.signal,
    }).catch((e: unknown) => e);
    await sent; // the 503 is on the wire: from here the SDK reads it, then waits 5 s
    controller.abort('stop now');
    expect(await promise).toBe('stop now');
    expect(server.started).toBe(1);
  });
});
