/**
 * @module url/build-url
 * `buildUrl()`: a synchronous, pure ImageKit URL builder (url-rules Part A, rules 1–5).
 * No fetch, no crypto: safe in browsers and at the edge. Signing lives in the server entry.
 */
import {
  encodeExistingQuery,
  encodeFormComponent,
  encodeFragment,
  encodePath,
  encodeTransformationQuery,
} from './encode.js';
import { resolveEndpoint, splitAbsoluteSource } from './origin.js';
import { renderSteps } from './transformation.js';
import type { BuildUrlOptions } from './types.js';

const absoluteScheme = /^https?:/i;

function appendQuery(query: string, part: string): string {
  if (query === '') return part;
  return query.endsWith('&') ? query + part : query + '&' + part;
}

function queryValue(value: unknown, name: string): string | undefined {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw new RangeError(`\`queryParameters.${name}\` must be a finite number`);
      return String(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'undefined':
      return undefined;
    default:
      if (value === null) return undefined;
      throw new TypeError(`\`queryParameters.${name}\` must be a string, a number or a boolean`);
  }
}

function checkString(value: unknown, option: 'path' | 'src'): string {
  if (typeof value !== 'string') throw new TypeError(`\`${option}\` must be a string`);
  if (value === '') throw new TypeError(`\`${option}\` must not be empty`);
  return value;
}

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
 *   is not a valid http(s) URL; a bad `transformationPosition`; a value of the wrong type.
 * @throws {RangeError} A number in `transformation` or `queryParameters` is not finite.
 * @example
 * buildUrl({ urlEndpoint: 'https://ik.imagekit.io/demo', path: '/a.jpg', transformation: [{ width: 300 }] });
 * // "https://ik.imagekit.io/demo/tr:w-300/a.jpg"
 */
export function buildUrl(options: BuildUrlOptions): string {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('`options` must be an object with `urlEndpoint` and `path` or `src`');
  }
  const { path, src, transformation, transformationPosition, queryParameters } = options;
  let inQuery: boolean;
  if (transformationPosition === undefined || transformationPosition === 'path') inQuery = false;
  else if (transformationPosition === 'query') inQuery = true;
  else {
    throw new TypeError(
      `\`transformationPosition\` must be "path" or "query", got ${JSON.stringify(transformationPosition) ?? String(transformationPosition)}`,
    );
  }
  const hasPath = path !== undefined && path !== null;
  const hasSrc = src !== undefined && src !== null;
  if (hasPath === hasSrc) {
    throw new TypeError(hasPath ? 'Give either `path` or `src`, not both' : 'One of `path` or `src` is required');
  }
  const endpoint = resolveEndpoint(options.urlEndpoint);

  const tr = transformation === undefined ? '' : renderSteps(transformation, 'transformation');
  const source = hasPath ? checkString(path, 'path') : checkString(src, 'src');
  let origin: string;
  let encodedPath: string;
  let query: string;
  let fragment = '';
  if (hasSrc && absoluteScheme.test(source)) {
    const split = splitAbsoluteSource(source);
    origin = split.origin;
    encodedPath = encodePath(split.path === '' ? '/' : split.path);
    query = split.query === undefined ? '' : encodeExistingQuery(split.query);
    if (split.fragment !== undefined) fragment = '#' + encodeFragment(split.fragment);
    inQuery = true;
  } else {
    origin = endpoint.origin;
    query = endpoint.query;
    // The endpoint path is encoded once (cached); only the varying parts are encoded
    // here, and joined without creating "//" (rule 3).
    let rest = encodePath(source);
    if (rest.startsWith('/')) rest = rest.slice(1);
    encodedPath = endpoint.path + '/';
    if (tr !== '' && !inQuery) {
      const segment = encodePath(tr);
      encodedPath += segment.endsWith('/') ? 'tr:' + segment : 'tr:' + segment + '/';
    }
    encodedPath += rest;
  }

  if (queryParameters !== undefined && queryParameters !== null) {
    if (typeof queryParameters !== 'object' || Array.isArray(queryParameters)) {
      throw new TypeError('`queryParameters` must be an object of string, number or boolean values');
    }
    for (const name of Object.keys(queryParameters)) {
      const value = queryValue(queryParameters[name], name);
      if (value !== undefined) query = appendQuery(query, encodeFormComponent(name) + '=' + encodeFormComponent(value));
    }
  }
  if (tr !== '' && inQuery) query = appendQuery(query, 'tr=' + encodeTransformationQuery(tr));
  return query === '' ? origin + encodedPath + fragment : origin + encodedPath + '?' + query + fragment;
}
