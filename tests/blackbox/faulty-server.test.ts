// The installed package (CJS build, resolved by package name) against a misbehaving
// loopback server: error classes, messages, request ids, rate-limit figures, retry
// counts and bounded total time, aborts in every phase, and no secret in any error.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { inspect } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { installPacked, type Installed } from './installed.js';
import { failure } from '../support/failure.js';

type Handler = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;
type Root = typeof import('../../src/index.js');
type ServerEntry = typeof import('../../src/server.js');

const privateKey = 'private_BLACKBOX_secret_key_123';
const basic = Buffer.from(`${privateKey}:`).toString('base64');
const clientToken = 'token-blackbox-0001';
const clientSignature = 'f'.repeat(40);

let installed: Installed;
let root: Root;
let sdk: ServerEntry;
let server: Server;
let base: string;
let handler: Handler;
let hits: number;

beforeAll(async () => {
  installed = await installPacked();
  root = installed.require('imagekit-universal') as Root;
  sdk = installed.require('imagekit-universal/server') as ServerEntry;
  server = createServer((request, response) => {
    hits++;
    void handler(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}, 90_000);
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await installed?.remove();
});
beforeEach(() => {
  hits = 0;
});

function client(options: { timeout?: number; maxRetries?: number; maxRateLimitWait?: number } = {}) {
  return new sdk.ImageKit({ privateKey, urlEndpoint: 'https://ik.imagekit.io/demo', baseUrl: base, uploadBaseUrl: base, ...options });
}

function drain(request: IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    request.on('data', () => undefined);
    request.on('end', resolve);
  });
}

/** No secret in the message, stack, JSON or a deep inspect of the error and its causes. */
function expectNoSecret(error: unknown): void {
  const views = [
    String((error as Error).message),
    String((error as Error).stack),
    JSON.stringify(error) ?? '',
    inspect(error, { depth: 8, showHidden: true }),
  ];
  for (const view of views) {
    for (const secret of [privateKey, basic, 'BLACKBOX_secret', 'Basic ', clientToken, clientSignature, 'ik-s=']) {
      expect(view).not.toContain(secret);
    }
  }
}

const jsonHeaders = { 'content-type': 'application/json' };

