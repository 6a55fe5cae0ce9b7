import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { runs } from '../support/runs.js';
import { wellFormed } from './oracle-helpers.js';
import { buildUrl } from '../../src/url/build-url.js';
import { buildTransformationString } from '../../src/url/transformation.js';
import type { Transformation } from '../../src/url/types.js';

const propertyRuns = runs(2000);
const tricky = fc.constantFrom(
  '/',
  '//',
  '?',
  '#',
  '%',
  '%20',
  '%zz',
  '&',
  '=',
  '+',
  ' ',
  'é',
  '😀',
  '\\',
  '"',
  '<',
  '|',
  '^',
  '`',
  '{',
  ',',
  ':',
  '@',
  "'",
  '\u0000',
  '\n',
  '\ud800',
  '.',
  '..',
);
const piece = fc.oneof(fc.string({ unit: 'binary', maxLength: 6 }), tricky, fc.stringMatching(/^[a-z0-9_-]{1,8}$/));
// Dot segments are refused (tests/url/safety.test.ts); these properties are about the rest.
const dotSegment = (path: string): boolean => path.split('/').some((segment) => /^(?:\.|%2e){1,2}$/i.test(segment));
const rawPath = fc
  .array(piece, { minLength: 1, maxLength: 8 })
  .map((parts) => parts.join(''))
  .filter((s) => s !== '' && !dotSegment(s));
const endpoint = fc.constantFrom(
  'https://ik.imagekit.io/demo',
  'https://ik.imagekit.io/demo/',
  'https://cdn.example.com',
  'http://localhost:8080/a/b/',
  'https://ik.imagekit.io/demo/?v=1',
);
const scalar = fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean(), fc.double({ noNaN: true, noDefaultInfinity: true }));
const step = fc
  .dictionary(
    fc.oneof(
      fc.constantFrom('width', 'height', 'rotation', 'aiEdit', 'raw', 'defaultImage', 'grayscale', 'sharpen', 'trim'),
      fc.stringMatching(/^[a-z]{1,5}$/),
    ),
    fc.oneof(scalar, fc.string({ unit: 'binary', maxLength: 8 })),
    { maxKeys: 4 },
  )
  .map((s) => ({ ...s, ...(typeof s['raw'] === 'number' || typeof s['raw'] === 'boolean' ? { raw: String(s['raw']) } : {}) }) as Transformation)
  // A "/" in a value is refused except in `defaultImage` (tests/url/safety.test.ts).
  .filter((s) => Object.entries(s).every(([k, v]) => k === 'defaultImage' || !String(v).includes('/')))
  // Empty and negative values are refused too (tests/url/safety.test.ts); keep valid steps.
  .filter((s) => {
    try {
      buildTransformationString([s]);
      return true;
    } catch {
      return false;
    }
  });
