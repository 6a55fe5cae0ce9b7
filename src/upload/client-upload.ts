/**
 * @module upload/client-upload
 * `upload()` for browsers and edge runtimes: no secret on this side. Authentication is a
 * single-use `token`, its `signature` and `expire`, made by your server (see
 * `getAuthenticationParameters` in `imagekit-universal/server`), passed directly or
 * fetched per attempt through an `authenticator` callback.
 */
import type { FetchLike } from '../transport/fetch.js';
import { checkKnownKeys, uploadOptionKeys } from './form.js';
import { resolveMaxRetries, resolveUploadBaseUrl } from './resolve.js';
import { callbackFailure, runUpload } from './send.js';
import type { UploadAuthParameters, UploadOptions, UploadResponse } from './types.js';

/** Options of {@link upload}: the upload fields plus client authentication and transport settings. */
export interface ClientUploadOptions extends UploadOptions {
  /** Your public API key (`public_…`). Required. */
  publicKey: string;
  /** Single-use token from your server. Give `token`, `signature` and `expire` together, or an `authenticator`. */
  token?: string | undefined;
  /** Signature of `token` + `expire`, from your server. */
  signature?: string | undefined;
  /** Expiry of the token, Unix seconds (less than one hour ahead). */
  expire?: number | undefined;
  /**
   * Asks your server for fresh `{ token, signature, expire }`; called once per attempt,
   * so a retry never re-sends a used token. Use instead of `token`/`signature`/`expire`.
   */
  authenticator?: (() => Promise<UploadAuthParameters>) | undefined;
  /**
   * Base URL of the upload API.
   * @default "https://upload.imagekit.io"
   */
  uploadBaseUrl?: string | undefined;
  /** A `fetch` to use instead of the platform transport (XHR in browsers, node:http on Node). */
  fetch?: FetchLike | undefined;
  /**
   * Retries after the first attempt; applied only where a retry cannot duplicate the
   * upload or re-send a used token (see the retry table in `retry-policy.ts` / README).
   * @default 2
   */
  maxRetries?: number | undefined;
}

/**
 * Defaults of {@link ClientUploadOptions}. `timeout: 0` means no per-attempt timeout: a
 * browser upload of a large file on a slow link may legitimately take many minutes.
 */
export const clientUploadDefaults = {
  uploadBaseUrl: 'https://upload.imagekit.io',
  maxRetries: 2,
  timeout: 0,
} as const;

const clientKeys: readonly string[] = [
  'publicKey',
  'token',
  'signature',
  'expire',
  'authenticator',
  'uploadBaseUrl',
  'fetch',
  'maxRetries',
];

function checkAuth(params: unknown, source: string): Array<readonly [string, string]> {
  const record = (typeof params === 'object' && params !== null ? params : {}) as Record<string, unknown>;
  const { token, signature, expire } = record;
  if (typeof token !== 'string' || token === '') throw new TypeError(`The \`token\` ${source} must be a non-empty string`);
  if (typeof signature !== 'string' || signature === '') {
    throw new TypeError(`The \`signature\` ${source} must be a non-empty string`);
  }
  const expireText = typeof expire === 'number' && Number.isInteger(expire) && expire > 0 ? String(expire) : typeof expire === 'string' && /^\d+$/.test(expire) ? expire : undefined;
  if (expireText === undefined) throw new TypeError(`The \`expire\` ${source} must be Unix seconds (a positive integer)`);
  return [
    ['signature', signature],
    ['expire', expireText],
    ['token', token],
  ];
}

/**
 * Uploads a file from a browser or an edge runtime with client-side authentication.
 * Progress (`onProgress`), abort (`signal`) and safe retries work on every runtime.
 *
 * @example
 * const result = await upload({ file, fileName: 'cat.jpg', publicKey, authenticator: () => fetch('/auth').then((r) => r.json()) });
 * @throws {TypeError | RangeError} for missing or invalid options (no request is made).
 * @throws {ApiError} subclasses for a 4xx answer (bad signature, reused token, …).
 * @throws {UploadIndeterminateError} when a failure after sending cannot be retried without risking a duplicate.
 * @throws {ConnectionError | TimeoutError} when the server could not be reached.
 * @throws the `signal`'s reason, unchanged, on abort.
 */
export async function upload(options: ClientUploadOptions): Promise<UploadResponse> {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('The upload options must be an object with `file`, `fileName` and `publicKey`');
  }
  checkKnownKeys(options, uploadOptionKeys, clientKeys);
  const { publicKey, authenticator } = options;
  if (typeof publicKey !== 'string' || publicKey === '') {
    throw new TypeError('The `publicKey` option is required and must be a non-empty string');
  }
  const hasStatic = options.token !== undefined || options.signature !== undefined || options.expire !== undefined;
  if (authenticator !== undefined && typeof authenticator !== 'function') {
    throw new TypeError('The `authenticator` option must be a function returning `{ token, signature, expire }`');
  }
  if (authenticator !== undefined && hasStatic) {
    throw new TypeError('Pass either `authenticator` or `token`/`signature`/`expire`, not both');
  }
  if (authenticator === undefined && !hasStatic) {
    throw new TypeError('The upload needs `token`, `signature` and `expire` from your server, or an `authenticator`');
  }
  const staticAuth = authenticator === undefined ? checkAuth(options, 'option') : undefined;
  if (options.fetch !== undefined && typeof options.fetch !== 'function') throw new TypeError('The `fetch` option must be a function');
  const uploadOptions: UploadOptions = { ...options };
  const record = uploadOptions as unknown as Record<string, unknown>;
  for (const key of clientKeys) delete record[key];
  const baseUrl = resolveUploadBaseUrl(options.uploadBaseUrl, clientUploadDefaults.uploadBaseUrl);
  return runUpload({
    options: uploadOptions,
    url: `${baseUrl}/api/v1/files/upload`,
    headers: () => ({}),
    authFields: async (signal) => {
      if (staticAuth) return [['publicKey', publicKey], ...staticAuth];
      let params: unknown;
      try {
        params = await abortable((authenticator as () => Promise<UploadAuthParameters>)(), signal);
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        throw callbackFailure('authenticator', error);
      }
      return [['publicKey', publicKey], ...checkAuth(params, 'returned by `authenticator`')];
    },
    authResendable: authenticator !== undefined,
    fetch: options.fetch,
    timeout: options.timeout ?? clientUploadDefaults.timeout,
    maxRetries: resolveMaxRetries(options.maxRetries, clientUploadDefaults.maxRetries),
  });
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    if (signal.aborted) {
      onAbort();
      return;
    }
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
