/**
 * @module url/origin
 * Validates and normalises URL endpoints and the origin of absolute `src` URLs with the
 * WHATWG parser. The last result of each is kept, so the hot path of {@link buildUrl}
 * (one endpoint, or one image host) is string work only. Pure. Not public API.
 */
import { encodeExistingQuery, encodePath } from './encode.js';
import { fail } from './values.js';

/** A parsed `urlEndpoint`. */
export interface ParsedEndpoint {
  /** `scheme://host[:port]`, normalised (lower-case, punycode, default port dropped). */
  readonly origin: string;
  /** Encoded path without trailing `/` (`""` for a bare host), e.g. `/your_id`. */
  readonly path: string;
  /** Encoded existing query without `?` (`""` when none). */
  readonly query: string;
}

let lastEndpoint: unknown;
let endpointParts: ParsedEndpoint | undefined;
let lastAuthority: string | undefined;
let authorityOrigin = '';

/**
 * Parses an explicit `http(s)://` URL without credentials or fragment.
 * (The WHATWG parser alone would also accept "https:host" and "https:\\host".)
 * @throws {TypeError} Naming `option`, for anything else.
 */
function httpUrl(text: unknown, option: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(text as string);
  } catch {
    // reported below
  }
  return typeof text === 'string' && /^https?:\/\/[^#]*$/i.test(text) && url && !url.username && !url.password
    ? url
    : fail(option, 'an absolute http(s) URL without credentials or fragment');
}

/**
 * Parses a `urlEndpoint` such as `https://ik.imagekit.io/your_id/`.
 * @throws {TypeError} It is not a string, not an absolute http(s) URL, has credentials or a fragment.
 */
export function resolveEndpoint(endpoint: unknown): ParsedEndpoint {
  if (endpoint !== lastEndpoint || !endpointParts) {
    const url = httpUrl(endpoint, 'urlEndpoint');
    endpointParts = {
      origin: url.origin,
      path: encodePath(url.pathname).replace(/\/+$/, ''),
      query: encodeExistingQuery(url.search.slice(1)),
    };
    lastEndpoint = endpoint;
  }
  return endpointParts;
}

/**
 * The normalised origin of an `http(s)://host[:port]` authority prefix.
 * @throws {TypeError} Naming `src`: no `//`, no host, an invalid host, or credentials.
 */
export function sourceOrigin(authority: string): string {
  if (authority !== lastAuthority) {
    authorityOrigin = httpUrl(authority + '/', 'src').origin;
    lastAuthority = authority;
  }
  return authorityOrigin;
}