const transformation = fc.option(fc.array(step, { maxLength: 3 }), { nil: undefined });
const position = fc.constantFrom<'path' | 'query' | undefined>('path', 'query', undefined);
const queryParameters = fc.option(
  fc.dictionary(
    fc.string({ unit: 'binary', minLength: 1, maxLength: 6 }).filter((k) => k !== 'tr'),
    fc.oneof(fc.string({ unit: 'binary', maxLength: 8 }), fc.integer(), fc.boolean()),
    { maxKeys: 4 },
  ),
  { nil: undefined },
);
const input = fc.record({ urlEndpoint: endpoint, path: rawPath, transformation, transformationPosition: position, queryParameters });
const opts = (i: {
  urlEndpoint: string;
  path: string;
  transformation: Transformation[] | undefined;
  transformationPosition: 'path' | 'query' | undefined;
  queryParameters: Record<string, string | number | boolean> | undefined;
}) => {
  const o: Record<string, unknown> = { urlEndpoint: i.urlEndpoint, path: i.path };
  if (i.transformation !== undefined) o['transformation'] = i.transformation;
  if (i.transformationPosition !== undefined) o['transformationPosition'] = i.transformationPosition;
  if (i.queryParameters !== undefined) o['queryParameters'] = i.queryParameters;
  return o as unknown as Parameters<typeof buildUrl>[0];
};
const pathPart = (url: string): string => url.replace(/^https?:\/\/[^/]+/, '').replace(/[?#].*$/, '');

describe('buildUrl properties', () => {
  it('always returns a URL that new URL() parses, with the same origin as the endpoint', () => {
    fc.assert(
      fc.property(input, (i) => {
        const url = buildUrl(opts(i));
        expect(new URL(url).origin).toBe(new URL(i.urlEndpoint).origin);
      }),
      propertyRuns,
    );
  });
  it('never has "//" in the path after the host', () => {
    fc.assert(
      fc.property(input, (i) => !pathPart(buildUrl(opts(i))).includes('//')),
      propertyRuns,
    );
  });
  it('gives the same string when built twice', () => {
    fc.assert(
      fc.property(input, (i) => buildUrl(opts(i)) === buildUrl(opts(i))),
      propertyRuns,
    );
  });
  it('is idempotent: the encoded path built again gives the same URL', () => {
    fc.assert(
      fc.property(input, (i) => {
        const first = buildUrl({ urlEndpoint: i.urlEndpoint, path: i.path });
        const endpointPath = new URL(i.urlEndpoint).pathname.replace(/\/+$/, '');
        const encoded = pathPart(first).slice(endpointPath.length);
        return buildUrl({ urlEndpoint: i.urlEndpoint, path: encoded }) === first;
      }),
      propertyRuns,
    );
  });
  it('never lets a path add a query or a fragment', () => {
    fc.assert(
      fc.property(
        endpoint.filter((e) => !e.includes('?')),
        rawPath,
        (urlEndpoint, path) => {
          const url = new URL(buildUrl({ urlEndpoint, path }));
          return url.search === '' && url.hash === '';
        },
      ),
      propertyRuns,
    );
  });
  it('never lets a relative src add a query or a fragment', () => {
    // Text the WHATWG parser reads as a scheme ("a:b") is a TypeError (tests/url/safety.test.ts).
    fc.assert(
      fc.property(
        rawPath.filter((p) => !/^[\u0000- ]*[a-z][\w+.\-\t\n\r]*:/i.test(p)),
        (src) => {
          const url = new URL(buildUrl({ urlEndpoint: 'https://ik.imagekit.io/demo', src }));
          return url.search === '' && url.hash === '';
        },
      ),
      propertyRuns,
    );
  });
  it('decodes back to the input path (no "%", no dot segments, well-formed)', () => {
    const clean = rawPath.filter((p) => !p.includes('%') && wellFormed(p) && !p.split(/[/\\]/).some((s) => s === '.' || s === '..'));
    fc.assert(
      fc.property(clean, (path) => {
        const url = new URL(buildUrl({ urlEndpoint: 'https://ik.imagekit.io/demo', path }));
        return decodeURIComponent(url.pathname) === ('/demo/' + path).replace(/\/{2,}/g, '/');
      }),
      propertyRuns,
    );
  });
  it('round-trips queryParameters through URLSearchParams, in order, before tr', () => {
    fc.assert(
      fc.property(input, (i) => {
        const url = new URL(buildUrl(opts({ ...i, urlEndpoint: 'https://ik.imagekit.io/demo', transformationPosition: 'query' })));
        const expected = Object.entries(i.queryParameters ?? {})
          .filter(([k]) => wellFormed(k))
          .map(([k, v]) => [k, wellFormed(String(v)) ? String(v) : undefined]);
        const actual = [...url.searchParams].filter(([k]) => k !== 'tr').filter(([k]) => wellFormed(k));
        expect(actual.length).toBe(expected.length);
        actual.forEach(([k, v], n) => {
          expect(k).toBe(expected[n]![0]);
          if (expected[n]![1] !== undefined) expect(v).toBe(expected[n]![1]);
        });
        const keys = [...url.searchParams.keys()];
        if (keys.includes('tr')) expect(keys[keys.length - 1]).toBe('tr');
      }),
      propertyRuns,
    );
  });
});
