/**
 * @module internal/options
 * The one check of options objects: every options object of the SDK (client options,
 * call parameters, request options, `buildUrl` options, upload options) rejects a key it
 * does not know with one message, which names the key and, when one is close, the
 * option the caller probably meant:
 *
 *     `serachQuery` is not an option of listFiles; did you mean `searchQuery`?
 *
 * "Close" is one edit on the lowercase names (see {@link closest}). Keys
 * whose value is `undefined` are checked too: a misspelled key is a mistake whatever
 * its value. Transformation steps are NOT checked here: their unknown keys pass through
 * so that new ImageKit parameters work at once.
 */

/**
 * Throws a `TypeError` for the first own enumerable key of `value` that is not in `known`.
 * @param where what the options belong to, e.g. `listFiles`, `buildUrl`, `the ImageKit client`.
 */
export function checkOptionKeys(value: object, known: readonly string[], where: string): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) throw unknownOption(key, known, where);
  }
}

/** The error for `key`, unknown among `known` in `where` (see the module comment for the wording). */
export function unknownOption(key: string, known: readonly string[], where: string): TypeError {
  const guess = closest(key, known);
  return new TypeError(`\`${key}\` is not an option of ${where}${guess === undefined ? '' : `; did you mean \`${guess}\`?`}`);
}

/**
 * The name in `known` that `key` is a likely typo of: the same ignoring case, or one edit
 * away ignoring case (one character inserted, deleted or changed, or two neighbours
 * swapped). Only one edit, so that the check stays small enough for `buildUrl`.
 */
export function closest(key: string, known: readonly string[]): string | undefined {
  return known.find((name) => oneEditApart(key.toLowerCase(), name.toLowerCase()));
}

/** True when `a` and `b` differ by at most one insertion, deletion, substitution or swap of neighbours. */
export function oneEditApart(a: string, b: string): boolean {
  // Drop the common start and end; what is left must be one character or less on each
  // side, or two characters swapped.
  let start = 0;
  while (start < a.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const restA = a.slice(start, endA);
  const restB = b.slice(start, endB);
  return (restA.length < 2 && restB.length < 2) || (restA.length === 2 && restB === restA[1]! + restA[0]!);
}

/**
 * A numeric call option (`timeout`, `maxRetries`, …): `fallback` when `undefined`, else a
 * finite number ≥ 0, and an integer when `integer` is true.
 * @throws {RangeError} naming the option otherwise.
 */
export function nonNegativeOption(name: string, value: unknown, fallback: number, integer: boolean): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || (integer && !Number.isInteger(value))) {
    throw new RangeError(`The \`${name}\` option must be a ${integer ? 'non-negative integer' : 'non-negative finite number'}`);
  }
  return value;
}

/**
 * A base URL option (`baseUrl`, `uploadBaseUrl`): `fallback` when `undefined`, else an
 * absolute http(s) URL without credentials, query or fragment (paths are appended to it),
 * returned without trailing slashes.
 * @throws {TypeError} naming the option otherwise.
 */
export function baseUrlOption(name: string, value: unknown, fallback: string): string {
  if (value === undefined) return fallback;
  let url: URL | undefined;
  try {
    url = new URL(value as string);
  } catch {
    // not a URL: rejected below
  }
  if (typeof value !== 'string' || !url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new TypeError(`The \`${name}\` option must be an absolute http(s) URL`);
  }
  if (url.username || url.password || /[?#]/.test(value)) {
    throw new TypeError(`The \`${name}\` option must not contain credentials, a query or a fragment`);
  }
  return value.replace(/\/+$/, '');
}
