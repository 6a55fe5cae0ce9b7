/**
 * @module transport/select
 * Picks the upload transport at run time, per attempt:
 * 1. an injected `fetch` option → the fetch transport, always;
 * 2. `XMLHttpRequest` exists (browsers) → XHR (real upload progress);
 * 3. Node.js with `process.getBuiltinModule` → `node:http(s)` (streams with backpressure;
 *    Node's own `fetch` buffers a streamed request body);
 * 4. anything else (Deno, Bun, workerd) → the fetch transport.
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
 * Sends one upload attempt through the transport chosen by {@link selectUploadTransport}.
 * Resolves with the response (any status); rejects with an `UploadTransportError`.
 */
export function sendUpload(request: UploadRequest): Promise<UploadHttpResponse> {
  if (request.fetch !== undefined) return sendFetchUpload(request);
  if (hasXhr()) return sendXhr(request);
  const http = nodeHttpFor(request.url);
  if (http !== undefined) return sendNodeHttp(http, request);
  return sendFetchUpload(request);
}
