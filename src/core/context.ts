/**
 * @module core/context
 * Client options, their defaults (written once, here), validation, and the resolved
 * context every server-side request function receives. The private key is stored in a
 * module-private WeakMap, so it is never an enumerable (or even visible) property.
 */
import type { FetchLike } from '../transport/fetch.js';
import { utf8, toBase64 } from '../internal/encoding.js';
import { baseUrlOption, checkOptionKeys, nonNegativeOption } from '../internal/options.js';
import { mergeHooks, type Hooks, type ResolvedHooks } from './hooks.js';
import { Pacer, pacerDefaults, rateLimitWaitOption } from './pacer.js';

/** Options of the server client and of the standalone request functions. */
export interface ClientOptions {
  /** Private API key (`private_…`). Required. Never leaves the server. */
  privateKey: string;
  /** Public API key (`public_…`); needed for client-upload authentication helpers. */
  publicKey?: string | undefined;
  /** URL endpoint (`https://ik.imagekit.io/<id>`) used by `url()` and signing. */
  urlEndpoint?: string | undefined;
  /**
   * Base URL of the management API.
   * @default "https://api.imagekit.io"
   */
  baseUrl?: string | undefined;
  /**
   * Base URL of the upload API.
   * @default "https://upload.imagekit.io"
   */
  uploadBaseUrl?: string | undefined;
  /** A `fetch` implementation; read at call time, defaults to `globalThis.fetch`. */
  fetch?: FetchLike | undefined;
  /**
   * Per-attempt timeout.
   * @default 60000
   * @unit milliseconds
   */
  timeout?: number | undefined;
  /**
   * Retries after the first attempt, for calls that are safe to retry.
   * @default 2
   */
  maxRetries?: number | undefined;
  /**
   * Most requests in flight at once for this client and every `withOptions` copy of it (API
   * calls and uploads together); further calls wait in a first-come queue. `Infinity` turns
   * the bound off. 16 keeps a `Promise.all` over thousands of ids to a handful of sockets
   * instead of one per call, and still sustains about 80 calls per second at a 200 ms round
   * trip, more than the API's per-second limits let through. Set once per client: a
   * `withOptions` copy shares the queue and cannot change it.
   * @default 16
   */
  maxConcurrency?: number | undefined;
  /**
   * Total time one call may spend waiting after 429 answers (the client waits for the
   * account's next rate-limit window instead of failing) before the `RateLimitError` is
   * thrown; `Infinity` waits as long as the server asks. Waiting in the queue before the first
   * 429 does not count. Five minutes outlasts any per-minute window several times over,
   * yet a server that never stops answering 429 cannot hang a caller.
   * @default 300000
   * @unit milliseconds
   */
  maxRateLimitWait?: number | undefined;
  /**
   * Allow constructing a client that holds the private key in a browser-like environment.
   * Only for trusted, non-public pages (e.g. an internal admin tool).
   * @default false
   */
  dangerouslyAllowBrowser?: boolean | undefined;
  /**
   * Functions called around every HTTP request of this client, API calls and uploads
   * alike: `beforeRequest`, `afterResponse`, `beforeRetry` (ky's names and meaning), for
   * logging, tracing and custom headers. A `withOptions` copy and a call's own `hooks` run
   * theirs after these. `beforeRequest` sees the `Authorization` header (your private key):
   * leave it out of logs.
   * @example hooks: { beforeRequest: [(request) => request.headers.set('x-trace-id', crypto.randomUUID())] }
   */
  hooks?: Hooks | undefined;
}

/** The defaults of {@link ClientOptions}. */
export const clientDefaults = {
  baseUrl: 'https://api.imagekit.io',
  uploadBaseUrl: 'https://upload.imagekit.io',
  timeout: 60_000,
  maxRetries: 2,
  maxConcurrency: pacerDefaults.maxConcurrency,
  maxRateLimitWait: pacerDefaults.maxRateLimitWait,
} as const;

/** Resolved options: every field present. The private key is reachable only through {@link authorizationHeader} / {@link privateKeyOf}. */
export interface ClientContext {
  readonly publicKey: string | undefined;
  readonly urlEndpoint: string | undefined;
  readonly baseUrl: string;
  readonly uploadBaseUrl: string;
  readonly fetch: FetchLike | undefined;
  readonly timeout: number;
  readonly maxRetries: number;
  /** Default bound on a call's waits after 429 answers, in milliseconds (`Infinity`: none). */
  readonly maxRateLimitWait: number;
  /** The queue, concurrency bound and rate pacer of the account: one per client, shared by its `withOptions` copies. */
  readonly pacer: Pacer;
  /** The client's hooks (a `withOptions` copy's include its parent's), if any. */
  readonly hooks: ResolvedHooks | undefined;
}

const secrets = new WeakMap<ClientContext, string>();

const knownOptions = [
  'privateKey',
  'publicKey',
  'urlEndpoint',
  'baseUrl',
  'uploadBaseUrl',
  'fetch',
  'timeout',
  'maxRetries',
  'maxConcurrency',
  'maxRateLimitWait',
  'dangerouslyAllowBrowser',
  'hooks',
];

