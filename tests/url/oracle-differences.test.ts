import { describe, it, expect } from 'vitest';
import { buildSrc as jsBuildSrc, buildTransformationString as jsBts } from '@imagekit/javascript';
import NodeImageKit from '@imagekit/nodejs';
import LegacyImageKit from 'imagekit';
import { buildUrl } from '../../src/url/build-url.js';
import { buildTransformationString as bts } from '../../src/url/transformation.js';

// Each test pins a case where an official SDK differs from docs/url-and-signing-rules.md (rule numbers
// refer to it); our rule decides.
// The oracle's own output is asserted too, so a change in the oracle is noticed.
const E = 'https://ik.imagekit.io/demo';
const node = new NodeImageKit({ privateKey: 'private_key_test' });
const legacy = new LegacyImageKit({ publicKey: 'p', privateKey: 'private_key_test', urlEndpoint: E });
const nodeBts = (t: unknown): string => node.helper.buildTransformationString(t as never);

describe('JS v5 differences', () => {
  it('"?" in a relative src: JS v5 makes a query, we encode %3F (rule 3)', () => {
    expect(jsBuildSrc({ urlEndpoint: E, src: '/a?b=1' })).toBe(`${E}/a?b=1`);
    expect(buildUrl({ urlEndpoint: E, src: '/a?b=1' })).toBe(`${E}/a%3Fb=1`);
  });
  it('"#" in a relative src: JS v5 makes a fragment, we encode %23 (rule 3)', () => {
    expect(jsBuildSrc({ urlEndpoint: E, src: '/a#b' })).toBe(`${E}/a#b`);
    expect(buildUrl({ urlEndpoint: E, src: '/a#b' })).toBe(`${E}/a%23b`);
  });
  it('default position: JS v5 query, ours path (rule 2)', () => {
    expect(jsBuildSrc({ urlEndpoint: E, src: '/a.jpg', transformation: [{ width: 1 }] })).toBe(`${E}/a.jpg?tr=w-1`);
    expect(buildUrl({ urlEndpoint: E, src: '/a.jpg', transformation: [{ width: 1 }] })).toBe(`${E}/tr:w-1/a.jpg`);
  });
  it('overlay position order: JS v5 lap before lfo, ours lfo before lap (Node v7)', () => {
    const t = [{ overlay: { type: 'text' as const, text: 'a', position: { focus: 'center' as const, anchorPoint: 'top' as const } } }];
    expect(jsBts(t)).toBe('l-text,i-a,lap-top,lfo-center,l-end');
    expect(bts(t)).toBe('l-text,i-a,lfo-center,lap-top,l-end');
  });
  it('fontFamily with "/": older JS v5 releases kept ff-a/b; JS 5.5.1 writes ff-a@@b like Node v7 and us', () => {
    expect(jsBts([{ fontFamily: 'a/b.ttf' } as never])).toBe('ff-a@@b.ttf');
    expect(bts([{ fontFamily: 'a/b.ttf' }])).toBe('ff-a@@b.ttf');
  });
  it('color: JS v5 has no such name (color-red), ours co-red (Node v7)', () => {
    expect(jsBts([{ color: 'red' } as never])).toBe('color-red');
    expect(bts([{ color: 'red' }])).toBe('co-red');
  });
  it('invalid endpoint: JS v5 returns "", we throw TypeError naming urlEndpoint (rule 1)', () => {
    const error = console.error;
    console.error = () => {};
    try {
      expect(jsBuildSrc({ urlEndpoint: 'ik.imagekit.io/demo', src: '/a.jpg' })).toBe('');
    } finally {
      console.error = error;
    }
    expect(() => buildUrl({ urlEndpoint: 'ik.imagekit.io/demo', src: '/a.jpg' })).toThrow(/`urlEndpoint`/);
  });
});

