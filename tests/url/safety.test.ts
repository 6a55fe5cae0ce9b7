// URL safety: the URL returned is the URL a WHATWG client requests, so the tr segment
// and the endpoint's path can never be dropped (dot segments, "/" in values, src hosts).
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { runs } from '../support/runs.js';
import { buildUrl } from '../../src/url/build-url.js';
import { buildTransformationString } from '../../src/url/transformation.js';
import type { BuildUrlOptions, Transformation } from '../../src/url/types.js';

const E = 'https://ik.imagekit.io/demo';
const build = (options: Record<string, unknown>): string => buildUrl({ urlEndpoint: E, ...options } as unknown as BuildUrlOptions);
const tr = (steps: unknown[]): string => buildTransformationString(steps as Transformation[]);

describe('dot segments in path', () => {
  const dotted = [
    '../a.jpg',
    '..',
    '.',
    './a.jpg',
    'a/../b.jpg',
    'a/./b.jpg',
    'a/..',
    '%2e%2e/a.jpg',
    '%2E%2E/a.jpg',
    '.%2E/a.jpg',
    '%2e./a.jpg',
    '%2e/a.jpg',
    '.%2e/.%2e/other_account/a.jpg',
    '//..//a.jpg',
    'a/%2E',
  ];
  it.each(dotted)('refuses %j with a TypeError naming `path`', (path) => {
    expect(() => build({ path, transformation: [{ width: 400 }] })).toThrow(TypeError);
    expect(() => build({ path })).toThrow(/`path` must not contain '\.' or '\.\.' segments/);
  });
  it.each(dotted)('refuses %j as a relative src, naming `src`', (src) => {
    expect(() => build({ src })).toThrow(/`src`/);
  });
  it('keeps dots that are not whole segments', () => {
    expect(build({ path: '/a..b/...jpg/.x/x./.../%2e%2e%2e' })).toBe(`${E}/a..b/...jpg/.x/x./.../%2e%2e%2e`);
  });
  it('encodes a backslash, so "..\\\\" is not a dot segment and the tr segment stays', () => {
    const url = build({ path: '..\\a.jpg', transformation: [{ width: 400 }] });
    expect(url).toBe(`${E}/tr:w-400/..%5Ca.jpg`);
    expect(new URL(url).href).toBe(url);
  });
});

describe('"/" in transformation values', () => {
  it.each([
    [[{ width: '400/..' }], 'transformation[0].width'],
    [[{ raw: 'w-1/../x' }], 'transformation[0].raw'],
    [[{ w: 1 }, { 'a/b': 1 }], 'transformation[1].a/b'],
    [[{ sharpen: 'a/b' }], 'transformation[0].sharpen'],
    [[{ streamingResolutions: [1440, '1/0'] }], 'transformation[0].streamingResolutions'],
    [[{ overlay: { type: 'solidColor', color: 'fff/..' } }], 'transformation[0].overlay.color'],
    [[{ overlay: { type: 'text', text: 'a', position: { x: '1/..' } } }], 'transformation[0].overlay.position.x'],
    [[{ overlay: { type: 'text', text: 'a', layerMode: 'x/y' } }], 'transformation[0].overlay.layerMode'],
  ])('%j is a TypeError naming %s', (steps, label) => {
    expect(() => tr(steps)).toThrow(TypeError);
    expect(() => tr(steps)).toThrow('`' + label + "` must not contain '/'");
    expect(() => build({ path: 'a.jpg', transformation: steps })).toThrow(TypeError);
    expect(() => build({ path: 'a.jpg', transformation: steps, transformationPosition: 'query' })).toThrow(TypeError);
  });
  it('keeps the documented path keys and overlay inputs, which turn "/" into "@@" or base64', () => {
    expect(tr([{ defaultImage: '/f/a.jpg/', overlayImage: 'f/b.png', fontFamily: 'f/Font.ttf' }])).toBe('di-f@@a.jpg,oi-f@@b.png,ff-f@@Font.ttf');
    expect(tr([{ overlay: { type: 'image', input: '/f/a.png' } }])).toBe('l-image,i-f@@a.png,l-end');
    expect(tr([{ overlay: { type: 'text', text: 'a/..' } }])).toBe('l-text,ie-YS8uLg%3D%3D,l-end');
    expect(tr([{ overlay: { type: 'text', text: 'a/..', encoding: 'plain' } }])).toBe('l-text,i-a%2F..,l-end');
  });
});

