import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { getResponsiveImageAttributes as jsAttributes } from '@imagekit/javascript';
import { getResponsiveImageAttributes as attributes } from '../../src/url/responsive.js';
import type { ResponsiveImageOptions } from '../../src/url/types.js';
import { meaning } from './oracle-helpers.js';

// @imagekit/javascript v5 is the oracle; URLs are compared by meaning (see oracle-helpers).
const E = 'https://ik.imagekit.io/demo';

function candidates(srcSet: string | undefined): Array<[string, string]> {
  if (srcSet === undefined) return [];
  return srcSet.split(', ').map((entry) => {
    const at = entry.lastIndexOf(' ');
    return [entry.slice(0, at), entry.slice(at + 1)];
  });
}

function expectSameAsOracle(options: ResponsiveImageOptions): void {
  const ours = attributes(options);
  const theirs = jsAttributes({ ...options, transformationPosition: options.transformationPosition ?? 'path' } as never);
  expect(meaning(ours.src, E)).toEqual(meaning(theirs.src, E));
  const a = candidates(ours.srcSet);
  const b = candidates(theirs.srcSet);
  expect(a.map(([, d]) => d)).toEqual(b.map(([, d]) => d));
  a.forEach(([url], i) => expect(meaning(url, E)).toEqual(meaning(b[i]![0], E)));
  expect(ours.sizes).toBe(theirs.sizes);
  expect(ours.width).toBe(theirs.width);
}