/** Where `withOptions` hands a copy its parent's pacer; a symbol, so it is no option name. */
const sharedPacerKey = Symbol('sharedPacer');

/**
 * `options` for a copy of the client of `parent` that shares its pacer (one queue and one
 * learned rate per account). Internal: used by `withOptions`.
 */
export function sharingPacer<T extends object>(parent: ClientContext, options: T): T {
  return { ...options, [sharedPacerKey]: parent.pacer };
}

function optionalString(options: Record<string, unknown>, name: string): string | undefined {
  const value = options[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '') throw new TypeError(`The \`${name}\` option must be a non-empty string`);
  return value;
}

/** True where a DOM is present (a browser page or a browser-like test environment). Edge runtimes have no `document`. */
export function isBrowserLike(): boolean {
  const g = globalThis as { document?: unknown; window?: unknown };
  return typeof g.window !== 'undefined' && typeof g.document !== 'undefined';
}

/**
 * Validates and resolves client options.
 * @throws {TypeError} for a missing private key, unknown option names, or bad URLs.
 * @throws {RangeError} for a negative or non-finite `timeout` / `maxRetries`, a `maxConcurrency`
 *   that is not a positive integer or `Infinity`, or a negative `maxRateLimitWait`.
 * @throws {TypeError} when a `withOptions` copy tries to change `maxConcurrency`.
 * @throws {Error} in a browser-like environment unless `dangerouslyAllowBrowser` is true.
 */
export function createClientContext(options: ClientOptions): ClientContext {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('The client options must be an object with a `privateKey`');
  }
  const record = options as unknown as Record<string, unknown>;
  checkOptionKeys(record, knownOptions, 'ImageKit');
  const privateKey = record['privateKey'];
  if (typeof privateKey !== 'string' || privateKey === '') {
    throw new TypeError('The `privateKey` option is required and must be a non-empty string');
  }
  if (isBrowserLike() && record['dangerouslyAllowBrowser'] !== true) {
    throw new Error(
      'imagekit-universal/server holds your private key and refuses to run in a browser. ' +
        'Use the root entry (imagekit-universal) in browsers, or pass `dangerouslyAllowBrowser: true` for a trusted, non-public page',
    );
  }
  const fetchOption = record['fetch'];
  if (fetchOption !== undefined && typeof fetchOption !== 'function') {
    throw new TypeError('The `fetch` option must be a function');
  }
  const shared = (record as { [sharedPacerKey]?: unknown })[sharedPacerKey];
  const maxConcurrency = record['maxConcurrency'];
  let pacer: Pacer;
  if (shared instanceof Pacer) {
    if (maxConcurrency !== undefined && maxConcurrency !== shared.maxConcurrency) {
      throw new TypeError(
        "The `maxConcurrency` option cannot be changed by `withOptions()`: copies share the client's queue. Create a new client for a separate bound",
      );
    }
    pacer = shared;
  } else {
    pacer = new Pacer({ maxConcurrency: maxConcurrency as number | undefined });
  }
  const waitOption = record['maxRateLimitWait'];
  const maxRateLimitWait = waitOption === undefined ? clientDefaults.maxRateLimitWait : rateLimitWaitOption(waitOption as number);
  const context: ClientContext = Object.freeze({
    publicKey: optionalString(record, 'publicKey'),
    urlEndpoint: optionalString(record, 'urlEndpoint'),
    baseUrl: baseUrlOption('baseUrl', record['baseUrl'], clientDefaults.baseUrl),
    uploadBaseUrl: baseUrlOption('uploadBaseUrl', record['uploadBaseUrl'], clientDefaults.uploadBaseUrl),
    fetch: fetchOption as FetchLike | undefined,
    timeout: nonNegativeOption('timeout', record['timeout'], clientDefaults.timeout, false),
    maxRetries: nonNegativeOption('maxRetries', record['maxRetries'], clientDefaults.maxRetries, true),
    maxRateLimitWait,
    pacer,
    hooks: mergeHooks(undefined, record['hooks']),
  });
  secrets.set(context, privateKey);
  return context;
}

/** The private key of a context. Internal: never store the result on an object. */
export function privateKeyOf(context: ClientContext): string {
  const key = secrets.get(context);
  if (key === undefined) throw new TypeError('Not a client context: create one with `createClientContext()`');
  return key;
}

/** `Basic base64("<privateKey>:")`, built at request time and never stored. */
export function authorizationHeader(context: ClientContext): string {
  return `Basic ${toBase64(utf8(`${privateKeyOf(context)}:`))}`;
}

/**
 * What a request of this context carries that an error must never show: the private key,
 * the `Authorization` header and its base64 part. Built per call, never stored.
 */
export function requestSecrets(context: ClientContext): string[] {
  const authorization = authorizationHeader(context);
  return [privateKeyOf(context), authorization, authorization.slice(6)];
}
