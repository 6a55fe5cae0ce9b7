/**
 * @module signing/upload-auth
 * Authentication parameters for client-side (browser) uploads to the v1 upload API
 * (docs/url-and-signing-rules.md, rule 9): `signature` = lower-case hex
 * HMAC-SHA1(private key, token + expire). Compute them on your server and hand them to
 * the browser together with your public key.
 */
import { ImageKitError } from '../errors.js';
import { hmacHex } from './hmac.js';
import { mustAwait } from './must-await.js';
import { checkOptionKeys } from '../internal/options.js';

/** Options of {@link getAuthenticationParameters}. */
export interface AuthenticationParametersOptions {
  /** Private API key (`private_…`). Never leaves the server. */
  privateKey: string;
  /**
   * A unique, single-use token (ImageKit rejects a reused one). An empty string also gets the default.
   * @default crypto.randomUUID()
   */
  token?: string | undefined;
  /**
   * When the parameters stop working: an **absolute** Unix time in seconds, in the future
   * and at most 3600 s from now (not "seconds from now", not milliseconds).
   * @default Math.floor(Date.now() / 1000) + 1800
   * @unit Unix seconds
   */
  expire?: number | undefined;
}

/** What a browser needs (with your public key) to upload without the private key. */
export interface AuthenticationParameters {
  /** The single-use token. */
  token: string;
  /** Absolute expiry, Unix seconds. */
  expire: number;
  /** Lower-case hex HMAC-SHA1 of `token + expire`. */
  signature: string;
}

/** The defaults of {@link AuthenticationParametersOptions}. */
export const authenticationDefaults = {
  /** Seconds from now of the default `expire`. */
  expireInSeconds: 1800,
  /** The API refuses an `expire` further ahead than this. */
  maxAheadSeconds: 3600,
} as const;

function randomToken(): string {
  const crypto = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (typeof crypto?.randomUUID !== 'function') {
    throw new ImageKitError('Web Crypto (`crypto.randomUUID`) is required to generate a token; pass `token` yourself');
  }
  return crypto.randomUUID();
}

function checkExpire(expire: unknown, now: number): number {
  if (typeof expire !== 'number') throw new TypeError('`expire` must be a number (absolute Unix time in seconds)');
  if (!Number.isInteger(expire)) throw new RangeError('`expire` must be a whole number of seconds (absolute Unix time)');
  if (expire < 1e9) {
    throw new RangeError(`\`expire\` must be an absolute Unix time in seconds, not a duration: use Math.floor(Date.now() / 1000) + ${expire}`);
  }
  if (expire > 1e12) {
    throw new RangeError('`expire` must be in seconds, not milliseconds: use Math.floor(Date.now() / 1000) + seconds');
  }
  if (expire <= now) throw new RangeError('`expire` is now or in the past; it must be a future Unix time in seconds');
  if (expire > now + authenticationDefaults.maxAheadSeconds) {
    throw new RangeError('`expire` must be at most 3600 seconds from now (ImageKit rejects a later one)');
  }
  return expire;
}

/**
 * Creates `{ token, expire, signature }` for a client-side upload. Serve them from an
 * endpoint of yours; the browser passes them (and your public key) to `upload()`.
 *
 * @example
 * app.get('/imagekit-auth', async () => Response.json(
 *   await getAuthenticationParameters({ privateKey: env.IMAGEKIT_PRIVATE_KEY }),
 * ));
 * @throws {TypeError} `privateKey` is missing or empty, or `token` / `expire` has the wrong type.
 * @throws {RangeError} `expire` is in the past, more than 3600 s ahead, looks like a duration (< 10^9) or milliseconds, or is not whole.
 * @throws {ImageKitError} The runtime has no Web Crypto.
 */
export function getAuthenticationParameters(options: AuthenticationParametersOptions): Promise<AuthenticationParameters> {
  return mustAwait('getAuthenticationParameters()', authenticationParameters(options));
}

async function authenticationParameters(options: AuthenticationParametersOptions): Promise<AuthenticationParameters> {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('The options `{ privateKey, token?, expire? }` are required');
  }
  checkOptionKeys(options, ['privateKey', 'token', 'expire'], 'getAuthenticationParameters');
  const { privateKey } = options;
  if (typeof privateKey !== 'string' || privateKey === '') {
    throw new TypeError('`privateKey` must be a non-empty string (your private API key)');
  }
  if (options.token !== undefined && typeof options.token !== 'string') throw new TypeError('`token` must be a string');
  const now = Math.floor(Date.now() / 1000);
  const token = options.token || randomToken();
  const expire = options.expire === undefined ? now + authenticationDefaults.expireInSeconds : checkExpire(options.expire, now);
  const signature = await hmacHex(privateKey, 'SHA-1', token + String(expire));
  return { token, expire, signature };
}
