/**
 * @module transport/xhr
 * Upload transport for browsers: `XMLHttpRequest`, the only browser API that reports
 * upload progress over HTTP/1.1. The body is a Blob (a `File` stays on disk); a one-shot
 * `ReadableStream` file is first collected into a Blob, because XHR cannot send a stream.
 */
import { UploadTransportError, type UploadBody, type UploadHttpResponse, type UploadRequest } from './upload-types.js';

/** True where `XMLHttpRequest` exists (browsers; not Node, Deno, Bun or workers). */
export function hasXhr(): boolean {
  return typeof (globalThis as { XMLHttpRequest?: unknown }).XMLHttpRequest === 'function';
}

function parseHeaders(raw: string): Record<string, string> {
  const record: Record<string, string> = {};
  for (const line of raw.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    record[name] = name in record ? `${record[name]}, ${value}` : value;
  }
  return record;
}

/** The body as a Blob; a stream body is read into memory first. */
async function bodyBlob(body: UploadBody, signal: AbortSignal): Promise<Blob> {
  if (body.blob) return body.blob;
  const reader = body.stream().getReader();
  const onAbort = (): void => void reader.cancel(signal.reason).catch(() => undefined);
  signal.addEventListener('abort', onAbort, { once: true });
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (signal.aborted) throw new UploadTransportError('aborted', false, signal.reason);
      if (done) break;
      chunks.push(value as Uint8Array<ArrayBuffer>);
    }
  } catch (error) {
    if (error instanceof UploadTransportError) throw error;
    if (signal.aborted) throw new UploadTransportError('aborted', false, signal.reason);
    throw new UploadTransportError('body', false, error);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
  return new Blob(chunks);
}

/**
 * Sends one upload attempt with `XMLHttpRequest`.
 * Rejects with an {@link UploadTransportError}; resolves with the response for any status.
 * `sent` is true once the browser reported upload progress.
 */
export async function sendXhr(request: UploadRequest): Promise<UploadHttpResponse> {
  const { body, signal, onProgress } = request;
  if (signal.aborted) throw new UploadTransportError('aborted', false, signal.reason);
  const blob = await bodyBlob(body, signal);
  return new Promise<UploadHttpResponse>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    let sent = false;
    let settled = false;
    const settle = (): boolean => {
      if (settled) return false;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      return true;
    };
    const onAbort = (): void => {
      if (!settle()) return;
      xhr.abort();
      reject(new UploadTransportError('aborted', sent, signal.reason));
    };
    xhr.open('POST', request.url, true);
    for (const [name, value] of Object.entries(request.headers)) xhr.setRequestHeader(name, value);
    xhr.setRequestHeader('Content-Type', body.contentType);
    xhr.upload.onprogress = (event) => {
      if (event.loaded > 0) sent = true;
      if (!settled) onProgress?.(event.loaded);
    };
    xhr.upload.onload = () => {
      sent = true;
      if (!settled) onProgress?.(body.length);
    };
    xhr.onload = () => {
      if (!settle()) return;
      resolve({ status: xhr.status, headers: parseHeaders(xhr.getAllResponseHeaders()), text: xhr.responseText });
    };
    xhr.onerror = () => {
      if (!settle()) return;
      reject(new UploadTransportError('network', sent, new Error(`XMLHttpRequest failed: ${request.describe}`)));
    };
    xhr.onabort = () => {
      if (!settle()) return;
      reject(new UploadTransportError('aborted', sent, signal.reason));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    onProgress?.(0);
    xhr.send(blob);
  });
}
