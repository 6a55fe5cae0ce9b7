import { describe, it, expect } from 'vitest';
import { buildUrl } from '../../src/url/build-url.js';
import type { BuildUrlOptions, BuildUrlSettings } from '../../src/url/types.js';

// Rule numbers refer to docs/url-and-signing-rules.md.
const E = 'https://ik.imagekit.io/test_url_endpoint';
const build = (options: Partial<BuildUrlSettings> & { path?: string; src?: string }): string =>
  buildUrl({ urlEndpoint: E, ...options } as BuildUrlOptions);

describe('buildUrl: path and src (rule 1)', () => {
  it('joins a path to the endpoint', () => {
    expect(build({ path: '/test_path.jpg' })).toBe(`${E}/test_path.jpg`);
  });
  it('adds the "/" between endpoint and a path without one', () => {
    expect(build({ path: 'test_path.jpg' })).toBe(`${E}/test_path.jpg`);
  });
  it('gives the same URL with or without a trailing slash on the endpoint', () => {
    expect(buildUrl({ urlEndpoint: `${E}/`, path: '/a.jpg' })).toBe(build({ path: '/a.jpg' }));
  });
  it('uses an absolute src as it is', () => {
    expect(build({ src: 'https://other.example.com/a/b.jpg' })).toBe('https://other.example.com/a/b.jpg');
  });
  it('ignores the endpoint for an absolute src', () => {
    expect(build({ src: 'https://x.example.com/a.jpg', transformation: [{ width: 1 }] })).toBe('https://x.example.com/a.jpg?tr=w-1');
  });
  it('treats a relative src as a path', () => {
    expect(build({ src: '/a.jpg', transformation: [{ width: 1 }] })).toBe(build({ path: '/a.jpg', transformation: [{ width: 1 }] }));
  });
  it('puts a relative src under the endpoint', () => {
    expect(build({ src: 'a/b.jpg' })).toBe(`${E}/a/b.jpg`);
  });
  it('keeps the endpoint path (url-pattern) in front', () => {
    expect(buildUrl({ urlEndpoint: 'https://cdn.example.com/img/v1', path: 'a.jpg' })).toBe('https://cdn.example.com/img/v1/a.jpg');
  });
  it('works with an endpoint without a path', () => {
    expect(buildUrl({ urlEndpoint: 'https://cdn.example.com', path: 'a.jpg', transformation: [{ width: 2 }] })).toBe(
      'https://cdn.example.com/tr:w-2/a.jpg',
    );
  });
  it('normalises the endpoint host to lower case', () => {
    expect(buildUrl({ urlEndpoint: 'https://IK.ImageKit.io/x', path: 'a.jpg' })).toBe('https://ik.imagekit.io/x/a.jpg');
  });
  it('keeps a non-default port', () => {
    expect(buildUrl({ urlEndpoint: 'http://127.0.0.1:8080/x', path: 'a.jpg' })).toBe('http://127.0.0.1:8080/x/a.jpg');
  });
  it('accepts an upper-case scheme in src', () => {
    expect(build({ src: 'HTTPS://x.example.com/a.jpg' })).toBe('https://x.example.com/a.jpg');
  });
  it('gives "/" for an absolute src without a path', () => {
    expect(build({ src: 'https://x.example.com' })).toBe('https://x.example.com/');
  });
  it('keeps the fragment of an absolute src at the very end, after tr', () => {
    expect(build({ src: 'https://x.example.com/v.mp4#t=5', transformation: [{ width: 1 }] })).toBe('https://x.example.com/v.mp4?tr=w-1#t=5');
  });
});

describe('buildUrl: transformation position (rule 2)', () => {
  it('puts tr in the path by default', () => {
    expect(build({ path: '/a.jpg', transformation: [{ width: 300, height: 200 }] })).toBe(`${E}/tr:w-300,h-200/a.jpg`);
  });
  it('puts tr in the path with position "path"', () => {
    expect(build({ path: '/a.jpg', transformationPosition: 'path', transformation: [{ width: 1 }, { rotation: 90 }] })).toBe(
      `${E}/tr:w-1:rt-90/a.jpg`,
    );
  });
  it('puts tr in the query with position "query"', () => {
    expect(build({ path: '/a.jpg', transformationPosition: 'query', transformation: [{ width: 300, height: 200 }] })).toBe(
      `${E}/a.jpg?tr=w-300,h-200`,
    );
  });
  it('puts tr in the query for an absolute src even with position "path"', () => {
    expect(build({ src: 'https://x.example.com/a.jpg', transformationPosition: 'path', transformation: [{ width: 1 }] })).toBe(
      'https://x.example.com/a.jpg?tr=w-1',
    );
  });
  it('adds no tr when the transformation renders empty', () => {
    expect(build({ path: '/a.jpg', transformation: [{}, { raw: '' }] })).toBe(`${E}/a.jpg`);
  });
  it('throws TypeError naming transformationPosition for another value', () => {
    expect(() => build({ path: 'a', transformationPosition: 'header' as never })).toThrow(/`transformationPosition`/);
  });
  it('throws TypeError for transformationPosition null', () => {
    expect(() => build({ path: 'a', transformationPosition: null as never })).toThrow(TypeError);
  });
});

