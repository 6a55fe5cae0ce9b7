/**
 * @module url/encode
 * Every percent-encoding rule of the URL builder, in one place (url-rules Part A, rules 3–5).
 * Pure string work: runs in browsers, workers and Node. Not public API.
 *
 * URLs are built, not serialised (style §2.9): `URLSearchParams` would turn `,` into `%2C`
 * and change the string that gets signed, so each part has its own small encoder.
 * All encoders are idempotent: a valid `%XX` escape is always kept as it is.
 */

const hexDigits = '0123456789ABCDEF';

/** Characters kept literal in a path (RFC 3986 `pchar` + `/`), `%` handled separately. */
const pathSafe = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2})*$/;
/** Characters kept literal in the `tr` query value: `pchar` + `/` + `?`, minus `&` and `+`. */
const trQuerySafe = /^(?:[A-Za-z0-9\-._~!$'()*,;=:@/?]|%[0-9A-Fa-f]{2})*$/;
/** Characters kept literal in an existing query string (`&`, `=` and `+` keep their meaning). */
const querySafe = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})*$/;
/** `application/x-www-form-urlencoded` leaves only these alone (as `URLSearchParams` does). */
const formSafe = /^[A-Za-z0-9*\-._]*$/;
/** `encodeURIComponent` leaves only these alone. */
const componentSafe = /^[A-Za-z0-9\-._~!*'()]*$/;

// Per-ASCII-code flags: 1 = path-safe, 2 = tr-query-safe, 4 = query-safe, 8 = component-safe, 16 = form-safe.
const pathBit = 1;
const trQueryBit = 2;
const queryBit = 4;
const componentBit = 8;
const formBit = 16;

let asciiFlags: Uint8Array | undefined;

function flags(): Uint8Array {
  if (asciiFlags !== undefined) return asciiFlags;
  const table = new Uint8Array(128);
  const mark = (chars: string, bit: number): void => {
    for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)]! |= bit;
  };
  const alnum = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  mark(alnum + "-._~!$&'()*+,;=:@/", pathBit);
  mark(alnum + "-._~!$'()*,;=:@/?", trQueryBit);
  mark(alnum + "-._~!$&'()*+,;=:@/?", queryBit);
  mark(alnum + "-._~!*'()", componentBit);
  mark(alnum + '*-._', formBit);
  asciiFlags = table;
  return table;
}

function isHex(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);
}

function pushByte(out: string, byte: number): string {
  return out + '%' + hexDigits[byte >> 4]! + hexDigits[byte & 15]!;
}

/**
 * Percent-encodes the code point starting at `text[i]` as UTF-8 and returns the new output
 * and the index of the last UTF-16 unit consumed. A lone surrogate becomes U+FFFD, as
 * `TextEncoder` and the WHATWG URL parser do (`encodeURIComponent` would throw).
 */
function encodeCodePoint(text: string, i: number, out: string): [string, number] {
  let code = text.charCodeAt(i);
  let last = i;
  if (code >= 0xd800 && code <= 0xdbff) {
    const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
    if (next >= 0xdc00 && next <= 0xdfff) {
      code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
      last = i + 1;
    } else {
      code = 0xfffd;
    }
  } else if (code >= 0xdc00 && code <= 0xdfff) {
    code = 0xfffd;
  }
  if (code < 0x80) {
    out = pushByte(out, code);
  } else if (code < 0x800) {
    out = pushByte(out, 0xc0 | (code >> 6));
    out = pushByte(out, 0x80 | (code & 63));
  } else if (code < 0x10000) {
    out = pushByte(out, 0xe0 | (code >> 12));
    out = pushByte(out, 0x80 | ((code >> 6) & 63));
    out = pushByte(out, 0x80 | (code & 63));
  } else {
    out = pushByte(out, 0xf0 | (code >> 18));
    out = pushByte(out, 0x80 | ((code >> 12) & 63));
    out = pushByte(out, 0x80 | ((code >> 6) & 63));
    out = pushByte(out, 0x80 | (code & 63));
  }
  return [out, last];
}

/**
 * The shared slow path. `bit` picks the safe set; `keepEscapes` keeps valid `%XX`;
 * `collapseSlashes` turns runs of `/` into one; `spaceAsPlus` is the form rule.
 */
function encodeWith(
  text: string,
  bit: number,
  keepEscapes: boolean,
  collapseSlashes: boolean,
  spaceAsPlus: boolean,
): string {
  const table = flags();
  let out = '';
  let runStart = 0;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128 && (table[code]! & bit) !== 0) {
      if (collapseSlashes && code === 47 && i > 0 && text.charCodeAt(i - 1) === 47) {
        out += text.slice(runStart, i);
        runStart = i + 1;
      }
      continue;
    }
    if (
      keepEscapes &&
      code === 37 &&
      i + 2 < length &&
      isHex(text.charCodeAt(i + 1)) &&
      isHex(text.charCodeAt(i + 2))
    ) {
      i += 2;
      continue;
    }
    out += text.slice(runStart, i);
    if (spaceAsPlus && code === 32) {
      out += '+';
    } else {
      const [next, last] = encodeCodePoint(text, i, out);
      out = next;
      i = last;
    }
    runStart = i + 1;
  }
  return runStart === 0 ? text : out + text.slice(runStart);
}

/**
 * Encodes a URL path (url-rules rule 3): spaces, non-ASCII (UTF-8), controls,
 * `"` `<` `>` `` ` `` `{` `}` `|` `^` `\` `[` `]` and always `?` and `#` are
 * percent-encoded; a valid `%XX` is kept; any other `%` becomes `%25`; runs of `/`
 * collapse to one. Idempotent. `,` and `:` stay literal, so the same function encodes
 * a `tr:` path segment (rule 4).
 */
export function encodePath(path: string): string {
  if (pathSafe.test(path) && !path.includes('//')) return path;
  return encodeWith(path, pathBit, true, true, false);
}

/**
 * Encodes the `tr` value for the query (rule 4): `,` `:` `/` `?` `=` stay literal; space,
 * non-ASCII, `&`, `#`, `+`, `%` not starting an escape, controls and the characters
 * not valid in a query are percent-encoded. Idempotent.
 */
export function encodeTransformationQuery(value: string): string {
  if (trQuerySafe.test(value)) return value;
  return encodeWith(value, trQueryBit, true, false, false);
}

/**
 * Makes an existing query string (without `?`) valid without changing its meaning:
 * `&`, `=` and `+` stay literal; valid escapes are kept. Idempotent.
 */
export function encodeExistingQuery(query: string): string {
  if (querySafe.test(query)) return query;
  return encodeWith(query, queryBit, true, false, false);
}

/**
 * Encodes a fragment (without `#`) with the same safe set as a query. Idempotent.
 */
export function encodeFragment(fragment: string): string {
  return encodeExistingQuery(fragment);
}

/**
 * Form-style encoding of a query parameter key or value, byte-for-byte what
 * `URLSearchParams` writes: space → `+`, everything but `A–Z a–z 0–9 * - . _` encoded.
 */
export function encodeFormComponent(value: string): string {
  if (formSafe.test(value)) return value;
  return encodeWith(value, formBit, false, false, true);
}

/**
 * `encodeURIComponent`, except that a lone surrogate becomes `%EF%BF%BD` instead of
 * throwing `URIError`.
 */
export function encodeComponent(value: string): string {
  if (componentSafe.test(value)) return value;
  return encodeWith(value, componentBit, false, false, false);
}
