/**
 * @module transport/xhr
 * Upload transport for browsers: `XMLHttpRequest`, the only browser API that reports
 * upload progress over HTTP/1.1. The body is a Blob (a `File` stays on disk); a one-shot
 * `ReadableStream` file is first collected into a Blob, because XHR cannot send a stream.
 * XHR cannot be told not to follow a redirect: the browser re-sends the upload to the new
 * location itself. The transport sees it (`responseURL` differs) and reports status 0,
 * so the answer of the other location is never taken as the upload's result.
 */
import { bodyBlob, TransportError, type TransportResponse, type TransportRequest } from './types.js';

/** True where `XMLHttpRequest` exists (browsers; not Node, Deno, Bun or workers). */
export function hasXhr(): boolean {
  return typeof (globalThis as { XMLHttpRequest?: unknown }).XMLHttpRequest === 'function';
}

/**
 * Sends one upload attempt with `XMLHttpRequest`.
 * Rejects with an {@link TransportError}; resolves with the response for any status.
 * `sent` is true once the browser reported upload progress.
 */
export async function sendXhr(request: TransportRequest): Promise<TransportResponse> {
  const { signal, onProgress, onActivity } = request;
  // Used for uploads only, which always have a body.
  const body = request.body!;
  const blob = await bodyBlob(body, signal);
  return new Promise<TransportResponse>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    let sent = false;
    const settle = (kind?: 'network' | 'aborted'): void => {
      signal.removeEventListener('abort', onAbort);
      xhr.onloadend = xhr.onprogress = xhr.upload.onprogress = xhr.upload.onload = null;
      if (!kind) {
        const headers: Record<string, string> = {};
        for (const line of xhr.getAllResponseHeaders().split('\r\n')) {
          const colon = line.indexOf(':');
          // Browsers join repeated headers into one line, so each name appears once.
          if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
        }
        // XHR always follows a redirect (the browser has already re-sent the request there);
        // what the other location answered is not used: status 0, an `ApiError`.
        const moved = xhr.responseURL && xhr.responseURL !== new URL(request.url).href;
        resolve(moved ? { status: 0, headers: {}, text: '' } : { status: xhr.status, headers, text: xhr.responseText });
      } else {
        reject(new TransportError(kind, sent, kind === 'network' ? new Error('XMLHttpRequest failed') : signal.reason));
      }
    };
    const onAbort = (): void => {
      settle('aborted');
      xhr.abort();
    };
    if (signal.aborted) return onAbort();
    xhr.open(request.method, request.url);
    for (const [name, value] of Object.entries({ ...request.headers, 'Content-Type': body.contentType })) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      sent ||= event.loaded > 0;
      onActivity?.();
      onProgress?.(event.loaded);
    };
    // Response bytes arriving count as activity too.
    xhr.onprogress = () => onActivity?.();
    // `loadend` follows `load`, `error`, `abort` and `timeout`; status 0 means no response.
    xhr.onloadend = () => settle(xhr.status ? undefined : signal.aborted ? 'aborted' : 'network');
    xhr.upload.onload = () => {
      sent = true;
      onProgress?.(body.length);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    onProgress?.(0);
    xhr.send(blob);
  });
}
