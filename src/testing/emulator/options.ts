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
   * Rate limiting for API (non-upload) paths. `every: n` answers every n-th matching API
   * request with 429; `limit` + `intervalMs` enforce a real sliding window. `resetMs` is the
   * `X-RateLimit-Reset` value sent with a 429 from `every`.
   */
  rateLimit?: { every?: number; resetMs?: number; limit?: number; intervalMs?: number };
  /** Shorthand for `rateLimit: { every: n }`. */
  rate429?: number;
  /** File ids that bulk operations (delete, add/remove tags, remove AI tags) report as failed, giving a 207. */
  failFileIds?: string[];
  /** Restricts the faults above to matching requests. @default every request */
  only?: FaultMatcher;
}

/** Options of {@link createEmulator}. */
export interface EmulatorOptions {
  /** Private API key (Basic-auth username). @default 'private_emulator_key' */
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
  /** `X-RateLimit-Limit` / `X-RateLimit-Interval` advertised on API responses. @default { limit: 1000, intervalMs: 1000 } */
  rateLimitHeaders?: { limit: number; intervalMs: number };
  /** fetch used to read `file` URLs on loopback hosts during upload. @default globalThis.fetch */
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
  rateLimitHeaders: { limit: number; intervalMs: number };
  fetch: typeof fetch | undefined;
}

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
    rateLimitHeaders: options.rateLimitHeaders ?? { limit: 1000, intervalMs: 1000 },
    fetch: options.fetch,
  };
}
