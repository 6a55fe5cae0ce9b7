/**
 * @module upload/retry-policy
 * When an upload may be sent again. Uploads are not rate-limited but can fail with a 5xx
 * or a dropped connection; a blind retry could store the file twice, or re-send a
 * single-use client token. The rule:
 *
 * | failure | body replayable, auth re-sendable¹ | otherwise |
 * | --- | --- | --- |
 * | 4xx or redirect (3xx, never followed) response | never retried: the `ApiError` | same |
 * | no byte reached the server (refused, DNS, timeout before connecting) | retry | a one-shot stream body: the error, not retried |
 * | after bytes were sent (5xx, reset, timeout), `useUniqueFileName: false` and `overwriteFile` not `false` (the same path is replaced, so no duplicate) | retry | `UploadIndeterminateError` |
 * | after bytes were sent, unique file names (the default) | `UploadIndeterminateError` | same |
 *
 * ¹ Re-sendable auth: server (Basic) auth, or client auth with an `authenticator` callback
 * (a fresh token and signature for every attempt). A fixed client `token` is single-use:
 * it is re-sent only when it never reached the server.
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
  /** Whether a repeat of this upload replaces the same file (`useUniqueFileName: false`, overwrite allowed). */
  readonly sameTarget: boolean;
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
  if (facts.status !== undefined && facts.status < 500) return 'fail';
  if (!facts.sent) return facts.replayable ? 'retry' : 'fail';
  if (facts.replayable && facts.sameTarget && facts.authResendable) return 'retry';
  return 'indeterminate';
}

/** Whether the options make a repeated upload replace the same file instead of adding one. */
export function targetsSamePath(options: { useUniqueFileName?: boolean | undefined; overwriteFile?: boolean | undefined }): boolean {
  return options.useUniqueFileName === false && options.overwriteFile !== false;
}
