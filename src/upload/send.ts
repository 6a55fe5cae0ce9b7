/**
 * @module upload/send
 * The one upload code path above the transports, shared by the browser/edge `upload()`
 * and the server `uploadFile()`: validate → build the multipart body → send (per-attempt
 * timeout, user abort) → parse JSON → `ApiError.from` on a non-2xx → `$ResponseMetadata`.
 * Retries follow {@link uploadFailureVerdict} (see `retry-policy.ts` for the table).
 */
import { ApiError, ConnectionError, ImageKitError, TimeoutError, UploadIndeterminateError } from '../errors.js';
import { retryDelay, sleep } from '../core/retry.js';
import { withMetadata } from '../internal/metadata.js';
import type { FetchLike } from '../transport/fetch.js';
import { sendUpload } from '../transport/select.js';
import { UploadTransportError, type UploadHttpResponse } from '../transport/upload-types.js';
import { buildUploadForm } from './form.js';
import { buildMultipart, type MultipartBody } from './multipart.js';
import { targetsSamePath, uploadFailureVerdict } from './retry-policy.js';
import type { UploadOptions, UploadResponse } from './types.js';

/** Everything the pipeline needs besides the user's options. */
export interface UploadCall {
  /** The user's options (already checked for unknown keys). */
  readonly options: UploadOptions;
  /** Absolute upload URL. */
  readonly url: string;
  /** Headers for one attempt (e.g. the Basic auth header), computed per attempt and never stored. */
  readonly headers: () => Record<string, string>;
  /** Auth form fields for one attempt (fixed, or fresh from an authenticator). */
  readonly authFields: (signal: AbortSignal | undefined) => Promise<ReadonlyArray<readonly [string, string]>>;
  /** Whether the auth may be sent again after it reached the server. */
  readonly authResendable: boolean;
  /** Injected `fetch`, if any (forces the fetch transport). */
  readonly fetch: FetchLike | undefined;
  /** Per-attempt timeout in milliseconds; 0 = none. */
  readonly timeout: number;
  /** Retries after the first attempt, applied only where the retry policy allows. */
  readonly maxRetries: number;
}

/** Checks `signal`, `timeout` and `onProgress` types. */
export function checkCallOptions(options: UploadOptions): void {
  const { signal, timeout } = options;
  if (signal !== undefined && (typeof signal !== 'object' || signal === null || typeof signal.addEventListener !== 'function')) {
    throw new TypeError('The `signal` option must be an AbortSignal');
  }
  if (timeout !== undefined && (typeof timeout !== 'number' || !Number.isFinite(timeout) || timeout < 0)) {
    throw new RangeError('The `timeout` option must be a non-negative number of milliseconds');
  }
}

type AttemptOutcome =
  | { readonly ok: true; readonly response: UploadHttpResponse }
  | { readonly ok: false; readonly error: unknown; readonly sent: boolean; readonly status: number | undefined; readonly headers: Record<string, string> | undefined };

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

interface AttemptContext {
  readonly call: UploadCall;
  readonly body: MultipartBody;
  readonly headers: Record<string, string>;
  readonly describe: string;
}

