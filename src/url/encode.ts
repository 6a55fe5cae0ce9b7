/**
 * @module url/encode
 * Every percent-encoding rule of the URL builder, in one place (url-rules Part A, rules 3–5).
 * Pure string work: runs in browsers, workers and Node. Not public API.
 *
 * URLs are built, not serialised (style §2.9): `URLSearchParams` would turn `,` into `%2C`
 * and change the string that gets signed, so each part has its own small encoder.
 * All encoders are idempotent: a valid `%XX` escape is always kept as it is.
 */

// Per-ASCII-code flags: which characters each encoder keeps literal.
const pathBit = 1; // RFC 3986 pchar + "/" (a valid "%XX" is handled separately)
const trQueryBit = 2; // pchar + "/" + "?", minus "&" and "+"
const queryBit = 4; // pchar + "/" + "?": "&", "=", "+" keep their meaning
const componentBit = 8; // what encodeURIComponent keeps
const formBit = 16; // what application/x-www-form-urlencoded (URLSearchParams) keeps

// Native regex checks for the common case (nothing to encode); faster than a JS loop.
const pathSafe = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2})*$/;
const trQuerySafe = /^(?:[A-Za-z0-9\-._~!$'()*,;=:@/?]|%[0-9A-Fa-f]{2})*$/;
const querySafe = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})*$/;
const formSafe = /^[A-Za-z0-9*\-._]*$/;
const componentSafe = /^[A-Za-z0-9\-._~!*'()]*$/;

let asciiFlags: Uint8Array | undefined;
let percentTable: string[] | undefined;

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

/** `%XX` (upper-case hex) for every byte value. */
function percents(): string[] {
  if (percentTable !== undefined) return percentTable;
  const hex = '0123456789ABCDEF';
  const table: string[] = [];
  for (let byte = 0; byte < 256; byte++) table.push('%' + hex[byte >> 4]! + hex[byte & 15]!);
  percentTable = table;
  return table;
}

function isHexAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index); // NaN past the end: not hex
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);
}

/**
 * The native encoder for text without `%` (so no escape to keep), or `undefined` when
 * the text holds a lone surrogate (`encodeURI` throws; the JS loop handles it).
 */
function nativeEncodeUri(text: string): string | undefined {
  if (text.includes('%')) return undefined;
  try {
    return encodeURI(text);
  } catch {
    return undefined;
  }
}

const pathExtras = /[?#]/g;
const slashRuns = /\/{2,}/g;
const trQueryExtras = /[&+#]/g;
const queryExtras = /#/g;
const formExtras = /[!'()~]/g;
const escapeOne = (char: string): string => '%' + char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0');

/**
 * The one encoding loop. `bit` picks the safe set; `keepEscapes` keeps valid `%XX`;
 * `collapseSlashes` turns runs of `/` into one; `spaceAsPlus` is the form rule.
 * Non-ASCII is written as UTF-8; a lone surrogate becomes U+FFFD, as `TextEncoder` and
 * the WHATWG URL parser do (`encodeURIComponent` would throw). Returns `text` itself
 * when nothing changes, so the common case allocates nothing.
 */
function encodeWith(
  text: string,
  bit: number,
  keepEscapes: boolean,
  collapseSlashes: boolean,
  spaceAsPlus: boolean,
): string {
  const table = flags();
  const length = text.length;
  let i = 0;
  for (; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128 && (table[code]! & bit) !== 0) {
      if (collapseSlashes && code === 47 && i > 0 && text.charCodeAt(i - 1) === 47) break;
      continue;
    }
    if (keepEscapes && code === 37 && isHexAt(text, i + 1) && isHexAt(text, i + 2)) {
      i += 2;
      continue;
    }
    break;
  }
  if (i === length) return text;

  const pct = percents();
  let out = text.slice(0, i);
  let runStart = i;
  for (; i < length; i++) {
    let code = text.charCodeAt(i);
    if (code < 128 && (table[code]! & bit) !== 0) {
      if (collapseSlashes && code === 47 && i > 0 && text.charCodeAt(i - 1) === 47) {
        out += text.slice(runStart, i);
        runStart = i + 1;
      }
      continue;
    }
    if (keepEscapes && code === 37 && isHexAt(text, i + 1) && isHexAt(text, i + 2)) {
      i += 2;
      continue;
    }
    if (runStart < i) out += text.slice(runStart, i);
    if (code < 128) {
      out += spaceAsPlus && code === 32 ? '+' : pct[code]!;
    } else if (code < 0x800) {
      out += pct[0xc0 | (code >> 6)]! + pct[0x80 | (code & 63)]!;
    } else {
      if (code >= 0xd800 && code <= 0xdfff) {
        const next = text.charCodeAt(i + 1);
        if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
          code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
          i++;
        } else {
          code = 0xfffd;
        }
      }
      if (code < 0x10000) {
        out += pct[0xe0 | (code >> 12)]! + pct[0x80 | ((code >> 6) & 63)]! + pct[0x80 | (code & 63)]!;
      } else {
        out +=
          pct[0xf0 | (code >> 18)]! +
          pct[0x80 | ((code >> 12) & 63)]! +
          pct[0x80 | ((code >> 6) & 63)]! +
          pct[0x80 | (code & 63)]!;
      }
    }
    runStart = i + 1;
  }
  return runStart < length ? out + text.slice(runStart) : out;
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
  // encodeURI keeps "?" and "#", which a path must not (rule 3).
  let native = nativeEncodeUri(path);
  if (native !== undefined) {
    if (native.includes('?') || native.includes('#')) native = native.replace(pathExtras, escapeOne);
    return native.includes('//') ? native.replace(slashRuns, '/') : native;
  }
  return encodeWith(path, pathBit, true, true, false);
}

/**
 * Encodes the `tr` value for the query (rule 4): `,` `:` `/` `?` `=` stay literal; space,
 * non-ASCII, `&`, `#`, `+`, `%` not starting an escape, controls and the characters
 * not valid in a query are percent-encoded. Idempotent.
 */
export function encodeTransformationQuery(value: string): string {
  if (trQuerySafe.test(value)) return value;
  const native = nativeEncodeUri(value);
  if (native !== undefined) return native.replace(trQueryExtras, escapeOne);
  return encodeWith(value, trQueryBit, true, false, false);
}

/**
 * Makes an existing query string (without `?`) valid without changing its meaning:
 * `&`, `=` and `+` stay literal; valid escapes are kept. Idempotent.
 */
export function encodeExistingQuery(query: string): string {
  if (querySafe.test(query)) return query;
  const native = nativeEncodeUri(query);
  if (native !== undefined) return native.replace(queryExtras, escapeOne);
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
  try {
    return encodeURIComponent(value).replace(formExtras, escapeOne).replaceAll('%20', '+');
  } catch {
    // A lone surrogate: the JS loop writes U+FFFD.
  }
  return encodeWith(value, formBit, false, false, true);
}

/**
 * `encodeURIComponent`, except that a lone surrogate becomes `%EF%BF%BD` instead of
 * throwing `URIError`.
 */
export function encodeComponent(value: string): string {
  if (componentSafe.test(value)) return value;
  try {
    return encodeURIComponent(value);
  } catch {
    // A lone surrogate: the JS loop writes U+FFFD.
  }
  return encodeWith(value, componentBit, false, false, false);
}
