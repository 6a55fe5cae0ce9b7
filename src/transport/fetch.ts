/**
 * @module transport/fetch
 * The `fetch` transport, and the one place in the SDK that calls `fetch`: every management
 * API call, and uploads on Deno, Bun, workerd, with an injected `fetch`, or anywhere
 * without XHR. It moves bytes and reports progress; the engine (`core/engine.ts`) does the
 * rest. Redirects are never followed (`redirect: 'manual'`): a 3xx comes back as it is,
 * and in a browser as an `opaqueredirect` response with status 0; the engine turns both
 * into an `ApiError`.
 * - With `onProgress`, an inactivity timeout or a one-shot stream file, where the runtime
 *   streams request bodies (not in a browser page), the body is a counting
 *   `ReadableStream` sent with `duplex: 'half'` and a `Content-Length` header (Node and Bun
 *   honour it; Deno sends it chunked). Progress then follows the bytes the runtime pulls.
 * - Otherwise the body is sent whole: its text (JSON) or its Blob (exact `Content-Length`;
 *   a one-shot stream file is collected first), progress reported at start and end.
 * Node's `fetch` reads a request body (Blob or stream) ahead of the socket, so a large
 * file is held in memory there: on Node servers `uploadFile` uses `node:http` instead.
 */
import { headersToRecord } from '../errors.js';
import { raceAbort } from '../internal/abort.js';
import { neverConnected } from '../internal/connect-failure.js';
import { bodyBlob, TransportError, type TransportRequest, type TransportResponse } from './types.js';

/** A `fetch`-compatible function (the global one, or one injected by the caller). */
export type FetchLike = (input: Request | string | URL, init?: RequestInit) => Promise<Response>;

let requestStreams: boolean | undefined;

/**
 * Whether this runtime's `Request` accepts a `ReadableStream` body (detected once, lazily,
 * by constructing a `Request`): a runtime without request streams turns the stream into
 * the text "[object ReadableStream]" and sets a `text/plain` Content-Type. Node reads the
 * `duplex: 'half'` option; Deno, Bun and workerd stream without reading it.
 */
export function supportsRequestStreams(): boolean {
  try {
    requestStreams ??= !new Request('http://localhost/', { method: 'POST', body: new ReadableStream(), duplex: 'half' } as RequestInit).headers.has(
      'Content-Type',
    );
  } catch {
    requestStreams = false;
  }
  return requestStreams;
}

/**
 * Sends one attempt with the injected `fetch` (read now, not at module load) or
 * `globalThis.fetch`, called with `undefined` as `this` (browsers and workerd reject other
 * receivers). Resolves with the response for any status; rejects with a {@link TransportError}.
 * @throws {TypeError} when no `fetch` exists.
 */
export async function sendFetch(request: TransportRequest): Promise<TransportResponse> {
  const { body, signal, onProgress, onActivity } = request;
  const doFetch = request.fetch ?? (globalThis.fetch as FetchLike | undefined);
  if (typeof doFetch !== 'function') throw new TypeError('No `fetch` is available in this runtime: pass the `fetch` option');
  const g = globalThis as { window?: unknown; document?: unknown };
  const stream =
    body !== undefined &&
    !(g.window !== undefined && g.document !== undefined) &&
    (onProgress !== undefined || onActivity !== undefined || !body.replayable) &&
    supportsRequestStreams();
  let pulled = false;
  let payload: BodyInit | undefined;
  const headers: Record<string, string> = { ...request.headers };
  if (body) headers['content-type'] = body.contentType;
  if (stream) {
    headers['content-length'] = String(body.length);
    const reader = body.stream().getReader();
    let loaded = 0;
    // An abort stops reading the file at once (a runtime may keep pulling the body after it).
    signal.addEventListener('abort', () => void reader.cancel(signal.reason).catch(() => undefined), { once: true });
    // Pulled one chunk at a time (no read-ahead), so progress follows what the runtime sends.
    payload = new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          if (signal.aborted) return controller.error(signal.reason);
          const { done, value } = await reader.read();
          if (signal.aborted) return controller.error(signal.reason);
          if (done) return controller.close();
          pulled = true;
          onActivity?.();
          controller.enqueue(value);
          onProgress?.((loaded += value.byteLength));
        },
        cancel: (reason) => reader.cancel(reason),
      },
      { highWaterMark: 0 },
    );
  } else if (body) {
    payload = body.text ?? (await bodyBlob(body, signal));
  }
  onProgress?.(0);
  let response: Response;
  try {
    // Raced against the signal: an injected `fetch` may ignore it.
    response = await raceAbort(
      doFetch.call(undefined, request.url, {
        method: request.method,
        headers,
        body: payload,
        signal,
        redirect: 'manual',
        duplex: 'half',
      } as RequestInit),
      signal,
    );
  } catch (error) {
    const sent = !stream || pulled;
    throw signal.aborted ? new TransportError('aborted', sent, signal.reason) : new TransportError('network', sent && !neverConnected(error), error);
  }
  let text: string;
  try {
    onActivity?.();
    // Each response chunk counts as activity for the inactivity timeout.
    text = await raceAbort(
      (onActivity && response.body
        ? new Response(response.body.pipeThrough(new TransformStream({ transform: (chunk, out) => (onActivity(), out.enqueue(chunk)) })))
        : response
      ).text(),
      signal,
    );
  } catch (error) {
    throw new TransportError(signal.aborted ? 'aborted' : 'network', true, signal.aborted ? signal.reason : error);
  }
  if (body) onProgress?.(body.length);
  return { status: response.status, headers: headersToRecord(response.headers), text };
}
