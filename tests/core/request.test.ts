import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiRequest, failedBeforeSending, isPartialSuccess } from '../../src/core/request.js';
import {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  ImageKitError,
  InternalServerError,
  NotFoundError,
  RateLimitError,
  TimeoutError,
} from '../../src/errors.js';
import { context, empty, expectedAuthorization, json, networkError, privateKey, scriptedFetch } from './fake-fetch.js';

/** Runs a request while fake time advances in small steps until it settles. */
async function settle<T>(promise: Promise<T>, maxMs = 600_000): Promise<{ value?: T; error?: unknown; elapsed: number }> {
  let done = false;
  let value: T | undefined;
  let error: unknown;
  promise.then(
    (v) => {
      done = true;
      value = v;
    },
    (e: unknown) => {
      done = true;
      error = e;
    },
  );
  const start = Date.now();
  for (let i = 0; i < maxMs / 50 && !done; i++) await vi.advanceTimersByTimeAsync(50);
  await vi.advanceTimersByTimeAsync(0);
  if (!done) throw new Error('request did not settle');
  return { value, error, elapsed: Date.now() - start };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.spyOn(Math, 'random').mockReturnValue(0.5); // jitter factor exactly 1
});
afterEach(() => {
  expect(vi.getTimerCount()).toBe(0); // every timer cleaned up
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('apiRequest: success', () => {
  it('sends Basic auth (base64 of "key:"), Accept, and parses JSON with non-enumerable $ResponseMetadata', async () => {
    const { fetch, calls } = scriptedFetch([json(200, { fileId: 'f1' }, { 'x-ik-requestid': 'req-1', 'x-ratelimit-limit': '10' })]);
    const result = await apiRequest<{ fileId: string }>(context(fetch), { method: 'GET', path: '/v1/files/f1/details' });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe('https://api.example.test/v1/files/f1/details');
    expect(calls[0]!.headers.get('authorization')).toBe(expectedAuthorization);
    expect(calls[0]!.headers.get('accept')).toBe('application/json');
    expect(calls[0]!.headers.has('content-type')).toBe(false);
    expect(calls[0]!.body).toBeUndefined();
    expect(JSON.stringify(result)).toBe('{"fileId":"f1"}');
    expect(Object.keys(result)).toEqual(['fileId']);
    expect(result.$ResponseMetadata.statusCode).toBe(200);
    expect(result.$ResponseMetadata.requestId).toBe('req-1');
    expect(result.$ResponseMetadata.rateLimit?.limit).toBe(10);
  });

  it('sends a JSON body with Content-Type and encodes the query with %20, not +', async () => {
    const { fetch, calls } = scriptedFetch([json(200, {})]);
    await apiRequest(context(fetch), {
      method: 'POST',
      path: '/v1/x',
      query: { searchQuery: 'name = "a b"', tags: ['t1', 't2'], skip: 0, flag: true, gone: undefined },
      body: { a: 1 },
    });
    expect(calls[0]!.url).toBe('https://api.example.test/v1/x?searchQuery=name%20%3D%20%22a%20b%22&tags=t1%2Ct2&skip=0&flag=true');
    expect(calls[0]!.headers.get('content-type')).toBe('application/json');
    expect(calls[0]!.body).toBe('{"a":1}');
  });

  it('merges caller headers but never lets them replace Authorization', async () => {
    const { fetch, calls } = scriptedFetch([json(200, {})]);
    await apiRequest(context(fetch), {
      method: 'GET',
      path: '/v1/x',
      headers: { 'X-Trace': 'abc', Authorization: 'Basic evil' },
    });
    expect(calls[0]!.headers.get('x-trace')).toBe('abc');
    expect(calls[0]!.headers.get('authorization')).toBe(expectedAuthorization);
  });

  it('resolves 204 with an empty object that carries metadata', async () => {
    const { fetch } = scriptedFetch([empty(204)]);
    const result = await apiRequest(context(fetch), { method: 'DELETE', path: '/v1/files/f1' });
    expect(result).toEqual({});
    expect(result.$ResponseMetadata.statusCode).toBe(204);
    expect(isPartialSuccess(result)).toBe(false);
  });

  it('resolves 207 (not thrown) and isPartialSuccess() tells', async () => {
    const body = { successfullyDeletedFileIds: ['a'], errors: [{ fileId: 'b', error: 'nope' }] };
    const { fetch } = scriptedFetch([json(207, body)]);
    const result = await apiRequest(context(fetch), { method: 'POST', path: '/v1/files/batch/deleteByFileIds', body: {} });
    expect(result).toEqual(body);
    expect(result.$ResponseMetadata.statusCode).toBe(207);
    expect(isPartialSuccess(result)).toBe(true);
    expect(isPartialSuccess({})).toBe(false);
    expect(isPartialSuccess(null)).toBe(false);
  });

  it('rejects a 2xx body that is not JSON with an ImageKitError', async () => {
    const { fetch } = scriptedFetch([new Response('<html>', { status: 200 })]);
    const { error } = await settle(apiRequest(context(fetch), { method: 'GET', path: '/v1/x' }));
    expect(error).toBeInstanceOf(ImageKitError);
    expect((error as Error).message).toContain('GET /v1/x');
  });

  it('puts status, headers and request id of a 2xx non-JSON answer on the error', async () => {
    const headers = { 'content-type': 'text/html', 'x-ik-requestid': 'req-html-1', 'x-ratelimit-limit': '10' };
    const { fetch } = scriptedFetch([new Response('<html>proxy</html>', { status: 200, headers })]);
    const { error } = await settle(apiRequest(context(fetch), { method: 'GET', path: '/v1/x' }));
    const metadata = (error as ImageKitError).$ResponseMetadata;
    expect(metadata).toMatchObject({ statusCode: 200, requestId: 'req-html-1', rateLimit: { limit: 10 } });
    expect(metadata!.headers['content-type']).toBe('text/html');
    expect((error as Error).message).toContain('request id req-html-1');
    expect(Object.keys(error as object)).not.toContain('$ResponseMetadata');
  });

  it('a 2xx JSON value that is not an object carries the metadata too', async () => {
    const { fetch } = scriptedFetch([new Response('42', { status: 201, headers: { 'x-request-id': 'r2' } })]);
    const { error } = await settle(apiRequest(context(fetch), { method: 'GET', path: '/v1/x' }));
    expect((error as ImageKitError).$ResponseMetadata).toMatchObject({ statusCode: 201, requestId: 'r2' });
  });
});

describe('apiRequest: errors', () => {
  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [404, NotFoundError],
    [409, ConflictError],
  ])('does not retry %i and throws the status class', async (status, ErrorClass) => {
    const { fetch, calls } = scriptedFetch([json(status, { message: 'm', reason: 'R' })]);
    const { error } = await settle(apiRequest(context(fetch), { method: 'GET', path: '/v1/files/x/details', query: { q: 'secret-query' } }));
    expect(error).toBeInstanceOf(ErrorClass);
    expect(calls).toHaveLength(1);
    const apiError = error as BadRequestError;
    expect(apiError.status).toBe(status);
    expect(apiError.path).toBe('/v1/files/x/details'); // no query
    expect(apiError.method).toBe('GET');
    expect(apiError.reason).toBe('R');
    expect(apiError.message).not.toContain('secret-query');
  });

  it('wraps a non-JSON error body as { message: text }', async () => {
    const { fetch } = scriptedFetch([new Response('Bad gateway text', { status: 400 })]);
    const { error } = await settle(apiRequest(context(fetch), { method: 'GET', path: '/v1/x' }));
    expect((error as BadRequestError).body).toEqual({ message: 'Bad gateway text' });
  });

  it('never exposes the private key or Authorization value in an error', async () => {
    const { fetch } = scriptedFetch([json(401, { message: 'Your request is not authorized' })]);
    const { error } = await settle(apiRequest(context(fetch), { method: 'GET', path: '/v1/x' }));
    const text = `${String(error)} ${JSON.stringify(error)} ${(error as Error).stack}`;
    expect(text).not.toContain(privateKey);
    expect(text).not.toContain(expectedAuthorization.slice(6));
  });

  it('rejects bad per-request timeout / maxRetries with RangeError', async () => {
    const { fetch } = scriptedFetch([json(200, {})]);
    await expect(apiRequest(context(fetch), { method: 'GET', path: '/v1/x', timeout: -1 })).rejects.toThrow(RangeError);
    await expect(apiRequest(context(fetch), { method: 'GET', path: '/v1/x', maxRetries: 1.5 })).rejects.toThrow(/`maxRetries`/);
  });
});

