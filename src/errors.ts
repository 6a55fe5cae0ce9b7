/**
 * @module errors
 * The error tree of imagekit-universal. Pure: no network, no crypto, runs everywhere.
 *
 * Caller mistakes (wrong type, missing option) throw native `TypeError` / `RangeError`.
 * Runtime failures a correct program must handle throw an {@link ImageKitError} subclass.
 * Every guard (`isApiError`, …) matches on `instanceof` **or** on the `name` + brand, so
 * checks survive two copies of the package (ESM and CJS) and other realms.
 */

/** Response facts exposed on every API result and every {@link ApiError}. */
export interface ResponseMetadata {
  /** HTTP status code. */
  readonly statusCode: number;
  /** Response headers, names lower-cased. */
  readonly headers: Readonly<Record<string, string>>;
  /** `x-ik-requestid` or `x-request-id`, when the server sent one. */
  readonly requestId: string | undefined;
  /** Rate-limit figures from `X-RateLimit-*`, when the server sent them. */
  readonly rateLimit: RateLimitInfo | undefined;
}

/** The `X-RateLimit-*` headers, parsed. `reset` and `interval` are milliseconds (a duration). */
export interface RateLimitInfo {
  /** `X-RateLimit-Limit`: requests allowed in the interval. */
  readonly limit: number | undefined;
  /** `X-RateLimit-Reset`: milliseconds to wait before the next request. */
  readonly resetMs: number | undefined;
  /** `X-RateLimit-Interval`: length of the interval in milliseconds. */
  readonly intervalMs: number | undefined;
}

import { serverRetryDelay } from './internal/retry-after.js';

const brand = Symbol.for('imagekit-universal');

/**
 * Base class of every runtime failure this SDK raises.
 * Never carries a private key, a signature, a token or an `Authorization` header.
 */
export class ImageKitError extends Error {
  override readonly name: string = 'ImageKitError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    Object.defineProperty(this, brand, { value: true, enumerable: false });
  }

  /** Brand that survives duplicate package copies. Always `true`. */
  get isImageKitError(): true {
    return true;
  }
}

// Declaration merge: the base class's optional metadata (a getter on ApiError).
export interface ImageKitError {
  /**
   * Status, headers, request id and rate-limit figures of the response this error is
   * about, when one arrived: always on an {@link ApiError}, and on an `ImageKitError` for a
   * 2xx answer whose body is not the JSON the API promises (e.g. a proxy's HTML page).
   * `undefined` when no response arrived (connection, timeout, abort).
   */
  readonly $ResponseMetadata?: ResponseMetadata;
}

/** Facts about the HTTP exchange that failed; none of them contains a secret. */
export interface ApiErrorInit {
  /** HTTP status code. */
  status: number;
  /** Response headers, names lower-cased (no request headers are ever stored). */
  headers: Record<string, string>;
  /** Parsed JSON error body, or `{ message: text }` for a non-JSON body. */
  body: unknown;
  /** HTTP method of the request. */
  method: string;
  /** Path of the request, without the query string. */
  path: string;
}

function bodyField(body: unknown, key: string): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const value = (body as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : undefined;
}

function parseIntHeader(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) ? n : undefined;
}

/** Reads the rate-limit headers from a lower-cased header record. */
export function readRateLimit(headers: Readonly<Record<string, string>>): RateLimitInfo | undefined {
  const limit = parseIntHeader(headers['x-ratelimit-limit']);
  const resetMs = parseIntHeader(headers['x-ratelimit-reset']);
  const intervalMs = parseIntHeader(headers['x-ratelimit-interval']);
  if (limit === undefined && resetMs === undefined && intervalMs === undefined) return undefined;
  return { limit, resetMs, intervalMs };
}

/** Reads the request id, trying the documented header names. */
export function readRequestId(headers: Readonly<Record<string, string>>): string | undefined {
  return headers['x-ik-requestid'] ?? headers['x-request-id'];
}

/** Builds the metadata object exposed on results and errors. */
export function responseMetadata(statusCode: number, headers: Record<string, string>): ResponseMetadata {
  return { statusCode, headers, requestId: readRequestId(headers), rateLimit: readRateLimit(headers) };
}

/** Turns a `Headers` object into a plain record with lower-cased names. */
export function headersToRecord(headers: Headers): Record<string, string> {
  const record: Record<string, string> = {};
  headers.forEach((value, key) => {
    record[key.toLowerCase()] = value;
  });
  return record;
}

