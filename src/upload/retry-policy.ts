/**
 * @module upload/retry-policy
 * When an upload may be sent again. Uploads are not rate-limited but can fail with a 5xx
 * or a dropped connection; a blind retry could store the file twice, run paid extensions
 * twice, or re-send a single-use client token. The rule:
 *
 * | failure | body replayable, auth re-sendable¹ | otherwise |
 * | --- | --- | --- |
 * | 408 or 429 answer (the server did not act) | retry | the `ApiError` |
 * | other 4xx, or a redirect (3xx, never followed) | never retried: the `ApiError` | same |
 * | no byte reached the server (refused, DNS, timeout before connecting) | retry | a one-shot stream body: the error, not retried |
 * | after bytes were sent (5xx, reset, timeout), and a repeat is harmless² | retry | `UploadIndeterminateError` |
 * | after bytes were sent, any other case | `UploadIndeterminateError` | same |
 *
 * ¹ Re-sendable auth: server (Basic) auth, or client auth with an `authenticator` callback
 * (a fresh token and signature for every attempt). A fixed client `token` is single-use:
 * it is re-sent only when it never reached the server.
 * ² `useUniqueFileName: false` and `overwriteFile` not `false` (the same path is replaced,
 * so no duplicate), and no `extensions` or `webhookUrl` (they would run again), as for
 * `updateFileDetails`.
 *
 * When retries run out, a last failure after bytes were sent is an
 * `UploadIndeterminateError` (cause = that failure); before any byte, the failure itself.
 */

/** Facts about one failed attempt. */
export interface UploadFailureFacts {
  /** HTTP status, when the server answered. */
  readonly status: number | undefined;
  /** Whether any byte of the request may have reached the server. */
  readonly sent: boolean;
  /** Whether the body can be sent again (not a one-shot `ReadableStream`). */
  readonly replayable: boolean;
  /** Whether a repeat of this upload is harmless (see {@link repeatIsHarmless}). */
  readonly harmlessRepeat: boolean;
  /** Whether the auth can be sent again (server auth, or a fresh client token per attempt). */
  readonly authResendable: boolean;
}

/** What to do after a failed attempt. */
export type UploadFailureVerdict =
  /** Send again (when attempts remain). */
  | 'retry'
  /** Report the failure itself: nothing was stored, or the server said no (4xx). */
  | 'fail'
  /** Report an `UploadIndeterminateError`: the upload may or may not have happened. */
  | 'indeterminate';

/** Applies the table above to one failed attempt. */
export function uploadFailureVerdict(facts: UploadFailureFacts): UploadFailureVerdict {
  const { status, sent, replayable, authResendable } = facts;
  // 408 and 429 are answered before the server acts: like nothing sent, but the auth did arrive.
  if (status === 408 || status === 429) return replayable && authResendable ? 'retry' : 'fail';
  if (status !== undefined && status < 500) return 'fail';
  if (!sent) return replayable ? 'retry' : 'fail';
  return replayable && authResendable && facts.harmlessRepeat ? 'retry' : 'indeterminate';
}

/**
 * Whether sending this upload twice leaves the same result as once: the same path is
 * replaced (`useUniqueFileName: false`, overwrite allowed) and nothing else runs (no
 * `extensions`, no `webhookUrl`).
 */
export function repeatIsHarmless(options: {
  useUniqueFileName?: boolean | undefined;
  overwriteFile?: boolean | undefined;
  extensions?: readonly unknown[] | undefined;
  webhookUrl?: string | undefined;
}): boolean {
  return options.useUniqueFileName === false && options.overwriteFile !== false && !options.extensions?.length && options.webhookUrl === undefined;
}
