/**
 * @module core/request
 * Management API calls (server only). One call = one logical request: it builds the URL
 * and the JSON body, signs every attempt with HTTP Basic auth, and runs the attempts
 * through the request engine (`engine.ts`: per-attempt timeout, abort, retries as the
 * endpoint's {@link RetryPolicy} allows, error mapping, redaction); the answer becomes a
 * result with `$ResponseMetadata` or a typed `ApiError`.
 */
import { ConnectionError, ImageKitError, responseMetadata } from '../errors.js';
import { neverConnected } from '../internal/connect-failure.js';
import { nonNegativeOption } from '../internal/options.js';
import { withMetadata, type WithMetadata } from '../internal/metadata.js';
import { sendFetch } from '../transport/fetch.js';
import { authorizationHeader, requestSecrets, type ClientContext } from './context.js';
import { runCall, type AttemptFailure, type RetryDecision } from './engine.js';
import { mergeHooks, type Hooks } from './hooks.js';
import { queryString, type QueryValue } from './path.js';
import { retryStatusCodes } from './retry.js';

/** Options every API method accepts as its last argument; they override the client's options for one call. */
export interface RequestOptions {
  /** Aborts the call (including the wait between retries); the promise rejects with `signal.reason`, unwrapped. */
  signal?: AbortSignal | undefined;
  /**
   * Per-attempt timeout; `0` turns it off.
   * @default the client's `timeout` (60000)
   * @unit milliseconds
   */
  timeout?: number | undefined;
  /**
   * Retries after the first attempt, for failures the endpoint's {@link RetryPolicy} allows.
   * @default the client's `maxRetries` (2)
   */
  maxRetries?: number | undefined;
  /**
   * Total time this call may spend waiting after 429 answers before the `RateLimitError` is
   * thrown; such waits do not count against `maxRetries`.
   * @default the client's `maxRateLimitWait` (300000)
   * @unit milliseconds
   */
  maxRateLimitWait?: number | undefined;
  /** Extra request headers. `Authorization` is always the client's and cannot be overridden here (a `beforeRequest` hook can). */
  headers?: HeadersInit | undefined;
  /** Hooks for this call, run after the client's (see `hooks` in the client options). */
  hooks?: Hooks | undefined;
}

/**
 * When a failed attempt may be sent again.
 * - `always`: connection errors, timeouts and 408/429/500/502/503/504 (idempotent calls).
 * - `safe`: only failures where the server cannot have acted: 429 and 408 (request
 *   rejected before processing) and connection errors raised before a connection was
 *   made (refused, DNS). Never after a timeout or a 5xx, which may have done the work.
 * - `never`: no retry at all.
 */
export type RetryPolicy = 'safe' | 'never' | 'always';

/** HTTP methods used by the management API. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One logical API request. */
export interface ApiRequest extends RequestOptions {
  /** HTTP method. */
  method: HttpMethod;
  /** Path beginning with `/`, ids already encoded (see `pathSegment`). */
  path: string;
  /** Query parameters; `undefined` values are skipped, arrays comma-joined. */
  query?: Readonly<Record<string, QueryValue>> | undefined;
  /** JSON body; sent with `Content-Type: application/json` when not `undefined`. */
  body?: unknown;
  /**
   * Retry policy of this endpoint.
   * @default `always` for GET, PUT and DELETE; `safe` for POST and PATCH
   */
  retry?: RetryPolicy | undefined;
  /**
   * Host to call instead of the client's `baseUrl`.
   * @default context.baseUrl
   */
  baseUrl?: string | undefined;
}

/** True when a connection error certainly happened before any byte of the request was sent. */
export function failedBeforeSending(error: unknown): boolean {
  return error instanceof ConnectionError && neverConnected(error.cause);
}

function defaultPolicy(method: HttpMethod): RetryPolicy {
  return method === 'POST' || method === 'PATCH' ? 'safe' : 'always';
}

/** The engine's retry decision for one failed attempt under `policy`. */
function decide(policy: RetryPolicy, { status, sent }: AttemptFailure): RetryDecision {
  const retry =
    policy !== 'never' &&
    (status === undefined
      ? // No answer (connection failure, timeout): `safe` only when nothing was sent.
        policy === 'always' || !sent
      : retryStatusCodes.has(status) && (policy === 'always' || status === 429 || status === 408));
  return { retry, indeterminate: false };
}

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
}