/**
 * The API answered with a status that is not a success: 4xx, 5xx, or a redirect (3xx, or
 * status 0 for a browser's opaque redirect), which this SDK never follows.
 * Use {@link ApiError.from} to get the subclass for a status.
 */
export class ApiError extends ImageKitError {
  override readonly name: string = 'ApiError';
  // Fields are `declare`d and set in the constructor: no class-field emit, a smaller browser bundle.
  /** HTTP status code. */
  declare readonly status: number;
  /** Response headers, names lower-cased. */
  declare readonly headers: Record<string, string>;
  /** Parsed error body (`{ message, help, reason?, missingFileIds?, errors? }`). */
  declare readonly body: unknown;
  /** The API's `message`, when present. */
  declare readonly apiMessage: string | undefined;
  /** The API's `help`, when present. */
  declare readonly help: string | undefined;
  /** The API's `reason` code (e.g. `FILE_ALREADY_EXISTS`), when present. */
  declare readonly reason: string | undefined;
  /** Request id from the response headers, when present. */
  declare readonly requestId: string | undefined;
  /** `X-RateLimit-*` figures, when present. */
  declare readonly rateLimit: RateLimitInfo | undefined;
  /** HTTP method of the failed request. */
  declare readonly method: string;
  /** Path of the failed request, without the query string. */
  declare readonly path: string;

  constructor(init: ApiErrorInit, options?: { cause?: unknown }) {
    const apiMessage = bodyField(init.body, 'message');
    // A proxy's HTML error page can be large: the message keeps its start, `body` keeps all of it.
    // A 3xx (status 0: a browser's opaque redirect) is an error because redirects are never followed.
    const shown =
      apiMessage && apiMessage.length > 300 ? `${apiMessage.slice(0, 300)}…` : apiMessage || (init.status < 400 ? 'redirect not followed' : '');
    super(`Request failed with status ${init.status}: ${init.method} ${init.path}${shown ? ` (${shown})` : ''}`, options);
    this.status = init.status;
    this.headers = init.headers;
    this.body = init.body;
    this.apiMessage = apiMessage;
    this.help = bodyField(init.body, 'help');
    this.reason = bodyField(init.body, 'reason');
    this.requestId = readRequestId(init.headers);
    this.rateLimit = readRateLimit(init.headers);
    this.method = init.method;
    this.path = init.path;
  }

  /** The same facts as {@link ResponseMetadata}, for code that handles results and errors alike. */
  override get $ResponseMetadata(): ResponseMetadata {
    return { statusCode: this.status, headers: this.headers, requestId: this.requestId, rateLimit: this.rateLimit };
  }

  /** Returns the error subclass for the status: 400 → {@link BadRequestError}, …, ≥500 → {@link InternalServerError}. */
  static from(init: ApiErrorInit, options?: { cause?: unknown }): ApiError {
    const { status } = init;
    const Class =
      status >= 500
        ? InternalServerError
        : ({
            400: BadRequestError,
            401: AuthenticationError,
            403: PermissionDeniedError,
            404: NotFoundError,
            409: ConflictError,
            429: RateLimitError,
          }[status] ?? ApiError);
    return new Class(init, options);
  }
}

/** 400: the request was invalid (missing or bad parameters, reused upload token, bad signature). */
export class BadRequestError extends ApiError {
  override readonly name: string = 'BadRequestError';
}
/** 401: the private key is missing or invalid. */
export class AuthenticationError extends ApiError {
  override readonly name: string = 'AuthenticationError';
}
/** 403: the key is not allowed, the account is disabled, or a plan limit was reached. */
export class PermissionDeniedError extends ApiError {
  override readonly name: string = 'PermissionDeniedError';
}
/** 404: the file, version, folder or job does not exist. `body.missingFileIds` on bulk calls. */
export class NotFoundError extends ApiError {
  override readonly name: string = 'NotFoundError';
}
/** 409: a conflict, e.g. the rename target exists (`reason: FILE_ALREADY_EXISTS`). Never retried. */
export class ConflictError extends ApiError {
  override readonly name: string = 'ConflictError';
}
/** 429: rate limited. {@link RateLimitError.retryAfterMs} says how long to wait. */
export class RateLimitError extends ApiError {
  override readonly name: string = 'RateLimitError';
  /** Milliseconds to wait, from `X-RateLimit-Reset`, `retry-after-ms` or `Retry-After`, when the server said. */
  get retryAfterMs(): number | undefined {
    return serverRetryDelay(this.headers);
  }
}
/** 5xx: the server failed. */
export class InternalServerError extends ApiError {
  override readonly name: string = 'InternalServerError';
}

