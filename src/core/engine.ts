/**
 * @module core/engine
 * The request engine: the one attempt loop every HTTP call of the SDK goes through,
 * management API calls and uploads alike. Per attempt it waits for the call's `acquire`
 * hook, prepares the request (fresh auth), sends it through a transport (an adapter that
 * only moves bytes and reports progress) under a timeout and the caller's signal, redacts
 * what the request carried from the answer, maps failures to typed errors, and asks the
 * call's policy whether to try again.
 *
 * - Timeout: per attempt for API calls; for uploads it bounds inactivity (no byte sent or
 *   received for `timeout` ms). One timer, re-armed for the time left when activity moved
 *   the deadline, cleared in `finally`.
 * - Abort: the caller's `signal` is forwarded to each attempt's controller; a user abort
 *   rejects with `signal.reason`, unchanged, and the wait between attempts is abortable.
 * - Waits between attempts: `retryWait` in `retry.ts` (server-directed on 429/503 only,
 *   else backoff; a server wait over the cap is not slept: the error is reported).
 * - Pacing (`paced`, from the client's `Pacer`): every attempt waits for its turn (the
 *   concurrency bound, the account's learned rate) before it is prepared; the timeout starts
 *   after that. The turn is handed back with the raw answer, which teaches the pacer. A 429
 *   the pacer says to wait out is sent again at the next turn, without a sleep here and
 *   without using up `maxRetries`; when the call's total rate-limit wait is spent, its last
 *   `RateLimitError` is thrown. Unpaced calls (the browser `upload()`) sleep as above.
 * - Hooks (`hooks.ts`): `beforeRetry` before each attempt after the first (before its turn),
 *   `beforeRequest` once the attempt is prepared (inside its turn, before the timeout
 *   starts), `afterResponse` on the redacted answer (after the turn is handed back).
 */
import { ApiError, headersToRecord, TimeoutError, UploadIndeterminateError, type ImageKitError } from '../errors.js';
import { connectionError, permissionDenied } from '../internal/connect-failure.js';
import { redact } from '../internal/redact.js';
import { TransportError, type RequestBody, type Transport, type TransportResponse } from '../transport/types.js';
import { headerChanges, runAfterResponse, runBeforeRequest, settle, type ResolvedHooks } from './hooks.js';
import type { PacedCall, PacerPermit, PacerVerdict } from './pacer.js';
import { retryWait, sleep } from './retry.js';

/** What one attempt sends, prepared afresh for every attempt (fresh auth, fresh body stream). */
export interface PreparedRequest {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: RequestBody | undefined;
  /** What the request carries that an answer must never show (key, auth header, tokens). Never stored. */
  readonly secrets: readonly string[];
}

/** Facts about a failed attempt, for the call's retry policy. */
export interface AttemptFailure {
  /** HTTP status, when the server answered. */
  readonly status: number | undefined;
  /** Whether any byte of the request may have reached the server. */
  readonly sent: boolean;
}

/** The policy's answer for a failed attempt. */
export interface RetryDecision {
  /** Send again (when attempts remain). */
  readonly retry: boolean;
  /** When not sent again: report an `UploadIndeterminateError` (the upload may or may not have happened). */
  readonly indeterminate: boolean;
}

/** One logical HTTP call. */
export interface EngineCall {
  readonly method: string;
  /** Timeout in milliseconds (0: none): per attempt, or of inactivity when `inactivity` is true. */
  readonly timeout: number;
  readonly inactivity: boolean;
  /** Attempts after the first, where the policy allows. */
  readonly maxRetries: number;
  readonly signal: AbortSignal | undefined;
  /** Progress of the body, `total` being its length. A throwing callback aborts the call with its error. */
  readonly onProgress?: ((progress: { loaded: number; total: number }) => void) | undefined;
  /**
   * The call's place in the client's pacer (made with the call's `signal`): each attempt
   * waits for a turn and hands it back with the answer. Without it, attempts start at once.
   */
  readonly paced?: PacedCall | undefined;
  /** Builds one attempt's request. May throw a caller mistake or reject with an abort. */
  prepare(signal: AbortSignal | undefined): Promise<PreparedRequest>;
  /** The transport. */
  readonly send: Transport;
  /** Injected `fetch`, if any (handed to the transport). */
  readonly fetch?: ((input: Request | string | URL, init?: RequestInit) => Promise<Response>) | undefined;
  /** The retry policy of this call. */
  decide(failure: AttemptFailure): RetryDecision;
  /** The hooks of the client and the call, if any. */
  readonly hooks?: ResolvedHooks | undefined;
}

