/**
 * @module core/hooks
 * Hooks: user functions the request engine calls around every attempt of every HTTP call
 * (management API calls and uploads), with ky's names and meaning:
 *
 * - `beforeRequest(request, state)` before each attempt is sent. `request` is a `Request`
 *   with the attempt's method, URL and headers, `Authorization` included (the caller's own
 *   key: a hook that logs must leave it out), but without the body (an upload body may be a
 *   one-shot stream of gigabytes). A hook may change `request.headers` in place, return a
 *   new `Request` (same method, no body) that later hooks and the attempt use, or return a
 *   `Response`, which is used as the answer and nothing is sent.
 * - `afterResponse(request, state, response)` for each answer (also answers that are then
 *   retried), headers and body redacted like an error's. Returning a `Response` replaces it
 *   (redacted the same way).
 * - `beforeRetry({ request, error, retryCount })` before each attempt after the first
 *   (also a re-send after a 429 the rate-limit pacer waits out). Header changes it makes to
 *   `request` are applied to the next attempt, as in ky. Throwing stops the call with that
 *   error.
 *
 * A hook's error (thrown or rejected) ends the call with that error, unchanged; an abort
 * while a hook runs ends the call with `signal.reason` without waiting for it. Hooks run
 * in order: the client's, then those a `withOptions` copy added, then the call's.
 */
import { headersToRecord, type ImageKitError } from '../errors.js';
import { unknownOption } from '../internal/options.js';
import { redact } from '../internal/redact.js';
import type { TransportResponse } from '../transport/types.js';
import type { PreparedRequest } from './engine.js';

/** The attempt a hook is called for. */
export interface HookState {
  /** Attempts made before this one (0 for the first). */
  readonly retryCount: number;
}

/**
 * Called before each attempt is sent, with the request (no body) and the attempt.
 * Return nothing (changes to `request.headers` are kept), a new `Request` with the same
 * method and no body, or a `Response` to answer without sending anything.
 */
export type BeforeRequestHook = (request: Request, state: HookState) => void | Request | Response | Promise<void | Request | Response>;

/** Called with each answer (redacted headers); return a `Response` to replace it. */
export type AfterResponseHook = (request: Request, state: HookState, response: Response) => void | Response | Promise<void | Response>;

/** Called before each attempt after the first, with the failure that led to it; throw to stop retrying. */
export type BeforeRetryHook = (details: {
  /** The request of the failed attempt (no body). */
  readonly request: Request;
  /** Why the last attempt failed: an `ApiError` (a status subclass), `ConnectionError` or `TimeoutError`. */
  readonly error: ImageKitError;
  /** Attempts made so far (1 before the first retry). */
  readonly retryCount: number;
}) => void | Promise<void>;

/** Hooks of a client, a `withOptions` copy, or one call; each list runs in order. */
export interface Hooks {
  /** Called before each attempt is sent. */
  beforeRequest?: readonly BeforeRequestHook[] | undefined;
  /** Called with each answer. */
  afterResponse?: readonly AfterResponseHook[] | undefined;
  /** Called before each attempt after the first. */
  beforeRetry?: readonly BeforeRetryHook[] | undefined;
}

/** Hooks after validation and merging: every list present. */
export interface ResolvedHooks {
  readonly beforeRequest: readonly BeforeRequestHook[];
  readonly afterResponse: readonly AfterResponseHook[];
  readonly beforeRetry: readonly BeforeRetryHook[];
}

const hookNames = ['beforeRequest', 'afterResponse', 'beforeRetry'] as const;

/**
 * Validates a `hooks` option and appends its lists to `base` (the client's hooks).
 * Returns `base` itself when `value` is `undefined`, and `undefined` when there are no hooks at all.
 * @throws {TypeError} when `hooks` is not an object, has a key other than the three, or a list is not an array of functions.
 */
export function mergeHooks(base: ResolvedHooks | undefined, value: unknown): ResolvedHooks | undefined {
  if (value === undefined) return base;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError('The `hooks` option must be an object such as `{ beforeRequest: [fn] }`');
  }
  const merged: Record<string, readonly unknown[]> = {};
  for (const key of Object.keys(value)) {
    if (!(hookNames as readonly string[]).includes(key)) throw unknownOption(key, hookNames, '`hooks`');
  }
  for (const name of hookNames) {
    const list = (value as Record<string, unknown>)[name];
    // Array.from: `every` skips the holes of a sparse list, which would fail only at call time.
    if (list !== undefined && !(Array.isArray(list) && Array.from(list).every((hook) => typeof hook === 'function'))) {
      throw new TypeError(`The \`hooks.${name}\` option must be an array of functions`);
    }
    merged[name] = [...(base?.[name] ?? []), ...((list as unknown[] | undefined) ?? [])];
  }
  // No hook at all (`hooks: {}`): the engine then builds no request views.
  if (hookNames.every((name) => merged[name]!.length === 0)) return undefined;
  return Object.freeze(merged) as unknown as ResolvedHooks;
}