// The invariant, by property: whatever the input, buildUrl throws a TypeError/RangeError
// or returns exactly what a WHATWG parser requests, under the endpoint's path, with the
// tr segment first when there is one.
const endpoints = [
  'https://ik.imagekit.io/demo',
  'https://ik.imagekit.io/demo/',
  'https://cdn.example.com',
  'http://localhost:8080/a/b/',
  'https://ik.imagekit.io/demo/?v=1',
];
const tricky = fc.constantFrom(
  '/',
  '//',
  '.',
  '..',
  '%2e',
  '%2E',
  '.%2E',
  '%2e.',
  '\\',
  '?',
  '#',
  '%',
  '%20',
  '%zz',
  '%2F',
  ' ',
  'é',
  '😀',
  '\ud800',
  '\t',
  '\n',
  '\u0000',
  "'",
  '"',
  '^',
  '|',
  '`',
  '{',
  ':',
  '@',
  '&',
  '+',
  'a',
  'b.jpg',
);
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 5 }),
  tricky,
  fc.array(tricky, { maxLength: 6 }).map((p) => p.join('')),
);
const value = fc.oneof(text, fc.integer({ min: -5, max: 5000 }), fc.boolean(), fc.constant('-'), fc.constant(''));
const names = fc.constantFrom(
  'width',
  'height',
  'raw',
  'defaultImage',
  'fontFamily',
  'overlayImage',
  'sharpen',
  'grayscale',
  'trim',
  'rotation',
  'x',
  'a/b',
  'zz',
);
const overlay = fc.record(
  {
    type: fc.constantFrom('text', 'image', 'video', 'subtitle', 'solidColor'),
    text,
    input: text,
    color: text,
    encoding: fc.constantFrom('auto', 'plain', 'base64'),
    position: fc.record({ x: value, y: value }, { requiredKeys: [] }),
  },
  { requiredKeys: ['type'] },
);
const step = fc.oneof(
  fc.dictionary(names, value, { maxKeys: 3 }),
  overlay.map((o) => ({ overlay: o })),
);
const transformation = fc.option(fc.array(step, { maxLength: 3 }), { nil: undefined });
const position = fc.constantFrom('path', 'query', undefined);
const endpointPath = (endpoint: string): string => new URL(endpoint).pathname.replace(/\/+$/, '');

function checkInvariant(make: () => string, endpoint: string, steps: unknown[] | undefined, inPath: boolean): void {
  let url: string;
  try {
    url = make();
  } catch (error) {
    expect(error).toSatisfy((e) => e instanceof TypeError || e instanceof RangeError);
    return;
  }
  const parsed = new URL(url);
  expect(parsed.href).toBe(url);
  if (!inPath) return;
  expect(parsed.host).toBe(new URL(endpoint).host);
  const base = endpointPath(endpoint);
  expect(parsed.pathname.startsWith(base + '/')).toBe(true);
  const t = steps ? tr(steps) : '';
  if (t) expect(parsed.pathname.slice(base.length + 1).split('/')[0]).toMatch(/^tr:/);
}

