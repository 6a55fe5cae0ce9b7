/**
 * @module transport/select-browser
 * The upload transport picker without the Node transport: what the browser build of the
 * root entry (`src/index-browser.ts`, package.json `exports["."].browser`) sends with, and
 * the non-Node branch of {@link sendUpload} in `select.ts`. It never imports `node-http.ts`,
 * so a browser bundle of `upload()` carries no `node:http` driver.
 *
 * 1. an injected `fetch` option → the fetch transport, always;
 * 2. `XMLHttpRequest` exists (browsers) → XHR (real upload progress);
 * 3. anything else (workers, Deno, Bun) → the fetch transport.
 */
import { sendFetch } from './fetch.js';
import type { TransportResponse, TransportRequest } from './types.js';
import { hasXhr, sendXhr } from './xhr.js';

/** Sends one upload attempt through a transport (resolves with any status; rejects with an `TransportError`). */
export type Transport = (request: TransportRequest) => Promise<TransportResponse>;

/**
 * Sends one upload attempt without the Node transport: the injected `fetch` if any, else
 * XHR where it exists, else `fetch`. Resolves with the response (any status); rejects with
 * an `TransportError`.
 */
export function sendBrowserUpload(request: TransportRequest): Promise<TransportResponse> {
  return !request.fetch && hasXhr() ? sendXhr(request) : sendFetch(request);
}
