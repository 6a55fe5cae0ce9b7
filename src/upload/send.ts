/**
 * @module upload/send
 * The upload call, shared by the browser/edge `upload()` and the server `uploadFile()`:
 * validate → per attempt: auth fields and the multipart body → the request engine
 * (`core/engine.ts`: inactivity timeout, abort, retries, error mapping, redaction) → parse
 * JSON → `$ResponseMetadata`. Retries follow {@link uploadFailureVerdict} (see
 * `retry-policy.ts` for the table).
 */
import { UploadIndeterminateError } from '../errors.js';
import { runCall } from '../core/engine.js';
import { mergeHooks, type ResolvedHooks } from '../core/hooks.js';
import type { Pacer } from '../core/pacer.js';
import { withMetadata } from '../internal/metadata.js';
import { nonNegativeOption } from '../internal/options.js';
import type { FetchLike } from '../transport/fetch.js';
import type { Transport } from '../transport/types.js';
import { buildUploadForm, optionError } from './form.js';
import { buildMultipart } from './multipart.js';
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
  /** Default inactivity timeout in milliseconds (no byte sent or received for that long ends the attempt; 0 = none); the upload's `timeout` wins. */
  readonly timeout: number;
  /** Retries after the first attempt, applied only where the retry policy allows. */
  readonly maxRetries: number;
  /** Sends one attempt (the transport picker of the entry point, see `transport/select.ts`). */
  readonly send: Transport;
  /** The client's hooks, run before the upload's own `hooks`. */
  readonly hooks?: ResolvedHooks | undefined;
  /** The client's pacer: each attempt waits for a slot under its concurrency bound (never for a rate window). None: attempts start at once. */
  readonly pacer?: Pacer | undefined;
}

/**
 * Runs an upload: validation, then the engine with the upload retry policy (see `retry-policy.ts`).
 * @throws {TypeError | RangeError} for invalid options, before any request is made.
 * @throws {ApiError} (a status subclass) when the server answers 4xx or 3xx and it is not retried.
 * @throws {UploadIndeterminateError} when a failure after bytes were sent (5xx, reset, timeout)
 *   cannot be retried safely, or retries ran out; `cause` is that failure.
 * @throws {ConnectionError} / {@link TimeoutError} when no byte reached the server and retries ran out.
 * @throws the signal's `reason`, unchanged, when `options.signal` aborts.
 */
export async function runUpload(call: UploadCall): Promise<UploadResponse> {
  const { options } = call;
  const { signal } = options;
  if (signal !== undefined && typeof signal?.addEventListener !== 'function') throw optionError('signal', 'an AbortSignal');
  const timeout = nonNegativeOption('timeout', options.timeout, call.timeout, false);
  const hooks = mergeHooks(call.hooks, options.hooks);
  // Validate (and fail on caller mistakes) before asking an authenticator for a token.
  const { fields } = buildUploadForm(options);
  let replayable = true;
  const response = await runCall({
    method: 'POST',
    timeout,
    inactivity: true,
    maxRetries: call.maxRetries,
    signal,
    paced: call.pacer?.call('upload', signal),
    onProgress: options.onProgress,
    async prepare() {
      const authFields = await call.authFields(signal, fields);
      const body = buildMultipart(buildUploadForm(options, authFields));
      replayable = body.replayable;
      const headers = call.headers();
      return {
        url: typeof call.url === 'string' ? call.url : call.url(authFields),
        headers,
        body,
        // The auth this attempt carries (header, signature, token, JWT; also the public key
        // and expire, which are not secret but cost nothing to hide).
        secrets: [...Object.values(headers), ...(call.secrets?.() ?? []), ...authFields.map((field) => field[1])],
      };
    },
    send: call.send,
    fetch: call.fetch,
    hooks,
    decide({ status, sent }) {
      const verdict = uploadFailureVerdict({
        status,
        sent,
        replayable,
        harmlessRepeat: repeatIsHarmless(options),
        authResendable: call.authResendable,
      });
      // Retries that run out: the failure itself where the server cannot have acted, else "may or may not".
      const untouched = !sent || status === 408 || status === 429;
      return { retry: verdict === 'retry', indeterminate: verdict === 'indeterminate' || (verdict === 'retry' && !untouched) };
    },
  });
  let parsed: unknown;
  try {
    parsed = JSON.parse(response.text);
  } catch {
    // not JSON: reported below
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new UploadIndeterminateError(
      `The upload may have happened, but the response of ${response.target} (status ${response.status}) is not a JSON object`,
    );
  }
  return withMetadata(parsed, response.status, response.headers) as UploadResponse;
}