describe('the returned URL is the requested URL (property, 10,000 runs each under `npm test`)', () => {
  it('for path', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...endpoints),
        fc.array(text, { minLength: 1, maxLength: 6 }).map((p) => p.join('')),
        transformation,
        position,
        (urlEndpoint, path, steps, transformationPosition) => {
          checkInvariant(
            () => buildUrl({ urlEndpoint, path, transformation: steps, transformationPosition } as BuildUrlOptions),
            urlEndpoint,
            steps,
            transformationPosition !== 'query',
          );
        },
      ),
      runs(10_000),
    );
  });
  it('for src, relative or absolute', () => {
    const src = fc.oneof(
      fc.array(text, { minLength: 1, maxLength: 6 }).map((p) => p.join('')),
      fc
        .tuple(
          fc.constantFrom('https://', 'http://', 'HTTPS://', 'https:', 'https:\\\\', ' https://', 'ht\ttps://'),
          fc.constantFrom('trusted.example', 'a.b', 'ik.imagekit.io:443', 'x.com:8080', ''),
          fc.array(text, { maxLength: 6 }),
        )
        .map(([s, h, p]) => s + h + p.join('')),
    );
    fc.assert(
      fc.property(src, transformation, (source, steps) => {
        let parsed: URL | undefined;
        try {
          parsed = new URL(source);
        } catch {
          // relative
        }
        const relative = parsed === undefined;
        checkInvariant(() => buildUrl({ urlEndpoint: E, src: source, transformation: steps } as BuildUrlOptions), E, steps, false);
        if (parsed) {
          try {
            expect(new URL(buildUrl({ urlEndpoint: E, src: source } as BuildUrlOptions)).hostname).toBe(parsed.hostname);
          } catch (error) {
            expect(error).toBeInstanceOf(TypeError);
          }
        } else if (relative) {
          try {
            expect(new URL(buildUrl({ urlEndpoint: E, src: source } as BuildUrlOptions)).host).toBe('ik.imagekit.io');
          } catch (error) {
            expect(error).toSatisfy((e) => e instanceof TypeError || e instanceof RangeError);
          }
        }
      }),
      runs(10_000),
    );
  });
});

describe('src keeps the host new URL(src) gives', () => {
  it.each([
    ['https://trusted.example\\@evil.com/a.png', 'https://trusted.example/@evil.com/a.png'],
    ['https:\\\\trusted.example\\a.png', 'https://trusted.example/a.png'],
    [' https://trusted.example/a b.png', 'https://trusted.example/a%20b.png'],
    ['ht\ttps://trusted.example/a.png', 'https://trusted.example/a.png'],
    ['HTTPS://Trusted.Example:443/x/../a.png?q=1#f', 'https://trusted.example/a.png?q=1#f'],
    ["https://trusted.example/a.png?q='x'", 'https://trusted.example/a.png?q=%27x%27'],
  ])('%j → %s', (src, expected) => {
    expect(build({ src })).toBe(expected);
    expect(new URL(build({ src })).host).toBe(new URL(src).host);
  });
  it.each([
    'https://',
    'http://[::1',
    'ftp://trusted.example/a.png',
    'javascript:alert(1)',
    'data:image/png,xx',
    'a:b.png',
    'https://user:pw@trusted.example/a.png',
    'ht\ntps://',
  ])('%j is a TypeError naming `src`', (src) => {
    expect(() => build({ src })).toThrow(TypeError);
    expect(() => build({ src })).toThrow(/`src`/);
  });
  it('treats text without a scheme as a path', () => {
    expect(build({ src: '12:30/a.jpg' })).toBe(`${E}/12:30/a.jpg`);
    expect(build({ src: 'photos/a:b.jpg' })).toBe(`${E}/photos/a:b.jpg`);
  });
  it('fuzzed src values (10,000 under `npm test`): a TypeError, or a URL that parses as itself on the host new URL(src) gives', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 4 }),
      fc.constantFrom(
        'https://',
        'http://',
        'https:',
        '\\',
        '/',
        '@',
        ':',
        '#',
        '?',
        '%',
        '%2e',
        '..',
        '[',
        ']',
        ' ',
        '\t',
        'évil',
        'trusted.example',
        'evil.com',
        ':8080',
        'user@',
      ),
    );
    fc.assert(
      fc.property(
        fc.array(piece, { minLength: 1, maxLength: 8 }).map((p) => p.join('')),
        (src) => {
          let out: string;
          try {
            out = build({ src, transformation: [{ width: 10 }] });
          } catch (error) {
            expect(error).toBeInstanceOf(TypeError);
            return;
          }
          expect(new URL(out).href).toBe(out);
          let expected = 'ik.imagekit.io';
          try {
            expected = new URL(src).hostname;
          } catch {
            // relative: the endpoint's host
          }
          expect(new URL(out).hostname).toBe(expected);
        },
      ),
      runs(10_000),
    );
  });
});

