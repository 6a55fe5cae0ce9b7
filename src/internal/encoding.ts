/**
 * @module internal/encoding
 * UTF-8, hex and base64 over `Uint8Array`, without `Buffer`. Not public API.
 */

/** UTF-8 bytes of a string. */
export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(text);
}

/** Lower-case hex of bytes. */
export function toHex(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let out = '';
  for (const byte of view) out += (byte < 16 ? '0' : '') + byte.toString(16);
  return out;
}

/** Standard base64 (with padding) of bytes. */
export function toBase64(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let binary = '';
  for (let i = 0; i < view.length; i += 0x8000) {
    binary += String.fromCharCode(...view.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** Bytes of a standard or URL-safe base64 string; throws `TypeError` on invalid input. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const normal = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(normal);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** Base64url without padding (for JWTs). */
export function toBase64Url(bytes: ArrayBuffer | Uint8Array): string {
  return toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * The UTF-8 text of a base64url (or standard base64) string, e.g. a JWT part, as one
 * compact expression (smaller in a bundle than `fromBase64` + `TextDecoder`); throws on
 * invalid base64 or invalid UTF-8.
 */
export function base64UrlToText(text: string): string {
  // escape() turns each byte (a char below U+0100) into %XX, which decodeURIComponent reads as UTF-8.
  return decodeURIComponent(escape(atob(text.replace(/-/g, '+').replace(/_/g, '/'))));
}
