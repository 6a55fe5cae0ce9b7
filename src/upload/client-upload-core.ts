/**
 * @module upload/client-upload-core
 * The client-auth upload (the root `upload()`), with the transport as a parameter: no
 * secret on this side. Authentication is a single-use `token`, its `signature` and
 * `expire`, made by your server (see `getAuthenticationParameters` in
 * `imagekit-universal/server`), passed directly or fetched per attempt through an
 * `authenticator` callback. It imports no transport, so each build of the root entry binds
 * its own picker: `client-upload.ts` (with `node:http` on Node) and
 * `client-upload-browser.ts` (XHR or fetch only).
 */
import { ImageKitError } from '../errors.js';
import type { FetchLike } from '../transport/fetch.js';
import type { UploadSender } from '../transport/select-browser.js';
import { raceAbort } from '../internal/abort.js';
import { checkKnownKeys, checkOptionsObject, optionError } from './form.js';
import { resolveMaxRetries, resolveUploadBaseUrl } from './resolve.js';
import { runUpload } from './send.js';
import type { UploadAuthParameters, UploadOptions, UploadResponse } from './types.js';

/** Options of the root `upload()`: the upload fields plus client authentication and transport settings. */
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
  /** A `fetch` to use instead of the platform transport (XHR in browsers, `fetch` elsewhere). */
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

/** Checks `{ token, signature, expire }` (from the options or the `authenticator`) and returns them as form fields. */
function authFields(params: unknown, source: string): Array<readonly [string, string]> {
  const { token, signature, expire } = (params ?? {}) as Record<string, unknown>;
  const fail = (name: string, what: string): Error => new TypeError(`The \`${name}\` ${source} must be ${what}`);
  if (typeof token !== 'string' || token === '') throw fail('token', 'a non-empty string');
  if (typeof signature !== 'string' || signature === '') throw fail('signature', 'a non-empty string');
  const expireText = typeof expire === 'number' || typeof expire === 'string' ? String(expire) : '';
  if (!/^\d+$/.test(expireText) || !(Number(expireText) > 0)) {
    throw fail('expire', 'Unix seconds (a positive integer)');
  }
  return [
    ['signature', signature],
    ['expire', expireText],
    ['token', token],
  ];
}

/**
 * Runs the root `upload()` with `send` as the transport picker: checks the options (a
 * caller mistake throws before any request), then runs the shared upload pipeline.
 * The TSDoc users see is on the entry points' `upload` (client-upload.ts, client-upload-browser.ts).
 *
 * @param options the caller's {@link ClientUploadOptions}.
 * @param send sends one attempt; an injected `fetch` option must win inside it (both pickers do).
 */
export async function runClientUpload(options: ClientUploadOptions, send: UploadSender): Promise<UploadResponse> {
  const { publicKey, authenticator, token, signature, expire, uploadBaseUrl, fetch, maxRetries, ...uploadOptions } = checkOptionsObject(options);
  checkKnownKeys(uploadOptions);
  if (typeof publicKey !== 'string' || publicKey === '') throw optionError('publicKey', 'a non-empty string');
  const hasStatic = token !== undefined || signature !== undefined || expire !== undefined;
  if (authenticator !== undefined && typeof authenticator !== 'function') {
    throw optionError('authenticator', 'a function');
  }
  if ((authenticator !== undefined) === hasStatic) {
    throw new TypeError(`Pass either \`token\`, \`signature\` and \`expire\`, or an \`authenticator\`${hasStatic ? ', not both' : ''}`);
  }
  const staticAuth = authenticator ? undefined : authFields({ token, signature, expire }, 'option');
  if (fetch !== undefined && typeof fetch !== 'function') throw optionError('fetch', 'a function');
  return runUpload({
    options: uploadOptions,
    url: `${resolveUploadBaseUrl(uploadBaseUrl, clientUploadDefaults.uploadBaseUrl)}/api/v1/files/upload`,
    headers: () => ({}),
    async authFields(signal) {
      let fields = staticAuth;
      if (!fields) {
        let params: unknown;
        try {
          const pending = (authenticator as () => Promise<UploadAuthParameters>)();
          params = await (signal ? raceAbort(pending, signal) : pending);
        } catch (error) {
          if (signal?.aborted) throw signal.reason;
          throw new ImageKitError('The `authenticator` callback failed', { cause: error });
        }
        fields = authFields(params, 'returned by `authenticator`');
      }
      return [['publicKey', publicKey], ...fields];
    },
    authResendable: !staticAuth,
    fetch,
    timeout: options.timeout ?? clientUploadDefaults.timeout,
    maxRetries: resolveMaxRetries(maxRetries, clientUploadDefaults.maxRetries),
    send,
  });
}
