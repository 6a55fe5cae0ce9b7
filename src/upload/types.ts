/**
 * @module upload/types
 * Options and result types of the upload API (`POST /api/v1/files/upload`, and the same
 * fields on `/api/v2/files/upload`), shared by
 * the browser/edge `upload()` and the server `uploadFile()`.
 */
import type { Hooks } from '../core/hooks.js';
// The hook types, for the root entry (which imports no core module itself).
export type { Hooks, HookState, BeforeRequestHook, AfterResponseHook, BeforeRetryHook } from '../core/hooks.js';
import type { ResponseMetadata } from '../errors.js';
import type { Extension, UploadedFile } from '../objects.js';

/**
 * What can be uploaded.
 * - `Blob` / `File` (a `Blob` from `fs.openAsBlob()` stays on disk and is streamed),
 * - `ArrayBuffer` or any `ArrayBufferView` (e.g. `Uint8Array`),
 * - `ReadableStream<Uint8Array>`: one-shot, needs the `fileSize` option, never retried,
 * - `string`: an `http(s)://` URL that ImageKit fetches, or base64 (plain or a `data:` URI).
 */
export type UploadFile = Blob | ArrayBuffer | ArrayBufferView | ReadableStream<Uint8Array> | string;

/** Upload progress: bytes of the request body handed to the network so far. */
export interface UploadProgress {
  /** Bytes of the multipart body sent so far. */
  loaded: number;
  /** Size of the whole multipart body in bytes (not just the file); always known. */
  total: number;
}

/** One post-upload transformation. */
export type UploadPostTransformation =
  | { type: 'transformation'; value: string }
  | { type: 'gif-to-video'; value?: string | undefined }
  | { type: 'thumbnail'; value?: string | undefined }
  | { type: 'abs'; value: string; protocol: 'hls' | 'dash' };

/** Transformations applied before storing (`pre`) and after (`post`). At least one is required. */
export interface UploadTransformation {
  /** Transformation string applied before the file is stored. Must not be empty. */
  pre?: string | undefined;
  /** Derived versions generated after upload. */
  post?: UploadPostTransformation[] | undefined;
}

/** Fields the response includes only when asked for in `responseFields`. */
export type UploadResponseField =
  'tags' | 'customCoordinates' | 'isPrivateFile' | 'embeddedMetadata' | 'isPublished' | 'customMetadata' | 'metadata' | 'selectedFieldsSchema';

/**
 * Options of one upload. Every documented form field of the upload API, plus
 * `onProgress`, `signal` and `timeout`.
 */
export interface UploadOptions {
  /** The file: a Blob/File, bytes, a `ReadableStream` (with `fileSize`), a URL or base64. Required. */
  file: UploadFile;
  /** Name to store the file under. Required. */
  fileName: string;
  /**
   * Byte length of `file`. Required when `file` is a `ReadableStream` (so the request has an
   * exact `Content-Length` and progress has a total on every runtime); must match when given.
   */
  fileSize?: number | undefined;
  /**
   * Append a unique suffix to the name.
   * @default true (server side)
   */
  useUniqueFileName?: boolean | undefined;
  /** Tags; sent comma-joined, so no tag may contain `,` or `%`. */
  tags?: string[] | string | undefined;
  /**
   * Target folder; created when missing.
   * @default "/" (server side)
   */
  folder?: string | undefined;
  /**
   * Store as a private file.
   * @default false (server side)
   */
  isPrivateFile?: boolean | undefined;
  /**
   * Publish immediately (false = draft, enterprise plans).
   * @default true (server side)
   */
  isPublished?: boolean | undefined;
  /** Focus area `x,y,width,height`. */
  customCoordinates?: string | undefined;
  /** Extra fields to include in the response (an array, or already comma-joined). */
  responseFields?: UploadResponseField[] | string | undefined;
  /** Extensions to run on the uploaded file. */
  extensions?: Extension[] | undefined;
  /** URL that receives the final status of asynchronous extensions. */
  webhookUrl?: string | undefined;
  /**
   * Replace a file of the same path (with `useUniqueFileName: false`).
   * @default true (server side)
   */
  overwriteFile?: boolean | undefined;
  /** @default true (server side) */
  overwriteAITags?: boolean | undefined;
  /** @default true (server side) */
  overwriteTags?: boolean | undefined;
  /** @default true (server side) */
  overwriteCustomMetadata?: boolean | undefined;
  /** Values of custom metadata fields (keys must exist as fields). */
  customMetadata?: Record<string, unknown> | undefined;
  /** Pre- and post-upload transformations. */
  transformation?: UploadTransformation | undefined;
  /** Server-side pre-upload checks expression. */
  checks?: string | undefined;
  /** Free-text description. */
  description?: string | undefined;
  /**
   * Called as the request body is sent. `total` is the size of the whole multipart body.
   * On a retry the count starts again at 0.
   */
  onProgress?: ((progress: UploadProgress) => void) | undefined;
  /** Aborts the upload; the promise rejects with `signal.reason`, unchanged. */
  signal?: AbortSignal | undefined;
  /**
   * Inactivity timeout: an attempt ends with a `TimeoutError` when no byte was sent or
   * received for this long (a large upload that keeps moving never times out); `0`
   * disables it. Defaults: the client's `timeout` for `uploadFile()` (60000), none for the
   * browser `upload()`.
   * @unit milliseconds
   */
  timeout?: number | undefined;
  /**
   * Hooks for this upload (`beforeRequest`, `afterResponse`, `beforeRetry`), run after the
   * client's for `uploadFile()`. A hook sees the request without its body.
   */
  hooks?: Hooks | undefined;
}

/**
 * The upload API's answer: an {@link UploadedFile} (the file's fields; those gated by
 * `responseFields` appear only when asked for) with the response's status, headers and
 * request id in the non-enumerable `$ResponseMetadata`. Closed: read a field the SDK does
 * not type yet with `if ('newField' in result) result.newField`.
 */
export interface UploadResponse extends UploadedFile {
  /** Status, headers, request id of the response (non-enumerable). */
  readonly $ResponseMetadata: ResponseMetadata;
}

/**
 * Client-side upload authentication for one upload, made by your server (what an
 * `authenticator` resolves to): either the v1 single-use `token` with its `signature` and
 * `expire` (`getAuthenticationParameters`), or a v2 single-use `uploadToken` JWT
 * (`createUploadToken`), which sends the upload to `/api/v2/files/upload`.
 */
export type UploadAuthParameters =
  | {
      /** Single-use token. */
      token: string;
      /** Lower-case hex HMAC-SHA1 of `token + expire`. */
      signature: string;
      /** Expiry, Unix seconds. */
      expire: number;
      /** Not with `token`: give one or the other. */
      uploadToken?: undefined;
    }
  | {
      /** Single-use v2 upload JWT that signs exactly the upload's form fields. */
      uploadToken: string;
      /** Not with `uploadToken`. */
      token?: undefined;
      /** Not with `uploadToken`. */
      signature?: undefined;
      /** Not with `uploadToken`. */
      expire?: undefined;
    };
