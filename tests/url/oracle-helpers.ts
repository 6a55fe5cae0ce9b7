/**
 * Shared generators and URL normalisation for the differential tests against the
 * official SDKs. Not a test file itself.
 */
import fc from 'fast-check';

/** Whether a string has no lone surrogate (String#isWellFormed is ES2024). */
export function wellFormed(text: string): boolean {
  try {
    encodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}

/** Decodes %XX escapes to bytes and the bytes as UTF-8 (lenient, never throws). */
export function decodeLoose(text: string): string {
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '%' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      const cp = text.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      bytes.push(...encoder.encode(ch));
      i += ch.length - 1;
    }
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

export interface Meaning {
  origin: string;
  path: string;
  tr: string | null;
  params: Array<[string, string]>;
  hash: string;
}

/** What a URL means: origin, decoded path without the tr segment, decoded tr (either position), other params. */
export function meaning(url: string, endpoint: string): Meaning {
  const u = new URL(url);
  const endpointPath = new URL(endpoint).pathname.replace(/\/+$/, '');
  let path = u.pathname;
  let tr: string | null = u.searchParams.get('tr');
  const prefix = endpointPath + '/tr:';
  if (path.startsWith(prefix)) {
    const end = path.indexOf('/', prefix.length);
    tr = decodeLoose(path.slice(prefix.length, end === -1 ? undefined : end));
    path = endpointPath + (end === -1 ? '/' : path.slice(end));
  }
  return {
    origin: u.origin,
    path: decodeLoose(path),
    tr,
    params: [...u.searchParams].filter(([k]) => k !== 'tr'),
    hash: u.hash,
  };
}

const alnum = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/**
 * A value every generation renders the same: no "-" alone, no + & # % / ? \, not blank,
 * no trailing space (a raw trailing space at the end of an oracle's URL is stripped by the URL parser).
 */
export const safeValue = fc.stringMatching(/^[A-Za-z0-9_.](?:[A-Za-z0-9_. ,:-]{0,6}[A-Za-z0-9_.,:])?$/);
/** A number whose String() has no "+" (no huge exponents). */
// Non-negative: a negative number is a RangeError for us, or `N…` for rotation and layer
// offsets, where the official SDKs write `w--5` (tests/url/safety.test.ts pins ours).
export const safeNumber = fc.oneof(
  fc.integer({ min: 0, max: 5000 }),
  fc.integer({ min: 0, max: 400 }).map((n) => n / 8),
);

/** Path pieces that every generation encodes to the same decoded path. */
export function pathPiece(extra: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    fc.stringMatching(/^[a-z0-9_-]{1,8}$/),
    fc.constantFrom(
      'é',
      'Ñykaa',
      '😀',
      '你好',
      ' ',
      "'",
      '!',
      '$',
      '&',
      '(',
      ')',
      '*',
      '+',
      ',',
      ';',
      '=',
      ':',
      '@',
      '~',
      '%20',
      '%zz',
      '%',
      '"',
      '<',
      '>',
      '`',
      '{',
      '}',
      '|',
      '^',
      '[',
      ']',
      '\u0001',
      '\u007f',
      '\ud800',
      ...extra,
    ),
  );
}

/** A relative path: segments of pieces joined by one or more "/"; no dot segments, no leading "tr:". */
export function relativePath(extra: string[], slashes: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const segment = fc.array(pathPiece(extra), { minLength: 1, maxLength: 3 }).map((p) => p.join(''));
  return fc
    .tuple(slashes, fc.array(fc.tuple(segment, slashes), { minLength: 1, maxLength: 4 }))
    .map(([lead, parts]) => lead + parts.map(([s, sep], i) => s + (i === parts.length - 1 ? sep.slice(0, 1) : sep)).join(''))
    .filter((p) => !p.split('/').some((s) => s === '.' || s === '..' || /^%2e/i.test(s)) && !/^\/*tr:/.test(p));
}

export const alnumKey = fc.stringMatching(new RegExp(`^[${alnum}]{1,6}$`));