describe('getResponsiveImageAttributes: same as @imagekit/javascript', () => {
  it('uses 1x/2x descriptors for a width without sizes', () => {
    const r = attributes({ urlEndpoint: E, src: '/a.jpg', width: 400 });
    expect(r.srcSet).toBe(`${E}/tr:w-640,c-at_max/a.jpg 1x, ${E}/tr:w-828,c-at_max/a.jpg 2x`);
    expect(r.src).toBe(`${E}/tr:w-828,c-at_max/a.jpg`);
    expect(r.width).toBe(400);
    expect(r.sizes).toBeUndefined();
    expectSameAsOracle({ urlEndpoint: E, src: '/a.jpg', width: 400 });
  });
  it('uses w descriptors over device breakpoints and sizes 100vw with neither width nor sizes', () => {
    const r = attributes({ urlEndpoint: E, src: '/a.jpg' });
    expect(r.sizes).toBe('100vw');
    expect(candidates(r.srcSet).map(([, d]) => d)).toEqual(['640w', '750w', '828w', '1080w', '1200w', '1920w', '2048w', '3840w']);
    expectSameAsOracle({ urlEndpoint: E, src: '/a.jpg' });
  });
  it('drops breakpoints below the smallest vw share of the smallest device width', () => {
    const r = attributes({ urlEndpoint: E, src: '/a.jpg', sizes: '(min-width: 768px) 50vw, 100vw' });
    expect(candidates(r.srcSet)[0]![1]).toBe('384w');
    expectSameAsOracle({ urlEndpoint: E, src: '/a.jpg', sizes: '(min-width: 768px) 50vw, 100vw' });
  });
  it('uses every breakpoint for sizes without vw', () => {
    expect(candidates(attributes({ urlEndpoint: E, src: '/a.jpg', sizes: '300px' }).srcSet)).toHaveLength(16);
    expectSameAsOracle({ urlEndpoint: E, src: '/a.jpg', sizes: '300px' });
  });
  it('adds the width step after the user steps', () => {
    const r = attributes({ urlEndpoint: E, src: '/a.jpg', width: 100, transformation: [{ rotation: 90 }] });
    expect(r.src).toBe(`${E}/tr:rt-90:w-256,c-at_max/a.jpg`);
    expectSameAsOracle({ urlEndpoint: E, src: '/a.jpg', width: 100, transformation: [{ rotation: 90 }] });
  });
  it('keeps query parameters and the query position', () => {
    expectSameAsOracle({ urlEndpoint: E, src: '/a b.jpg', width: 300, transformationPosition: 'query', queryParameters: { v: '1' } });
  });
  it('matches the oracle on generated inputs', () => {
    const widths = fc.uniqueArray(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(
        fc.tuple(widths, widths).filter(([d, i]) => !d.some((w) => i.includes(w))),
        fc.option(fc.integer({ min: 1, max: 6000 }), { nil: undefined }),
        fc.option(fc.constantFrom('100vw', '50vw', '(max-width: 600px) 33vw, 80vw', '300px', '(min-width: 1px) 5vw, 120px'), { nil: undefined }),
        fc.constantFrom<'path' | 'query'>('path', 'query'),
        ([deviceBreakpoints, imageBreakpoints], width, sizes, transformationPosition) => {
          const options: ResponsiveImageOptions = { urlEndpoint: E, src: '/img/a.jpg', deviceBreakpoints, imageBreakpoints, transformationPosition };
          if (width !== undefined) options.width = width;
          if (sizes !== undefined) options.sizes = sizes;
          expectSameAsOracle(options);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('getResponsiveImageAttributes: our additions', () => {
  it('accepts path instead of src', () => {
    expect(attributes({ urlEndpoint: E, path: '/a.jpg', width: 400 }).src).toBe(`${E}/tr:w-828,c-at_max/a.jpg`);
  });
  it('caps candidates at maxWidth and drops duplicates', () => {
    const r = attributes({ urlEndpoint: E, src: '/a.jpg', maxWidth: 1000 });
    expect(candidates(r.srcSet).map(([, d]) => d)).toEqual(['640w', '750w', '828w', '1000w']);
    expect(r.src).toBe(`${E}/tr:w-1000,c-at_max/a.jpg`);
  });
  it('keeps only 1x when 2x would exceed maxWidth at the same width', () => {
    const r = attributes({ urlEndpoint: E, src: '/a.jpg', width: 600, maxWidth: 640 });
    expect(candidates(r.srcSet)).toEqual([[`${E}/tr:w-640,c-at_max/a.jpg`, '1x']]);
  });
  it('drops duplicate breakpoints', () => {
    const r = attributes({ urlEndpoint: E, src: '/a.jpg', deviceBreakpoints: [100, 100], imageBreakpoints: [100], sizes: '1px' });
    expect(candidates(r.srcSet)).toHaveLength(1);
  });
});

describe('getResponsiveImageAttributes: bad input', () => {
  it('throws RangeError naming width for NaN', () => {
    expect(() => attributes({ urlEndpoint: E, src: '/a.jpg', width: NaN })).toThrow(/`width`/);
  });
  it('throws RangeError naming width for 0', () => {
    expect(() => attributes({ urlEndpoint: E, src: '/a.jpg', width: 0 })).toThrow(RangeError);
  });
  it('throws TypeError naming width for a string', () => {
    expect(() => attributes({ urlEndpoint: E, src: '/a.jpg', width: '400' as never })).toThrow(TypeError);
  });
  it('throws RangeError naming maxWidth', () => {
    expect(() => attributes({ urlEndpoint: E, src: '/a.jpg', maxWidth: -1 })).toThrow(/`maxWidth`/);
  });
  it('throws TypeError naming deviceBreakpoints when it is not an array', () => {
    expect(() => attributes({ urlEndpoint: E, src: '/a.jpg', deviceBreakpoints: 640 as never })).toThrow(/`deviceBreakpoints`/);
  });
  it('throws RangeError naming the bad breakpoint', () => {
    expect(() => attributes({ urlEndpoint: E, src: '/a.jpg', imageBreakpoints: [16, Infinity] })).toThrow(/`imageBreakpoints\[1\]`/);
  });
  it('throws TypeError naming sizes when it is not a string', () => {
    expect(() => attributes({ urlEndpoint: E, src: '/a.jpg', sizes: 100 as never })).toThrow(/`sizes`/);
  });
  it('throws TypeError naming transformation when it is not an array', () => {
    expect(() => attributes({ urlEndpoint: E, src: '/a.jpg', transformation: {} as never })).toThrow(/`transformation`/);
  });
  it('throws TypeError naming urlEndpoint like buildUrl', () => {
    expect(() => attributes({ urlEndpoint: 'nope', src: '/a.jpg' })).toThrow(/`urlEndpoint`/);
  });
});
