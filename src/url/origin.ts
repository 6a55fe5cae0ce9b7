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

/**
 * `parse` with its last result remembered: the hot path of {@link buildUrl} (one endpoint,
 * or one image host) then does string work only.
 */
function lastOf<T>(parse: (input: unknown) => T): (input: unknown) => T {
  let last: unknown;
  let result: T | undefined;
  return (input) => {
    // Remembered only after `parse` returns: a throwing input is never cached.
    if (input !== last || result === undefined) {
      result = parse(input);
      last = input;
    }
    return result;
  };
}

/**
 * Parses an explicit `http(s)://` URL (two backslashes count as `//`) without credentials. (The WHATWG
 * parser alone would also accept "https:host" and "https:/host".)
 * @throws {TypeError} Naming `option`, for anything else.
 */
function httpUrl(text: string, option: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    // reported below
  }
  return url && /^https?:[/\\]{2}/i.test(text) && !url.username && !url.password
    ? url
    : fail(option, 'be an absolute http(s) URL (no user or password)');
}

/** The parts of a parsed URL, each encoded by our rules (the parser's encoding is kept). */
function parts(url: URL): ParsedSource {
  return {
    origin: url.origin,
    path: encodePath(url.pathname),
    query: encodeExistingQuery(url.search.slice(1)),
    fragment: url.hash && '#' + encodeExistingQuery(url.hash.slice(1)),
  };
}

/**
 * Parses a `urlEndpoint` such as `https://ik.imagekit.io/your_id/`.
 * @throws {TypeError} It is missing, not a string, not an absolute http(s) URL, has credentials or a fragment.
 */
export const resolveEndpoint: (endpoint: unknown) => ParsedEndpoint = /* @__PURE__ */ lastOf((endpoint) => {
  if (typeof endpoint !== 'string' || endpoint.includes('#'))
    fail('urlEndpoint', 'be your URL endpoint, such as https://ik.imagekit.io/your_id (no fragment)');
  const parsed = parts(httpUrl(endpoint, 'urlEndpoint'));
  return { ...parsed, path: parsed.path.replace(/\/+$/, '') };
});

/** An absolute `src`, parsed; every part already encoded. */
export interface ParsedSource extends ParsedEndpoint {
  /** `#…` or `""`. */
  readonly fragment: string;
}

/**
 * Parses `src` the way every client will: with the WHATWG parser (which strips leading
 * spaces and controls, drops tabs and newlines, and reads a backslash as `/`), so the host we
 * print is the host that is requested. `undefined` for a relative `src` (one that does
 * not start with a scheme).
 * @throws {TypeError} Naming `src`: another scheme, a broken `http(s)` URL, or credentials.
 */
export const parseSource: (src: unknown) => ParsedSource | undefined = /* @__PURE__ */ lastOf((src) => {
  // What the parser reads: no leading spaces or controls, no tabs or newlines.
  const written = (src as string).replace(/[\t\n\r]/g, '').replace(/^[\0- ]+/, '');
  if (!/^[a-z][\w+.-]*:/i.test(written)) return undefined;
  return parts(httpUrl(written, 'src'));
});