/** What a hook returned that it may not: one message states both rules. */
function badReturn(): TypeError {
  return new TypeError(
    'A `beforeRequest` hook may return nothing, a `Request` (same method, no body) or a `Response`; an `afterResponse` hook, nothing or a `Response`',
  );
}

/**
 * Awaits one hook's result, or rejects with `signal.reason` as soon as the signal aborts:
 * a hook that never settles must not hold the call (or its turn of the concurrency bound).
 */
export function settle<T>(result: T | PromiseLike<T>, signal: AbortSignal | undefined): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal?.reason);
    if (signal?.aborted) onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    void Promise.resolve(result)
      .then(resolve, reject)
      .finally(() => signal?.removeEventListener('abort', onAbort));
  });
}

/**
 * What `beforeRetry` hooks changed in a request's headers (`before` is the record taken
 * before they ran): the new value of each header set, `null` for each header removed.
 */
export function headerChanges(before: Readonly<Record<string, string>>, request: Request): Record<string, string | null> {
  const after = headersToRecord(request.headers);
  const changes: Record<string, string | null> = {};
  for (const name of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (before[name] !== after[name]) changes[name] = after[name] ?? null;
  }
  return changes;
}

/** Reads a hook's `Response` as the engine's answer. */
async function answerOf(response: Response): Promise<TransportResponse> {
  return { status: response.status, headers: headersToRecord(response.headers), text: await response.text() };
}

/** What the `beforeRequest` hooks made of one attempt. */
export interface HookedRequest {
  /** The attempt to send, with the hooks' URL and headers. */
  readonly prepared: PreparedRequest;
  /** The request as the hooks saw it last (given to `afterResponse` and `beforeRetry`). */
  readonly request: Request;
  /** A hook's answer: nothing is sent. */
  readonly answer?: TransportResponse | undefined;
}

/**
 * Runs the `beforeRequest` hooks for one attempt, on its request with the header changes
 * the `beforeRetry` hooks made (`carried`, from {@link headerChanges}) applied.
 * @throws {TypeError} when a hook returns anything else than nothing, a `Request` (same method, no body) or a `Response`.
 */
export async function runBeforeRequest(
  hooks: ResolvedHooks,
  method: string,
  prepared: PreparedRequest,
  state: HookState,
  signal: AbortSignal | undefined,
  carried: Readonly<Record<string, string | null>> | undefined,
): Promise<HookedRequest> {
  const { body } = prepared;
  const headers = new Headers(prepared.headers);
  if (body) headers.set('content-type', body.contentType);
  // What the last beforeRetry hooks changed (see headerChanges).
  for (const [name, value] of Object.entries(carried ?? {})) {
    if (value === null) headers.delete(name);
    else headers.set(name, value);
  }
  let request = new Request(prepared.url, { method, headers });
  for (const hook of hooks.beforeRequest) {
    const result = await settle(hook(request, state), signal);
    if (result instanceof Response) return { prepared, request, answer: await answerOf(result) };
    if (result instanceof Request && result.method === method && result.body === null) request = result;
    else if (result !== undefined) throw badReturn();
  }
  const sent = headersToRecord(request.headers);
  const contentType = sent['content-type'];
  if (body) delete sent['content-type'];
  const authorization = sent['authorization'];
  return {
    request,
    prepared: {
      url: request.url,
      headers: sent,
      body: body && contentType !== undefined ? { ...body, contentType } : body,
      // An auth header a hook sets is a secret of this attempt too.
      secrets: authorization === undefined ? prepared.secrets : [...prepared.secrets, authorization],
    },
  };
}

/**
 * Runs the `afterResponse` hooks on one answer (headers already redacted). Each hook sees
 * the body with `secrets` redacted too, and a `Response` a hook returns is redacted like
 * a network answer (headers), so an echoed key cannot come back through a hook.
 * An opaque redirect (status 0, a browser's) has no `Response` form and skips them.
 * @throws {TypeError} when a hook returns anything else than nothing or a `Response`.
 * @throws the `signal`'s reason when it aborts while a hook runs.
 */
export async function runAfterResponse(
  hooks: ResolvedHooks,
  request: Request,
  state: HookState,
  answer: TransportResponse,
  secrets: readonly string[],
  signal: AbortSignal | undefined,
): Promise<TransportResponse> {
  for (const hook of hooks.afterResponse) {
    const { status } = answer;
    if (status < 200 || status > 599) break;
    const noBody = status === 204 || status === 205 || status === 304;
    const view = new Response(noBody ? null : redact(answer.text, secrets), { status, headers: answer.headers });
    const result = await settle(hook(request, state, view), signal);
    if (result instanceof Response) {
      const replaced = await answerOf(result);
      answer = { ...replaced, headers: redact(replaced.headers, secrets) };
    } else if (result !== undefined) throw badReturn();
  }
  return answer;
}