describe('buildUrl: path encoding (rule 3)', () => {
  it('encodes spaces as %20', () => {
    expect(build({ path: '/a b.jpg' })).toBe(`${E}/a%20b.jpg`);
  });
  it('encodes non-ASCII as UTF-8', () => {
    expect(build({ path: '/test_é_path_alt.jpg' })).toBe(`${E}/test_%C3%A9_path_alt.jpg`);
  });
  it('encodes "?" so a path cannot add a query', () => {
    expect(build({ path: '/a?b=1.jpg' })).toBe(`${E}/a%3Fb=1.jpg`);
  });
  it('encodes "#" so a path cannot add a fragment', () => {
    expect(build({ path: '/a#b.jpg' })).toBe(`${E}/a%23b.jpg`);
  });
  it('encodes "?" and "#" in a relative src too (JS v5 would make them a query and fragment)', () => {
    expect(build({ src: 'a?b#c.jpg' })).toBe(`${E}/a%3Fb%23c.jpg`);
  });
  it.each([
    ['"', '%22'],
    ['<', '%3C'],
    ['>', '%3E'],
    ['`', '%60'],
    ['{', '%7B'],
    ['}', '%7D'],
    ['|', '%7C'],
    ['^', '%5E'],
    ['\\', '%5C'],
    ['\u0001', '%01'],
    ['\u007f', '%7F'],
  ])('encodes %j as %s', (char, code) => {
    expect(build({ path: `/a${char}b` })).toBe(`${E}/a${code}b`);
  });
  it("keeps RFC 3986 sub-delims and ':' '@' literal", () => {
    expect(build({ path: "/a!$&'()*+,;=:@~b" })).toBe(`${E}/a!$&'()*+,;=:@~b`);
  });
  it('keeps an already-encoded %XX', () => {
    expect(build({ path: '/a%20b%C3%A9.jpg' })).toBe(`${E}/a%20b%C3%A9.jpg`);
  });
  it('encodes a "%" that does not start an escape as %25', () => {
    expect(build({ path: '/100%.jpg' })).toBe(`${E}/100%25.jpg`);
  });
  it('encodes "%" followed by one hex digit as %25', () => {
    expect(build({ path: '/a%2.jpg' })).toBe(`${E}/a%252.jpg`);
  });
  it('collapses runs of "/" in the path', () => {
    expect(build({ path: '///a//b///c.jpg' })).toBe(`${E}/a/b/c.jpg`);
  });
  it('keeps a trailing "/"', () => {
    expect(build({ path: '/folder/' })).toBe(`${E}/folder/`);
  });
  it('gives the endpoint with a trailing "/" for path "/"', () => {
    expect(build({ path: '/' })).toBe(`${E}/`);
  });
  it('collapses "//" in an absolute src path', () => {
    expect(build({ src: 'https://x.example.com//a//b.jpg' })).toBe('https://x.example.com/a/b.jpg');
  });
  it('encodes the path of an absolute src', () => {
    expect(build({ src: 'https://x.example.com/a b/é.jpg' })).toBe('https://x.example.com/a%20b/%C3%A9.jpg');
  });
  it('encodes a lone surrogate as U+FFFD', () => {
    expect(build({ path: '/a\ud800b' })).toBe(`${E}/a%EF%BF%BDb`);
  });
  it('encodes an emoji as 4 UTF-8 bytes', () => {
    expect(build({ path: '/🎉.jpg' })).toBe(`${E}/%F0%9F%8E%89.jpg`);
  });
});

