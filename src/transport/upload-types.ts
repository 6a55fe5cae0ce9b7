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
 * An attempt failed without a response. Internal: the upload pipeline turns it into a
 * public error. `sent` is false only when no byte of the request can have reached the server.
 */
export class UploadTransportError extends Error {
  override readonly name = 'UploadTransportError';
  /** `network`: connection failure; `aborted`: the attempt's signal fired; `body`: reading the body failed. */
  readonly kind: UploadFailureKind;
  /** Whether any byte of the request may have reached the server. */
  readonly sent: boolean;
  constructor(kind: UploadFailureKind, sent: boolean, cause: unknown) {
    super(`Upload attempt failed (${kind})`, { cause });
    this.kind = kind;
    this.sent = sent;
  }
}
