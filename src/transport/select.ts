/**
 * @module transport/select
 * Picks the upload transport at run time, per attempt. Two pickers, so that the browser
 * bundle of the root `upload()` never contains the Node transport:
 *
 * {@link sendUpload} (server `uploadFile()`):
 * 1. an injected `fetch` option → the fetch transport, always;
 * 2. `XMLHttpRequest` exists (browsers) → XHR (real upload progress);
 * 3. Node.js with `process.getBuiltinModule` → `node:http(s)` (streams with backpressure,
 *    at raw node:http speed);
 * 4. anything else (Deno, Bun, workerd) → the fetch transport.
 *
 * {@link sendClientUpload} (root `upload()`): the same without step 3, so on Node it
 * uses the fetch transport. Trade-off, chosen for the browser bundle (node-http costs
 * ~700 B gzip there): Node's `fetch` reads the body ahead of the socket, so a client-auth
 * `upload()` of a large file on Node holds it in memory; `uploadFile` streams it.
 */
import { sendFetchUpload } from './fetch-upload.js';
import { nodeHttpFor, sendNodeHttp } from './node-http.js';
import type { UploadHttpResponse, UploadRequest } from './upload-types.js';
import { hasXhr, sendXhr } from './xhr.js';

/** Name of the transport {@link sendUpload} would use for `request`. */
export type UploadTransportName = 'fetch' | 'xhr' | 'node-http';

/** The transport {@link sendUpload} picks for a request to `url` (with or without an injected `fetch`). */
export function selectUploadTransport(url: string, injectedFetch: boolean): UploadTransportName {
  if (injectedFetch) return 'fetch';
  if (hasXhr()) return 'xhr';
  if (nodeHttpFor(url) !== undefined) return 'node-http';
  return 'fetch';
}

/**
 * Sends one server upload attempt through the transport chosen by {@link selectUploadTransport}.
 * Resolves with the response (any status); rejects with an `UploadTransportError`.
 */
export function sendUpload(request: UploadRequest): Promise<UploadHttpResponse> {
  const http = request.fetch || hasXhr() ? undefined : nodeHttpFor(request.url);
  return http ? sendNodeHttp(http, request) : sendClientUpload(request);
}

/**
 * Sends one client upload attempt: the injected `fetch` if any, else XHR where it exists,
 * else the fetch transport.
 */
export function sendClientUpload(request: UploadRequest): Promise<UploadHttpResponse> {
  return !request.fetch && hasXhr() ? sendXhr(request) : sendFetchUpload(request);
}