describe('buildUrl: tr encoding (rule 4)', () => {
  it('keeps "," and ":" literal in the query', () => {
    expect(build({ path: 'a', transformationPosition: 'query', transformation: [{ width: 1, height: 2 }, { rotation: 3 }] })).toBe(
      `${E}/a?tr=w-1,h-2:rt-3`,
    );
  });
  it('encodes spaces in a query tr as %20', () => {
    expect(build({ path: 'a', transformationPosition: 'query', transformation: [{ aiEdit: 'prompt-make it vintage' }] })).toBe(
      `${E}/a?tr=e-edit-prompt-make%20it%20vintage`,
    );
  });
  it.each([
    ['&', '%26'],
    ['#', '%23'],
    ['+', '%2B'],
    ['é', '%C3%A9'],
    ['"', '%22'],
    ['\n', '%0A'],
  ])('encodes %j in a query tr as %s', (char, code) => {
    expect(build({ path: 'a', transformationPosition: 'query', transformation: [{ raw: `x${char}y` }] })).toBe(`${E}/a?tr=x${code}y`);
  });
  it('encodes a lone "%" in a query tr as %25', () => {
    expect(build({ path: 'a', transformationPosition: 'query', transformation: [{ raw: 'x%y' }] })).toBe(`${E}/a?tr=x%25y`);
  });
  it('keeps the %XX of overlay text in a query tr (no double encoding)', () => {
    expect(build({ path: 'a', transformationPosition: 'query', transformation: [{ overlay: { type: 'text', text: 'Minimal Text' } }] })).toBe(
      `${E}/a?tr=l-text,i-Minimal%20Text,l-end`,
    );
  });
  it('keeps "," and ":" literal in a path tr', () => {
    expect(build({ path: 'a', transformation: [{ width: 1, height: 2 }, { rotation: 3 }] })).toBe(`${E}/tr:w-1,h-2:rt-3/a`);
  });
  it('encodes spaces in a path tr (Node v7 leaves them raw)', () => {
    expect(build({ path: 'a', transformation: [{ aiEdit: 'prompt-make it vintage' }] })).toBe(`${E}/tr:e-edit-prompt-make%20it%20vintage/a`);
  });
  it('encodes "?" and "#" in a path tr', () => {
    expect(build({ path: 'a', transformation: [{ raw: 'x?y#z' }] })).toBe(`${E}/tr:x%3Fy%23z/a`);
  });
  it('keeps overlay base64 escapes in a path tr', () => {
    expect(build({ path: 'a', transformation: [{ overlay: { type: 'text', text: 'a/b' } }] })).toBe(`${E}/tr:l-text,ie-YS9i,l-end/a`);
  });
});

describe('buildUrl: query parameters (rule 5)', () => {
  it('appends queryParameters in insertion order', () => {
    expect(build({ path: 'a', queryParameters: { b: '2', a: '1' } })).toBe(`${E}/a?b=2&a=1`);
  });
  it('form-encodes keys and values (space → +, & → %26)', () => {
    expect(build({ path: 'a', queryParameters: { 'k y': 'a b&c=d' } })).toBe(`${E}/a?k+y=a+b%26c%3Dd`);
  });
  it('writes numbers and booleans', () => {
    expect(build({ path: 'a', queryParameters: { n: 1.5, t: true, f: false } })).toBe(`${E}/a?n=1.5&t=true&f=false`);
  });
  it('skips undefined values', () => {
    expect(build({ path: 'a', queryParameters: { a: undefined as never, b: 'x' } })).toBe(`${E}/a?b=x`);
  });
  it('puts the existing query of src first, then queryParameters, then tr', () => {
    expect(build({ src: 'https://x.example.com/a.jpg?v=1', queryParameters: { p: '2' }, transformation: [{ width: 3 }] })).toBe(
      'https://x.example.com/a.jpg?v=1&p=2&tr=w-3',
    );
  });
  it('keeps the endpoint query first', () => {
    expect(
      buildUrl({
        urlEndpoint: `${E}/?v=1`,
        path: 'a.jpg',
        queryParameters: { p: '2' },
        transformationPosition: 'query',
        transformation: [{ width: 3 }],
      }),
    ).toBe(`${E}/a.jpg?v=1&p=2&tr=w-3`);
  });
  it('puts tr after queryParameters in the query position', () => {
    expect(build({ path: 'a', transformationPosition: 'query', queryParameters: { v: '1' }, transformation: [{ width: 3 }] })).toBe(
      `${E}/a?v=1&tr=w-3`,
    );
  });
  it('keeps duplicate keys of the existing query', () => {
    expect(build({ src: 'https://x.example.com/a?k=1&k=2', queryParameters: { k: '3' } })).toBe('https://x.example.com/a?k=1&k=2&k=3');
  });
  it('encodes spaces and non-ASCII of an existing src query', () => {
    expect(build({ src: 'https://x.example.com/a?q=a b&r=é' })).toBe('https://x.example.com/a?q=a%20b&r=%C3%A9');
  });
});

