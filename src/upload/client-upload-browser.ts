/**
 * @module upload/client-upload-browser
 * The root `upload()` of the browser build (`src/index-browser.ts`, chosen by bundlers
 * through the root entry's `browser` export condition): the same {@link runClientUpload}
 * as `client-upload.ts`, bound to a transport picker without the Node transport, so a
 * browser bundle carries no `node:http` driver.
 */
import { sendBrowserUpload } from '../transport/select-browser.js';
import { runClientUpload, type ClientUploadOptions } from './client-upload-core.js';
import type { UploadResponse } from './types.js';

/**
 * Uploads a file from a browser or an edge runtime with client-side authentication.
 * Progress (`onProgress`), abort (`signal`) and safe retries work on every runtime.
 * The transport is XHR where it exists (real upload progress), else `fetch` with a
 * streamed body; an injected `fetch` option always wins. (This is the build browser
 * bundlers get; outside them, Node streams through its `http` module instead.)
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
  return runClientUpload(options, sendBrowserUpload);
}
