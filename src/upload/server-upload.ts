/**
 * @module upload/server-upload
 * `uploadFile()` for servers: the same pipeline as the browser `upload()`, with HTTP Basic
 * auth from the client context (built per attempt, never stored), the context's
 * `timeout` (bounding inactivity) and retry budget, and a slot of the client's
 * `maxConcurrency` per attempt (uploads are never held back by the API's rate limit).
 */
import { authorizationHeader, requestSecrets, type ClientContext } from '../core/context.js';
import { nonNegativeOption } from '../internal/options.js';
import { sendServerUpload } from '../transport/select.js';
import { checkKnownKeys, checkOptionsObject, optionError } from './form.js';
import { runUpload } from './send.js';
import type { UploadOptions, UploadResponse } from './types.js';

/** Options of {@link uploadFile}: the upload fields plus per-call overrides. */
export interface ServerUploadOptions extends UploadOptions {
  /**
   * Use the v2 endpoint (`/api/v2/files/upload`); with server (Basic) auth it takes the
   * same fields as v1.
   * @default false
   */
  useV2?: boolean | undefined;
  /**
   * Retries after the first attempt, overriding the client's `maxRetries`; applied only
   * where a retry cannot create a duplicate (see `retry-policy.ts`).
   */
  maxRetries?: number | undefined;
}

/**
 * Uploads a file with the private key (HTTP Basic) to `${context.uploadBaseUrl}/api/v1/files/upload`.
 * On Node a `Blob` from `fs.openAsBlob()` is streamed from disk, never held in memory.
 *
 * @param context from `createClientContext()`; supplies auth, `uploadBaseUrl`, `fetch`, `timeout` (bounding inactivity) and `maxRetries`.
 * @throws {TypeError | RangeError} for invalid options (no request is made).
 * @throws {ApiError} subclasses for a 4xx answer.
 * @throws {UploadIndeterminateError} when a failure after sending cannot be retried without risking a duplicate.
 * @throws {ConnectionError | TimeoutError} when the server could not be reached.
 * @throws the `signal`'s reason, unchanged, on abort.
 */
export async function uploadFile(context: ClientContext, options: ServerUploadOptions): Promise<UploadResponse> {
  const { useV2, maxRetries, ...uploadOptions } = checkOptionsObject(options);
  checkKnownKeys(uploadOptions, 'uploadFile', ['useV2', 'maxRetries']);
  if (useV2 !== undefined && typeof useV2 !== 'boolean') throw optionError('useV2', 'a boolean');
  return runUpload({
    options: uploadOptions,
    url: `${context.uploadBaseUrl}/api/${useV2 ? 'v2' : 'v1'}/files/upload`,
    headers: () => ({ authorization: authorizationHeader(context) }),
    secrets: () => requestSecrets(context),
    authFields: () => Promise.resolve([]),
    authResendable: true,
    fetch: context.fetch,
    timeout: context.timeout,
    maxRetries: nonNegativeOption('maxRetries', maxRetries, context.maxRetries, true),
    hooks: context.hooks,
    send: sendServerUpload,
    // Uploads are not rate-limited by ImageKit; they only share the client's concurrency bound.
    pacer: context.pacer,
  });
}
