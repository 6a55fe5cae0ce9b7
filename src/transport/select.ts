/**
 * @module transport/select
 * Picks the upload transport at run time, per attempt. Two pickers, so that the browser
 * bundle of the root `upload()` never contains the Node transport:
 *
 * {@link sendUpload}:
 * 1. an injected `fetch` option → the fetch transport, always;
 * 2. `XMLHttpRequest` exists (browsers) → XHR (real upload progress);
 * 3. Node.js with `process.getBuiltinModule` → `node:http(s)` (streams with backpressure,
 *    at raw node:http speed);
 * 4. anything else (Deno, Bun, workerd) → the fetch transport.
 *
 * Both the server `uploadFile()` and the root `upload()` use {@link sendUpload}: on Node a
 * client-auth upload streams too, and its progress counts bytes written to the socket.
 * Node's `fetch` would read the whole body ahead of the socket (a 512 MiB upload grew RSS
 * by ~537 MiB), so progress would report bytes read, not sent. This costs the browser
 * bundle of `upload` ~700 B gzip (the node:http driver is never run there).
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

/** One attempt without the Node transport: the injected `fetch` if any, else XHR where it exists, else fetch. */
function sendClientUpload(request: UploadRequest): Promise<UploadHttpResponse> {
  return !request.fetch && hasXhr() ? sendXhr(request) : sendFetchUpload(request);
}
