/**
 * @module upload/upload-token
 * The browser-side check of a v2 upload JWT (docs/imagekit-api-notes.md, "v2 upload JWT") before it is sent:
 * the payload (base64url JSON; the signature is not checked, the browser has no key) must
 * sign exactly the form fields this upload sends, since the server rejects any
 * difference and burns the single-use token. Nothing here handles a secret.
 */
import { base64UrlToText } from '../internal/encoding.js';
import { isSignedField } from '../internal/upload-fields.js';

/**
 * Checks a v2 `uploadToken` against the form fields of one upload attempt and returns it
 * as the `token` form field. Error messages name fields, never the token.
 *
 * @param token the JWT, from the `uploadToken` option or returned by `authenticator`.
 * @param form the serialized upload fields, without auth fields (`file` is not signed: see `isSignedField`).
 * @param source how messages name the token: `` `uploadToken` option `` or `` `uploadToken` returned by `authenticator` ``.
 * @param Mismatch the error class for a field mismatch: `TypeError` for the option, `ImageKitError` for a token from `authenticator`.
 * @throws {TypeError} `token` is not a JWT (three base64url parts, a JSON object payload).
 * @throws {Mismatch} a field is signed but not sent, sent but not signed, or has another value.
 */
export function uploadTokenField(
  token: string,
  form: ReadonlyArray<readonly [string, string]>,
  source: string,
  Mismatch: new (message: string) => Error,
): readonly [string, string] {
  let signed: Record<string, unknown> | undefined;
  try {
    signed = JSON.parse(base64UrlToText((/^[\w-]+\.([\w-]+)\.[\w-]+$/.exec(token) as RegExpExecArray)[1] as string)) as Record<string, unknown>;
  } catch {
    // not a JWT: reported below
  }
  if (!(signed instanceof Object) || Array.isArray(signed)) throw new TypeError(`The ${source} must be a JWT`);
  // `exp` is not checked here: a browser's clock can be wrong, and the server decides.
  const mismatch = (name: string): Error => new Mismatch(`The ${source} does not sign \`${name}\` as sent`);
  delete signed['iat'];
  delete signed['exp'];
  for (const [name, value] of form) {
    if (isSignedField(name)) {
      // A field the JWT lacks reads as undefined or an Object.prototype member: never a string.
      if (signed[name] !== value) throw mismatch(name);
      delete signed[name];
    }
  }
  // What is left is signed but not sent.
  for (const name in signed) throw mismatch(name);
  return ['token', token];
}