describe('apiRequest: retries', () => {
  it('retries a GET on 500 with exponential backoff, then throws after maxRetries', async () => {
    const { fetch, calls } = scriptedFetch([json(500, { message: 'boom' })]);
    const promise = apiRequest(context(fetch, { maxRetries: 2 }), { method: 'GET', path: '/v1/x' });
    promise.catch(() => {});
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(499);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1); // 500 ms (base · 2^0 · jitter 1)
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(999);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1); // 1000 ms
    expect(calls).toHaveLength(3);
    await expect(promise).rejects.toBeInstanceOf(InternalServerError);
  });

  it('succeeds when a retry succeeds', async () => {
    const { fetch, calls } = scriptedFetch([json(503, {}), json(502, {}), json(200, { ok: true })]);
    const { value } = await settle(apiRequest(context(fetch), { method: 'GET', path: '/v1/x' }));
    expect(value).toEqual({ ok: true });
    expect(calls).toHaveLength(3);
  });

  it('keeps backoff within ±25 % jitter and the 8 s cap', async () => {
    const random = vi.spyOn(Math, 'random');
    for (const [r, expected] of [
      [0, 375],
      [0.999999, 625],
    ] as const) {
      random.mockReturnValue(r);
      const { fetch, calls } = scriptedFetch([json(500, {}), json(200, {})]);
      const promise = apiRequest(context(fetch), { method: 'GET', path: '/v1/x' });
      await vi.advanceTimersByTimeAsync(expected - 1);
      expect(calls).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(calls).toHaveLength(2);
      await promise;
    }
  });

  // A 429 is waited out by the client's pacer, which starts the retry 2 ms after the reset
  // (a call released right at the reset may reach the server a hair before its window turns).
  it('waits X-RateLimit-Reset milliseconds on 429 before retrying', async () => {
    const { fetch, calls } = scriptedFetch([json(429, {}, { 'x-ratelimit-reset': '1500' }), json(200, {})]);
    const promise = apiRequest(context(fetch), { method: 'GET', path: '/v1/x' });
    await vi.advanceTimersByTimeAsync(1499);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(3);
    expect(calls).toHaveLength(2);
    await promise;
  });

  it('waits Retry-After seconds on 429 and on 503', async () => {
    for (const status of [429, 503]) {
      const { fetch, calls } = scriptedFetch([json(status, {}, { 'retry-after': '3' }), json(200, {})]);
      const promise = apiRequest(context(fetch), { method: 'GET', path: '/v1/x' });
      await vi.advanceTimersByTimeAsync(2999);
      expect(calls).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(status === 429 ? 3 : 1);
      expect(calls).toHaveLength(2);
      await promise;
    }
  });

  it('waits until an HTTP-date Retry-After', async () => {
    const when = new Date(Date.now() + 4000).toUTCString();
    const { fetch, calls } = scriptedFetch([json(429, {}, { 'retry-after': when }), json(200, {})]);
    const promise = apiRequest(context(fetch), { method: 'GET', path: '/v1/x' });
    await vi.advanceTimersByTimeAsync(3000); // HTTP dates have 1 s resolution
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toHaveLength(2);
    await promise;
  });

  it('ignores Retry-After on a 500 (backoff instead)', async () => {
    const { fetch, calls } = scriptedFetch([json(500, {}, { 'retry-after': '30' }), json(200, {})]);
    const promise = apiRequest(context(fetch), { method: 'GET', path: '/v1/x' });
    await vi.advanceTimersByTimeAsync(500);
    expect(calls).toHaveLength(2);
    await promise;
  });

  it('does not sleep a server wait above 60 s: throws the RateLimitError with retryAfterMs at once', async () => {
    const { fetch, calls } = scriptedFetch([json(429, { message: 'slow down' }, { 'x-ratelimit-reset': '900000' })]);
    const { error, elapsed } = await settle(apiRequest(context(fetch), { method: 'GET', path: '/v1/x' }));
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(900000);
    expect((error as RateLimitError).rateLimit?.resetMs).toBe(900000);
    expect(calls).toHaveLength(1);
    expect(elapsed).toBeLessThan(100);
  });

  it('retries connection errors on GET and throws ConnectionError with the cause', async () => {
    const cause = networkError('ECONNRESET');
    const { fetch, calls } = scriptedFetch([cause]);
    const { error } = await settle(apiRequest(context(fetch), { method: 'GET', path: '/v1/x' }));
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).cause).toBe(cause);
    expect(calls).toHaveLength(3);
  });

  it('respects maxRetries: 0 per request', async () => {
    const { fetch, calls } = scriptedFetch([json(500, {})]);
    await settle(apiRequest(context(fetch), { method: 'GET', path: '/v1/x', maxRetries: 0 }));
    expect(calls).toHaveLength(1);
  });

  describe("policy 'safe' (non-idempotent POST)", () => {
    const post = { method: 'POST' as const, path: '/v1/files/copy', body: {}, retry: 'safe' as const };

    it('does not retry a 5xx (the work may be done)', async () => {
      for (const status of [500, 502, 503, 504]) {
        const { fetch, calls } = scriptedFetch([json(status, {})]);
        const { error } = await settle(apiRequest(context(fetch), post));
        expect(error).toBeInstanceOf(InternalServerError);
        expect(calls).toHaveLength(1);
      }
    });

    it('retries a 429 (rejected before processing) and a 408', async () => {
      const { fetch, calls } = scriptedFetch([json(429, {}, { 'x-ratelimit-reset': '10' }), json(408, {}), json(201, { ok: 1 })]);
      const { value } = await settle(apiRequest(context(fetch), post));
      expect(value).toEqual({ ok: 1 });
      expect(calls).toHaveLength(3);
    });

    it('retries a connection that was refused (nothing sent), but not a reset', async () => {
      const refused = scriptedFetch([networkError('ECONNREFUSED'), json(200, {})]);
      await settle(apiRequest(context(refused.fetch), post));
      expect(refused.calls).toHaveLength(2);

      const reset = scriptedFetch([networkError('ECONNRESET'), json(200, {})]);
      const { error } = await settle(apiRequest(context(reset.fetch), post));
      expect(error).toBeInstanceOf(ConnectionError);
      expect(reset.calls).toHaveLength(1);
    });

    it('does not retry a timeout', async () => {
      const { fetch, calls } = scriptedFetch(['hang']);
      const { error } = await settle(apiRequest(context(fetch, { timeout: 1000 }), post));
      expect(error).toBeInstanceOf(TimeoutError);
      expect(calls).toHaveLength(1);
    });

    it('defaults to safe for POST when no policy is given', async () => {
      const { fetch, calls } = scriptedFetch([json(500, {})]);
      await settle(apiRequest(context(fetch), { method: 'POST', path: '/v1/x', body: {} }));
      expect(calls).toHaveLength(1);
    });
  });

  it("policy 'never' does not even retry a 429", async () => {
    const { fetch, calls } = scriptedFetch([json(429, {}, { 'x-ratelimit-reset': '5' })]);
    const { error } = await settle(apiRequest(context(fetch), { method: 'GET', path: '/v1/x', retry: 'never' }));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(calls).toHaveLength(1);
  });

  it("policy 'always' retries a POST after a 5xx", async () => {
    const { fetch, calls } = scriptedFetch([json(500, {}), json(200, {})]);
    await settle(apiRequest(context(fetch), { method: 'POST', path: '/v1/files/addTags', body: {}, retry: 'always' }));
    expect(calls).toHaveLength(2);
  });
});

