// Bundle-boundary test on the built output (docs/architecture.md, "Import rules"): what a browser bundle pulls in
// from the root entry holds no Web Crypto, no network code, no msw and no secret.
import { describe, it, expect, beforeAll } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bundleAndMeasure } from '../../bench/lib/bundle-size.mjs';
import { distDir, distExportNames, requireDist } from './helpers.js';

/** The text around the first match (undefined when none), so a failure shows where, not the whole bundle. */
function around(text: string, pattern: RegExp): string | undefined {
  const match = pattern.exec(text);
  return match ? `…${text.slice(Math.max(0, match.index - 120), match.index + 80)}…` : undefined;
}

// `upload` is the root entry's one network feature (client upload with a server-made token).
const networkExports = new Set(['upload']);

describe('root entry boundary (dist/index.js)', () => {
  let pureBundle = '';
  let wholeBundle = '';

  beforeAll(async () => {
    requireDist();
    const pure = (await distExportNames('index')).filter((name) => !networkExports.has(name));
    expect(pure.length).toBeGreaterThan(0);
    pureBundle = (await bundleAndMeasure(`export { ${pure.join(', ')} } from './dist/index.js';`)).text;
    // Not minified on purpose: every chunk reachable from dist/index.js, as written.
    const { build } = await import('esbuild');
    const result = await build({
      entryPoints: [join(distDir, 'index.js')],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'browser',
      logLevel: 'silent',
    });
    wholeBundle = result.outputFiles[0]!.text;
  });

  it.each([
    ['crypto.subtle', /crypto\.subtle/],
    ['fetch', /\bfetch\b/],
    ['XMLHttpRequest', /XMLHttpRequest/],
    ['msw', /msw/],
    ['privateKey', /privateKey/],
  ])('a bundle of the pure exports (all but upload) contains no %s', (_label, pattern) => {
    expect(around(pureBundle, pattern)).toBeUndefined();
  });

  it.each([
    ['crypto.subtle', /crypto\.subtle/],
    ['privateKey', /privateKey/],
    ['Authorization', /Authorization/],
    ['msw', /\bmsw\b/],
    ['node: imports', /from\s*["']node:/],
  ])('the whole root entry with its chunks contains no %s', (_label, pattern) => {
    expect(around(wholeBundle, pattern)).toBeUndefined();
  });

  it('dist/index.js itself names no secret-bearing module', async () => {
    const text = await readFile(join(distDir, 'index.js'), 'utf8');
    expect(around(text, /crypto\.subtle|privateKey|Authorization/)).toBeUndefined();
  });
});
