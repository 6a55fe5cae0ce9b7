// Hooks (`beforeRequest`, `afterResponse`, `beforeRetry`): what each sees and may change, for
// API calls and uploads (both server transports and the browser `upload()`), on a loopback
// server that records what really arrived. The Authorization oracle is node's Buffer.
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ImageKit } from '../../src/client/imagekit.js';
import { upload } from '../../src/upload/client-upload.js';
import { ApiError, InternalServerError } from '../../src/errors.js';
import { mergeHooks, type BeforeRequestHook, type Hooks } from '../../src/core/hooks.js';
import { skipBackoff } from '../support/backoff.js';

const privateKey = 'private_hooks_key';
const basicAuth = `Basic ${Buffer.from(`${privateKey}:`).toString('base64')}`;

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A server that records each request and answers with `answers[i]` (the last one repeats). */
async function recordingServer(answers: Array<{ status: number; body?: string; headers?: Record<string, string> }>) {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks).toString() });
      const answer = answers[Math.min(seen.length - 1, answers.length - 1)]!;
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers }).end(answer.body ?? '{"fileId":"f1"}');
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, seen };
}

function client(origin: string, hooks?: Hooks, extra: Record<string, unknown> = {}) {
  return new ImageKit({ privateKey, baseUrl: origin, uploadBaseUrl: origin, maxRetries: 2, hooks, ...extra });
}

const file = { file: new Uint8Array([1, 2, 3]), fileName: 'a.bin' };

describe('beforeRequest', () => {
  it('sees the method, URL, the Authorization header and no body; a header it sets reaches the server', async () => {
    const { origin, seen } = await recordingServer([{ status: 200 }]);
    const views: Array<{ method: string; url: string; authorization: string | null; body: unknown; contentType: string | null }> = [];
    const hook: BeforeRequestHook = (request) => {
      views.push({
        method: request.method,
        url: request.url,
        authorization: request.headers.get('authorization'),
        body: request.body,
        contentType: request.headers.get('content-type'),
      });
      request.headers.set('x-trace-id', 'trace-1');
    };
    await client(origin, { beforeRequest: [hook] }).updateFileDetails('file 1', { tags: ['a'] });
    expect(views).toEqual([
      { method: 'PATCH', url: `${origin}/v1/files/file%201/details`, authorization: basicAuth, body: null, contentType: 'application/json' },
    ]);
    expect(seen[0]!.headers['x-trace-id']).toBe('trace-1');
    expect(JSON.parse(seen[0]!.body)).toEqual({ tags: ['a'] });
  });

  for (const transport of ['node-http', 'fetch'] as const) {
    it(`runs for uploadFile (${transport}): the hook sees the multipart type, the body still arrives whole`, async () => {
      const { origin, seen } = await recordingServer([{ status: 200 }]);
      let contentType: string | null = null;
      const imagekit = client(origin, {
        beforeRequest: [
          (request) => {
            contentType = request.headers.get('content-type');
            request.headers.set('x-trace-id', 'upload-trace');
          },
        ],
      });
      const extra = transport === 'fetch' ? { fetch: globalThis.fetch } : {};
      await imagekit.withOptions(extra).uploadFile(file);
      expect(contentType).toMatch(/^multipart\/form-data; boundary=/);
      expect(seen[0]!.headers['content-type']).toBe(contentType);
      expect(seen[0]!.headers['x-trace-id']).toBe('upload-trace');
      expect(seen[0]!.headers.authorization).toBe(basicAuth);
      expect(seen[0]!.body).toContain('name="fileName"\r\n\r\na.bin');
    });
  }

  it('runs for the browser upload() with per-call hooks', async () => {
    const { origin, seen } = await recordingServer([{ status: 200 }]);
    const urls: string[] = [];
    await upload({
      ...file,
      uploadToken: undefined,
      token: 't',
      signature: 's',
      expire: Math.floor(Date.now() / 1000) + 600,
      publicKey: 'public_k',
      uploadBaseUrl: origin,
      fetch: globalThis.fetch,
      hooks: { beforeRequest: [(request) => void urls.push(request.url)] },
    });
    expect(urls).toEqual([`${origin}/api/v1/files/upload`]);
    expect(seen).toHaveLength(1);
  });

  it('a returned Response is the answer and nothing is sent; afterResponse still sees it', async () => {
    const { origin, seen } = await recordingServer([{ status: 500 }]);
    const statuses: number[] = [];
    const result = await client(origin, {
      beforeRequest: [() => Response.json({ fileId: 'cached' }, { headers: { 'x-request-id': 'from-hook' } })],
      afterResponse: [(_request, _state, response) => void statuses.push(response.status)],
    }).getFileDetails('f1');
    expect(result).toEqual({ fileId: 'cached' });
    expect(result.$ResponseMetadata.requestId).toBe('from-hook');
    expect(statuses).toEqual([200]);
    expect(seen).toHaveLength(0);
  });

  it('a returned Request (same method, no body) is what later hooks see and what is sent', async () => {
    const { origin, seen } = await recordingServer([{ status: 200 }]);
    const secondSaw: string[] = [];
    await client(origin, {
      beforeRequest: [
        (request) => new Request(request.url.replace('f1', 'f2'), { method: request.method, headers: request.headers }),
        (request) => void secondSaw.push(request.url),
      ],
    }).getFileDetails('f1');
    expect(secondSaw).toEqual([`${origin}/v1/files/f2/details`]);
    expect(seen[0]!.url).toBe('/v1/files/f2/details');
  });

  it('a returned Request with another method or a body, or any other value, is a TypeError and nothing is sent', async () => {
    const { origin, seen } = await recordingServer([{ status: 200 }]);
    const cases: BeforeRequestHook[] = [
      (request) => new Request(request.url, { method: 'DELETE' }),
      (request) => new Request(request.url, { method: 'POST', body: 'x' }),
      () => 'nope' as unknown as void,
    ];
    for (const hook of cases) {
      const error = await client(origin, { beforeRequest: [hook] })
        .createFolder({ folderName: 'a', parentFolderPath: '/' })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TypeError);
    }
    expect(seen).toHaveLength(0);
  });

  it("a hook's error ends the call with that error, unchanged, before anything is sent", async () => {
    const { origin, seen } = await recordingServer([{ status: 200 }]);
    const boom = new Error('hook failed');
    const error = await client(origin, {
      beforeRequest: [
        () => {
          throw boom;
        },
      ],
    })
      .getFileDetails('f1')
      .catch((e: unknown) => e);
    expect(error).toBe(boom);
    expect(seen).toHaveLength(0);
  });
});

