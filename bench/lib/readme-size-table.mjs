// The size table of README.md › "Size and speed", generated from the built package.
// `npm run size:readme` (bench/size.mjs --write) rewrites it between the two marker comments;
// tests/package/readme-figures.test.ts measures again and fails when a README figure is off
// by more than `tolerance()`. Measuring is bench/lib/bundle-size.mjs's (the size test's too).
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bundleAndMeasure, officialClientCase, repoRoot, sizeCases } from './bundle-size.mjs';

export const readmePath = join(repoRoot, 'README.md');
export const startMarker = '<!-- size-table:start -->';
export const endMarker = '<!-- size-table:end -->';
/** The one command that rebuilds the package and rewrites the README table. */
export const regenerateCommand = 'npm run size:readme';

/** A README figure may differ from the measured one by 3 % or 40 bytes, whichever is larger. */
export function tolerance(measured) {
  return Math.max(Math.round(measured * 0.03), 40);
}

/** `@imagekit/javascript` (the official browser SDK), one named import, bundled like ours. */
const officialBrowser = (name) => ({
  name: `@imagekit/javascript ${name}`,
  label: `\`@imagekit/javascript\` \`${name}\``,
  contents: `export { ${name} } from '@imagekit/javascript';`,
  platform: 'browser',
});

/**
 * The README rows, in order: `sizeCase` names a case of bundle-size.mjs `sizeCases()`,
 * `peer` the official SDK doing the same job (measured here), `meaning` says in one
 * sentence what the figure is to a user.
 */
const readmeRows = [
  {
    sizeCase: 'buildUrl (root)',
    label: '`buildUrl`',
    peer: officialBrowser('buildSrc'),
    meaning: 'What a page pays to build image and video URLs: every transformation name and the overlay syntax come along, whichever ones you use.',
  },
  {
    sizeCase: 'getResponsiveImageAttributes (root)',
    label: '`getResponsiveImageAttributes`',
    peer: officialBrowser('getResponsiveImageAttributes'),
    meaning: '`src`, `srcSet` and `sizes` for an `<img>`; it contains `buildUrl`, so importing both costs about this figure, not the sum.',
  },
  {
    sizeCase: 'phashDistance (root)',
    label: '`phashDistance`',
    meaning: 'Comparing two pHash strings pulls in nothing else.',
  },
  {
    sizeCase: 'upload (root)',
    label: '`upload`',
    peer: officialBrowser('upload'),
    meaning: 'Uploading from a page with progress, abort and retries, authenticated by signature or by JWT (the browser build: no Node code).',
  },
  {
    sizeCase: 'root entry without upload',
    label: 'the root entry except `upload`',
    meaning: 'The most a page that does not upload can pay: URL building, responsive images, pHash and the error classes.',
  },
  {
    sizeCase: 'whole root entry',
    label: 'the whole root entry',
    meaning: 'The most `imagekit-universal` can add to a browser bundle, e.g. with a bundler that does not tree-shake.',
  },
  {
    sizeCase: 'signUrl (server)',
    label: '`signUrl` (`/server`)',
    meaning: 'A server or edge function that only signs URLs pays this, not the API client.',
  },
  {
    sizeCase: 'verifyWebhook (server)',
    label: '`verifyWebhook` (`/server`)',
    meaning: 'A webhook handler that only checks signatures pays this, not the API client.',
  },
  {
    sizeCase: 'ImageKit class (server)',
    label: '`ImageKit` (`/server`)',
    peer: { ...officialClientCase, label: '`@imagekit/nodejs` `ImageKit`' },
    meaning: 'The whole API client (uploads, Media API, signing, webhooks): what an edge function or a bundled server pays for `new ImageKit()`.',
  },
];

const bytes = (n) => n.toLocaleString('en-US');
const cells = (line) =>
  line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => c.trim());

/**
 * Measures every README row from dist/ (build first).
 * @returns {Promise<Array<{ label: string, bytes: number, peerLabel?: string, peerBytes?: number, meaning: string }>>}
 */
export async function measureReadmeRows() {
  const cases = new Map((await sizeCases()).map((c) => [c.name, c]));
  const rows = [];
  for (const row of readmeRows) {
    const ours = cases.get(row.sizeCase);
    if (!ours) throw new Error(`README size table: bench/lib/bundle-size.mjs has no case "${row.sizeCase}" (is dist/ built?)`);
    const measured = {
      label: row.label,
      bytes: (await bundleAndMeasure(ours.contents, { platform: ours.platform })).gzipBytes,
      meaning: row.meaning,
    };
    if (row.peer) {
      measured.peerLabel = row.peer.label;
      measured.peerBytes = (await bundleAndMeasure(row.peer.contents, { platform: row.peer.platform })).gzipBytes;
    }
    rows.push(measured);
  }
  return rows;
}