async function attempt(ctx: AttemptContext): Promise<AttemptOutcome> {
  const { call, body } = ctx;
  const userSignal = call.options.signal;
  const controller = new AbortController();
  const onUserAbort = (): void => controller.abort(userSignal?.reason);
  if (userSignal?.aborted) throw userSignal.reason;
  userSignal?.addEventListener('abort', onUserAbort, { once: true });
  let timedOut = false;
  let callbackError: { error: unknown } | undefined;
  const timer =
    call.timeout > 0
      ? setTimeout(() => {
          timedOut = true;
          controller.abort(new TimeoutError(call.timeout));
        }, call.timeout)
      : undefined;
  const userProgress = call.options.onProgress;
  let last = -1;
  const onProgress =
    userProgress === undefined
      ? undefined
      : (loaded: number): void => {
          if (loaded <= last || callbackError) return;
          last = loaded;
          try {
            userProgress({ loaded, total: body.length });
          } catch (error) {
            callbackError = { error };
            controller.abort(error);
          }
        };
  try {
    const response = await sendUpload({
      url: call.url,
      headers: ctx.headers,
      body,
      signal: controller.signal,
      onProgress,
      fetch: call.fetch,
      describe: ctx.describe,
    });
    if (response.status >= 200 && response.status < 300) {
      if (onProgress && last < body.length) onProgress(body.length);
      return { ok: true, response };
    }
    const parsed = parseJson(response.text);
    const errorBody = parsed !== undefined ? parsed : { message: response.text };
    const error = ApiError.from({
      status: response.status,
      headers: response.headers,
      body: errorBody,
      method: 'POST',
      path: pathOf(call.url),
    });
    return { ok: false, error, sent: true, status: response.status, headers: response.headers };
  } catch (error) {
    if (callbackError) throw callbackError.error;
    if (userSignal?.aborted) throw userSignal.reason;
    if (!(error instanceof UploadTransportError)) throw error;
    if (error.kind === 'body') throw error.cause;
    if (error.kind === 'aborted' && timedOut) {
      return { ok: false, error: new TimeoutError(call.timeout, undefined, { cause: error.cause }), sent: error.sent, status: undefined, headers: undefined };
    }
    if (error.kind === 'aborted') throw error.cause;
    const failure = new ConnectionError(`Connection failed: ${ctx.describe}`, { cause: error.cause });
    return { ok: false, error: failure, sent: error.sent, status: undefined, headers: undefined };
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    userSignal?.removeEventListener('abort', onUserAbort);
  }
}

function indeterminate(cause: unknown, describe: string): UploadIndeterminateError {
  const what = cause instanceof Error ? cause.message : String(cause);
  return new UploadIndeterminateError(
    `The upload may or may not have happened: ${describe} failed after the request was sent (${what})`,
    { cause },
  );
}

function result(response: UploadHttpResponse, describe: string): UploadResponse {
  const parsed = parseJson(response.text);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new UploadIndeterminateError(
      `The upload may have happened, but the response of ${describe} (status ${response.status}) is not a JSON object`,
    );
  }
  return withMetadata(parsed, response.status, response.headers) as unknown as UploadResponse;
}

/**
 * Runs an upload: validation, body building, attempts and retries (see `retry-policy.ts`).
 * @throws {TypeError | RangeError} for invalid options, before any request is made.
 * @throws {ApiError} (a status subclass) when the server answers 4xx (never retried).
 * @throws {UploadIndeterminateError} when a failure after bytes were sent (5xx, reset, timeout)
 *   cannot be retried safely, or retries ran out; `cause` is that failure.
 * @throws {ConnectionError} / {@link TimeoutError} when no byte reached the server and retries ran out.
 * @throws the signal's `reason`, unchanged, when `options.signal` aborts.
 */
export async function runUpload(call: UploadCall): Promise<UploadResponse> {
  checkCallOptions(call.options);
  const describe = `POST ${pathOf(call.url)}`;
  const userSignal = call.options.signal;
  // Validate (and fail on caller mistakes) before asking an authenticator for a token.
  buildUploadForm(call.options);
  const sameTarget = targetsSamePath(call.options);
  for (let attemptNumber = 0; ; attemptNumber++) {
    if (userSignal?.aborted) throw userSignal.reason;
    const authFields = await call.authFields(userSignal);
    if (userSignal?.aborted) throw userSignal.reason;
    const body = buildMultipart(buildUploadForm(call.options, authFields));
    const outcome = await attempt({ call, body, headers: call.headers(), describe });
    if (outcome.ok) return result(outcome.response, describe);
    const verdict = uploadFailureVerdict({
      status: outcome.status,
      sent: outcome.sent,
      replayable: body.replayable,
      sameTarget,
      authResendable: call.authResendable,
    });
    const retriesLeft = attemptNumber < call.maxRetries;
    if (verdict === 'retry' && retriesLeft) {
      await sleep(retryDelay(attemptNumber + 1, outcome.headers), userSignal);
      continue;
    }
    if (verdict === 'fail' || !outcome.sent) throw outcome.error;
    throw indeterminate(outcome.error, describe);
  }
}

/** Wraps a failure of a user-supplied callback (e.g. the `authenticator`) with `cause`. */
export function callbackFailure(name: string, cause: unknown): ImageKitError {
  return new ImageKitError(`The \`${name}\` callback failed`, { cause });
}
