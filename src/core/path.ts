/**
 * @module core/path
 * Safe path building for the management API. Every id that goes into a URL path passes
 * through {@link pathSegment}, so a value like `../accounts` or `a/b` can never change
 * which endpoint a request reaches (RFC 3986 §3.3: `.` and `..` segments are resolved
 * by URL parsers, and an encoded `/` stays inside its segment).
 */

/**
 * Validates an id and encodes it as one URL path segment.
 * @param name - the argument name, used in the error message (e.g. `fileId`).
 * @param value - the id.
 * @returns `encodeURIComponent(value)`.
 * @throws {TypeError} when the value is not a string, is empty, or is `.` / `..`.
 */
export function pathSegment(name: string, value: unknown): string {
  if (typeof value !== 'string' || value === '') {
    throw new TypeError(`The \`${name}\` argument must be a non-empty string`);
  }
  if (value === '.' || value === '..') {
    throw new TypeError(`The \`${name}\` argument must not be "." or ".."`);
  }
  return encodeURIComponent(value);
}

/** A query-string value: `undefined` values are skipped, arrays are comma-joined. */
export type QueryValue = string | number | boolean | readonly (string | number | boolean)[] | undefined;

/**
 * Builds `?a=1&b=2` from a record, or `''` when nothing is set.
 * Values are percent-encoded with `encodeURIComponent` (a space becomes `%20`, not `+`),
 * arrays are joined with `,` (the API's list syntax), `undefined` is skipped.
 */
export function queryString(query: Readonly<Record<string, QueryValue>> | undefined): string {
  if (!query) return '';
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.map(String).join(',') : String(value);
    parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(text)}`);
  }
  return parts.length === 0 ? '' : `?${parts.join('&')}`;
}
