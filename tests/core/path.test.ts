import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pathSegment, queryString } from '../../src/core/path.js';

describe('pathSegment', () => {
  it('encodes characters that would change the path or add a query', () => {
    expect(pathSegment('fileId', 'a/b?c#d e')).toBe('a%2Fb%3Fc%23d%20e');
    expect(pathSegment('fileId', '../x')).toBe('..%2Fx');
  });

  it.each([
    ['', /non-empty string/],
    ['.', /"\." or "\.\."/],
    ['..', /"\." or "\.\."/],
  ])('rejects %j with a TypeError naming the argument', (value, message) => {
    expect(() => pathSegment('versionId', value)).toThrow(TypeError);
    expect(() => pathSegment('versionId', value)).toThrow(/`versionId`/);
    expect(() => pathSegment('versionId', value)).toThrow(message);
  });

  it('rejects non-strings', () => {
    for (const value of [undefined, null, 42, {}, ['a']]) expect(() => pathSegment('jobId', value)).toThrow(/`jobId`/);
  });

  it('always yields exactly one segment that decodes back to the input (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, unit: 'grapheme' }).filter((s) => s !== '.' && s !== '..'),
        (id) => {
          const segment = pathSegment('id', id);
          const url = new URL(`https://api.example.test/v1/files/${segment}/details`);
          expect(url.pathname.split('/')).toHaveLength(5);
          expect(decodeURIComponent(url.pathname.split('/')[3]!)).toBe(id);
          expect(url.search).toBe('');
          expect(url.hash).toBe('');
        },
      ),
    );
  });
});

describe('queryString', () => {
  it('skips undefined, joins arrays with commas, encodes spaces as %20', () => {
    expect(queryString({ a: 'x y', b: undefined, c: ['1', 2, true], d: false })).toBe('?a=x%20y&c=1%2C2%2Ctrue&d=false');
    expect(queryString({})).toBe('');
    expect(queryString(undefined)).toBe('');
  });

  it('round-trips through URLSearchParams (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (value) => {
        expect(new URLSearchParams(queryString({ q: value }).slice(1)).get('q')).toBe(value);
      }),
    );
  });
});
