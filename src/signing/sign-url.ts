/**
 * @module signing/sign-url
 * Signed ImageKit URLs (docs/url-and-signing-rules.md, rule 8): `ik-s` = lower-case hex
 * HMAC-SHA1(private key, URL without the endpoint prefix + expiry), optional `ik-t`.
 * Web Crypto (or Node's `createHmac` where available); runs on servers and at the edge.
 */
import { checkExpireSeconds } from './expire-seconds.js';
import { fastCrypto, hmacHex, hmacHexSync, hmacKey } from './hmac.js';
import { mustAwait } from './must-await.js';
import { checkOptionKeys } from '../internal/options.js';

/** Options of {@link signUrl} and {@link signUrls}. */
export interface SignUrlOptions {
  /** Private API key (`private_…`). Never leaves the server. */
  privateKey: string;
  /** The URL endpoint the URL was built with, e.g. `https://ik.imagekit.io/your_id`. A trailing `/` makes no difference. */
  urlEndpoint: string;
  /**
   * Seconds from now until the URL stops working: more than 0 and at most 315,360,000
   * (ten years); a fraction is dropped, but never below 1 second. Leave it out for a URL that never expires (no `ik-t`).
   * @default undefined
   * @unit seconds
   */
  expireSeconds?: number | undefined;
}

/** The constant ImageKit signs when a URL has no expiry (no `ik-t` is added). */
const noExpiry = 9999999999;
const prefixCacheLimit = 32;
let prefixCache: Map<string, readonly string[]> | undefined;

/** Validated signing inputs, computed once per call (once per batch). */
interface Prepared {
  readonly privateKey: string;
  /** Prefixes to strip, most normal first. */
  readonly prefixes: readonly string[];
  readonly expiry: number;
}

/**
 * The endpoint's normal form (origin + path with exactly one trailing `/`, no query),
 * and — for URLs not built by `buildUrl` — the option string itself with one trailing `/`
 * (what the official SDKs strip). Cached per endpoint string.
 */
function endpointPrefixes(urlEndpoint: unknown): readonly string[] {
  if (typeof urlEndpoint !== 'string') {
    throw new TypeError('`urlEndpoint` must be a string such as "https://ik.imagekit.io/your_id"');
  }
  prefixCache ??= new Map();
  const cached = prefixCache.get(urlEndpoint);
  if (cached !== undefined) return cached;
  let parsed: URL | undefined;
  try {
    parsed = new URL(urlEndpoint);
  } catch {
    // Reported below.
  }
  if (parsed === undefined || !/^https?:\/\//i.test(urlEndpoint) || parsed.hostname === '') {
    throw new TypeError(`\`urlEndpoint\` must be an absolute http(s) URL, got ${JSON.stringify(urlEndpoint)}`);
  }
  const normal = `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}/`;
  const literal = /[?#]/.test(urlEndpoint) ? normal : `${urlEndpoint.replace(/\/+$/, '')}/`;
  const prefixes = literal === normal ? [normal] : [normal, literal];
  if (prefixCache.size >= prefixCacheLimit) prefixCache.clear();
  prefixCache.set(urlEndpoint, prefixes);
  return prefixes;
}

function prepare(options: SignUrlOptions, call: string): Prepared {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('The options `{ privateKey, urlEndpoint, expireSeconds? }` are required');
  }
  checkOptionKeys(options, ['privateKey', 'urlEndpoint', 'expireSeconds'], call);
  const { privateKey, urlEndpoint, expireSeconds } = options;
  if (typeof privateKey !== 'string' || privateKey === '') {
    throw new TypeError('`privateKey` must be a non-empty string (your private API key)');
  }
  const prefixes = endpointPrefixes(urlEndpoint);
  const expiry = expireSeconds === undefined ? noExpiry : Math.floor(Date.now() / 1000) + checkExpireSeconds(expireSeconds);
  return { privateKey, prefixes, expiry };
}