describe('apiRequest: timeout and abort', () => {
  it('times out each attempt and throws TimeoutError after maxRetries', async () => {
    const { fetch, calls } = scriptedFetch(['hang']);
    const promise = apiRequest(context(fetch, { timeout: 1000, maxRetries: 2 }), { method: 'GET', path: '/v1/x' });
    promise.catch(() => {});
    await vi.advanceTimersByTimeAsync(999);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.signal?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls[0]!.signal?.aborted).toBe(true);
    const { error } = await settle(promise);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).timeoutMs).toBe(1000);
    // The same template as an upload's inactivity timeout (tests/upload/inactivity.test.ts).
    expect((error as Error).message).toBe('Request timed out after 1000 ms: GET api.example.test/v1/x');
    expect(calls).toHaveLength(3);
  });

  it('times out even when the fetch implementation ignores the signal', async () => {
    const { fetch, calls } = scriptedFetch(['hang-ignoring-signal']);
    const { error } = await settle(apiRequest(context(fetch, { timeout: 200, maxRetries: 1 }), { method: 'GET', path: '/v1/x' }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(calls).toHaveLength(2);
  });

  it('per-request timeout overrides the client; 0 turns it off', async () => {
    const { fetch } = scriptedFetch([(): Promise<Response> => new Promise((resolve) => setTimeout(() => resolve(json(200, { slow: true })), 5000))]);
    const { value } = await settle(apiRequest(context(fetch, { timeout: 100 }), { method: 'GET', path: '/v1/x', timeout: 0 }));
    expect(value).toEqual({ slow: true });
  });

  it('rethrows the caller’s abort reason unchanged when aborted during a request', async () => {
    const { fetch, calls } = scriptedFetch(['hang']);
    const controller = new AbortController();
    const reason = new Error('user cancelled');
    const promise = apiRequest(context(fetch), { method: 'GET', path: '/v1/x', signal: controller.signal });
    promise.catch(() => {});
    await vi.advanceTimersByTimeAsync(10);
    controller.abort(reason);
    await expect(promise).rejects.toBe(reason);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toHaveLength(1);
  });

  it('rethrows the abort reason (a DOMException by default) when the fetch ignores the signal', async () => {
    const { fetch } = scriptedFetch(['hang-ignoring-signal']);
    const controller = new AbortController();
    const promise = apiRequest(context(fetch), { method: 'GET', path: '/v1/x', signal: controller.signal });
    promise.catch(() => {});
    await vi.advanceTimersByTimeAsync(10);
    controller.abort();
    const error = await promise.catch((e: unknown) => e);
    expect(error).toBe(controller.signal.reason);
    expect((error as DOMException).name).toBe('AbortError');
  });

  it('rethrows the abort reason when aborted during the backoff sleep, without another attempt', async () => {
    const { fetch, calls } = scriptedFetch([json(500, {})]);
    const controller = new AbortController();
    const promise = apiRequest(context(fetch), { method: 'GET', path: '/v1/x', signal: controller.signal });
    promise.catch(() => {});
    await vi.advanceTimersByTimeAsync(100); // inside the 500 ms backoff
    expect(calls).toHaveLength(1);
    controller.abort('stop');
    await expect(promise).rejects.toBe('stop');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toHaveLength(1);
  });

  it('does not call fetch when the signal is already aborted', async () => {
    const { fetch, calls } = scriptedFetch([json(200, {})]);
    const reason = new Error('early');
    await expect(apiRequest(context(fetch), { method: 'GET', path: '/v1/x', signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(calls).toHaveLength(0);
  });

  it('removes its abort listener from the caller’s signal after each call', async () => {
    const { fetch } = scriptedFetch([json(200, {})]);
    const controller = new AbortController();
    const add = vi.spyOn(controller.signal, 'addEventListener');
    const remove = vi.spyOn(controller.signal, 'removeEventListener');
    await apiRequest(context(fetch), { method: 'GET', path: '/v1/x', signal: controller.signal });
    const added = add.mock.calls.filter(([type]) => type === 'abort').map(([, listener]) => listener);
    const removed = remove.mock.calls.filter(([type]) => type === 'abort').map(([, listener]) => listener);
    expect(added.length).toBeGreaterThan(0);
    for (const listener of added) expect(removed).toContain(listener);
  });
});

describe('failedBeforeSending', () => {
  it('finds connect-phase codes in nested causes and AggregateErrors', () => {
    const nested = new ConnectionError('x', {
      cause: new TypeError('fetch failed', {
        cause: new AggregateError([Object.assign(new Error('a'), { code: 'ECONNREFUSED' })], 'all failed'),
      }),
    });
    expect(failedBeforeSending(nested)).toBe(true);
    expect(failedBeforeSending(new ConnectionError('x', { cause: networkError('ENOTFOUND') }))).toBe(true);
    expect(failedBeforeSending(new ConnectionError('x', { cause: networkError('ECONNRESET') }))).toBe(false);
    expect(failedBeforeSending(new ConnectionError('x'))).toBe(false);
    expect(failedBeforeSending(new Error('x'))).toBe(false);
  });

  // Messages as Deno 2.x prints them (captured from tests/runtimes' deno binary): its fetch
  // errors carry no `code`, only `client error (Connect)` for the connect step.
  it.each([
    'error sending request for url (http://127.0.0.1:42547/x): client error (Connect): tcp connect error: Connection refused (os error 111)',
    'error sending request for url (http://no-such-host.invalid/x): client error (Connect): dns error: failed to lookup address information: Name or service not known',
  ])('Deno: a connect-step failure counts as not sent (%s)', (message) => {
    const denoError = new TypeError('fetch failed', { cause: new Error(message) });
    expect(failedBeforeSending(new ConnectionError('x', { cause: denoError }))).toBe(true);
  });

  it('Deno: a failure after connecting (a reset while sending) is not "not sent"', () => {
    const denoError = new TypeError('fetch failed', {
      cause: new Error('error sending request for url (http://127.0.0.1:1/x): connection error: Connection reset by peer (os error 104)'),
    });
    expect(failedBeforeSending(new ConnectionError('x', { cause: denoError }))).toBe(false);
  });
});
