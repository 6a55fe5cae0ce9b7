/**
 * @module url/build-url
 * `buildUrl()`: a synchronous, pure ImageKit URL builder (rules 1–5).
 * Rule numbers refer to docs/url-and-signing-rules.md.
 * No fetch, no crypto: safe in browsers and at the edge. Signing lives in the server entry.
 */
import { checkOptionKeys } from '../internal/options.js';
import { encodeExistingQuery, encodeFormComponent, encodePath, encodeTransformationQuery } from './encode.js';
import { parseSource, resolveEndpoint } from './origin.js';
import { renderSteps } from './transformation.js';
import type { BuildUrlOptions } from './types.js';
import { fail, record, text } from './values.js';

/** `query` + `&` + `part` (no `&` when the query is empty or already ends with one). */
function appendQuery(query: string, part: string): string {
  return query && !query.endsWith('&') ? query + '&' + part : query + part;
}

/** The keys of {@link BuildUrlOptions}; another key is a `TypeError` (transformation steps are not checked). */
export const buildUrlOptionKeys = ['urlEndpoint', 'path', 'src', 'transformation', 'transformationPosition', 'queryParameters'];

/**
 * Builds an ImageKit URL.
 *
 * - `path` is relative to `urlEndpoint`; `src` is a full `http(s)` URL (a relative `src`
 *   is treated as `path`). Exactly one of them.
 * - The transformation goes in a `tr:` path segment by default, or in the `tr` query
 *   parameter with `transformationPosition: 'query'`; with an absolute `src` always in the query.
 * - The path is percent-encoded so it can never add a query or a fragment (`?` → `%3F`,
 *   `#` → `%23`); already-encoded `%XX` is kept; runs of `/` collapse.
 * - Query order: existing query of the endpoint/`src`, then `queryParameters` (form
 *   encoding, insertion order), then `tr` (with `,` and `:` literal).
 *
 * @param options - See {@link BuildUrlOptions}.
 * @returns The URL; never an empty string.
 * @throws {TypeError} Neither or both of `path`/`src`; `urlEndpoint` or an absolute `src`
 *   is not a valid http(s) URL (the host is always the one `new URL(src)` gives); a `.` or
 *   `..` segment in `path` (any spelling, such as `%2e`); a `/` in a transformation value
 *   (except `defaultImage`, `overlayImage`, `fontFamily` and overlay inputs); overlays nested
 *   deeper than 16 levels; a bad `transformationPosition`; a value of the wrong type; an
 *   unknown option (`transformations` names `transformation`).
 * @throws {RangeError} A number in `transformation` or `queryParameters` is not finite.
 * @example
 * buildUrl({ urlEndpoint: 'https://ik.imagekit.io/demo', path: '/a.jpg', transformation: [{ width: 300 }] });
 * // "https://ik.imagekit.io/demo/tr:w-300/a.jpg"
 */
export function buildUrl(options: BuildUrlOptions): string {
  if (!record(options, 'options')) fail('options', 'be an object');
  checkOptionKeys(options, buildUrlOptionKeys, 'buildUrl');
  const { path, src, transformation, transformationPosition: position, queryParameters } = options;
  let inQuery = position === 'query';
  if (!inQuery && position !== undefined && position !== 'path') fail('transformationPosition', 'be "path" or "query"');
  const isPath = path !== undefined && path !== null;
  if (isPath === (src !== undefined && src !== null)) throw new TypeError('Give exactly one of `path` or `src`');
  let { origin, path: encodedPath, query } = resolveEndpoint(options.urlEndpoint);
  const tr = renderSteps(transformation, 'transformation');
  const source = isPath ? path : src;
  if (typeof source !== 'string' || !source) fail(isPath ? 'path' : 'src', 'be a non-empty string');
  let fragment = '';
  const absolute = isPath ? undefined : parseSource(source);
  if (absolute) {
    // Built from the parsed parts: the host is the one every client sees (rule 3).
    ({ origin, path: encodedPath, query, fragment } = absolute);
    inQuery = true;
  } else {
    // Encoded apart (regex tests on fresh concatenations are slow), joined without "//" (rule 3).
    const rest = encodePath(source);
    // Every client resolves "." and ".." before requesting, which would drop the tr segment
    // or leave the endpoint's path (rule 3). `rest` is encoded: a backslash is "%5C" there, never a "/".
    if (/(?:^|\/)(?:\.|%2e){1,2}(?:\/|$)/i.test(rest)) fail(isPath ? 'path' : 'src', "not contain '.' or '..' segments (%2e included)");
    // `tr` has no "/" (rule 7), so it is one segment.
    encodedPath += (tr && !inQuery ? '/tr:' + encodePath(tr) : '') + (rest[0] === '/' ? rest : '/' + rest);
  }
  if (record(queryParameters, 'queryParameters')) {
    for (const name of Object.keys(queryParameters!)) {
      const value = queryParameters![name];
      if (value !== undefined && value !== null) {
        query = appendQuery(query, encodeFormComponent(name) + '=' + encodeFormComponent(text(value, 'queryParameters.' + name, true)));
      }
    }
  }
  if (tr && inQuery) query = appendQuery(query, 'tr=' + encodeTransformationQuery(tr));
  return origin + encodedPath + (query && '?' + query) + fragment;
}
