/**
 * @module signing/upload-jwt
 * The single-use JWT that authorizes a client-side upload to the v2 upload API
 * (docs/imagekit-api-notes.md, "v2 upload JWT"): HS256, header `{ alg, typ, kid: publicKey }`, payload =
 * every form field the upload will carry (except `file` and `token`) as strings, plus
 * `iat` and `exp` with `exp - iat <= 3600`.
 */
import { toBase64Url, utf8 } from '../internal/encoding.js';
import { checkExpireSeconds } from './expire-seconds.js';
import { hmacWebCrypto } from './hmac.js';
import { mustAwait } from './must-await.js';
import { checkOptionKeys } from '../internal/options.js';
import { isSignedField, uploadFieldKinds, uploadFormFields, uploadNonFieldOptions } from '../internal/upload-fields.js';

/** Options of {@link createUploadToken}. */
export interface UploadTokenOptions {
  /** Private API key (`private_…`): the HS256 key. Never leaves the server. */
  privateKey: string;
  /** Public API key (`public_…`): the JWT header's `kid`. */
  publicKey: string;
  /**
   * The upload's form fields, exactly as the browser will send them. Either the upload
   * options the browser passes to `upload()` (checked and serialized by the same code as the
   * upload form: lists comma-joined, `extensions` / `customMetadata` / `transformation` as
   * JSON, booleans `"true"`/`"false"`, strings as they are; a name or value `upload()` refuses
   * is the same `TypeError` here; `file`, `token`, `undefined`/`null` values and the call
   * options `onProgress`, `signal`, `timeout`, `fileSize`, `hooks` are left out), or `[name, value]`
   * pairs of strings, signed as given (except `file` and `token`). The server rejects an
   * upload whose fields differ from the signed ones.
   */
  fields: Readonly<Record<string, unknown>> | ReadonlyArray<readonly [string, string]>;
  /**
   * Lifetime of the token: `exp - iat`, more than 0 and at most 3600 (the API's limit; a fraction is dropped, never below 1). The token may
   * expire up to 59 s earlier (never below 1 s): see {@link createUploadToken}.
   * @default 1800
   * @unit seconds
   */
  expireSeconds?: number | undefined;
}

/** The defaults of {@link UploadTokenOptions}. */
export const uploadTokenDefaults = { expireSeconds: 1800, maxExpireSeconds: 3600 } as const;

/**
 * The claims for `fields`: upload options checked and serialized by the same code that builds
 * the upload form, or `[name, value]` pairs taken as they are; of those, the fields a JWT signs.
 */
function payloadFields(fields: UploadTokenOptions['fields']): Record<string, string> {
  if (typeof fields !== 'object' || fields === null) {
    throw new TypeError('`fields` must be the upload form fields (an object, or [name, value] pairs)');
  }
  const pairs = Array.isArray(fields) ? (fields as ReadonlyArray<readonly [string, string]>) : undefined;
  for (const pair of pairs ?? []) {
    if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string' || typeof pair[1] !== 'string') {
      throw new TypeError('`fields` given as pairs must be `[name, value]` pairs of strings');
    }
  }
  for (const name of pairs ? pairs.map((pair) => pair[0]) : Object.keys(fields)) {
    if (name === 'iat' || name === 'exp') throw new TypeError(`\`fields.${name}\` is reserved for the token's own claims`);
  }
  let form = pairs;
  if (!form) {
    const options = fields as Readonly<Record<string, unknown>>;
    checkOptionKeys(options, [...uploadNonFieldOptions, ...Object.keys(uploadFieldKinds), 'token'], 'createUploadToken `fields`');
    // `null` means "not given" here, like `undefined`.
    form = uploadFormFields(Object.fromEntries(Object.entries(options).filter((entry) => entry[1] !== null)), 'fields.');
  }
  // fromEntries defines own properties, so even a field named "__proto__" stays a field.
  return Object.fromEntries(form.filter((field) => isSignedField(field[0])));
}

/**
 * Creates the JWT for one v2 client-side upload (`POST /api/v2/files/upload`, form field
 * `token`). Sign on your server the same fields the browser will send; the token is single-use.
 *
 * Two calls for the same fields in the same second give different tokens: `exp` is
 * shortened by a random 0–59 s (never below `iat + 1`), re-drawn when this process
 * already issued that exact token. So an `authenticator` behind a retried upload, or two
 * browsers uploading the same name at once, never get a JWT the API has already used
 * (across server processes this holds with probability 59/60 per pair, as the fields
 * and `iat` leave nothing else to vary).
 *
 * @example
 * const token = await createUploadToken({
 *   privateKey, publicKey,
 *   fields: { fileName: 'avatar.png', folder: '/users/42', tags: ['avatar'] },
 * });
 * @throws {TypeError} `privateKey` / `publicKey` is missing; `fields` is not an object or pairs of strings, holds `iat` / `exp`,
 *   or holds a name or value that `upload()` refuses.
 * @throws {RangeError} `expireSeconds` is not more than 0 and at most 3600 (a fraction is dropped, never below 1).
 * @throws {ImageKitError} The runtime has no Web Crypto.
 */
export function createUploadToken(options: UploadTokenOptions): Promise<string> {
  return mustAwait('createUploadToken()', uploadToken(options));
}

async function uploadToken(options: UploadTokenOptions): Promise<string> {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('The options `{ privateKey, publicKey, fields, expireSeconds? }` are required');
  }
  checkOptionKeys(options, ['privateKey', 'publicKey', 'fields', 'expireSeconds'], 'createUploadToken');
  const { privateKey, publicKey } = options;
  if (typeof privateKey !== 'string' || privateKey === '') {
    throw new TypeError('`privateKey` must be a non-empty string (your private API key)');
  }
  if (typeof publicKey !== 'string' || publicKey === '') {
    throw new TypeError('`publicKey` must be a non-empty string (your public API key, the JWT `kid`)');
  }
  const expireSeconds =
    options.expireSeconds === undefined
      ? uploadTokenDefaults.expireSeconds
      : checkExpireSeconds(options.expireSeconds, uploadTokenDefaults.maxExpireSeconds);
  const iat = Math.floor(Date.now() / 1000);
  const fields = payloadFields(options.fields);
  const header = toBase64Url(utf8(JSON.stringify({ alg: 'HS256', typ: 'JWT', kid: publicKey })));
  if (iat !== issuedSecond || !issued) {
    issuedSecond = iat;
    issued = new Set();
  }
  const offsets = Math.min(60, expireSeconds);
  let signingInput = '';
  for (let draw = 0; draw < 120 && (!signingInput || issued.has(signingInput)); draw++) {
    const payload = { ...fields, iat, exp: iat + expireSeconds - (crypto.getRandomValues(new Uint32Array(1))[0]! % offsets) };
    signingInput = `${header}.${toBase64Url(utf8(JSON.stringify(payload)))}`;
  }
  // Keyed by the public key's header too; the private key is never stored.
  issued.add(signingInput);
  return `${signingInput}.${toBase64Url(await hmacWebCrypto(privateKey, 'SHA-256', signingInput))}`;
}

/** The second of the tokens in {@link issued}. */
let issuedSecond = 0;
/** `header.payload` of the tokens this process issued in {@link issuedSecond} (made on first use). */
let issued: Set<string> | undefined;
