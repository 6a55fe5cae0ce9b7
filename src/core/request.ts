/**
 * @module core/request
 * The request engine of the management API (server only). One call = one logical
 * request: it builds the URL, signs every attempt with HTTP Basic auth, runs each
 * attempt under its own timeout, honours the caller's `AbortSignal`, retries what is
 * safe to retry (see {@link RetryPolicy}) and turns the answer into a result with
 * `$ResponseMetadata` or into a typed {@link ApiError}.
 *
 * Abort design: each attempt owns one `AbortController`. Its timer is a plain
 * `setTimeout` (cleared in `finally`) and the caller's signal is forwarded to it by a
 * listener (removed in `finally`). We do not use `AbortSignal.timeout()` (its timer can
 * be neither cleared nor faked in tests) nor `AbortSignal.any()` (not needed with one
 * controller, and Node 20 had leaks with long-lived source signals); the single
 * controller works the same on every runtime, so there is nothing to feature-detect.
 */
import {
  ApiError,
  ConnectionError,
  ImageKitError,
  TimeoutError,
  headersToRecord,
  responseMetadata,
} from '../errors.js';
import { withMetadata, type WithMetadata } from '../internal/metadata.js';
import { sendFetch } from '../transport/fetch.js';
import { authorizationHeader, requestSecrets, type ClientContext } from './context.js';
import { queryString, type QueryValue } from './path.js';
import { retryDelay, retryStatusCodes, retryTiming, serverRetryDelay, sleep } from './retry.js';
import { raceAbort } from '../internal/abort.js';
import { connectionError, neverConnected, permissionDenied } from '../internal/connect-failure.js';
import { redact } from '../internal/redact.js';

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
  /** Extra request headers. `Authorization` is always the client's and cannot be overridden here. */
  headers?: HeadersInit | undefined;
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

const maxTimerMs = 2_147_483_647;

/** True when a connection error certainly happened before any byte of the request was sent. */
export function failedBeforeSending(error: unknown): boolean {
  return error instanceof ConnectionError && neverConnected(error.cause);
}

function defaultPolicy(method: HttpMethod): RetryPolicy {
  return method === 'POST' || method === 'PATCH' ? 'safe' : 'always';
}

function retryableFailure(policy: RetryPolicy, error: unknown): boolean {
  if (policy === 'never') return false;
  if (!(error instanceof ConnectionError) && !(error instanceof TimeoutError)) return false;
  // A runtime without network permission will refuse again.
  if (permissionDenied(error.cause)) return false;
  return policy === 'always' || failedBeforeSending(error);
}

function retryableStatus(policy: RetryPolicy, status: number): boolean {
  if (policy === 'never' || !retryStatusCodes.has(status)) return false;
  return policy === 'always' || status === 429 || status === 408;
}

function resolveNumber(name: string, value: number | undefined, fallback: number, integer: boolean): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || (integer && !Number.isInteger(value))) {
    throw new RangeError(`The \`${name}\` option must be a ${integer ? 'non-negative integer' : 'non-negative finite number'}`);
  }
  return value;
}

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
}

async function attemptOnce(
  context: ClientContext,
  url: string,
  init: RequestInit,
  timeoutMs: number,
  userSignal: AbortSignal | undefined,
  describe: string,
): Promise<RawResponse> {
  const controller = new AbortController();
  const timeoutMessage = `Request timed out after ${timeoutMs} ms: ${describe}`;
  const timer =
    timeoutMs > 0
      ? setTimeout(() => controller.abort(new TimeoutError(timeoutMs, timeoutMessage)), Math.min(timeoutMs, maxTimerMs))
      : undefined;
  const onUserAbort = (): void => controller.abort(userSignal?.reason);
  userSignal?.addEventListener('abort', onUserAbort, { once: true });
  try {
    const exchange = async (): Promise<RawResponse> => {
      const response = await sendFetch(context.fetch, url, { ...init, signal: controller.signal });
      let text: string;
      try {
        text = await response.text();
      } catch (error) {
        if (controller.signal.aborted) throw controller.signal.reason;
        throw connectionError(init.method ?? 'GET', url, error, 'Connection failed while reading the response');
      }
      return { status: response.status, headers: headersToRecord(response.headers), text };
    };
    return await raceAbort(exchange(), controller.signal);
  } catch (error) {
    if (userSignal?.aborted) throw userSignal.reason;
    if (controller.signal.aborted) {
      const reason: unknown = controller.signal.reason;
      throw reason instanceof TimeoutError ? reason : new TimeoutError(timeoutMs, timeoutMessage, { cause: error });
    }
    throw error;
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    userSignal?.removeEventListener('abort', onUserAbort);
  }
}

