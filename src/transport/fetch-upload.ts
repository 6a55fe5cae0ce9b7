/**
 * @module transport/fetch-upload
 * Upload transport over `fetch` (Deno, Bun, workerd, an injected `fetch`, anything else).
 * - A replayable body without `onProgress`, or any body in a browser-like page, is sent as
 *   a Blob: exact `Content-Length`, the runtime streams disk-backed blobs itself, and
 *   progress is reported at start (0) and end (total).
 * - With `onProgress` (outside browsers), or for a one-shot stream file, the body is a
 *   counting `ReadableStream` with `duplex: 'half'` where the runtime supports streaming
 *   request bodies; progress then follows the bytes the runtime pulls.
 * - A one-shot stream file on a runtime without request streams is collected into a Blob.
 * The actual call goes through {@link sendFetch}, the one place that calls `fetch`.
 */
import { headersToRecord, isConnectionError } from '../errors.js';
import { sendFetch } from './fetch.js';
import { UploadTransportError, type UploadHttpResponse, type UploadRequest } from './upload-types.js';

let requestStreamsSupported: boolean | undefined;

/**
 * Whether this runtime's `Request` accepts a `ReadableStream` body (detected once, lazily,
 * by constructing a `Request`): a runtime without request streams turns the stream into
 * the text "[object ReadableStream]" and sets a `text/plain` Content-Type. Node reads the
 * `duplex: 'half'` option; Deno, Bun and workerd stream without reading it.
 */
export function supportsRequestStreams(): boolean {
  if (requestStreamsSupported !== undefined) return requestStreamsSupported;
  let result = false;
  try {
    const hasContentType = new Request('http://localhost/', {
      method: 'POST',
      body: new ReadableStream(),
      duplex: 'half',
    } as RequestInit).headers.has('Content-Type');
    result = !hasContentType;
  } catch {
    result = false;
  }
  requestStreamsSupported = result;
  return result;
}

function isBrowserPage(): boolean {
  const g = globalThis as { window?: unknown; document?: unknown };
  return typeof g.window !== 'undefined' && typeof g.document !== 'undefined';
}

const preConnectCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

/** Whether a fetch failure says the connection was never made (so nothing was sent). */
function failedBeforeConnect(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const record = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof record.code === 'string' && preConnectCodes.has(record.code)) return true;
    if (typeof record.message === 'string' && /connection refused|dns error|failed to lookup|name resolution/i.test(record.message)) {
      return true;
    }
    current = record.cause;
  }
  return false;
}

/** Wraps a body stream, counting the bytes the runtime pulls from it. */
function countingStream(
  source: ReadableStream<Uint8Array>,
  onChunk: (loaded: number) => void,
): ReadableStream<Uint8Array> {
  const reader = source.getReader();
  let loaded = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) {
          controller.close();
          return;
        }
        loaded += value.byteLength;
        controller.enqueue(value);
        onChunk(loaded);
      },
      cancel(reason) {
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}

async function collect(stream: ReadableStream<Uint8Array>): Promise<Blob> {
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value as Uint8Array<ArrayBuffer>);
  }
  return new Blob(chunks);
}

/**
 * Sends one upload attempt with `fetch` (the injected one, else the global).
 * Rejects with an {@link UploadTransportError}; resolves with the response for any status.
 */
export async function sendFetchUpload(request: UploadRequest): Promise<UploadHttpResponse> {
  const { body, signal, onProgress } = request;
  if (signal.aborted) throw new UploadTransportError('aborted', false, signal.reason);
  const stream = !isBrowserPage() && (onProgress !== undefined || !body.replayable) && supportsRequestStreams();
  let pulled = false;
  let payload: BodyInit;
  if (stream) {
    payload = countingStream(body.stream(), (loaded) => {
      pulled = true;
      onProgress?.(loaded);
    });
  } else if (body.blob) {
    payload = body.blob;
  } else {
    try {
      payload = await collect(body.stream());
    } catch (error) {
      throw new UploadTransportError('body', false, error);
    }
  }
  const init: RequestInit & { duplex?: 'half' } = {
    method: 'POST',
    headers: { ...request.headers, 'content-type': body.contentType },
    body: payload,
    signal,
  };
  if (stream) init.duplex = 'half';
  onProgress?.(0);
  let response: Response;
  try {
    response = await sendFetch(request.fetch, request.url, init, request.describe);
  } catch (error) {
    if (signal.aborted) throw new UploadTransportError('aborted', stream ? pulled : true, signal.reason);
    if (isConnectionError(error)) {
      const sent = stream ? pulled && !failedBeforeConnect(error) : !failedBeforeConnect(error);
      throw new UploadTransportError('network', sent, error);
    }
    throw new UploadTransportError('body', stream ? pulled : true, error);
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    if (signal.aborted) throw new UploadTransportError('aborted', true, signal.reason);
    throw new UploadTransportError('network', true, error);
  }
  onProgress?.(body.length);
  return { status: response.status, headers: headersToRecord(response.headers), text };
}
