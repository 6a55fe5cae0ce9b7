/**
 * @module transport/node-http
 * Upload transport for Node.js (it moves bytes and reports progress; the engine does the rest): `node:http` / `node:https`, obtained at run time through
 * `process.getBuiltinModule` (no static `node:` import, so bundles for other runtimes stay
 * clean). The body is streamed with backpressure: a chunk is read only after the previous
 * one was accepted by the socket, so a disk-backed Blob is never held in memory. Progress
 * counts bytes accepted by the request (reported after `write` returns or `drain` fires).
 * Node's built-in `fetch` reads a request-body stream eagerly, which is why Node uses this.
 */
import { TransportError, type TransportResponse, type TransportRequest } from './types.js';

/** The slice of a Node socket this transport uses. */
interface NodeSocketLike {
  readonly connecting: boolean;
  once(event: string, listener: () => void): unknown;
}

/** The slice of `http.IncomingMessage` this transport uses. */
interface NodeResponseLike {
  readonly statusCode?: number | undefined;
  readonly headers: Record<string, string | string[] | undefined>;
  on(event: 'data', listener: (chunk: Uint8Array) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
  on(event: 'error' | 'aborted', listener: (error?: unknown) => void): unknown;
}

/** The slice of `http.ClientRequest` this transport uses. */
interface NodeRequestLike {
  on(event: 'socket', listener: (socket: NodeSocketLike) => void): unknown;
  on(event: 'response', listener: (response: NodeResponseLike) => void): unknown;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  once(event: 'drain' | 'close', listener: () => void): unknown;
  removeListener(event: string, listener: (...args: never[]) => void): unknown;
  write(chunk: Uint8Array, callback: () => void): boolean;
  readonly writableLength: number;
  end(): unknown;
  destroy(error?: unknown): unknown;
  readonly destroyed: boolean;
}

/** Bytes queued on the request before the body loop waits for `drain` (1 MiB; a literal, as `1 << 20` would count as a side effect for bundlers). */
const bufferLimit = 1_048_576;
/** Largest piece written at once, so progress events follow the socket (256 KiB). */
const sliceBytes = 262_144;

/** The slice of `node:http` / `node:https` this transport uses. */
export interface NodeHttpModule {
  request(url: string, options: { method: string; headers: Record<string, string> }): NodeRequestLike;
}

interface ProcessLike {
  versions?: { node?: string; bun?: string };
  getBuiltinModule?: (id: string) => unknown;
}

/**
 * `node:http` or `node:https` for `url`, when running on Node.js itself (not Bun, Deno or
 * workerd, which take the fetch path), else `undefined`.
 */
export function nodeHttpFor(url: string): NodeHttpModule | undefined {
  const g = globalThis as { process?: ProcessLike; Deno?: unknown; navigator?: { userAgent?: string } };
  const proc = g.process;
  if (typeof proc?.versions?.node !== 'string' || proc.versions.bun !== undefined || g.Deno !== undefined) return undefined;
  if (g.navigator?.userAgent === 'Cloudflare-Workers') return undefined;
  if (typeof proc.getBuiltinModule !== 'function') return undefined;
  const id = url.startsWith('https:') ? 'node:https' : 'node:http';
  const mod = proc.getBuiltinModule(id) as NodeHttpModule | undefined;
  return typeof mod?.request === 'function' ? mod : undefined;
}

/** The part of a stream reader the body loop uses. */
interface ChunkReader {
  read(): Promise<ReadableStreamReadResult<Uint8Array>>;
  cancel(reason?: unknown): Promise<void>;
}

function flattenHeaders(headers: NodeResponseLike['headers']): Record<string, string> {
  const record: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    record[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return record;
}

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/**
 * Sends one upload attempt over `node:http(s)`.
 * Rejects with an {@link TransportError}; resolves with the response for any status.
 */
export function sendNodeHttp(http: NodeHttpModule, request: TransportRequest): Promise<TransportResponse> {
  return new Promise<TransportResponse>((resolve, reject) => {
    const { signal, onProgress, onActivity } = request;
    // Used for uploads only, which always have a body.
    const body = request.body!;
    const moved = (): void => onActivity?.();
    let sent = false;
    let settled = false;
    let reader: ChunkReader | undefined;
    let ended = false;

    const headers: Record<string, string> = {
      ...request.headers,
      'content-type': body.contentType,
      'content-length': String(body.length),
    };
    if (signal.aborted) {
      reject(new TransportError('aborted', false, signal.reason));
      return;
    }
    const req = http.request(request.url, { method: request.method, headers });

    const finish = (): void => {
      settled = true;
      signal.removeEventListener('abort', onAbort);
    };
    const fail = (kind: TransportError['kind'], cause: unknown): void => {
      if (settled) return;
      finish();
      if (!req.destroyed) req.destroy();
      if (reader) void reader.cancel(cause).catch(() => undefined);
      reject(new TransportError(kind, sent, cause));
    };
    const onAbort = (): void => fail('aborted', signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });

    req.on('socket', (socket) => {
      if (!socket.connecting) sent = true;
      else
        socket.once(request.url.startsWith('https:') ? 'secureConnect' : 'connect', () => {
          sent = true;
        });
    });
    req.on('error', (error) => fail('network', error));
    req.on('response', (response) => {
      const chunks: Uint8Array[] = [];
      let length = 0;
      moved();
      response.on('data', (chunk) => {
        moved();
        chunks.push(chunk);
        length += chunk.byteLength;
      });
      response.on('error', (error) => fail('network', error));
      response.on('aborted', () => fail('network', new Error('The response was cut off')));
      response.on('end', () => {
        if (settled) return;
        finish();
        if (!ended) {
          // The server answered before the whole body was sent: stop sending.
          if (reader) void reader.cancel().catch(() => undefined);
          req.destroy();
        }
        resolve({
          status: response.statusCode ?? 0,
          headers: flattenHeaders(response.headers),
          text: new TextDecoder().decode(concat(chunks, length)),
        });
      });
    });

    const waitForDrain = (): Promise<void> =>
      new Promise<void>((done) => {
        const onDone = (): void => {
          req.removeListener('drain', onDone);
          req.removeListener('close', onDone);
          done();
        };
        req.once('drain', onDone);
        req.once('close', onDone);
      });

    const pump = async (): Promise<void> => {
      try {
        reader = body.stream().getReader();
      } catch (error) {
        fail('body', error);
        return;
      }
      let loaded = 0;
      onProgress?.(0);
      // One chunk is read ahead while the previous one drains, so disk reads overlap
      // socket writes; memory stays bounded by that one chunk plus the socket buffer.
      let pending = reader.read();
      for (;;) {
        let next: ReadableStreamReadResult<Uint8Array>;
        try {
          next = await pending;
        } catch (error) {
          fail('body', error);
          return;
        }
        if (settled) return;
        if (next.done) break;
        const chunk = next.value;
        pending = reader.read();
        pending.catch(() => undefined);
        // An in-memory part arrives as one big chunk: write it in slices (views, no copies)
        // so progress moves as the socket takes the bytes, not all at once.
        for (let offset = 0; offset < chunk.byteLength; offset += sliceBytes) {
          const slice = chunk.subarray(offset, offset + sliceBytes);
          // The callback runs once the slice is handed to the socket: bytes moved.
          req.write(slice, moved);
          // Keep up to `bufferLimit` bytes queued on the request (more than Node's 16 KiB
          // default), so the socket always has data while the next chunk is read.
          if (req.writableLength > bufferLimit) await waitForDrain();
          if (settled) return;
          loaded += slice.byteLength;
          onProgress?.(loaded);
        }
      }
      ended = true;
      req.end();
    };
    pump().catch((error: unknown) => fail('body', error));
  });
}