describe('deep or cyclic overlays', () => {
  /** `levels` overlays, each inside the previous one's transformation. */
  function nested(levels: number): Transformation[] {
    let steps: Transformation[] = [{ width: 1 }];
    for (let i = 0; i < levels; i++) steps = [{ overlay: { type: 'text', text: 'x', transformation: steps } }];
    return steps;
  }
  it('renders 16 levels', () => {
    expect(tr(nested(16))).toBe('l-text,i-x,'.repeat(16) + 'w-1' + ',l-end'.repeat(16));
  });
  it('refuses 17 levels with a TypeError naming the depth', () => {
    expect(() => tr(nested(17))).toThrow(TypeError);
    expect(() => tr(nested(17))).toThrow(/must not nest overlays deeper than 16 levels/);
  });
  it('refuses 5,000 levels with the same TypeError, not a stack overflow', () => {
    expect(() => build({ path: 'a.jpg', transformation: nested(5000) })).toThrow(/deeper than 16 levels/);
  });
  it('refuses a cyclic overlay with the same TypeError', () => {
    const steps: Transformation[] = [];
    steps.push({ overlay: { type: 'text', text: 'x', transformation: steps } });
    expect(() => tr(steps)).toThrow(/deeper than 16 levels \(is it cyclic\?\)/);
    const layer = { type: 'image', input: 'a.png', transformation: [] as unknown[] };
    layer.transformation.push({ overlay: layer });
    expect(() => build({ path: 'a.jpg', transformation: [{ overlay: layer }] })).toThrow(TypeError);
  });
});

describe('values ImageKit would refuse or that would vanish', () => {
  it.each([
    [{ overlay: { text: 'hi' } }, 'transformation[0].overlay.type', TypeError],
    [{ overlay: { type: 'text' } }, 'transformation[0].overlay.text', TypeError],
    [{ overlay: { type: 'text', text: '' } }, 'transformation[0].overlay.text', TypeError],
    [{ overlay: { type: 'image' } }, 'transformation[0].overlay.input', TypeError],
    [{ overlay: { type: 'video', input: '' } }, 'transformation[0].overlay.input', TypeError],
    [{ overlay: { type: 'subtitle' } }, 'transformation[0].overlay.input', TypeError],
    [{ overlay: { type: 'solidColor' } }, 'transformation[0].overlay.color', TypeError],
    [{ width: -5 }, 'transformation[0].width', RangeError],
    [{ height: '-0.5' }, 'transformation[0].height', RangeError],
    [{ width: '' }, 'transformation[0].width', TypeError],
    [{ width: '  ' }, 'transformation[0].width', TypeError],
    [{ defaultImage: '/' }, 'transformation[0].defaultImage', TypeError],
    [{ overlay: { type: 'text', text: 'a', timing: { start: -1 } } }, 'transformation[0].overlay.timing.start', RangeError],
    [{ overlay: { type: 'text', text: 'a', position: { x: ' ' } } }, 'transformation[0].overlay.position.x', TypeError],
  ])('%j is an error naming %s', (step, label, Kind) => {
    expect(() => tr([step])).toThrow(Kind);
    expect(() => tr([step])).toThrow('`' + label + '`');
  });
  it('keeps the documented exceptions', () => {
    expect(tr([{ effectSharpen: '-', width: '-' }])).toBe('e-sharpen,w');
    expect(tr([{ sharpen: '', grayscale: '', trim: '' }])).toBe('e-sharpen,t-true');
    expect(tr([{ width: 0, height: 'ih_div_2', x: 'N20' }])).toBe('w-0,h-ih_div_2,x-N20');
    expect(tr([{ overlay: { type: 'text', text: 'a', position: { x: 0, y: '' } } }])).toBe('l-text,i-a,l-end');
  });
  it('writes a negative rotation or layer offset the way ImageKit documents it, with an N prefix', () => {
    expect(tr([{ rotation: -90 }])).toBe('rt-N90');
    expect(tr([{ overlay: { type: 'text', text: 'a', position: { x: -20, y: '-5', xCenter: -1.5, yCenter: -2 } } }])).toBe(
      'l-text,i-a,lx-N20,ly-N5,lxc-N1.5,lyc-N2,l-end',
    );
  });
});