describe('afterResponse', () => {
  it('sees every answer with headers redacted, and a returned Response replaces the answer', async () => {
    onTestFinished(skipBackoff().restore); // the hook is the subject, not the back-off
    // The server echoes the key in a header: the hook must not see it in clear.
    const { origin } = await recordingServer([{ status: 500, body: `{"message":"down"}`, headers: { 'x-echo': privateKey } }]);
    const seen: Array<{ status: number; echo: string | null; body: string }> = [];
    const result = await client(origin, {
      afterResponse: [
        async (_request, state, response) => {
          seen.push({ status: response.status, echo: response.headers.get('x-echo'), body: await response.text() });
          return state.retryCount === 1 ? Response.json({ fileId: 'replaced' }) : undefined;
        },
      ],
    }).getFileDetails('f1');
    expect(result).toEqual({ fileId: 'replaced' });
    expect(seen).toEqual([
      { status: 500, echo: '[redacted]', body: '{"message":"down"}' },
      { status: 500, echo: '[redacted]', body: '{"message":"down"}' },
    ]);
  });

  it('sees a 204 without a body', async () => {
    const { origin } = await recordingServer([{ status: 204, body: '' }]);
    const bodies: Array<string | null> = [];
    await client(origin, { afterResponse: [async (_r, _s, response) => void bodies.push(response.body && (await response.text()))] }).deleteFile(
      'f1',
    );
    expect(bodies).toEqual([null]);
  });
});

