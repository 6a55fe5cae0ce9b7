/**
 * @module upload/send
 * The one upload code path above the transports, shared by the browser/edge `upload()`
 * and the server `uploadFile()`: validate → build the multipart body → send (inactivity
 * timeout, user abort) → parse JSON → `ApiError.from` on a non-2xx → `$ResponseMetadata`.
 * Retries follow {@link uploadFailureVerdict} (see `retry-policy.ts` for the table).
 */
import { ApiError, ConnectionError, TimeoutError, UploadIndeterminateError } from '../errors.js';
import { retryDelay, retryTiming, serverRetryDelay, sleep } from '../core/retry.js';
import { withMetadata } from '../internal/metadata.js';
import type { FetchLike } from '../transport/fetch.js';
import { UploadTransportError, type UploadHttpResponse, type UploadRequest } from '../transport/upload-types.js';
import { redact } from '../internal/redact.js';
import { connectionError, permissionDenied } from '../internal/connect-failure.js';
import { buildUploadForm, optionError } from './form.js';
import { buildMultipart, type MultipartBody } from './multipart.js';
import { repeatIsHarmless, uploadFailureVerdict } from './retry-policy.js';
import type { UploadOptions, UploadResponse } from './types.js';

/** Everything the pipeline needs besides the user's options. */
export interface UploadCall {
  /** The user's options (already checked for unknown keys). */
  readonly options: UploadOptions;
  /** Absolute upload URL, or a function of the attempt's auth fields (the client picks v1 or v2 per attempt). */
  readonly url: string | ((authFields: ReadonlyArray<readonly [string, string]>) => string);
  /** Headers for one attempt (e.g. the Basic auth header), computed per attempt and never stored. */
  readonly headers: () => Record<string, string>;
  /**
   * Secrets the headers carry (e.g. the private key behind Basic auth), redacted from an
   * error answer like the headers themselves and the auth fields. Computed per failure, never stored.
   */
  readonly secrets?: (() => string[]) | undefined;
  /**
   * Auth form fields for one attempt (fixed, or fresh from an authenticator), appended
   * after `form`: the serialized upload fields (what a v2 JWT must sign).
   */
  readonly authFields: (
    signal: AbortSignal | undefined,
    form: ReadonlyArray<readonly [string, string]>,
  ) => Promise<ReadonlyArray<readonly [string, string]>>;
  /** Whether the auth may be sent again after it reached the server. */
  readonly authResendable: boolean;
  /** Injected `fetch`, if any (forces the fetch transport). */
  readonly fetch: FetchLike | undefined;
  /** Inactivity timeout in milliseconds (no byte sent or received for that long ends the attempt); 0 = none. */
  readonly timeout: number;
  /** Retries after the first attempt, applied only where the retry policy allows. */
  readonly maxRetries: number;
  /** Sends one attempt (the transport picker of the entry point, see `transport/select.ts`). */
  readonly send: (request: UploadRequest) => Promise<UploadHttpResponse>;
}

