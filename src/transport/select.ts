/**
 * @module transport/select
 * Picks the upload transport at run time, per attempt, with the Node transport included.
 * Browser bundlers never see this file for the root `upload()`: the `browser` export
 * condition of the root entry resolves to a build that sends through
 * `sendBrowserUpload` (`select-browser.ts`, the same steps without step 3).
 *
 * {@link sendUpload} (the root `upload()` outside browser bundles):
 * 1. an injected `fetch` option → the fetch transport, always;
 * 2. `XMLHttpRequest` exists (browsers) → XHR (real upload progress);
 * 3. Node.js with `process.getBuiltinModule` → `node:http(s)` (streams with backpressure,
 *    at raw node:http speed);
 * 4. anything else (Deno, Bun, workerd) → the fetch transport.
 *
 * {@link sendServerUpload} (the server `uploadFile()`): the same steps without step 2. The
 * server entry runs where there is no `XMLHttpRequest` (a page that opts in with
 * `dangerouslyAllowBrowser` sends with `fetch`), so its bundles carry no XHR driver.
 *
 * On Node a client-auth upload streams too, and its progress counts bytes written to the
 * socket. Node's `fetch` would read the whole body ahead of the socket (a 512 MiB upload
 * grew RSS by ~537 MiB), so progress would report bytes read, not sent.
 */
import { sendFetch } from './fetch.js';
import { nodeHttpFor, sendNodeHttp } from './node-http.js';
import { sendBrowserUpload } from './select-browser.js';
import type { TransportResponse, TransportRequest } from './types.js';
import { hasXhr } from './xhr.js';

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
 * Sends one upload attempt of the root `upload()` outside browser bundles, through the
 * transport chosen by {@link selectUploadTransport}.
 * Resolves with the response (any status); rejects with an `TransportError`.
 */
export function sendUpload(request: TransportRequest): Promise<TransportResponse> {
  const http = request.fetch || hasXhr() ? undefined : nodeHttpFor(request.url);
  return http ? sendNodeHttp(http, request) : sendBrowserUpload(request);
}

/**
 * Sends one upload attempt of the server `uploadFile()`: the injected `fetch` if any, else
 * `node:http(s)` on Node, else `fetch`; never XHR (see the module comment).
 * Resolves with the response (any status); rejects with an `TransportError`.
 */
export function sendServerUpload(request: TransportRequest): Promise<TransportResponse> {
  const http = request.fetch ? undefined : nodeHttpFor(request.url);
  return http ? sendNodeHttp(http, request) : sendFetch(request);
}