describe('beforeRetry', () => {
  it('runs before each retry with the failure and the count; beforeRequest sees the attempt number', async () => {
    const { origin, seen } = await recordingServer([
      { status: 503, headers: { 'retry-after': '0' } },
      { status: 503, headers: { 'retry-after': '0' } },
      { status: 200 },
    ]);
    const retries: Array<{ status: number | undefined; retryCount: number; url: string }> = [];
    const attempts: number[] = [];
    await client(origin, {
      beforeRequest: [(_request, state) => void attempts.push(state.retryCount)],
      beforeRetry: [({ request, error, retryCount }) => void retries.push({ status: (error as ApiError).status, retryCount, url: request.url })],
    }).getFileDetails('f1');
    expect(seen).toHaveLength(3);
    expect(attempts).toEqual([0, 1, 2]);
    expect(retries).toEqual([
      { status: 503, retryCount: 1, url: `${origin}/v1/files/f1/details` },
      { status: 503, retryCount: 2, url: `${origin}/v1/files/f1/details` },
    ]);
  });

  it('throwing stops the retries: the call rejects with that error after one request', async () => {
    onTestFinished(skipBackoff().restore); // the hook is the subject, not the back-off
    const { origin, seen } = await recordingServer([{ status: 503 }, { status: 200 }]);
    const stop = new Error('no more');
    const error = await client(origin, {
      beforeRetry: [
        ({ error: failure }) => {
          expect(failure).toBeInstanceOf(InternalServerError);
          throw stop;
        },
      ],
    })
      .getFileDetails('f1')
      .catch((e: unknown) => e);
    expect(error).toBe(stop);
    expect(seen).toHaveLength(1);
  });

  it('header changes it makes to the request are sent with the retry, as in ky (set, replaced, removed)', async () => {
    const { origin, seen } = await recordingServer([
      { status: 503, headers: { 'retry-after': '0' } },
      { status: 503, headers: { 'retry-after': '0' } },
      { status: 200 },
    ]);
    await client(origin, {
      beforeRequest: [(request) => void request.headers.set('x-trace-id', 'first')],
      beforeRetry: [
        ({ request, retryCount }) => {
          request.headers.set('x-token', `refreshed-${retryCount}`);
          request.headers.set('x-trace-id', `retry-${retryCount}`);
          request.headers.delete('accept');
        },
      ],
    }).getFileDetails('f1', { headers: { accept: 'application/json' } });
    // A removed Accept is sent as fetch's own default; the changes of earlier retries stay.
    expect(seen.map((request) => [request.headers['x-token'], request.headers['accept']])).toEqual([
      [undefined, 'application/json'],
      ['refreshed-1', '*/*'],
      ['refreshed-2', '*/*'],
    ]);
    // beforeRequest runs after the carried changes, so its own header wins.
    expect(seen.map((request) => request.headers['x-trace-id'])).toEqual(['first', 'first', 'first']);
  });

  it('is not called when the first attempt succeeds', async () => {
    const { origin } = await recordingServer([{ status: 200 }]);
    let calls = 0;
    await client(origin, { beforeRetry: [() => void calls++] }).getFileDetails('f1');
    expect(calls).toBe(0);
  });
});

describe('where hooks come from', () => {
  it('client, then withOptions, then the call; the parent keeps only its own', async () => {
    const { origin } = await recordingServer([{ status: 200 }]);
    const order: string[] = [];
    const mark =
      (name: string): BeforeRequestHook =>
      () =>
        void order.push(name);
    const parent = client(origin, { beforeRequest: [mark('client')] });
    const child = parent.withOptions({ hooks: { beforeRequest: [mark('withOptions')] } });
    await child.getFileDetails('f1', { hooks: { beforeRequest: [mark('call')] } });
    expect(order).toEqual(['client', 'withOptions', 'call']);
    order.length = 0;
    await parent.getFileDetails('f1');
    expect(order).toEqual(['client']);
    order.length = 0;
    await child.uploadFile({ ...file, hooks: { beforeRequest: [mark('upload')] } });
    expect(order).toEqual(['client', 'withOptions', 'upload']);
  });

  it('a misspelled hook name or a list that is not of functions is a TypeError naming it, wherever it is given', async () => {
    const { origin, seen } = await recordingServer([{ status: 200 }]);
    const misspelled = { beforeRequst: [() => {}] } as unknown as Hooks;
    const message = '`beforeRequst` is not an option of `hooks`; did you mean `beforeRequest`?';
    expect(() => client(origin, misspelled)).toThrow(new TypeError(message));
    expect(() => client(origin).withOptions({ hooks: misspelled })).toThrow(new TypeError(message));
    await expect(client(origin).getFileDetails('f1', { hooks: misspelled })).rejects.toThrow(new TypeError(message));
    await expect(client(origin).uploadFile({ ...file, hooks: misspelled })).rejects.toThrow(new TypeError(message));
    const notFunctions = { afterResponse: () => {} } as unknown as Hooks;
    expect(() => client(origin, notFunctions)).toThrow(new TypeError('The `hooks.afterResponse` option must be an array of functions'));
    expect(() => client(origin, 'x' as unknown as Hooks)).toThrow(TypeError);
    expect(seen).toHaveLength(0);
  });
});