/** A failed attempt: the error to report, whether bytes were sent, and the response facts if any. */
interface AttemptFailure {
  readonly error: unknown;
  readonly sent: boolean;
  readonly status?: number;
  readonly headers?: Record<string, string>;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Runs one attempt; resolves with the 2xx response or an {@link AttemptFailure}, rejects on abort and caller mistakes. */
async function attempt(
  call: UploadCall,
  body: MultipartBody,
  url: string,
  path: string,
  authFields: ReadonlyArray<readonly [string, string]>,
): Promise<UploadHttpResponse | AttemptFailure> {
  const { signal: userSignal, onProgress: userProgress } = call.options;
  const controller = new AbortController();
  const onUserAbort = (): void => controller.abort(userSignal?.reason);
  userSignal?.addEventListener('abort', onUserAbort, { once: true });
  let timedOut = false;
  let callbackError: { error: unknown } | undefined;
  // Inactivity timeout: fires when no byte was sent or received for `timeout` ms. One
  // timer, re-armed for the time left when it fires early, so a busy transfer costs no timer churn.
  let lastActivity = Date.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const check = (): void => {
    const idle = Date.now() - lastActivity;
    if (idle < call.timeout) {
      timer = setTimeout(check, call.timeout - idle);
      return;
    }
    timedOut = true;
    controller.abort();
  };
  if (call.timeout > 0) timer = setTimeout(check, call.timeout);
  const onActivity = call.timeout > 0 ? (): void => void (lastActivity = Date.now()) : undefined;
  let last = -1;
  let settled = false;
  const onProgress =
    userProgress &&
    ((loaded: number): void => {
      // Nothing is reported after the attempt settled (a transport may still be winding down).
      if (loaded <= last || callbackError || settled) return;
      last = loaded;
      try {
        userProgress({ loaded, total: body.length });
      } catch (error) {
        callbackError = { error };
        controller.abort(error);
      }
    });
  const describe = `POST ${path}`;
  try {
    const requestHeaders = call.headers();
    const response = await call.send({
      url,
      headers: requestHeaders,
      body,
      signal: controller.signal,
      onProgress,
      onActivity,
      fetch: call.fetch,
      describe,
    });
    const { status, text } = response;
    // The auth this attempt carried (header, signature, token, JWT; also the public key and
    // expire, which are not secret but cost nothing to hide) must not come back in a result or an error.
    const secrets = [
      ...Object.values(requestHeaders),
      ...(call.secrets?.() ?? []),
      ...authFields.map((field) => field[1]),
    ];
    const headers = redact(response.headers, secrets);
    if (status > 199 && status < 300) {
      onProgress?.(body.length);
      return { status, headers, text };
    }
    const error = ApiError.from({ status, headers, body: redact(parseJson(text) ?? { message: text }, secrets), method: 'POST', path });
    return { error, sent: true, status, headers };
  } catch (error) {
    if (callbackError) throw callbackError.error;
    if (userSignal?.aborted) throw userSignal.reason;
    if (!(error instanceof UploadTransportError)) throw error;
    const { kind, sent, cause } = error;
    if (kind === 'body' || (kind === 'aborted' && !timedOut)) throw cause;
    if (kind === 'aborted') {
      return { error: new TimeoutError(call.timeout, `Upload timed out: no byte sent or received for ${call.timeout} ms: ${describe}`, { cause }), sent };
    }
    const failure = cause instanceof ConnectionError ? cause : connectionError('POST', url, cause);
    // A runtime without network permission will refuse again: not worth a retry.
    if (permissionDenied(cause)) throw failure;
    return { error: failure, sent };
  } finally {
    settled = true;
    clearTimeout(timer);
    userSignal?.removeEventListener('abort', onUserAbort);
  }
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
  const { options } = call;
  const { signal, timeout } = options;
  if (signal !== undefined && typeof signal?.addEventListener !== 'function') throw optionError('signal', 'an AbortSignal');
  if (timeout !== undefined && !(Number.isFinite(timeout) && timeout >= 0)) {
    throw optionError('timeout', 'a non-negative number of milliseconds', RangeError);
  }
  const checkAbort = (): void => {
    if (signal?.aborted) throw signal.reason;
  };
  // Validate (and fail on caller mistakes) before asking an authenticator for a token.
  const { fields } = buildUploadForm(options);
  for (let attemptNumber = 0; ; attemptNumber++) {
    checkAbort();
    const authFields = await call.authFields(signal, fields);
    checkAbort();
    const url = typeof call.url === 'string' ? call.url : call.url(authFields);
    const path = new URL(url).pathname;
    const body = buildMultipart(buildUploadForm(options, authFields));
    const outcome = await attempt(call, body, url, path, authFields);
    if (!('error' in outcome)) {
      const parsed = parseJson(outcome.text);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        throw new UploadIndeterminateError(
          `The upload may have happened, but the response of POST ${path} (status ${outcome.status}) is not a JSON object`,
        );
      }
      return withMetadata(parsed, outcome.status, outcome.headers) as UploadResponse;
    }
    const { error, sent } = outcome;
    const verdict = uploadFailureVerdict({
      status: outcome.status,
      sent,
      replayable: body.replayable,
      harmlessRepeat: repeatIsHarmless(options),
      authResendable: call.authResendable,
    });
    // As in the API core: a server-directed wait beyond the cap is not slept; the failure is reported.
    const serverWait = outcome.headers ? serverRetryDelay(outcome.headers) : undefined;
    const waitAllowed = serverWait === undefined || serverWait <= retryTiming.maxServerWaitMs;
    if (verdict === 'retry' && attemptNumber < call.maxRetries && waitAllowed) {
      await sleep(retryDelay(attemptNumber + 1, outcome.headers), signal);
    } else if (verdict === 'fail' || !sent) {
      throw error;
    } else {
      throw new UploadIndeterminateError(
        `The upload may or may not have happened: POST ${path} failed after the request was sent (${error instanceof Error ? error.message : String(error)})`,
        { cause: error },
      );
    }
  }
}
