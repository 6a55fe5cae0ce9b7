/**
 * @module upload/client-upload-core
 * The client-auth upload (the root `upload()`), with the transport as a parameter: no
 * secret on this side. Authentication, made by your server, is either a single-use
 * `token` with its `signature` and `expire` (v1 upload API, `getAuthenticationParameters`
 * in `imagekit-universal/server`) or a single-use `uploadToken` JWT (v2 upload API,
 * `createUploadToken`), passed directly or fetched per attempt through an `authenticator`
 * callback. It imports no transport, so each build of the root entry binds
 * its own picker: `client-upload.ts` (with `node:http` on Node) and
 * `client-upload-browser.ts` (XHR or fetch only).
 */
import { ImageKitError } from '../errors.js';
import type { FetchLike } from '../transport/fetch.js';
import type { Transport } from '../transport/select-browser.js';
import { raceAbort } from '../internal/abort.js';
import { checkKnownKeys, checkOptionsObject, optionError } from './form.js';
import { baseUrlOption, nonNegativeOption } from '../internal/options.js';
import { runUpload } from './send.js';
import { uploadTokenField } from './upload-token.js';
import type { UploadAuthParameters, UploadOptions, UploadResponse } from './types.js';

/** Options of the root `upload()`: the upload fields plus client authentication and transport settings. */
export interface ClientUploadOptions extends UploadOptions {
  /**
   * Your public API key (`public_…`). Required with `token`/`signature`/`expire` (also when
   * an `authenticator` returns them); not needed with an `uploadToken` (its `kid` names
   * the key), and then ignored: never sent.
   */
  publicKey?: string | undefined;
  /**
   * Single-use token from your server. Give exactly one auth source: `token`, `signature`
   * and `expire` together, an `uploadToken`, or an `authenticator`.
   */
  token?: string | undefined;
  /** Signature of `token` + `expire`, from your server. */
  signature?: string | undefined;
  /** Expiry of the token, Unix seconds (less than one hour ahead). */
  expire?: number | undefined;
  /**
   * A v2 upload JWT from your server (`createUploadToken` in `imagekit-universal/server`):
   * the upload then goes to `/api/v2/files/upload` with the JWT as its `token` field and no
   * `publicKey`/`signature`/`expire`. The JWT must sign exactly the fields this upload
   * sends (every option that becomes a form field, serialized the same way, e.g. `tags`
   * comma-joined); any difference or a malformed JWT is a `TypeError` before any request.
   * Expiry is the server's to judge (a browser clock can be wrong). Single-use: never
   * re-sent once it may have reached the server (use an `authenticator` for retries after that).
   */
  uploadToken?: string | undefined;
  /**
   * Asks your server for fresh `{ token, signature, expire }` or `{ uploadToken }`; called
   * once per attempt, so a retry never re-sends a used token. Use instead of
   * `token`/`signature`/`expire` or `uploadToken`. A returned `uploadToken` is checked like
   * the option, except that a field mismatch is an `ImageKitError`.
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
 * Defaults of {@link ClientUploadOptions}. `timeout: 0` means no (inactivity) timeout: a
 * browser upload of a large file on a slow link may legitimately take many minutes.
 */
export const clientUploadDefaults = {
  uploadBaseUrl: 'https://upload.imagekit.io',
  maxRetries: 2,
  timeout: 0,
} as const;

/**
 * Checks `{ token, signature, expire }` or `{ uploadToken }` (from the options or the
 * `authenticator`) and returns them as form fields: `publicKey`, `signature`, `expire`,
 * `token` (v1), or only `token` (v2; see {@link uploadTokenField}).
 */
function authFields(
  params: unknown,
  fromAuthenticator: boolean,
  publicKey: unknown,
  form: ReadonlyArray<readonly [string, string]>,
): ReadonlyArray<readonly [string, string]> {
  const { token, signature, expire, uploadToken } = (params ?? {}) as Record<string, unknown>;
  const source = fromAuthenticator ? 'returned by `authenticator`' : 'option';
  const fail = (name: string, what: string): Error => new TypeError(`The \`${name}\` ${source} must be ${what}`);
  if (uploadToken !== undefined) {
    return [uploadTokenField(uploadToken as string, form, `\`uploadToken\` ${source}`, fromAuthenticator ? ImageKitError : TypeError)];
  }
  if (typeof token !== 'string' || !token) throw fail('token', 'a non-empty string');
  if (typeof signature !== 'string' || !signature) throw fail('signature', 'a non-empty string');
  const expireText = String(expire);
  if (!/^[1-9]\d*$/.test(expireText)) throw fail('expire', 'Unix seconds (a positive integer)');
  if (typeof publicKey !== 'string' || !publicKey) throw optionError('publicKey', 'a non-empty string');
  return [
    ['publicKey', publicKey],
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
export async function runClientUpload(options: ClientUploadOptions, send: Transport): Promise<UploadResponse> {
  const { publicKey, authenticator, token, signature, expire, uploadToken, uploadBaseUrl, fetch, maxRetries, ...uploadOptions } =
    checkOptionsObject(options);
  checkKnownKeys(uploadOptions, 'upload', [
    'publicKey',
    'authenticator',
    'token',
    'signature',
    'expire',
    'uploadToken',
    'uploadBaseUrl',
    'fetch',
    'maxRetries',
  ]);
  if (authenticator !== undefined && typeof authenticator !== 'function') {
    throw optionError('authenticator', 'a function');
  }
  // Exactly one auth source; a mix is named.
  const sources = Object.entries({ token: token ?? signature ?? expire, uploadToken, authenticator }).filter((entry) => entry[1] !== undefined);
  if (sources.length !== 1) {
    throw new TypeError(
      `Pass either \`token\`, \`signature\` and \`expire\`, an \`uploadToken\`, or an \`authenticator\`${sources.length ? `, not \`${sources.map((entry) => entry[0]).join('` and `')}\`` : ''}`,
    );
  }
  const staticAuth = authenticator ? undefined : options;
  if (fetch !== undefined && typeof fetch !== 'function') throw optionError('fetch', 'a function');
  const base = baseUrlOption('uploadBaseUrl', uploadBaseUrl, clientUploadDefaults.uploadBaseUrl);
  return runUpload({
    options: uploadOptions,
    // A v2 attempt's only auth field is the JWT `token`; v1 sends four.
    url: (auth) => `${base}/api/${auth.length === 1 ? 'v2' : 'v1'}/files/upload`,
    headers: () => ({}),
    async authFields(signal, form) {
      let params: unknown = staticAuth;
      if (!params) {
        try {
          const pending = (authenticator as () => Promise<UploadAuthParameters>)();
          params = await (signal ? raceAbort(pending, signal) : pending);
        } catch (error) {
          if (signal?.aborted) throw signal.reason;
          throw new ImageKitError('The `authenticator` callback failed', { cause: error });
        }
      }
      return authFields(params, !staticAuth, publicKey, form);
    },
    authResendable: !staticAuth,
    fetch,
    timeout: clientUploadDefaults.timeout,
    maxRetries: nonNegativeOption('maxRetries', maxRetries, clientUploadDefaults.maxRetries, true),
    send,
  });
}
