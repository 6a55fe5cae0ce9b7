/**
 * @module transport/fetch-upload
 * Upload transport over `fetch` (Node for the root `upload()`, Deno, Bun, workerd, an
 * injected `fetch`, anything without XHR).
 * - With `onProgress`, an inactivity timeout or a one-shot stream file, where the runtime streams request bodies
 *   (not in a browser page), the body is a counting `ReadableStream` sent with
 *   `duplex: 'half'` and a `Content-Length` header (Node and Bun honour it; Deno sends it
 *   chunked). Progress then follows the bytes the runtime pulls.
 * - Otherwise the body is a Blob (exact `Content-Length`; a one-shot stream file is
 *   collected first) and progress is reported at start (0) and end (total).
 * Node's `fetch` reads a request body (Blob or stream) ahead of the socket, so a large
 * file is held in memory there: on Node servers `uploadFile` uses `node:http` instead.
 * The actual call goes through {@link sendFetch}, the one place that calls `fetch`.
 */
import { headersToRecord, isConnectionError } from '../errors.js';
import { neverConnected } from '../internal/connect-failure.js';
import { sendFetch } from './fetch.js';
import { bodyBlob, UploadTransportError, type UploadHttpResponse, type UploadRequest } from './upload-types.js';

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

/** Whether to stream the body: see the module comment. */
function streamBody(request: UploadRequest): boolean {
  const g = globalThis as { window?: unknown; document?: unknown };
  const page = g.window !== undefined && g.document !== undefined;
  return !page && (request.onProgress !== undefined || request.onActivity !== undefined || !request.body.replayable) && supportsRequestStreams();
}

/**
 * Sends one upload attempt with `fetch` (the injected one, else the global).
 * Rejects with an {@link UploadTransportError}; resolves with the response for any status.
 */
export async function sendFetchUpload(request: UploadRequest): Promise<UploadHttpResponse> {
  const { body, signal, onProgress, onActivity } = request;
  const stream = streamBody(request);
  let pulled = false;
  let payload: BodyInit;
  const headers: Record<string, string> = { ...request.headers, 'content-type': body.contentType };
  if (stream) {
    headers['content-length'] = String(body.length);
    const reader = body.stream().getReader();
    let loaded = 0;
    // An abort stops reading the file at once (a runtime may keep pulling the body after it).
    const stop = (): void => void reader.cancel(signal.reason).catch(() => undefined);
    signal.addEventListener('abort', stop, { once: true });
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
  } else {
    payload = await bodyBlob(body, signal);
  }
  onProgress?.(0);
  let response: Response;
  try {
    response = await sendFetch(request.fetch, request.url, { method: 'POST', headers, body: payload, signal, duplex: 'half' } as RequestInit);
  } catch (error) {
    const sent = !stream || pulled;
    if (signal.aborted) throw new UploadTransportError('aborted', sent, signal.reason);
    if (isConnectionError(error)) throw new UploadTransportError('network', sent && !neverConnected(error), error);
    throw new UploadTransportError('body', sent, error);
  }
  let text: string;
  try {
    onActivity?.();
    // Each response chunk counts as activity for the inactivity timeout.
    text = await (onActivity && response.body
      ? new Response(response.body.pipeThrough(new TransformStream({ transform: (chunk, out) => (onActivity(), out.enqueue(chunk)) })))
      : response
    ).text();
  } catch (error) {
    throw new UploadTransportError(signal.aborted ? 'aborted' : 'network', true, signal.aborted ? signal.reason : error);
  }
  onProgress?.(body.length);
  return { status: response.status, headers: headersToRecord(response.headers), text };
}