describe('secrets stay out of what hooks see and return', () => {
  it('afterResponse sees an error body with the echoed key redacted, like the error itself', async () => {
    const { origin } = await recordingServer([{ status: 400, body: JSON.stringify({ message: `bad ${privateKey} ${basicAuth}` }) }]);
    const bodies: string[] = [];
    const error = await client(origin, { afterResponse: [async (_r, _s, response) => void bodies.push(await response.text())] })
      .getFileDetails('f1')
      .catch((e: unknown) => e);
    expect(bodies).toEqual([JSON.stringify({ message: 'bad [redacted] [redacted]' })]);
    expect((error as ApiError).message).not.toContain(privateKey);
  });

  it("a Response returned by afterResponse is redacted too: the key never reaches an error's or a result's headers", async () => {
    const { origin } = await recordingServer([{ status: 200 }]);
    const echo = (status: number) => (request: Request) =>
      new Response(status === 200 ? '{"fileId":"f1"}' : '{}', { status, headers: { 'x-echo': request.headers.get('authorization')! } });
    const result = await client(origin, { afterResponse: [echo(200)] }).getFileDetails('f1');
    expect(result.$ResponseMetadata.headers['x-echo']).toBe('[redacted]');
    const error = await client(origin, { afterResponse: [echo(400)] }, { maxRetries: 0 })
      .getFileDetails('f1')
      .catch((e: unknown) => e);
    expect((error as ApiError).headers['x-echo']).toBe('[redacted]');
  });
});

describe('abort while a hook runs', () => {
  const never = () => new Promise<never>(() => {});
  for (const where of ['beforeRequest', 'afterResponse', 'beforeRetry'] as const) {
    it(`a ${where} hook that never settles: abort rejects with signal.reason and hands the turn back`, async () => {
      const { origin, seen } = await recordingServer([{ status: 503, headers: { 'retry-after': '0' } }, { status: 200 }]);
      const imagekit = client(origin, {}, { maxConcurrency: 1 });
      const controller = new AbortController();
      const reason = new Error('stop');
      let entered!: () => void;
      const inHook = new Promise<void>((resolve) => (entered = resolve));
      const hook = () => {
        entered();
        return never();
      };
      const call = imagekit.getFileDetails('f1', { signal: controller.signal, hooks: { [where]: [hook] } });
      await inHook;
      controller.abort(reason);
      await expect(call).rejects.toBe(reason);
      // The one slot is free again: another call goes through.
      const before = seen.length;
      await imagekit.getFileDetails('f2');
      expect(seen.length).toBeGreaterThan(before);
    });
  }

  it('an abort during an afterResponse hook on a 2xx answer rejects with signal.reason', async () => {
    const { origin } = await recordingServer([{ status: 200 }]);
    const controller = new AbortController();
    const reason = new Error('stop');
    const call = client(origin).getFileDetails('f1', { signal: controller.signal, hooks: { afterResponse: [() => controller.abort(reason)] } });
    await expect(call).rejects.toBe(reason);
  });
});

it('a hook list with a hole is a TypeError when the client is created, not a failure at call time', () => {
  const sparse = { beforeRequest: [, () => {}] } as unknown as Hooks;
  expect(() => client('http://127.0.0.1:1', sparse)).toThrow(new TypeError('The `hooks.beforeRequest` option must be an array of functions'));
});

it('`hooks: {}` or empty lists resolve to no hooks, as the merge promises', () => {
  expect(mergeHooks(undefined, {})).toBeUndefined();
  expect(mergeHooks(undefined, { beforeRequest: [], afterResponse: [], beforeRetry: [] })).toBeUndefined();
  const hook = () => undefined;
  const base = mergeHooks(undefined, { beforeRequest: [hook] });
  expect(mergeHooks(base, {})).toEqual({ beforeRequest: [hook], afterResponse: [], beforeRetry: [] });
});