/** A 2xx answer, headers redacted. */
export interface EngineResponse extends TransportResponse {
  /** `METHOD host/path` of the request that got it, for messages. */
  readonly target: string;
  /** What the request carried, for redacting anything built later from the answer. */
  readonly secrets: readonly string[];
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

interface Outcome {
  readonly response?: TransportResponse;
  readonly error?: unknown;
  readonly sent: boolean;
}

/** Runs one attempt: resolves with a response (any status) or a mapped failure; rejects on abort and caller mistakes. */
async function attempt(call: EngineCall, prepared: PreparedRequest, target: string): Promise<Outcome> {
  const { signal: userSignal, onProgress: userProgress, timeout } = call;
  const controller = new AbortController();
  const onUserAbort = (): void => controller.abort(userSignal?.reason);
  userSignal?.addEventListener('abort', onUserAbort, { once: true });
  let timedOut = false;
  let callbackError: { error: unknown } | undefined;
  let settled = false;
  let lastActivity = Date.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const check = (): void => {
    const idle = Date.now() - lastActivity;
    if (idle < timeout) {
      timer = setTimeout(check, timeout - idle);
      return;
    }
    timedOut = true;
    controller.abort();
  };
  if (timeout > 0) timer = setTimeout(check, Math.min(timeout, 2_147_483_647));
  const total = prepared.body?.length ?? 0;
  let last = -1;
  try {
    const response = await call.send({
      method: call.method,
      url: prepared.url,
      headers: prepared.headers,
      body: prepared.body,
      signal: controller.signal,
      onActivity: call.inactivity && timeout > 0 ? () => void (lastActivity = Date.now()) : undefined,
      onProgress:
        userProgress &&
        ((loaded) => {
          // Nothing is reported after the attempt settled (a transport may still be winding down).
          if (loaded <= last || callbackError || settled) return;
          last = loaded;
          try {
            userProgress({ loaded, total });
          } catch (error) {
            callbackError = { error };
            controller.abort(error);
          }
        }),
      fetch: call.fetch,
    });
    return { response, sent: true };
  } catch (error) {
    if (callbackError) throw callbackError.error;
    if (userSignal?.aborted) throw userSignal.reason;
    if (!(error instanceof TransportError)) throw error;
    const { kind, sent, cause } = error;
    if (kind === 'body' || (kind === 'aborted' && !timedOut)) throw cause;
    if (kind === 'aborted') {
      const what = call.inactivity ? `without a byte sent or received for ${timeout} ms` : `after ${timeout} ms`;
      return { error: new TimeoutError(timeout, `Request timed out ${what}: ${target}`, { cause }), sent };
    }
    // A runtime without network permission refuses again: never worth a retry.
    const mapped = connectionError(call.method, prepared.url, cause);
    if (permissionDenied(cause)) throw mapped;
    return { error: mapped, sent };
  } finally {
    settled = true;
    clearTimeout(timer);
    userSignal?.removeEventListener('abort', onUserAbort);
  }
}

/**
 * Runs a call: attempts, retries and waits as described in the module comment.
 * Resolves with the first 2xx answer (headers redacted).
 * @throws {ApiError} (a status subclass) for a non-2xx answer not retried (3xx included: redirects are never followed).
 * @throws {ConnectionError} / {TimeoutError} for the last failed attempt.
 * @throws {UploadIndeterminateError} when the policy says the call may or may not have happened.
 * @throws the caller's `signal.reason`, unchanged, on abort.
 */
export async function runCall(call: EngineCall): Promise<EngineResponse> {
  const { signal, paced, hooks } = call;
  /** The last 429 the pacer told us to wait out: thrown if the call's rate-limit wait runs out while queued. */
  let lastRateLimit: unknown;
  /** For hooks: attempts made, and the last one's request and failure. */
  let attempts = 0;
  let request: Request | undefined;
  let failure: ImageKitError | undefined;
  /** Header changes the beforeRetry hooks made so far, applied to every later attempt (ky keeps one request). */
  let carried: Record<string, string | null> | undefined;
  for (let attemptNumber = 0; ; attempts++) {
    if (signal?.aborted) throw signal.reason;
    if (hooks && request) {
      const before = headersToRecord(request.headers);
      for (const hook of hooks.beforeRetry) await settle(hook({ request, error: failure!, retryCount: attempts }), signal);
      carried = { ...carried, ...headerChanges(before, request) };
      if (signal?.aborted) throw signal.reason;
    }
    let permit: PacerPermit | undefined;
    if (paced) {
      permit = await paced.acquire();
      if (permit === undefined) throw lastRateLimit;
    }
    let outcome: Outcome;
    let prepared: PreparedRequest;
    let target: string;
    let verdict: PacerVerdict = 'done';
    try {
      // Granted just as the signal aborted: hand the turn back (finally) and leave.
      if (signal?.aborted) throw signal.reason;
      prepared = await call.prepare(signal);
      let answer: TransportResponse | undefined;
      if (hooks) ({ prepared, request, answer } = await runBeforeRequest(hooks, call.method, prepared, { retryCount: attempts }, signal, carried));
      if (signal?.aborted) throw signal.reason;
      const { host, pathname } = new URL(prepared.url);
      target = `${call.method} ${host}${pathname}`;
      outcome = answer ? { response: answer, sent: false } : await attempt(call, prepared, target);
      // Raw headers (the rate-limit ones are never secret); redaction below is for what callers see.
      if (permit && outcome.response) verdict = permit.release({ status: outcome.response.status, headers: outcome.response.headers });
    } finally {
      permit?.release();
    }
    let { error } = outcome;
    let headers: Record<string, string> | undefined;
    let response = outcome.response;
    if (response) {
      // What the request carried must not come back in a result or an error (an echoing proxy).
      response = { ...response, headers: redact(response.headers, prepared.secrets) };
      if (hooks && request) {
        response = await runAfterResponse(hooks, request, { retryCount: attempts }, response, prepared.secrets, signal);
        if (signal?.aborted) throw signal.reason;
      }
      const { status, text } = response;
      headers = response.headers;
      if (status > 199 && status < 300) return { status, headers, text, target, secrets: prepared.secrets };
      error = ApiError.from({
        status,
        headers,
        body: redact(parseJson(text) ?? { message: text }, prepared.secrets),
        method: call.method,
        path: new URL(prepared.url).pathname,
      });
    }
    failure = error as ImageKitError;
    const status = response?.status;
    const decision = call.decide({ status, sent: outcome.sent });
    if (decision.retry && verdict === 'wait') {
      // A rate-limit wait is not a failure: the next turn comes when the account's window allows.
      lastRateLimit = error;
      continue;
    }
    attemptNumber++;
    const wait = verdict === 'give-up' ? undefined : retryWait(attemptNumber, status, headers);
    if (decision.retry && attemptNumber <= call.maxRetries && wait !== undefined) {
      await sleep(wait, signal);
      continue;
    }
    if (!decision.indeterminate) throw error;
    throw new UploadIndeterminateError(
      `The upload may or may not have happened: ${target} failed after the request was sent (${error instanceof Error ? error.message : String(error)})`,
      { cause: error },
    );
  }
}