/**
 * `url` as a client will request it: what `new URL(url).href` gives. Every client parses a
 * URL before requesting it, so `.`/`..` segments (also spelled `%2e`) are resolved, a `\`
 * counts as `/`, and spaces or non-ASCII characters are percent-encoded; the signature
 * must cover that form, and that form is what is returned (the output of `buildUrl`
 * already is in it). A `..` that leaves `urlEndpoint` then fails the check below.
 * @throws {TypeError} `url` is not a non-empty string, or is not an absolute URL.
 */
function asRequested(url: unknown): string {
  if (typeof url !== 'string' || url === '') throw new TypeError('`url` must be a non-empty string');
  try {
    return new URL(url).href;
  } catch {
    throw new TypeError('`url` must be an absolute URL under `urlEndpoint`');
  }
}

/** The string to sign (without expiry), or a TypeError for a URL ImageKit could not verify. */
function pathToSign(url: string, prefixes: readonly string[]): string {
  if (/[?&]ik-[st]=/i.test(url)) throw new TypeError('`url` is already signed (it has an `ik-t` or `ik-s` parameter)');
  for (const prefix of prefixes) {
    if (url.length > prefix.length && url.startsWith(prefix)) return url.slice(prefix.length);
  }
  throw new TypeError(`\`url\` must be a file URL under \`urlEndpoint\` (${prefixes[0]}); ImageKit cannot verify a signature for any other URL`);
}

/**
 * Splits off a `#fragment`: a client never sends it, so it is neither signed nor followed by
 * `ik-t`/`ik-s` (which would then never reach ImageKit); it is put back after them.
 */
function splitFragment(url: string): [string, string] {
  const hash = url.indexOf('#');
  return hash === -1 ? [url, ''] : [url.slice(0, hash), url.slice(hash)];
}

function append(url: string, expiry: number, signature: string, fragment: string): string {
  const query = url.indexOf('?');
  // No query: start one. An empty query, or one ending in `&`: nothing to add. Else `&`
  // (a query that ends in a literal `?`, as in `a.jpg??`, still needs its `&`).
  const separator = query === -1 ? '?' : query === url.length - 1 || url.endsWith('&') ? '' : '&';
  return expiry === noExpiry ? `${url}${separator}ik-s=${signature}${fragment}` : `${url}${separator}ik-t=${expiry}&ik-s=${signature}${fragment}`;
}

/**
 * Signs a URL built for `urlEndpoint` (typically the output of `buildUrl`): appends
 * `ik-s` (and `ik-t` when it expires) as the last query parameters. The signature covers
 * the exact URL, so sign the string you will publish and do not change it afterwards.
 * A URL with `.`/`..` path segments is first resolved as a client would request it.
 *
 * @example
 * const url = await signUrl(buildUrl({ urlEndpoint, path: '/private.jpg' }), {
 *   privateKey: process.env.IMAGEKIT_PRIVATE_KEY,
 *   urlEndpoint,
 *   expireSeconds: 600,
 * });
 * @throws {TypeError} `url` is not a URL under `urlEndpoint`, is already signed, or an option is missing / of the wrong type.
 * @throws {RangeError} `expireSeconds` is not more than 0 and at most 315360000 (ten years).
 * @throws {ImageKitError} The runtime has no Web Crypto.
 */
export function signUrl(url: string, options: SignUrlOptions): Promise<string> {
  return mustAwait('signUrl()', sign(url, options));
}

async function sign(url: string, options: SignUrlOptions): Promise<string> {
  const { privateKey, prefixes, expiry } = prepare(options, 'signUrl');
  const [target, fragment] = splitFragment(asRequested(url));
  const message = pathToSign(target, prefixes) + expiry;
  const signature = hmacHexSync(privateKey, 'SHA-1', message) ?? (await hmacHex(privateKey, 'SHA-1', message));
  return append(target, expiry, signature, fragment);
}

/**
 * Signs many URLs with the same options (e.g. every candidate of a `srcset`). The options
 * are validated, the key imported and the expiry computed once, so every URL gets the same
 * `ik-t`, and the work is faster than calling {@link signUrl} in a loop.
 *
 * @returns The signed URLs, in the order given.
 * @throws {TypeError} Any `url` is not under `urlEndpoint` (nothing is signed then), or an option is invalid.
 * @throws {RangeError} `expireSeconds` is not more than 0 and at most 315360000 (ten years).
 * @throws {ImageKitError} The runtime has no Web Crypto.
 */
