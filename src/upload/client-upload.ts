/**
 * @module upload/client-upload
 * The root `upload()` as Node, Deno, Bun, workers and bundlers without the `browser`
 * condition get it: the transport picker includes Node's `http` module (see
 * `transport/select.ts`). Browser bundlers get `client-upload-browser.ts` instead, through
 * the root entry's `browser` export condition. Both run {@link runClientUpload}.
 */
import { sendUpload } from '../transport/select.js';
import { runClientUpload, type ClientUploadOptions } from './client-upload-core.js';
import type { UploadResponse } from './types.js';

export { clientUploadDefaults, type ClientUploadOptions } from './client-upload-core.js';

/**
 * Uploads a file from a browser or an edge runtime with client-side authentication.
 * Progress (`onProgress`), abort (`signal`) and safe retries work on every runtime.
 * The transport is XHR where it exists (real upload progress), Node's `http` module on
 * Node (streamed; progress counts bytes written), else `fetch` with a streamed body; an
 * injected `fetch` option always wins. Browser bundlers get a build without the Node
 * transport (the `browser` export condition).
 *
 * @example
 * const result = await upload({ file, fileName: 'cat.jpg', publicKey, authenticator: () => fetch('/auth').then((r) => r.json()) });
 * @throws {TypeError | RangeError} for missing or invalid options (no request is made).
 * @throws {ApiError} subclasses for a 4xx answer (bad signature, reused token, …).
 * @throws {UploadIndeterminateError} when a failure after sending cannot be retried without risking a duplicate.
 * @throws {ConnectionError | TimeoutError} when the server could not be reached.
 * @throws the `signal`'s reason, unchanged, on abort.
 */
export function upload(options: ClientUploadOptions): Promise<UploadResponse> {
  return runClientUpload(options, sendUpload);
}
