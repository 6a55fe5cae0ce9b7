/**
 * @module transport/types
 * The one interface every transport (fetch, XMLHttpRequest, node:http) implements. A
 * transport moves bytes and reports progress, nothing else: timeouts, retries, error
 * mapping and redaction belong to the request engine (`core/engine.ts`).
 * Internal: no entry point exports it.
 */
import type { FetchLike } from './fetch.js';

/** A request body with a length known before sending. */
export interface RequestBody {
  /** Value of the `Content-Type` header. */
  readonly contentType: string;
  /** Exact byte length (`Content-Length`). */
  readonly length: number;
  /** False when the body can be sent once only (a `ReadableStream` file). */
  readonly replayable: boolean;
  /** The whole body as a lazy Blob, for replayable bodies. */
  readonly blob: Blob | undefined;
  /** The whole body as text, for small text bodies (JSON), which `fetch` sends as they are. */
  readonly text?: string | undefined;
  /** A stream of the body (a fresh one per call when replayable). */
  stream(): ReadableStream<Uint8Array>;
}

/** One attempt, as handed to a transport. */
export interface TransportRequest {
  /** HTTP method. */
  readonly method: string;
  /** Absolute URL. */
  readonly url: string;
  /** Request headers; `Content-Type`/`Content-Length` come from the body. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body, if any. */
  readonly body: RequestBody | undefined;
  /** Aborts this attempt (user abort or timeout). */
  readonly signal: AbortSignal;
  /** Called with the number of body bytes sent so far (non-decreasing within an attempt). */
  readonly onProgress: ((loaded: number) => void) | undefined;
  /**
   * Called whenever bytes move, either way (body bytes taken by the network, response
   * bytes received): the inactivity timeout restarts. Present only when one is set.
   */
  readonly onActivity: (() => void) | undefined;
  /** Injected `fetch`: when present the fetch transport is always used. */
  readonly fetch: FetchLike | undefined;
}

/** A complete HTTP response (any status). */
export interface TransportResponse {
  readonly status: number;
  /** Response headers, names lower-cased. */
  readonly headers: Record<string, string>;
  /** Response body as text. */
  readonly text: string;
}

/** Sends one attempt: resolves with the response for any status; rejects with a {@link TransportError}. */
export type Transport = (request: TransportRequest) => Promise<TransportResponse>;

/** Why an attempt produced no response. */
export type TransportFailureKind = 'network' | 'aborted' | 'body';

/**
 * An attempt failed without a response. Internal and deliberately not an `Error`: the
 * engine always turns it into a public error (or rethrows its `cause`).
 * `sent` is false only when no byte of the request can have reached the server.
 */
export class TransportError {
  /**
   * @param kind `network`: connection failure; `aborted`: the attempt's signal fired; `body`: reading the body failed.
   * @param sent whether any byte of the request may have reached the server.
   * @param cause the underlying failure (for `aborted`, the signal's reason).
   */
  constructor(
    readonly kind: TransportFailureKind,
    readonly sent: boolean,
    readonly cause: unknown,
  ) {}
}

/**
 * The body as a Blob, for transports that cannot send a stream: a replayable body's own
 * Blob, or a one-shot stream body read into memory (cancelled when `signal` aborts).
 * Rejects with a {@link TransportError} (`aborted` or `body`, nothing sent).
 */
export async function bodyBlob(body: RequestBody, signal: AbortSignal): Promise<Blob> {
  try {
    return body.blob ?? (await new Response(body.stream().pipeThrough(new TransformStream(), { signal })).blob());
  } catch (error) {
    throw new TransportError(signal.aborted ? 'aborted' : 'body', false, signal.aborted ? signal.reason : error);
  }
}