describe('buildUrl: bad input', () => {
  it('a bad endpoint or src host throws every time, also right after a good one (the last-value memo never keeps a failure)', () => {
    for (const urlEndpoint of [E, 'ik.imagekit.io/x', 'ik.imagekit.io/x', E, 'https://u:p@ik.imagekit.io/x', E]) {
      const call = (): string => buildUrl({ urlEndpoint, path: '/a.jpg' });
      if (urlEndpoint === E) expect(call()).toBe(E + '/a.jpg');
      else expect(call).toThrow(/`urlEndpoint`/);
    }
    for (const src of ['https://a.example/x.jpg', 'https://u:p@a.example/x.jpg', 'https://u:p@a.example/x.jpg', 'https://a.example/y.jpg']) {
      const call = (): string => buildUrl({ urlEndpoint: E, src });
      if (src.includes('@')) expect(call).toThrow(/`src`/);
      else expect(call()).toBe(src);
    }
  });
  it('throws TypeError when options is not an object', () => {
    expect(() => buildUrl(undefined as never)).toThrow(/`options`/);
  });
  it('throws TypeError naming path and src when neither is given', () => {
    expect(() => build({})).toThrow(/`path` or `src`/);
  });
  it('throws TypeError naming path and src when both are given', () => {
    expect(() => build({ path: 'a', src: 'b' })).toThrow(/`path` or `src`/);
  });
  it('throws TypeError naming path when it is not a string', () => {
    expect(() => build({ path: 5 as never })).toThrow(/`path`/);
  });
  it('throws TypeError naming path when it is empty', () => {
    expect(() => build({ path: '' })).toThrow(/`path`/);
  });
  it('throws TypeError naming src when it is empty', () => {
    expect(() => build({ src: '' })).toThrow(/`src`/);
  });
  it('throws TypeError naming src for "https://"', () => {
    expect(() => build({ src: 'https://' })).toThrow(TypeError);
    expect(() => build({ src: 'https://' })).toThrow(/`src`/);
  });
  it('throws TypeError naming src for "https:/x" (no "//")', () => {
    expect(() => build({ src: 'https:/x.example.com/a' })).toThrow(/`src`/);
  });
  it('throws TypeError naming src for an invalid host', () => {
    expect(() => build({ src: 'https://exa mple.com/a.jpg' })).toThrow(/`src`/);
  });
  it('throws TypeError naming src for credentials', () => {
    expect(() => build({ src: 'https://user:pw@x.example.com/a.jpg' })).toThrow(/`src`/);
  });
  it('throws TypeError naming urlEndpoint when it is missing', () => {
    expect(() => buildUrl({ path: 'a' } as never)).toThrow(/`urlEndpoint`/);
  });
  it('throws TypeError naming urlEndpoint without a scheme', () => {
    expect(() => buildUrl({ urlEndpoint: 'ik.imagekit.io/id', path: 'a' })).toThrow(/`urlEndpoint`/);
  });
  it('throws TypeError naming urlEndpoint for "https://"', () => {
    expect(() => buildUrl({ urlEndpoint: 'https://', path: 'a' })).toThrow(/`urlEndpoint`/);
  });
  it('throws TypeError naming urlEndpoint for a non-http scheme', () => {
    expect(() => buildUrl({ urlEndpoint: 'ftp://x.example.com/', path: 'a' })).toThrow(/`urlEndpoint`/);
  });
  it('throws TypeError naming urlEndpoint for a fragment', () => {
    expect(() => buildUrl({ urlEndpoint: 'https://x.example.com/id#x', path: 'a' })).toThrow(/`urlEndpoint`/);
  });
  it('throws TypeError naming urlEndpoint for credentials', () => {
    expect(() => buildUrl({ urlEndpoint: 'https://u:p@x.example.com/id', path: 'a' })).toThrow(/`urlEndpoint`/);
  });
  it('throws TypeError naming transformation when it is not an array', () => {
    expect(() => build({ path: 'a', transformation: { width: 1 } as never })).toThrow(/`transformation`/);
  });
  it('throws RangeError naming the transformation key for NaN', () => {
    expect(() => build({ path: 'a', transformation: [{ width: NaN }] })).toThrow(/`transformation\[0\]\.width`/);
  });
  it('throws TypeError naming queryParameters when it is an array', () => {
    expect(() => build({ path: 'a', queryParameters: [] as never })).toThrow(/`queryParameters`/);
  });
  it('throws TypeError naming the query parameter for an object value', () => {
    expect(() => build({ path: 'a', queryParameters: { v: {} as never } })).toThrow(/`queryParameters\.v`/);
  });
  it('throws RangeError naming the query parameter for Infinity', () => {
    expect(() => build({ path: 'a', queryParameters: { v: Infinity } })).toThrow(RangeError);
    expect(() => build({ path: 'a', queryParameters: { v: Infinity } })).toThrow(/`queryParameters\.v`/);
  });
  it('never returns an empty string for valid input', () => {
    expect(build({ path: '/' }).length).toBeGreaterThan(0);
  });
});

describe('a missing urlEndpoint', () => {
  it('is a TypeError that says what the option is, with an example', () => {
    const error = new TypeError('`urlEndpoint` must be your URL endpoint, such as https://ik.imagekit.io/your_id (no fragment)');
    expect(() => buildUrl({ path: '/a.jpg' } as never)).toThrow(error);
    expect(() => buildUrl({ path: '/a.jpg', urlEndpoint: 'https://ik.imagekit.io/demo#x' })).toThrow(error);
  });
});
