// examples/next-image-loader.ts without Next: bundled from the BUILT package (esbuild,
// `imagekit-universal` resolved through its exports map) and called the way <Image> calls
// a custom loader, once per srcset width. Truth: WHATWG `new URL` and the loader contract
// (w = width, q = quality or Next's default 75, one distinct URL per width).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, requireDist } from '../package/helpers.js';

type Loader = (props: { src: string; width: number; quality?: number }) => string;

const urlEndpoint = 'https://ik.imagekit.io/next_example';
// Next's default `deviceSizes` and `imageSizes`: the widths <Image> asks a loader for.
const nextWidths = [16, 32, 48, 64, 96, 128, 256, 384, 640, 750, 828, 1080, 1200, 1920, 2048, 3840];

let loader: Loader;
let inputs: string[] = [];
let tempDir = '';

beforeAll(async () => {
  requireDist();
  const result = await build({
    entryPoints: [join(repoRoot, 'examples', 'next-image-loader.ts')],
    absWorkingDir: repoRoot,
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    // What Next's build does with NEXT_PUBLIC_* variables.
    define: { 'process.env.NEXT_PUBLIC_IMAGEKIT_URL_ENDPOINT': JSON.stringify(urlEndpoint) },
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  inputs = Object.keys(result.metafile.inputs);
  tempDir = await mkdtemp(join(tmpdir(), 'ik-next-loader-'));
  const file = join(tempDir, 'loader.mjs');
  await writeFile(file, result.outputFiles[0]!.text);
  loader = ((await import(pathToFileURL(file).href)) as { default: Loader }).default;
});

afterAll(async () => {
  if (tempDir) await rm(tempDir, { recursive: true, force: true });
});

/** The transformation a URL carries (in the path as `/tr:…/` or in the `tr` query parameter), as a map. */
function transformationOf(url: URL): Map<string, string> {
  const endpointPath = new URL(urlEndpoint).pathname;
  const inPath = url.pathname.startsWith(`${endpointPath}/tr:`) ? url.pathname.slice(endpointPath.length + 4).split('/')[0] : undefined;
  const raw = inPath ?? url.searchParams.get('tr');
  expect(raw, `no transformation in ${url.href}`).toBeTruthy();
  return new Map(raw!.split(',').map((part) => [part.slice(0, part.indexOf('-')), part.slice(part.indexOf('-') + 1)] as [string, string]));
}

/** The srcset <Image> renders from a loader. */
const srcSet = (src: string, quality?: number) => nextWidths.map((width) => `${loader({ src, width, quality })} ${width}w`).join(', ');

describe('examples/next-image-loader.ts', () => {
  it('is bundled from dist/ (the published root entry), not from src/', () => {
    expect(inputs).toContain('dist/index.js');
    expect(inputs.filter((file) => file.startsWith('src/'))).toEqual([]);
  });

  it('turns a path into a URL under the endpoint with w and q (default q = 75)', () => {
    const url = new URL(loader({ src: '/products/ünï shoe #2.jpg', width: 828 }));
    expect(url.origin).toBe('https://ik.imagekit.io');
    expect(decodeURIComponent(url.pathname)).toBe('/next_example/tr:w-828,q-75/products/ünï shoe #2.jpg');
    expect([...transformationOf(url)]).toEqual([
      ['w', '828'],
      ['q', '75'],
    ]);
    expect(transformationOf(new URL(loader({ src: 'products/shoe.jpg', width: 64, quality: 40 })))).toEqual(
      new Map([
        ['w', '64'],
        ['q', '40'],
      ]),
    );
  });

  it('keeps an absolute src (host, path, query) and adds w and q as `tr`', () => {
    for (const src of [`${urlEndpoint}/products/shoe.jpg?v=3`, 'https://images.example.com/a/b.png']) {
      const url = new URL(loader({ src, width: 1200, quality: 90 }));
      const original = new URL(src);
      expect(url.origin + url.pathname).toBe(original.origin + original.pathname);
      expect(url.searchParams.get('v')).toBe(original.searchParams.get('v'));
      expect(transformationOf(url)).toEqual(
        new Map([
          ['w', '1200'],
          ['q', '90'],
        ]),
      );
    }
  });

  it("maps every srcset width 1:1 to a distinct URL whose w is that width (Next's default sizes)", () => {
    for (const [src, quality] of [
      ['/hero.jpg', undefined],
      [`${urlEndpoint}/hero.jpg`, 60],
    ] as const) {
      const entries = srcSet(src, quality)
        .split(', ')
        .map((entry) => entry.split(' '));
      expect(entries.map(([, descriptor]) => descriptor)).toEqual(nextWidths.map((width) => `${width}w`));
      expect(new Set(entries.map(([url]) => url)).size).toBe(nextWidths.length);
      for (const [url, descriptor] of entries) {
        const transformation = transformationOf(new URL(url!));
        expect(transformation.get('w')).toBe(descriptor!.slice(0, -1));
        expect(transformation.get('q')).toBe(String(quality ?? 75));
      }
    }
  });

  it('carries any width and quality as w and q (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8192 }),
        fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined }),
        fc.boolean(),
        (width, quality, absolute) => {
          const src = absolute ? `${urlEndpoint}/p/q.webp` : '/p/q.webp';
          const url = new URL(loader({ src, width, quality }));
          expect(transformationOf(url)).toEqual(
            new Map([
              ['w', String(width)],
              ['q', String(quality ?? 75)],
            ]),
          );
          expect(url.pathname.endsWith('/p/q.webp')).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