describe('Node v7 differences', () => {
  it('path-position tr: Node v7 leaves spaces raw, we encode %20 (rule 4)', () => {
    const o = { urlEndpoint: E, src: '/a', transformationPosition: 'path' as const, transformation: [{ aiEdit: 'prompt-a b' }] };
    expect(node.helper.buildSrc({ ...o })).toBe(`${E}/tr:e-edit-prompt-a b/a`);
    expect(buildUrl(o)).toBe(`${E}/tr:e-edit-prompt-a%20b/a`);
  });
  it('query tr with "+": Node v7 leaves it raw (reads back as a space), we encode %2B (rule 4)', () => {
    const o = { urlEndpoint: E, src: '/a', transformationPosition: 'query' as const, transformation: [{ raw: 'x+y' }] };
    expect(node.helper.buildSrc({ ...o })).toBe(`${E}/a?tr=x+y`);
    expect(new URL(buildUrl(o)).searchParams.get('tr')).toBe('x+y');
  });
  it('query tr with "&": Node v7 splits the parameter, we encode %26 (rule 4)', () => {
    const o = { urlEndpoint: E, src: '/a', transformationPosition: 'query' as const, transformation: [{ raw: 'x&y' }] };
    expect(new URL(node.helper.buildSrc({ ...o })).searchParams.get('tr')).toBe('x');
    expect(new URL(buildUrl(o)).searchParams.get('tr')).toBe('x&y');
  });
  it('query tr with "#": Node v7 starts a fragment, we encode %23 (rule 4)', () => {
    const o = { urlEndpoint: E, src: '/a', transformationPosition: 'query' as const, transformation: [{ raw: 'x#y' }] };
    expect(new URL(node.helper.buildSrc({ ...o })).hash).toBe('#y');
    expect(new URL(buildUrl(o)).hash).toBe('');
  });
  it('"\\" in a path: Node v7 turns it into "/", we encode %5C (rule 3)', () => {
    expect(node.helper.buildSrc({ urlEndpoint: E, src: '/a\\b' })).toBe(`${E}/a/b`);
    expect(buildUrl({ urlEndpoint: E, src: '/a\\b' })).toBe(`${E}/a%5Cb`);
  });
  it('tab in a path: Node v7 drops it, we encode %09 (rule 3)', () => {
    expect(node.helper.buildSrc({ urlEndpoint: E, src: '/a\tb' })).toBe(`${E}/ab`);
    expect(buildUrl({ urlEndpoint: E, src: '/a\tb' })).toBe(`${E}/a%09b`);
  });
  it('"//" in an absolute src: Node v7 keeps it, we collapse it (rule 3)', () => {
    expect(node.helper.buildSrc({ urlEndpoint: E, src: 'https://x.example.com/a//b' })).toBe('https://x.example.com/a//b');
    expect(buildUrl({ urlEndpoint: E, src: 'https://x.example.com/a//b' })).toBe('https://x.example.com/a/b');
  });
  it('fragment of an absolute src: Node v7 puts tr inside it, we keep tr in the query', () => {
    const o = { urlEndpoint: E, src: 'https://x.example.com/v.mp4#t=5', transformation: [{ width: 1 }] };
    expect(node.helper.buildSrc({ ...o })).toBe('https://x.example.com/v.mp4#t=5?tr=w-1');
    expect(buildUrl(o)).toBe('https://x.example.com/v.mp4?tr=w-1#t=5');
  });
  it('invalid src "https://": Node v7 returns "", we throw TypeError naming src (rule 1)', () => {
    expect(node.helper.buildSrc({ urlEndpoint: E, src: 'https://' })).toBe('');
    expect(() => buildUrl({ urlEndpoint: E, src: 'https://' })).toThrow(/`src`/);
  });
  it('bad transformationPosition: Node v7 falls back to path, we throw TypeError (rule 2)', () => {
    const o = { urlEndpoint: E, src: '/a', transformation: [{ width: 1 }], transformationPosition: 'bogus' as never };
    expect(node.helper.buildSrc({ ...o })).toBe(`${E}/tr:w-1/a`);
    expect(() => buildUrl(o)).toThrow(/`transformationPosition`/);
  });
});

