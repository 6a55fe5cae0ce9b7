/**
 * @module testing/emulator/crypto
 * The emulator's own Web Crypto helpers. Deliberately independent of the SDK's
 * `signing/` code (docs/testing.md, "The emulator"): the emulator is an oracle, not a mirror.
 */

const encoder = new TextEncoder();

function subtle(): SubtleCrypto {
  const value = globalThis.crypto?.subtle;
  if (value === undefined) throw new Error('Web Crypto (`crypto.subtle`) is required by the emulator');
  return value;
}

async function hmacKey(secret: string, hash: 'SHA-1' | 'SHA-256'): Promise<CryptoKey> {
  return subtle().importKey('raw', encoder.encode(secret), { name: 'HMAC', hash }, false, ['sign', 'verify']);
}

/** Lower-case hex of bytes. */
export function hex(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  return Array.from(view, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function fromHex(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(text)) return undefined;
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(text.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** Verifies a hex HMAC in constant time via `crypto.subtle.verify`. */
export async function verifyHexHmac(hash: 'SHA-1' | 'SHA-256', secret: string, message: string, signatureHex: string): Promise<boolean> {
  const signature = fromHex(signatureHex);
  if (signature === undefined) return false;
  return subtle().verify('HMAC', await hmacKey(secret, hash), signature, encoder.encode(message));
}

/** Verifies a raw-bytes HMAC (JWT signatures). */
export async function verifyRawHmac(
  hash: 'SHA-1' | 'SHA-256',
  secret: string,
  message: string,
  signature: Uint8Array<ArrayBuffer>,
): Promise<boolean> {
  return subtle().verify('HMAC', await hmacKey(secret, hash), signature, encoder.encode(message));
}

/** SHA-256 of bytes. */
export async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await subtle().digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
}

/** Decodes base64 or base64url (padding optional); undefined when invalid. */
export function decodeBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  const normal = text.replace(/\s+/g, '').replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(normal) || normal.replace(/=+$/, '').length % 4 === 1) return undefined;
  const padded = normal.replace(/=+$/, '').padEnd(Math.ceil(normal.replace(/=+$/, '').length / 4) * 4, '=');
  let binary: string;
  try {
    binary = atob(padded);
  } catch {
    return undefined;
  }
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
