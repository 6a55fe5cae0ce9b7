/**
 * @module url/origin
 * Validates and normalises URL endpoints and the origin of absolute `src` URLs with the
 * WHATWG parser, once per distinct value: results are kept in a small cache so the hot
 * path of {@link buildUrl} is string work only. Pure. Not public API.
 */
import { encodeExistingQuery, encodePath } from './encode.js';

/** A parsed `urlEndpoint`. */
export interface ParsedEndpoint {
  /** `scheme://host[:port]`, normalised (lower-case, punycode, default port dropped). */
  readonly origin: string;
  /** Encoded path without trailing `/` (`""` for a bare host), e.g. `/your_id`. */
  readonly path: string;
  /** Existing query without `?` (`""` when none). */
  readonly query: string;
}

const cacheLimit = 64;
let endpointCache: Map<string, ParsedEndpoint> | undefined;
let originCache: Map<string, string> | undefined;

function remember<V>(cache: Map<string, V>, key: string, value: V): V {
  // A tiny bounded cache: real apps use one or a few endpoints and hosts.
  if (cache.size >= cacheLimit) cache.clear();
  cache.set(key, value);
  return value;
}

function parseHttpUrl(text: string, option: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new TypeError(`\`${option}\` must be an absolute http(s) URL, got ${JSON.stringify(text)}`);
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.hostname === '') {
    throw new TypeError(`\`${option}\` must be an absolute http(s) URL, got ${JSON.stringify(text)}`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new TypeError(`\`${option}\` must not contain credentials`);
  }
  return url;
}

const httpScheme = /^https?:\/\//i;

/**
 * Parses a `urlEndpoint` such as `https://ik.imagekit.io/your_id/`.
 * @throws {TypeError} It is not a string, not an absolute http(s) URL, has credentials or a fragment.
 */
export function resolveEndpoint(endpoint: unknown): ParsedEndpoint {
  if (typeof endpoint !== 'string') {
    throw new TypeError('`urlEndpoint` must be a string such as "https://ik.imagekit.io/your_id"');
  }
  endpointCache ??= new Map();
  const cached = endpointCache.get(endpoint);
  if (cached !== undefined) return cached;
  // The WHATWG parser also accepts "https:host" and "https:\\host"; an endpoint must be explicit.
  if (!httpScheme.test(endpoint)) {
    throw new TypeError(`\`urlEndpoint\` must be an absolute http(s) URL, got ${JSON.stringify(endpoint)}`);
  }
  const url = parseHttpUrl(endpoint, 'urlEndpoint');
  if (url.hash !== '' || endpoint.includes('#')) {
    throw new TypeError('`urlEndpoint` must not contain a fragment (`#`)');
  }
  let path = encodePath(url.pathname);
  while (path.endsWith('/')) path = path.slice(0, -1);
  const parsed: ParsedEndpoint = {
    origin: url.origin,
    path,
    query: url.search === '' ? '' : encodeExistingQuery(url.search.slice(1)),
  };
  return remember(endpointCache, endpoint, parsed);
}

/** An absolute `src`, split into its normalised origin and the raw rest. */
export interface SplitSource {
  readonly origin: string;
  /** Raw path (may be `""`). */
  readonly path: string;
  /** Raw query without `?`, or `undefined`. */
  readonly query: string | undefined;
  /** Raw fragment without `#`, or `undefined`. */
  readonly fragment: string | undefined;
}

/**
 * Splits an absolute `http(s)://` `src`. The authority (`scheme://host[:port]`) is
 * validated once with the WHATWG parser and cached; the rest is left raw for the encoders.
 * @throws {TypeError} The URL has no `//`, no host, an invalid host, or credentials.
 */
export function splitAbsoluteSource(src: string): SplitSource {
  if (!httpScheme.test(src)) {
    throw new TypeError(`\`src\` must be an absolute http(s) URL or a relative path, got ${JSON.stringify(src)}`);
  }
  const authorityStart = src.indexOf('//') + 2;
  let end = authorityStart;
  while (end < src.length) {
    const c = src.charCodeAt(end);
    // "/", "?", "#" and "\" end the authority (WHATWG treats "\" as "/" in http(s)).
    if (c === 47 || c === 63 || c === 35 || c === 92) break;
    end++;
  }
  const prefix = src.slice(0, end);
  originCache ??= new Map();
  let origin = originCache.get(prefix);
  if (origin === undefined) {
    if (end === authorityStart) {
      throw new TypeError(`\`src\` must be an absolute http(s) URL with a host, got ${JSON.stringify(src)}`);
    }
    origin = remember(originCache, prefix, parseHttpUrl(prefix + '/', 'src').origin);
  }
  const hashAt = src.indexOf('#', end);
  const beforeHash = hashAt === -1 ? src : src.slice(0, hashAt);
  const queryAt = beforeHash.indexOf('?', end);
  return {
    origin,
    path: queryAt === -1 ? beforeHash.slice(end) : beforeHash.slice(end, queryAt),
    query: queryAt === -1 ? undefined : beforeHash.slice(queryAt + 1),
    fragment: hashAt === -1 ? undefined : src.slice(hashAt + 1),
  };
}
