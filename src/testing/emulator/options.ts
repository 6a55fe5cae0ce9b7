/**
 * @module testing/emulator/options
 * Emulator options, their defaults and fault-injection settings.
 */

/** Which requests a fault applies to: a path prefix / `*` glob, a RegExp on the path, or a predicate. */
export type FaultMatcher = string | RegExp | ((request: Request) => boolean);

/**
 * Fault injection. Every decision is drawn from a PRNG seeded by the emulator `seed`,
 * so the same seed and request sequence give the same faults.
 */
export interface FaultOptions {
  /** Delay added before each matching response. @unit milliseconds @default 0 */
  latencyMs?: number;
  /** Fraction (0..1) of matching requests answered with a 5xx (500/502/503/504). @default 0 */
  errorRate?: number;
  /** Fraction (0..1) of matching requests whose connection is dropped (`Response.error()`; the HTTP server destroys the socket). @default 0 */
  dropRate?: number;
  /**
   * Rate limiting of API (non-upload) calls, per account, the way ImageKit does it.
   * `{ limit, intervalMs }` is a fixed window: at most `limit` calls per `intervalMs`
   * (the window starts with the first call after the previous one ended); an array of
   * windows enforces all of them at once (e.g. per second and per minute). A call over a
   * limit gets a 429 with `X-RateLimit-Limit`, `X-RateLimit-Interval`, `X-RateLimit-Reset`
   * (milliseconds until that window ends) and `Retry-After` (seconds, rounded up); calls
   * that went through carry no rate-limit headers, and uploads are never limited.
   * `{ every: n }` instead answers every n-th matching API call with a 429 whose
   * `X-RateLimit-Reset` is `resetMs` (default: `intervalMs`, else 1000).
   */
  rateLimit?: RateLimitFault | RateLimitWindow[];
  /** Shorthand for `rateLimit: { every: n }`. */
  rate429?: number;
  /** File ids that bulk operations (delete, add/remove tags, remove AI tags) report as failed, giving a 207. */
  failFileIds?: string[];
  /** Restricts the faults above to matching requests. @default every request */
  only?: FaultMatcher;
}

/** One fixed rate-limit window: at most `limit` API calls per `intervalMs` milliseconds. */
export interface RateLimitWindow {
  limit: number;
  intervalMs: number;
}

/** The single-object form of {@link FaultOptions.rateLimit}: a window, or a 429 every n-th call. */
export interface RateLimitFault {
  /** Calls allowed per window. */
  limit?: number;
  /** Window length. @unit milliseconds @default 1000 */
  intervalMs?: number;
  /** Answer every n-th matching API call with a 429 (instead of a window). */
  every?: number;
  /** `X-RateLimit-Reset` sent with a 429 from `every`. @unit milliseconds @default intervalMs, else 1000 */
  resetMs?: number;
}

/** Options of {@link createEmulator}. */
export interface EmulatorOptions {
  /**
   * Private API key (Basic-auth username). @default 'private_emulator_key' (this
   * in-memory emulator is reachable only from your process; `startEmulator` makes fresh
   * random keys instead)
   */
  privateKey?: string;
  /** Public API key for client-side uploads. @default 'public_emulator_key' */
  publicKey?: string;
  /** URL endpoint that file URLs are built on and served from. @default 'https://ik.imagekit.io/emulator' */
  urlEndpoint?: string;
  /** API base the msw handlers intercept. @default 'https://api.imagekit.io' */
  apiBaseUrl?: string;
  /** Upload base the msw handlers intercept. @default 'https://upload.imagekit.io' */
  uploadBaseUrl?: string;
  /** Seed for ids, unique-name suffixes and faults. @default 1 */
  seed?: number;
  /** Clock. @default Date.now */
  now?: () => number;
  /** Fault injection. @default none */
  faults?: FaultOptions;
  /** How many status reads of a bulk job or purge answer `Pending` before `Completed`. @default 1 */
  pendingReads?: number;
  /** Cache purges allowed before purges fail (`rename` with `purgeCache` then answers 207 PURGE_FAILED). @default Infinity */
  purgeQuota?: number;
  /**
   * Largest body the emulator reads: request bodies on the `startEmulator` server (a
   * bigger one gets a 413) and `file` URLs fetched during upload (a bigger one is a 400).
   * @unit bytes @default 67108864 (64 MiB)
   */
  maxBodyBytes?: number;
  /**
   * fetch used to read `file` URLs on loopback hosts during upload (redirects are not
   * followed). @default globalThis.fetch
   */
  fetch?: typeof fetch;
  /**
   * The msw module (`import * as msw from 'msw'`). Needed for `handlers` outside Node; in
   * Node the emulator loads msw itself on first access of `handlers`.
   */
  msw?: { http: unknown; HttpResponse: unknown };
}

/** Options after defaults. */
export interface ResolvedEmulatorOptions {
  privateKey: string;
  publicKey: string;
  urlEndpoint: string;
  apiBaseUrl: string;
  uploadBaseUrl: string;
  seed: number;
  now: () => number;
  pendingReads: number;
  purgeQuota: number;
  maxBodyBytes: number;
  fetch: typeof fetch | undefined;
}

/** Default of {@link EmulatorOptions.maxBodyBytes}. @unit bytes */
export const defaultMaxBodyBytes = 64 * 1024 * 1024;

/** Default private key. */
export const defaultPrivateKey = 'private_emulator_key';
/** Default public key. */
export const defaultPublicKey = 'public_emulator_key';

/** Applies defaults; throws `TypeError` for malformed URLs or keys. */
export function resolveOptions(options: EmulatorOptions = {}): ResolvedEmulatorOptions {
  const strip = (value: string, name: string): string => {
    try {
      new URL(value);
    } catch {
      throw new TypeError(`\`${name}\` must be an absolute URL`);
    }
    return value.replace(/\/+$/, '');
  };
  const privateKey = options.privateKey ?? defaultPrivateKey;
  const publicKey = options.publicKey ?? defaultPublicKey;
  if (typeof privateKey !== 'string' || privateKey === '') throw new TypeError('`privateKey` must be a non-empty string');
  if (typeof publicKey !== 'string' || publicKey === '') throw new TypeError('`publicKey` must be a non-empty string');
  const maxBodyBytes = options.maxBodyBytes ?? defaultMaxBodyBytes;
  if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes < 0) throw new RangeError('The `maxBodyBytes` option must be a non-negative integer');
  return {
    privateKey,
    publicKey,
    urlEndpoint: strip(options.urlEndpoint ?? 'https://ik.imagekit.io/emulator', 'urlEndpoint'),
    apiBaseUrl: strip(options.apiBaseUrl ?? 'https://api.imagekit.io', 'apiBaseUrl'),
    uploadBaseUrl: strip(options.uploadBaseUrl ?? 'https://upload.imagekit.io', 'uploadBaseUrl'),
    seed: options.seed ?? 1,
    now: options.now ?? (() => Date.now()),
    pendingReads: options.pendingReads ?? 1,
    purgeQuota: options.purgeQuota ?? Number.POSITIVE_INFINITY,
    maxBodyBytes,
    fetch: options.fetch,
  };
}
