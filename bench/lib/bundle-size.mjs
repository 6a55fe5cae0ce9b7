// Bundle-size figures for the built package, shared by `npm run size` (bench/size.mjs)
// and the size-budget test (tests/package/size.test.ts), so both measure the same way:
// esbuild bundle (minify, ESM, tree shaking) of a tiny consumer module, then gzip -9.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Bundles `contents` (an ESM module resolved from the repository root) and measures it.
 * @param {string} contents
 * @param {{ platform?: 'browser' | 'node' | 'neutral', conditions?: string[] }} [options]
 * @returns {Promise<{ text: string, minBytes: number, gzipBytes: number }>}
 */
export async function bundleAndMeasure(contents, options = {}) {
  const result = await build({
    stdin: { contents, resolveDir: repoRoot, loader: 'js', sourcefile: 'consumer.js' },
    bundle: true,
    minify: true,
    treeShaking: true,
    format: 'esm',
    platform: options.platform ?? 'browser',
    ...(options.conditions ? { conditions: options.conditions } : {}),
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    legalComments: 'none',
  });
  const text = result.outputFiles[0].text;
  return {
    text,
    minBytes: Buffer.byteLength(text),
    gzipBytes: gzipSync(text, { level: 9 }).length,
  };
}

/** Names exported by a built ESM entry of this package, e.g. `'index'` or `'server'`. */
export async function exportNames(entry) {
  const url = new URL(`../../dist/${entry}.js`, import.meta.url);
  return Object.keys(await import(url.href)).sort();
}

/**
 * The size cases that can be measured with what is built now. `budget` is in gzip bytes
 * (absent: printed only). Cases whose export has not landed yet are left out.
 * @returns {Promise<Array<{ name: string, contents: string, platform: 'browser' | 'node', budget?: number }>>}
 */
export async function sizeCases() {
  const root = await exportNames('index');
  const server = await exportNames('server');
  const cases = [];
  const rootOnly = (name, budget) => {
    if (root.includes(name)) {
      cases.push({ name: `${name} (root)`, contents: `export { ${name} } from './dist/index.js';`, platform: 'browser', budget });
    }
  };
  rootOnly('buildUrl', 1500);
  rootOnly('phashDistance', 400);
  rootOnly('getResponsiveImageAttributes');
  rootOnly('upload');
  cases.push({ name: 'whole root entry', contents: `export * from './dist/index.js';`, platform: 'browser', budget: 5120 });
  if (server.includes('signUrl')) {
    cases.push({ name: 'signUrl (server)', contents: `export { signUrl } from './dist/server.js';`, platform: 'node' });
  }
  if (server.includes('verifyWebhook')) {
    cases.push({ name: 'verifyWebhook (server)', contents: `export { verifyWebhook } from './dist/server.js';`, platform: 'node' });
  }
  if (server.includes('ImageKit')) {
    cases.push({ name: 'ImageKit class (server)', contents: `export { ImageKit } from './dist/server.js';`, platform: 'node', budget: 8704 });
  }
  return cases;
}

/** The official Node SDK's client class, bundled the same way, for comparison. */
export const officialClientCase = {
  name: '@imagekit/nodejs ImageKit',
  contents: `export { ImageKit } from '@imagekit/nodejs';`,
  platform: 'node',
};

/** Measures every case; `withOfficial` adds the @imagekit/nodejs row. */
export async function measureAll({ withOfficial = true } = {}) {
  const cases = await sizeCases();
  if (withOfficial) cases.push({ ...officialClientCase });
  const rows = [];
  for (const c of cases) {
    const { minBytes, gzipBytes } = await bundleAndMeasure(c.contents, { platform: c.platform });
    rows.push({ ...c, minBytes, gzipBytes });
  }
  return rows;
}

/** A fixed-width table of rows from {@link measureAll}. */
export function formatSizeTable(rows) {
  const lines = [['bundle', 'min bytes', 'gzip bytes', 'budget'].join(' | ')];
  for (const r of rows) {
    lines.push([r.name.padEnd(28), String(r.minBytes).padStart(9), String(r.gzipBytes).padStart(10), r.budget ? `≤ ${r.budget}` : '-'].join(' | '));
  }
  const ours = rows.find((r) => r.name === 'ImageKit class (server)');
  const theirs = rows.find((r) => r.name === officialClientCase.name);
  if (ours && theirs) {
    lines.push(`ImageKit class: ${(ours.gzipBytes / theirs.gzipBytes).toFixed(3)}× the gzip size of @imagekit/nodejs (${ours.gzipBytes} / ${theirs.gzipBytes})`);
  }
  return lines.join('\n');
}

/**
 * Where a case's bytes come from: bundles the same consumer from src/ (TypeScript) and
 * returns the minified bytes each source file contributes, largest first.
 * @param {string} contents  a consumer module importing './dist/<entry>.js'
 * @returns {Promise<Array<{ file: string, bytes: number }>>}
 */
export async function breakdownBySourceFile(contents, { platform = 'browser' } = {}) {
  const fromSource = contents.replace(/'\.\/dist\/([\w-]+)\.js'/g, "'./src/$1.ts'");
  const result = await build({
    stdin: { contents: fromSource, resolveDir: repoRoot, loader: 'ts', sourcefile: 'consumer.ts' },
    bundle: true,
    minify: true,
    treeShaking: true,
    format: 'esm',
    platform,
    target: 'es2022',
    write: false,
    metafile: true,
    outfile: 'consumer.js',
    logLevel: 'silent',
  });
  const [output] = Object.values(result.metafile.outputs);
  return Object.entries(output.inputs)
    .map(([file, { bytesInOutput }]) => ({ file, bytes: bytesInOutput }))
    .filter(({ bytes }) => bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);
}