export function signUrls(urls: readonly string[], options: SignUrlOptions): Promise<string[]> {
  return mustAwait('signUrls()', signMany(urls, options));
}

async function signMany(urls: readonly string[], options: SignUrlOptions): Promise<string[]> {
  if (!Array.isArray(urls)) throw new TypeError('`urls` must be an array of URL strings');
  const { privateKey, prefixes, expiry } = prepare(options, 'signUrls');
  const parts = urls.map((url) => splitFragment(asRequested(url)));
  const messages = parts.map(([url]) => pathToSign(url, prefixes) + expiry);
  if (fastCrypto() !== undefined) {
    return parts.map(([url, fragment], i) => append(url, expiry, hmacHexSync(privateKey, 'SHA-1', messages[i]!)!, fragment));
  }
  await hmacKey(privateKey, 'SHA-1');
  const signatures = await Promise.all(messages.map((message) => hmacHex(privateKey, 'SHA-1', message)));
  return parts.map(([url, fragment], i) => append(url, expiry, signatures[i]!, fragment));
}

/** The attributes of a responsive `<img>` (the output of `getResponsiveImageAttributes`). */
export interface ResponsiveImageAttributesLike {
  /** The fallback URL. */
  src: string;
  /** `url 640w, url 750w` or `url 1x, url 2x`. */
  srcSet?: string | undefined;
}

/** Splits a `srcset` into `[url, descriptor]` pairs, the way the HTML parser does (URLs may contain commas). */
function parseSrcSet(srcSet: string): Array<[string, string]> {
  const candidates: Array<[string, string]> = [];
  let i = 0;
  while (i < srcSet.length) {
    while (i < srcSet.length && /[\s,]/.test(srcSet[i]!)) i++;
    if (i >= srcSet.length) break;
    let end = i;
    while (end < srcSet.length && !/\s/.test(srcSet[end]!)) end++;
    let url = srcSet.slice(i, end);
    i = end;
    let descriptor = '';
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      const comma = srcSet.indexOf(',', i);
      const stop = comma === -1 ? srcSet.length : comma;
      descriptor = srcSet.slice(i, stop).trim();
      i = stop + 1;
    }
    candidates.push([url, descriptor]);
  }
  return candidates;
}

/**
 * Signs `src` and every candidate URL of `srcSet` in one batch (same expiry for all) and
 * returns a copy of the attributes with the signed URLs; other attributes are kept.
 *
 * @example
 * const attrs = await signResponsiveImageAttributes(
 *   getResponsiveImageAttributes({ urlEndpoint, src: '/photo.jpg', width: 640 }),
 *   { privateKey, urlEndpoint, expireSeconds: 3600 },
 * );
 * @throws {TypeError} A URL is not under `urlEndpoint`, or an option is invalid.
 * @throws {RangeError} `expireSeconds` is not more than 0 and at most 315360000 (ten years).
 * @throws {ImageKitError} The runtime has no Web Crypto.
 */
export function signResponsiveImageAttributes<T extends ResponsiveImageAttributesLike>(attributes: T, options: SignUrlOptions): Promise<T> {
  return mustAwait('signResponsiveImageAttributes()', signAttributes(attributes, options));
}

async function signAttributes<T extends ResponsiveImageAttributesLike>(attributes: T, options: SignUrlOptions): Promise<T> {
  if (typeof attributes !== 'object' || attributes === null) {
    throw new TypeError('`attributes` must be an object with `src` and optionally `srcSet`');
  }
  const candidates = typeof attributes.srcSet === 'string' ? parseSrcSet(attributes.srcSet) : [];
  const [src, ...signed] = await signMany([attributes.src, ...candidates.map(([url]) => url)], options);
  const result: T = { ...attributes, src: src! };
  if (typeof attributes.srcSet === 'string') {
    result.srcSet = candidates.map(([, descriptor], i) => (descriptor ? `${signed[i]} ${descriptor}` : signed[i]!)).join(', ');
  }
  return result;
}
