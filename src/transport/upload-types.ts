/**
 * @module transport/upload-types
 * The one interface every upload transport (XMLHttpRequest, node:http, fetch) implements.
 * Internal: no entry point exports it.
 */
import type { FetchLike } from './fetch.js';

/** A request body with a length known before sending. */
export interface UploadBody {
  /** Value of the `Content-Type` header. */
  readonly contentType: string;
  /** Exact byte length (`Content-Length`). */
  readonly length: number;
  /** False when the body can be sent once only (a `ReadableStream` file). */
  readonly replayable: boolean;
  /** The whole body as a lazy Blob, for replayable bodies. */
  readonly blob: Blob | undefined;
  /** A stream of the body (a fresh one per call when replayable). */
  stream(): ReadableStream<Uint8Array>;
}

/** One attempt of an upload, as handed to a transport. */
export interface UploadRequest {
  /** Absolute URL to POST to. */
  readonly url: string;
  /** Extra request headers (e.g. Basic auth); `Content-Type`/`Content-Length` come from the body. */
  readonly headers: Readonly<Record<string, string>>;
  /** The multipart body. */
  readonly body: UploadBody;
  /** Aborts this attempt (user abort or timeout). */
  readonly signal: AbortSignal;
  /** Called with the number of body bytes sent so far (non-decreasing within an attempt). */
  readonly onProgress: ((loaded: number) => void) | undefined;
  /**
   * Called whenever bytes move, either way (body bytes taken by the network, response
   * bytes received): the inactivity timeout restarts. Present only when a timeout is set.
   */
  readonly onActivity?: (() => void) | undefined;
  /** Injected `fetch`: when present the fetch transport is always used. */
  readonly fetch: FetchLike | undefined;
  /** `METHOD /path` for error messages (never a query string or a secret). */
  readonly describe: string;
}

/** A complete HTTP response (any status). */
export interface UploadHttpResponse {
  readonly status: number;
  /** Response headers, names lower-cased. */
  readonly headers: Record<string, string>;
  /** Response body as text. */
  readonly text: string;
}

/** Why an attempt produced no response. */
export type UploadFailureKind = 'network' | 'aborted' | 'body';

/**
 * An attempt failed without a response. Internal and deliberately not an `Error`: the
 * upload pipeline always turns it into a public error (or rethrows its `cause`).
 * `sent` is false only when no byte of the request can have reached the server.
 */
export class UploadTransportError {
  /**
   * @param kind `network`: connection failure; `aborted`: the attempt's signal fired; `body`: reading the body failed.
   * @param sent whether any byte of the request may have reached the server.
   * @param cause the underlying failure (for `aborted`, the signal's reason).
   */
  constructor(
    readonly kind: UploadFailureKind,
    readonly sent: boolean,
    readonly cause: unknown,
  ) {}
}

/**
 * The body as a Blob, for transports that cannot send a stream: a replayable body's own
 * Blob, or a one-shot stream body read into memory (cancelled when `signal` aborts).
 * Rejects with an {@link UploadTransportError} (`aborted` or `body`, nothing sent).
 */
export async function bodyBlob(body: UploadBody, signal: AbortSignal): Promise<Blob> {
  try {
    return body.blob ?? (await new Response(body.stream().pipeThrough(new TransformStream(), { signal })).blob());
  } catch (error) {
    throw new UploadTransportError(signal.aborted ? 'aborted' : 'body', false, signal.aborted ? signal.reason : error);
  }
}
