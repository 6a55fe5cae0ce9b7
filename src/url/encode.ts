/**
 * @module url/encode
 * Every percent-encoding rule of the URL builder, in one place (rules 3–5).
 * Rule numbers refer to docs/url-and-signing-rules.md.
 * Pure string work: runs in browsers, workers and Node. Not public API.
 *
 * URLs are built, not serialised: `URLSearchParams` would turn `,` into `%2C`
 * and change the string that gets signed. Each encoder is the platform's `encodeURI` /
 * `encodeURIComponent` plus one regex pass that adjusts its safe set. The `encodeURI`
 * based encoders are idempotent: a valid `%XX` escape is always kept as it is.
 */

/**
 * `encode(text)`; a lone surrogate (which makes the native encoders throw) becomes U+FFFD
 * first, as `TextEncoder` and the WHATWG URL parser do.
 */
function native(text: string, encode: (text: string) => string): string {
  try {
    return encode(text);
  } catch {
    return encode(text.replace(/\p{Cs}/gu, '\uFFFD'));
  }
}

/** `%XX` of an ASCII character from 0x10 up. */
const percent = (char: string): string => '%' + char.charCodeAt(0).toString(16).toUpperCase();

/**
 * Finds anything that may need work: a character outside the set none of the
 * `encodeURI` based encoders changes, or a run of `/`. A plain character class (no
 * alternation) keeps this first test fast; text with a `%` escape takes the full path.
 */
const uriUnsafe = /[^\w\-.~!$()*,;=:@/]|\/\//;
/** The same for a path, which also keeps `&` and `+`. */
const pathUnsafe = /[^\w\-.~!$&'()*+,;=:@/]|\/\//;
/** What a path must encode although `encodeURI` keeps it (and runs of `/`). */
const pathExtras = /%25(?=[\dA-F]{2})|[?#]|\/\/+/gi;
/**
 * What a `tr` query value must encode although `encodeURI` keeps it (`'` because the
 * WHATWG parser encodes it in the query of an http(s) URL: the URL we print and sign is
 * the URL that is requested).
 */
const trQueryExtras = /%25(?=[\dA-F]{2})|[&+#']/gi;
/** What a query or fragment must encode although `encodeURI` keeps it (`'`: as above). */
const queryExtras = /%25(?=[\dA-F]{2})|[#']/gi;

/**
 * `encodeURI` (which keeps RFC 3986 pchar, `/`, `?` and `#`) with the matches of `extra`
 * adjusted: `%25` before two hex digits back to `%` (a valid escape in the input is kept),
 * a run of `/` to one `/`, any other match percent-encoded. `text` itself when `unsafe`
 * finds nothing to look at.
 */
function encodeUri(text: string, extra: RegExp, unsafe = uriUnsafe): string {
  if (!unsafe.test(text)) return text;
  const encoded = native(text, encodeURI);
  // `search` first: much faster than a `replace` callback that finds nothing.
  return encoded.search(extra) < 0 ? encoded : encoded.replace(extra, (match) => (match === '%25' ? '%' : match[0] === '/' ? '/' : percent(match)));
}

/**
 * Encodes a URL path (rule 3): spaces, non-ASCII (UTF-8), controls,
 * `"` `<` `>` `` ` `` `{` `}` `|` `^` `\` `[` `]` and always `?` and `#` are
 * percent-encoded; a valid `%XX` is kept; any other `%` becomes `%25`; runs of `/`
 * collapse to one. Idempotent. `,` and `:` stay literal, so the same function encodes
 * a `tr:` path segment (rule 4).
 */
export function encodePath(path: string): string {
  if (!pathUnsafe.test(path)) return path;
  // Pages build many URLs of one path (a srcset, a gallery): remember recent results of
  // the slow case. Created on first use (a top-level Map would not be tree-shakable), at
  // most 256 entries.
  const cache = (pathCache ??= new Map());
  let encoded = cache.get(path);
  if (encoded === undefined) {
    encoded = encodeUri(path, pathExtras, pathUnsafe);
    if (cache.size >= 256) cache.clear();
    cache.set(path, encoded);
  }
  return encoded;
}

let pathCache: Map<string, string> | undefined;

/**
 * Encodes the `tr` value for the query (rule 4): `,` `:` `/` `?` `=` stay literal; space,
 * non-ASCII, `&`, `#`, `+`, `%` not starting an escape, controls and the characters
 * not valid in a query are percent-encoded. Idempotent.
 */
export function encodeTransformationQuery(value: string): string {
  return encodeUri(value, trQueryExtras);
}

/**
 * Makes an existing query string (without `?`) or a fragment (without `#`) valid without
 * changing its meaning: `&`, `=` and `+` stay literal; valid escapes are kept. Idempotent.
 */
export function encodeExistingQuery(query: string): string {
  return encodeUri(query, queryExtras);
}

/**
 * Form-style encoding of a query parameter key or value, byte-for-byte what
 * `URLSearchParams` writes: space → `+`, everything but `A–Z a–z 0–9 * - . _` encoded.
 */
export function encodeFormComponent(value: string): string {
  return /^[\w\-.*]*$/.test(value)
    ? value
    : native(value, encodeURIComponent).replace(/[!'()~]|%20/g, (match) => (match === '%20' ? '+' : percent(match)));
}

/**
 * `encodeURIComponent`, except that a lone surrogate becomes `%EF%BF%BD` instead of
 * throwing `URIError`.
 */
export function encodeComponent(value: string): string {
  return native(value, encodeURIComponent);
}