describe('management API against a faulty server', () => {
  it('500 with an HTML body: InternalServerError after maxRetries, request id kept, message bounded', async () => {
    const page = `<html><body>${'Bad gateway '.repeat(100)}</body></html>`;
    handler = (_q, s) => {
      s.writeHead(500, { 'content-type': 'text/html', 'x-ik-requestid': 'req-500' });
      s.end(page);
    };
    const error = await failure(client({ maxRetries: 1 }).getFileDetails('file_1'));
    expect(root.isApiError(error)).toBe(true);
    expect(error.name).toBe('InternalServerError');
    expect(error.status).toBe(500);
    expect(error.requestId).toBe('req-500');
    expect(error.body).toEqual({ message: page });
    expect(error.message.length).toBeLessThan(450);
    expect(error.message).toContain('GET /v1/files/file_1/details');
    expect(hits).toBe(2);
    expectNoSecret(error);
  });

  it('200 with truncated JSON: an ImageKitError naming the call, not retried', async () => {
    handler = (_q, s) => {
      s.writeHead(200, jsonHeaders);
      s.end('{"fileId":"ab');
    };
    const error = await failure(client().getFileDetails('file_1'));
    expect(root.isImageKitError(error)).toBe(true);
    expect(root.isApiError(error)).toBe(false);
    expect(error.message).toMatch(/not JSON: GET \/v1\/files\/file_1\/details/);
    expect(error['$ResponseMetadata']).toMatchObject({ statusCode: 200 });
    expect(hits).toBe(1);
    expectNoSecret(error);
  });

  it('connection reset in the middle of the body: ConnectionError after every retry', async () => {
    handler = (_q, s) => {
      s.writeHead(200, jsonHeaders);
      s.write('{"fileId":', () => s.socket?.destroy());
    };
    const error = await failure(client({ maxRetries: 1 }).getFileDetails('file_1'));
    expect(root.isConnectionError(error)).toBe(true);
    expect(hits).toBe(2);
    expectNoSecret(error);
  });

  it('headers never sent: the timeout fires per attempt, retries stop at maxRetries, total time bounded', async () => {
    handler = () => undefined;
    const started = Date.now();
    const error = await failure(client({ timeout: 200, maxRetries: 2 }).getFileDetails('file_1'));
    const elapsed = Date.now() - started;
    expect(root.isTimeoutError(error)).toBe(true);
    expect(error.timeoutMs).toBe(200);
    expect(hits).toBe(3);
    // 3 × 200 ms + backoff (≤ 625 + 1250 ms), with slack for a loaded machine.
    expect(elapsed).toBeGreaterThanOrEqual(600);
    expect(elapsed).toBeLessThan(8_000);
    expectNoSecret(error);
  });

  it('a POST that times out is not replayed (it may have acted)', async () => {
    handler = () => undefined;
    const error = await failure(client({ timeout: 200, maxRetries: 2 }).createFolder({ folderName: 'a', parentFolderPath: '/' }));
    expect(root.isTimeoutError(error)).toBe(true);
    expect(hits).toBe(1);
  });

  it('429 with X-RateLimit-Reset (ms): waits that long each time, without using maxRetries, then RateLimitError once maxRateLimitWait is spent', async () => {
    handler = (_q, s) => {
      s.writeHead(429, {
        ...jsonHeaders,
        'x-ratelimit-reset': '150',
        'x-ratelimit-limit': '10',
        'x-ratelimit-interval': '1000',
        'x-request-id': 'rl-1',
      });
      s.end('{"message":"rate limited"}');
    };
    const started = Date.now();
    const error = await failure(client({ maxRetries: 0, maxRateLimitWait: 400 }).getFileDetails('file_1'));
    expect(root.isRateLimitError(error)).toBe(true);
    expect(error.retryAfterMs).toBe(150);
    expect(error.rateLimit).toEqual({ limit: 10, resetMs: 150, intervalMs: 1000 });
    expect(error.requestId).toBe('rl-1');
    // maxRetries: 0, yet the 429s were waited out and retried until 400 ms of waiting were spent.
    expect(hits).toBeGreaterThanOrEqual(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expectNoSecret(error);
  });

  it('429 with Retry-After (seconds) on a POST: retried after the wait, then succeeds', async () => {
    handler = (_q, s) => {
      if (hits === 1) {
        s.writeHead(429, { 'retry-after': '1' });
        s.end('{"message":"slow down"}');
      } else {
        s.writeHead(201, { ...jsonHeaders, 'x-ik-requestid': 'ok-1' });
        s.end('{}');
      }
    };
    const started = Date.now();
    const result = await client().createFolder({ folderName: 'a', parentFolderPath: '/' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(hits).toBe(2);
    expect((result as unknown as { $ResponseMetadata: { requestId: string } }).$ResponseMetadata.requestId).toBe('ok-1');
  });

  it('429 asking for more than 60 s: thrown at once with retryAfterMs', async () => {
    handler = (_q, s) => {
      s.writeHead(429, { 'retry-after': '120' });
      s.end('{}');
    };
    const error = await failure(client().getFileDetails('file_1'));
    expect(root.isRateLimitError(error)).toBe(true);
    expect(error.retryAfterMs).toBe(120_000);
    expect(hits).toBe(1);
  });

  it('503 then 200: retried and resolved with metadata', async () => {
    handler = (_q, s) => {
      if (hits === 1) {
        s.writeHead(503, { 'retry-after': '0' });
        s.end();
      } else {
        s.writeHead(200, { ...jsonHeaders, 'x-ik-requestid': 'after-503' });
        s.end('{"fileId":"file_1"}');
      }
    };
    const result = await client().getFileDetails('file_1');
    expect(result.fileId).toBe('file_1');
    expect(result.$ResponseMetadata.requestId).toBe('after-503');
    expect(hits).toBe(2);
  });
});

describe('uploads against a faulty server', () => {
  const answer500AfterBody: Handler = async (q, s) => {
    await drain(q);
    s.writeHead(500, { ...jsonHeaders, 'x-ik-requestid': 'up-500' });
    s.end('{"message":"boom"}');
  };

  it('500 after the body was read, unique names: UploadIndeterminateError, sent once', async () => {
    handler = answer500AfterBody;
    const error = await failure(client().uploadFile({ file: new Blob(['hello']), fileName: 'a.txt' }));
    expect(root.isUploadIndeterminateError(error)).toBe(true);
    expect(root.isApiError(error.cause)).toBe(true);
    expect((error.cause as { requestId?: string }).requestId).toBe('up-500');
    expect(hits).toBe(1);
    expectNoSecret(error);
  });

  it('500 after the body was read, same path replaced: replayed maxRetries times, then indeterminate', async () => {
    handler = answer500AfterBody;
    const error = await failure(client({ maxRetries: 1 }).uploadFile({ file: new Blob(['hello']), fileName: 'a.txt', useUniqueFileName: false }));
    expect(root.isUploadIndeterminateError(error)).toBe(true);
    expect(hits).toBe(2);
  });

  it('client upload with a fixed token: a 500 after sending is indeterminate (the token is single-use)', async () => {
    handler = answer500AfterBody;
    const error = await failure(
      root.upload({
        file: new Blob(['hello']),
        fileName: 'a.txt',
        useUniqueFileName: false,
        publicKey: 'public_blackbox',
        token: clientToken,
        signature: clientSignature,
        expire: Math.floor(Date.now() / 1000) + 600,
        uploadBaseUrl: base,
      }),
    );
    expect(root.isUploadIndeterminateError(error)).toBe(true);
    expect(hits).toBe(1);
    expectNoSecret(error);
  });

  it('503 asking for more than 60 s: not slept, the upload fails at once', async () => {
    handler = async (q, s) => {
      await drain(q);
      s.writeHead(503, { ...jsonHeaders, 'retry-after': '3600' });
      s.end('{"message":"maintenance"}');
    };
    const started = Date.now();
    const error = await failure(client().uploadFile({ file: new Blob(['hello']), fileName: 'a.txt', useUniqueFileName: false }));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(root.isUploadIndeterminateError(error)).toBe(true);
    expect((error.cause as { status?: number }).status).toBe(503);
    expect(hits).toBe(1);
  }, 10_000);

  it('headers never sent: per-attempt timeout, then indeterminate (bytes reached the server)', async () => {
    handler = () => undefined;
    const error = await failure(client({ timeout: 200 }).uploadFile({ file: new Blob(['hello']), fileName: 'a.txt' }));
    expect(root.isUploadIndeterminateError(error)).toBe(true);
    expect(root.isTimeoutError(error.cause)).toBe(true);
    expect(hits).toBe(1);
  });

  it('200 with a body that is not JSON: indeterminate, not retried', async () => {
    handler = async (q, s) => {
      await drain(q);
      s.writeHead(200, jsonHeaders);
      s.end('{"fileId"');
    };
    const error = await failure(client().uploadFile({ file: new Blob(['hello']), fileName: 'a.txt', useUniqueFileName: false }));
    expect(root.isUploadIndeterminateError(error)).toBe(true);
    expect(hits).toBe(1);
  });
});

describe('abort in every phase rejects with the signal reason, unwrapped', () => {
  const reason = new Error('user abort');
  // Each call is aborted once it has reached its phase: the server's handler has run, or (for
  // the authenticator) the authenticator has been called.
  let reached = () => {};
  const phases: Array<{ name: string; handler: Handler; call: (signal: AbortSignal) => Promise<unknown> }> = [
    { name: 'API: waiting for headers', handler: () => undefined, call: (signal) => client().getFileDetails('f', { signal }) },
    {
      name: 'API: reading the body',
      handler: (_q, s) => {
        s.writeHead(200, jsonHeaders);
        s.write('{"a":');
      },
      call: (signal) => client().getFileDetails('f', { signal }),
    },
    {
      name: 'API: waiting between retries',
      handler: (_q, s) => {
        s.writeHead(503, { 'retry-after': '30' });
        s.end('{}');
      },
      call: (signal) => client().getFileDetails('f', { signal }),
    },
    {
      name: 'upload: sending the body',
      handler: (q) => {
        q.pause();
      },
      call: (signal) => client().uploadFile({ file: new Uint8Array(32 << 20), fileName: 'big.bin', signal }),
    },
    {
      name: 'upload: waiting for the response',
      handler: async (q) => drain(q),
      call: (signal) => client().uploadFile({ file: new Blob(['x']), fileName: 'a.txt', signal }),
    },
    {
      name: 'upload: waiting between retries',
      handler: async (q, s) => {
        await drain(q);
        s.writeHead(500);
        s.end('{}');
      },
      call: (signal) => client().uploadFile({ file: new Blob(['x']), fileName: 'a.txt', useUniqueFileName: false, signal }),
    },
    {
      name: 'client upload: in the authenticator',
      handler: () => undefined,
      call: (signal) =>
        root.upload({
          file: new Blob(['x']),
          fileName: 'a.txt',
          publicKey: 'p',
          authenticator: () => {
            reached();
            return new Promise(() => undefined);
          },
          uploadBaseUrl: base,
          signal,
        }),
    },
  ];

  it.each(phases)('$name', async ({ handler: phaseHandler, call }) => {
    const inPhase = new Promise<void>((resolve) => (reached = resolve));
    handler = async (q, s) => {
      await phaseHandler(q, s);
      reached();
    };
    const controller = new AbortController();
    const pending = failure(call(controller.signal));
    await inPhase;
    controller.abort(reason);
    const started = Date.now();
    expect(await pending).toBe(reason);
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});

describe('a server that echoes the request back in its error', () => {
  /** Answers `status` with the request's headers and body (percent-decoded too) in `message`, `body` and a header. */
  const echo =
    (status: number): Handler =>
    async (q, s) => {
      const chunks: Buffer[] = [];
      for await (const chunk of q) chunks.push(chunk as Buffer);
      const text = Buffer.concat(chunks).toString('utf8');
      const headers = JSON.stringify(q.headers);
      s.writeHead(status, { ...jsonHeaders, 'x-echo-authorization': String(q.headers.authorization ?? '') });
      // A proxy that decodes Basic auth would show the key itself.
      const decoded = q.headers.authorization ? Buffer.from(q.headers.authorization.slice(6), 'base64').toString() : '';
      s.end(JSON.stringify({ message: `echo ${decoded} ${headers} ${text}`, request: { headers: q.headers, body: text, decoded } }));
    };

  it('management API: the Authorization header and the private key are redacted from message, body and headers', async () => {
    handler = echo(400);
    const error = await failure(client({ maxRetries: 0 }).getFileDetails('file_1'));
    expect(root.isApiError(error)).toBe(true);
    expect(error.message).toContain('[redacted]');
    expectNoSecret(error);
  });

  it('server upload: the Authorization header is redacted', async () => {
    handler = echo(400);
    const error = await failure(client({ maxRetries: 0 }).uploadFile({ file: new Blob(['hello']), fileName: 'a.txt' }));
    expect(root.isApiError(error)).toBe(true);
    expectNoSecret(error);
  });

  it('client upload: the token and signature are redacted', async () => {
    handler = echo(400);
    const error = await failure(
      root.upload({
        file: new Blob(['hello']),
        fileName: 'a.txt',
        publicKey: 'public_blackbox',
        token: clientToken,
        signature: clientSignature,
        expire: Math.floor(Date.now() / 1000) + 600,
        uploadBaseUrl: base,
      }),
    );
    expect(root.isApiError(error)).toBe(true);
    expect(JSON.stringify(error.body)).toContain('[redacted]');
    expectNoSecret(error);
  });
});

describe('secrets stay out of serialised objects', () => {
  it('client, results and errors never show the key or the Authorization header', async () => {
    const imagekit = client({ maxRetries: 0 });
    for (const view of [JSON.stringify(imagekit), inspect(imagekit, { showHidden: true, depth: 8 }), Object.keys(imagekit).join()]) {
      expect(view).not.toContain('BLACKBOX');
    }
    handler = (_q, s) => {
      s.writeHead(200, { ...jsonHeaders, 'x-ik-requestid': 'r' });
      s.end('{"fileId":"f"}');
    };
    const result = await imagekit.getFileDetails('f');
    expect(inspect(result, { showHidden: true, depth: 8 })).not.toContain('BLACKBOX');
    expect(inspect(result, { showHidden: true, depth: 8 })).not.toContain(basic);
    handler = (_q, s) => {
      s.writeHead(401, jsonHeaders);
      s.end('{"message":"Your account cannot be authenticated."}');
    };
    expectNoSecret(await failure(imagekit.getFileDetails('f')));
  });

  it('a signed URL passed to an API call never reaches the error message', async () => {
    const signed = await sdk.signUrl('https://ik.imagekit.io/demo/a.jpg', {
      privateKey,
      urlEndpoint: 'https://ik.imagekit.io/demo',
      expireSeconds: 60,
    });
    handler = (_q, s) => {
      s.writeHead(500);
      s.end();
    };
    const error = await failure(client({ maxRetries: 0 }).getRemoteFileUrlMetadata(signed));
    expect(root.isApiError(error)).toBe(true);
    expectNoSecret(error);
  });
});