/** The request never got a response (DNS, refused, reset). `cause` holds the platform error. */
export class ConnectionError extends ImageKitError {
  override readonly name: string = 'ConnectionError';
}

/**
 * An attempt ran into the `timeout` option: an API call took longer than `timeout` ms, or
 * an upload moved no byte (sent or received) for `timeout` ms.
 */
export class TimeoutError extends ImageKitError {
  override readonly name: string = 'TimeoutError';
  /** The timeout that fired (per attempt, or of inactivity for uploads), in milliseconds. */
  declare readonly timeoutMs: number;
  constructor(timeoutMs: number, message?: string, options?: { cause?: unknown }) {
    super(message ?? `Request timed out after ${timeoutMs} ms`, options);
    this.timeoutMs = timeoutMs;
  }
}

/**
 * An upload failed after some bytes may have reached the server, and it was not retried
 * because a retry could create a duplicate. The upload may or may not have happened.
 */
export class UploadIndeterminateError extends ImageKitError {
  override readonly name: string = 'UploadIndeterminateError';
}

/** Why a webhook failed verification. */
export type WebhookFailureReason = 'missing_header' | 'malformed' | 'timestamp_too_old' | 'timestamp_too_new' | 'signature_mismatch' | 'invalid_json';

/** A webhook failed verification; `reason` names the check. Never holds the expected signature. */
export class WebhookVerificationError extends ImageKitError {
  override readonly name: string = 'WebhookVerificationError';
  /** The check that failed. */
  declare readonly reason: WebhookFailureReason;
  constructor(reason: WebhookFailureReason, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.reason = reason;
  }
}

/** A pHash value was missing, not hexadecimal, or of another length than its partner. */
export class PhashError extends ImageKitError {
  override readonly name: string = 'PhashError';
  /** `missing`, `not_string`, `invalid_hex` or `unequal_length`. */
  // `declare`: assigned in the constructor, no class-field emit (this class ships with phashDistance in browser bundles).
  declare readonly reason: 'missing' | 'not_string' | 'invalid_hex' | 'unequal_length';
  constructor(reason: PhashError['reason'], message: string) {
    super(message);
    this.reason = reason;
  }
}

/** True for any error raised by this SDK (any copy of it). */
export function isImageKitError(error: unknown): error is ImageKitError {
  return error instanceof ImageKitError || (typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[brand] === true);
}

/**
 * A guard that matches `Class` by `instanceof` or, across package copies, by the brand and
 * `name` (without `name`: by the brand and a numeric `status`, which only API errors have).
 */
function guard<T>(Class: abstract new (...args: never[]) => T, name?: string): (error: unknown) => error is T {
  return (error: unknown): error is T =>
    error instanceof Class || (isImageKitError(error) && (name ? error.name === name : typeof (error as { status?: unknown }).status === 'number'));
}

/** True for an {@link ApiError} or any of its subclasses. */
export const isApiError: (error: unknown) => error is ApiError = /* @__PURE__ */ guard(ApiError);
/** True for a {@link NotFoundError}. */
export const isNotFoundError: (error: unknown) => error is NotFoundError = /* @__PURE__ */ guard(NotFoundError, 'NotFoundError');
/** True for a {@link RateLimitError}. */
export const isRateLimitError: (error: unknown) => error is RateLimitError = /* @__PURE__ */ guard(RateLimitError, 'RateLimitError');
/** True for a {@link ConnectionError}. */
export const isConnectionError: (error: unknown) => error is ConnectionError = /* @__PURE__ */ guard(ConnectionError, 'ConnectionError');
/** True for a {@link TimeoutError}. */
export const isTimeoutError: (error: unknown) => error is TimeoutError = /* @__PURE__ */ guard(TimeoutError, 'TimeoutError');
/** True for an {@link UploadIndeterminateError}. */
export const isUploadIndeterminateError: (error: unknown) => error is UploadIndeterminateError = /* @__PURE__ */ guard(
  UploadIndeterminateError,
  'UploadIndeterminateError',
);
/** True for a {@link WebhookVerificationError}. */
export const isWebhookVerificationError: (error: unknown) => error is WebhookVerificationError = /* @__PURE__ */ guard(
  WebhookVerificationError,
  'WebhookVerificationError',
);