/**
 * An `ImageKitError` for a 2xx answer that is not the JSON object the API promises, with
 * the response's status, headers and request id as `$ResponseMetadata`.
 */
function unexpectedBody(raw: RawResponse, what: string, describe: string): ImageKitError {
  const metadata = responseMetadata(raw.status, raw.headers);
  const id = metadata.requestId ? ` (request id ${metadata.requestId})` : '';
  const error = new ImageKitError(`The API answered ${raw.status} with ${what}: ${describe}${id}`);
  Object.defineProperty(error, '$ResponseMetadata', { value: metadata });
  return error;
}

function parseSuccess<T>(raw: RawResponse, describe: string): WithMetadata<T> {
  let value: unknown = {};
  if (raw.text.trim() !== '') {
    try {
      value = JSON.parse(raw.text) as unknown;
    } catch {
      // No `cause`: the parser's message quotes the body, which may echo a secret.
      throw unexpectedBody(raw, 'a body that is not JSON', describe);
    }
  }
  if (value === null) value = {};
  if (typeof value !== 'object') throw unexpectedBody(raw, 'an unexpected JSON value', describe);
  return withMetadata(value as T & object, raw.status, raw.headers) as WithMetadata<T>;
}

function buildHeaders(context: ClientContext, extra: HeadersInit | undefined): Record<string, string> {
  const headers = new Headers(extra);
  if (!headers.has('accept')) headers.set('Accept', 'application/json');
  // Built per attempt and never stored: the key lives only in the context's WeakMap.
  headers.set('Authorization', authorizationHeader(context));
  return Object.fromEntries(headers);
}

/**
 * Sends one logical request to the management API, with retries, timeouts and abort.
 * Success (2xx) resolves with the parsed JSON (`{}` for an empty body such as 204) and a
 * non-enumerable `$ResponseMetadata`; 207 resolves too (see {@link isPartialSuccess}).
 * @throws {ApiError} (a status subclass) for a non-2xx answer that is not retried.
 * @throws {TimeoutError} when the last attempt timed out.
 * @throws {ConnectionError} when the last attempt failed at the network level.
 * @throws {RateLimitError} when 429 answers go on past the call's `maxRateLimitWait`, or one asks for a wait over 60 s.
 * @throws {RangeError} for a bad `timeout` / `maxRetries` / `maxRateLimitWait` option.
 * @throws {TypeError} for a bad `hooks` option, or what a hook throws, unchanged.
 * @throws the caller's `signal.reason`, unchanged, when the caller aborts.
 */
export async function apiRequest<T>(context: ClientContext, request: ApiRequest): Promise<WithMetadata<T>> {
  const { method, path } = request;
  const timeout = nonNegativeOption('timeout', request.timeout, context.timeout, false);
  const maxRetries = nonNegativeOption('maxRetries', request.maxRetries, context.maxRetries, true);
  const hooks = mergeHooks(context.hooks, request.hooks);
  const policy = request.retry ?? defaultPolicy(method);
  const paced = context.pacer.call('api', request.signal, request.maxRateLimitWait ?? context.maxRateLimitWait);
  const url = `${request.baseUrl ?? context.baseUrl}${path}${queryString(request.query)}`;
  const text = request.body === undefined ? undefined : JSON.stringify(request.body);
  const response = await runCall({
    method,
    timeout,
    inactivity: false,
    maxRetries,
    signal: request.signal,
    paced,
    prepare() {
      const headers = buildHeaders(context, request.headers);
      const contentType = headers['content-type'] ?? 'application/json';
      delete headers['content-type'];
      const body =
        text === undefined
          ? undefined
          : {
              contentType,
              length: new TextEncoder().encode(text).length,
              replayable: true,
              blob: undefined,
              text,
              stream: () => new Blob([text]).stream(),
            };
      return Promise.resolve({ url, headers, body, secrets: requestSecrets(context) });
    },
    send: sendFetch,
    fetch: context.fetch,
    decide: (failure) => decide(policy, failure),
    hooks,
  });
  return parseSuccess<T>(response, `${method} ${path}`);
}

/**
 * True when a result came from a 207 Multi-Status answer: the bulk call partly
 * succeeded and the result's `errors` lists what failed.
 */
export function isPartialSuccess(result: unknown): boolean {
  if (typeof result !== 'object' || result === null) return false;
  const metadata = (result as { $ResponseMetadata?: { statusCode?: unknown } }).$ResponseMetadata;
  return metadata?.statusCode === 207;
}