function parseErrorBody(text: string): unknown {
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return { message: text };
  }
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

function buildHeaders(context: ClientContext, extra: HeadersInit | undefined, hasBody: boolean): Headers {
  const headers = new Headers(extra);
  if (!headers.has('accept')) headers.set('Accept', 'application/json');
  if (hasBody && !headers.has('content-type')) headers.set('Content-Type', 'application/json');
  // Built per attempt and never stored: the key lives only in the context's WeakMap.
  headers.set('Authorization', authorizationHeader(context));
  return headers;
}

/**
 * Sends one logical request to the management API, with retries, timeouts and abort.
 * Success (2xx) resolves with the parsed JSON (`{}` for an empty body such as 204) and a
 * non-enumerable `$ResponseMetadata`; 207 resolves too (see {@link isPartialSuccess}).
 * @throws {ApiError} (a status subclass) for a non-2xx answer that is not retried.
 * @throws {TimeoutError} when the last attempt timed out.
 * @throws {ConnectionError} when the last attempt failed at the network level.
 * @throws {RangeError} for a bad `timeout` / `maxRetries` option.
 * @throws the caller's `signal.reason`, unchanged, when the caller aborts.
 */
export async function apiRequest<T>(context: ClientContext, request: ApiRequest): Promise<WithMetadata<T>> {
  const { method, path, signal } = request;
  const timeoutMs = resolveNumber('timeout', request.timeout, context.timeout, false);
  const maxRetries = resolveNumber('maxRetries', request.maxRetries, context.maxRetries, true);
  const policy = request.retry ?? defaultPolicy(method);
  const describe = `${method} ${path}`;
  const url = `${request.baseUrl ?? context.baseUrl}${path}${queryString(request.query)}`;
  const hasBody = request.body !== undefined;
  const bodyText = hasBody ? JSON.stringify(request.body) : undefined;

  for (let attempt = 0; ; attempt++) {
    if (signal?.aborted) throw signal.reason;
    const init: RequestInit = { method, headers: buildHeaders(context, request.headers, hasBody) };
    if (bodyText !== undefined) init.body = bodyText;
    let raw: RawResponse;
    // What the request carried must not come back in a result or an error (an echoing proxy).
    const secrets = requestSecrets(context);
    try {
      raw = await attemptOnce(context, url, init, timeoutMs, signal, describe);
      raw = { ...raw, headers: redact(raw.headers, secrets) };
    } catch (error) {
      if (attempt < maxRetries && retryableFailure(policy, error)) {
        await sleep(retryDelay(attempt + 1), signal);
        continue;
      }
      throw error;
    }
    if (raw.status >= 200 && raw.status < 300) return parseSuccess<T>(raw, describe);

    const error = ApiError.from({
      status: raw.status,
      headers: raw.headers,
      body: redact(parseErrorBody(raw.text), secrets),
      method,
      path,
    });
    if (attempt < maxRetries && retryableStatus(policy, raw.status)) {
      // Only 429/503 carry a wait the server means for us; other statuses use backoff.
      const serverDirected = raw.status === 429 || raw.status === 503;
      const serverWait = serverDirected ? serverRetryDelay(raw.headers) : undefined;
      // A wait beyond the cap would most likely fail again: hand the error (with retryAfterMs) to the caller.
      if (serverWait === undefined || serverWait <= retryTiming.maxServerWaitMs) {
        await sleep(retryDelay(attempt + 1, serverDirected ? raw.headers : undefined), signal);
        continue;
      }
    }
    throw error;
  }
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
