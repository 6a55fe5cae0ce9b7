/**
 * @module signing/hmac
 * HMAC-SHA1 / HMAC-SHA256 over Web Crypto, with the imported `CryptoKey` cached per
 * (secret, hash) in a small bounded map. On Node (and runtimes that mimic its
 * `process.getBuiltinModule`) a synchronous `createHmac` path is used for signing because
 * it is several times faster than `crypto.subtle.sign` for short messages; both paths give
 * byte-identical results (tested). Verification always uses `crypto.subtle.verify`
 * (constant time). No `node:` import: the Node module is feature-detected at call time.
 * Not public API.
 */
import { ImageKitError } from '../errors.js';
import { toHex, utf8 } from '../internal/encoding.js';

/** The hash functions ImageKit uses: SHA-1 for URLs and upload auth, SHA-256 for JWTs and webhooks. */
export type HmacHash = 'SHA-1' | 'SHA-256';

/** The part of `node:crypto` this module uses. */
interface NodeCryptoLike {
  createHmac(algorithm: string, key: string | object): { update(data: string | Uint8Array): { digest(encoding: 'hex' | 'base64url'): string } };
  /** Node's `KeyObject` factory: HMAC with a prepared key object is ~10% faster than with a string. */
  createSecretKey?(key: Uint8Array): object;
}

const keyCacheLimit = 32;
let keyCache: Map<string, Promise<CryptoKey>> | undefined;
let nodeKeyCache: Map<string, string | object> | undefined;
// `undefined` = not probed yet, `null` = probed and absent.
let nodeCrypto: NodeCryptoLike | null | undefined;
let fastPathEnabled = true;

/**
 * Returns `crypto.subtle`.
 * @throws {ImageKitError} Web Crypto is not available in this runtime.
 */
export function subtleCrypto(): SubtleCrypto {
  const subtle = (globalThis as { crypto?: { subtle?: SubtleCrypto } }).crypto?.subtle;
  if (subtle === undefined) {
    throw new ImageKitError('Web Crypto (`crypto.subtle`) is required for signing; use a runtime that has it (Node 20+, Deno, Bun, Workers)');
  }
  return subtle;
}

/**
 * Imports (once per secret and hash) a raw HMAC key from the UTF-8 bytes of `secret`.
 * The cache keeps at most 32 keys and drops the oldest first.
 */
export function hmacKey(secret: string, hash: HmacHash): Promise<CryptoKey> {
  const subtle = subtleCrypto();
  keyCache ??= new Map();
  const id = `${hash}\u0000${secret}`;
  let key = keyCache.get(id);
  if (key === undefined) {
    if (keyCache.size >= keyCacheLimit) keyCache.delete(keyCache.keys().next().value!);
    key = subtle.importKey('raw', utf8(secret), { name: 'HMAC', hash }, false, ['sign', 'verify']);
    const cache = keyCache;
    key.catch(() => cache.delete(id));
    keyCache.set(id, key);
  }
  return key;
}

/** `node:crypto`, when the runtime offers `process.getBuiltinModule`; probed once, at first use. */
function nodeCryptoModule(): NodeCryptoLike | null {
  if (nodeCrypto === undefined) {
    nodeCrypto = null;
    try {
      const process = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
      const module = process?.getBuiltinModule?.('node:crypto') as Partial<NodeCryptoLike> | undefined;
      if (typeof module?.createHmac === 'function') nodeCrypto = module as NodeCryptoLike;
    } catch {
      // A runtime whose getBuiltinModule throws simply uses Web Crypto.
    }
  }
  return nodeCrypto;
}

/**
 * Turns the Node fast path on or off (it is on by default and used only where available).
 * For tests and benchmarks that compare both paths.
 */
export function setHmacFastPath(enabled: boolean): void {
  fastPathEnabled = enabled;
}

/** The runtime's `node:crypto` for the synchronous fast path, or `undefined` when absent or disabled. */
export function fastCrypto(): NodeCryptoLike | undefined {
  if (!fastPathEnabled) return undefined;
  return nodeCryptoModule() ?? undefined;
}

/** The secret as a Node `KeyObject` (cached like the Web Crypto keys), or the string itself. */
function nodeKey(module: NodeCryptoLike, secret: string): string | object {
  if (typeof module.createSecretKey !== 'function') return secret;
  nodeKeyCache ??= new Map();
  let key = nodeKeyCache.get(secret);
  if (key === undefined) {
    if (nodeKeyCache.size >= keyCacheLimit) nodeKeyCache.delete(nodeKeyCache.keys().next().value!);
    key = module.createSecretKey(utf8(secret));
    nodeKeyCache.set(secret, key);
  }
  return key;
}

const nodeNames = { 'SHA-1': 'sha1', 'SHA-256': 'sha256' } as const;

/** HMAC of a UTF-8 `message` with Web Crypto only, as raw bytes. */
export async function hmacWebCrypto(secret: string, hash: HmacHash, message: string | Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const key = await hmacKey(secret, hash);
  return new Uint8Array(await subtleCrypto().sign('HMAC', key, typeof message === 'string' ? utf8(message) : message));
}

/**
 * Lower-case hex HMAC of the UTF-8 bytes of `message`, keyed by the UTF-8 bytes of `secret`.
 * Synchronous when the Node fast path is available, otherwise `undefined` (use {@link hmacHex}).
 */
export function hmacHexSync(secret: string, hash: HmacHash, message: string): string | undefined {
  const module = fastCrypto();
  return module === undefined ? undefined : module.createHmac(nodeNames[hash], nodeKey(module, secret)).update(message).digest('hex');
}

/** Lower-case hex HMAC of the UTF-8 bytes of `message`, keyed by the UTF-8 bytes of `secret`. */
export async function hmacHex(secret: string, hash: HmacHash, message: string): Promise<string> {
  return hmacHexSync(secret, hash, message) ?? toHex(await hmacWebCrypto(secret, hash, message));
}

/**
 * Checks `signature` against the HMAC of `data` in constant time (`crypto.subtle.verify`).
 * Never uses the fast path: comparing is where timing matters.
 */
export async function hmacVerify(
  secret: string,
  hash: HmacHash,
  signature: Uint8Array<ArrayBuffer>,
  data: Uint8Array<ArrayBuffer>,
): Promise<boolean> {
  const key = await hmacKey(secret, hash);
  return subtleCrypto().verify('HMAC', key, signature, data);
}