/** The Markdown that goes between the markers. */
export function renderSizeTable(rows) {
  // Said only while it is true: every `@imagekit/javascript` import measured within 1 % of the others.
  const browserSdk = rows.filter((r) => r.peerLabel?.startsWith('`@imagekit/javascript`')).map((r) => r.peerBytes);
  const indivisible = browserSdk.length > 1 && Math.max(...browserSdk) - Math.min(...browserSdk) <= Math.max(...browserSdk) / 100;
  const lines = [
    'Gzip bytes (level 9) that one import adds to a bundle made with esbuild (minified,',
    "tree-shaken, ES2022). Root-entry rows are a browser build (bundlers pick the package's",
    'browser files); `/server` rows are a Node build. The third column is the official SDK',
    indivisible
      ? 'doing the same job, bundled the same way; `@imagekit/javascript` brings all of itself\nwhichever function you import.'
      : 'doing the same job, bundled the same way.',
    '',
    '| you import | gzip bytes | official SDK | what it means |',
    '| --- | ---: | --- | --- |',
  ];
  for (const r of rows) {
    const peer = r.peerBytes === undefined ? '—' : `${bytes(r.peerBytes)} (${r.peerLabel})`;
    lines.push(`| ${r.label} | ${bytes(r.bytes)} | ${peer} | ${r.meaning} |`);
  }
  return lines.join('\n');
}

/** The text between the markers of `readme`; throws when they are missing. */
export function sizeBlock(readme) {
  const start = readme.indexOf(startMarker);
  const end = readme.indexOf(endMarker);
  if (start < 0 || end < start) {
    throw new Error(
      `README.md has no ${startMarker} … ${endMarker} block: add the markers in "## Size and speed", then run \`${regenerateCommand}\``,
    );
  }
  return readme.slice(start + startMarker.length, end);
}

/** `readme` with the block between the markers replaced by `table`. */
export function replaceSizeBlock(readme, table) {
  sizeBlock(readme); // throws without markers
  const start = readme.indexOf(startMarker) + startMarker.length;
  return `${readme.slice(0, start)}\n${table}\n${readme.slice(readme.indexOf(endMarker))}`;
}

/**
 * The figures of the table rows in a README block: the label cell, the bytes cell and the
 * leading number of the peer cell ('—' when there is none).
 * @returns {Array<{ label: string, bytes: number, peerBytes?: number }>}
 */
export function parseSizeTable(block) {
  const number = (text) => {
    const m = /^(\d{1,3}(?:,\d{3})*|\d+)(?!\d)/.exec(text);
    return m ? Number(m[1].replaceAll(',', '')) : undefined;
  };
  return block
    .split('\n')
    .filter((line) => line.trim().startsWith('|'))
    .map(cells)
    .filter((c) => c.length >= 2 && number(c[1]) !== undefined)
    .map(([label, ours, peer = '']) => ({ label, bytes: number(ours), peerBytes: number(peer) }));
}

/** Every way the README rows differ from the measured ones beyond `tolerance()`; [] when none. */
export function compareFigures(measured, readme) {
  const problems = [];
  const byLabel = new Map(readme.map((r) => [r.label, r]));
  const check = (label, what, want, got) => {
    if (got === undefined) problems.push(`${label}: README has no ${what} figure, measured ${want}`);
    else if (Math.abs(got - want) > tolerance(want))
      problems.push(`${label}: README says ${got} B (${what}), measured ${want} B (tolerance ±${tolerance(want)} B)`);
  };
  for (const m of measured) {
    const r = byLabel.get(m.label);
    if (!r) {
      problems.push(`${m.label}: no such row in README`);
      continue;
    }
    check(m.label, 'ours', m.bytes, r.bytes);
    if (m.peerBytes !== undefined) check(m.label, 'official SDK', m.peerBytes, r.peerBytes);
  }
  for (const r of readme) if (!measured.some((m) => m.label === r.label)) problems.push(`${r.label}: README row that is no longer measured`);
  return problems;
}

/** Measures and rewrites README.md's size table; returns the rows. */
export async function writeReadmeSizeTable() {
  const rows = await measureReadmeRows();
  const readme = await readFile(readmePath, 'utf8');
  await writeFile(readmePath, replaceSizeBlock(readme, renderSizeTable(rows)));
  return rows;
}