describe('new-generation value differences (Node v7 and JS v5 agree; our rules win)', () => {
  it('"-" on an optional-value effect: they write e-sharpen--, we write e-sharpen (rule 7)', () => {
    expect(nodeBts([{ sharpen: '-' }])).toBe('e-sharpen--');
    expect(jsBts([{ sharpen: '-' } as never])).toBe('e-sharpen--');
    expect(bts([{ sharpen: '-' }])).toBe('e-sharpen');
  });
  it('"-" on an ordinary key: they write w--, we write w (rule 7)', () => {
    expect(nodeBts([{ width: '-' }])).toBe('w--');
    expect(bts([{ width: '-' }])).toBe('w');
  });
  it('flag-only effect with a value: they omit it, we write e-contrast-1 (rule 7)', () => {
    expect(nodeBts([{ contrastStretch: '1' }])).toBe('');
    expect(jsBts([{ contrastStretch: '1' } as never])).toBe('');
    expect(bts([{ contrastStretch: '1' }])).toBe('e-contrast-1');
  });
  it('empty raw: they leave a trailing ":", we do not (rule 7)', () => {
    expect(nodeBts([{ width: 400 }, { raw: '' }])).toBe('w-400:');
    expect(jsBts([{ width: 400 }, { raw: '' }])).toBe('w-400:');
    expect(bts([{ width: 400 }, { raw: '' }])).toBe('w-400');
  });
  it('NaN: they write w-NaN, we throw RangeError (rule 7)', () => {
    expect(nodeBts([{ width: NaN }])).toBe('w-NaN');
    expect(() => bts([{ width: NaN }])).toThrow(RangeError);
  });
  it('legacy names: they pass effect_sharpen through, we map it (rule 6)', () => {
    expect(nodeBts([{ effect_sharpen: '-' }])).toBe('effect_sharpen--');
    expect(bts([{ effect_sharpen: '-' }])).toBe('e-sharpen');
  });
});

describe('imagekit v6 (legacy) differences', () => {
  it('query tr: v6 form-encodes "," and ":", we keep them literal (rule 4)', () => {
    const o = { path: '/a.jpg', transformationPosition: 'query' as const, transformation: [{ width: 1, height: 2 }, { rotation: 3 }] };
    expect(legacy.url({ ...o })).toBe(`${E}/a.jpg?tr=w-1%2Ch-2%3Art-3`);
    expect(buildUrl({ urlEndpoint: E, ...o })).toBe(`${E}/a.jpg?tr=w-1,h-2:rt-3`);
  });
  it('flag effect true: v6 writes e-grayscale-true, we write e-grayscale (rule 7)', () => {
    const o = { path: '/a.jpg', transformation: [{ effectGray: true }] };
    expect(legacy.url({ ...o } as never)).toBe(`${E}/tr:e-grayscale-true/a.jpg`);
    expect(buildUrl({ urlEndpoint: E, ...o })).toBe(`${E}/tr:e-grayscale/a.jpg`);
  });
  it('empty step: v6 writes "::", we skip it (rule 7)', () => {
    const o = { path: '/a.jpg', transformation: [{ width: 1 }, {}, { height: 2 }] };
    expect(legacy.url({ ...o })).toBe(`${E}/tr:w-1::h-2/a.jpg`);
    expect(buildUrl({ urlEndpoint: E, ...o })).toBe(`${E}/tr:w-1:h-2/a.jpg`);
  });
  it('queryParameters: v6 replaces an existing key, we append (rule 5)', () => {
    const o = { src: 'https://x.example.com/a?v=1', queryParameters: { v: '2' } };
    expect(legacy.url({ ...o })).toBe('https://x.example.com/a?v=2');
    expect(buildUrl({ urlEndpoint: E, ...o })).toBe('https://x.example.com/a?v=1&v=2');
  });
  it('endpoint without slash + path without slash: v6 concatenates (/demoa.jpg), we join (rule 3)', () => {
    expect(legacy.url({ path: 'a.jpg' })).toBe(`${E}a.jpg`);
    expect(buildUrl({ urlEndpoint: E, path: 'a.jpg' })).toBe(`${E}/a.jpg`);
  });
  it('endpoint with slash + path with slash: v6 keeps "//", we collapse (rule 3)', () => {
    expect(legacy.url({ path: '/a.jpg', urlEndpoint: `${E}/` })).toBe(`${E}//a.jpg`);
    expect(buildUrl({ urlEndpoint: `${E}/`, path: '/a.jpg' })).toBe(`${E}/a.jpg`);
  });
});
