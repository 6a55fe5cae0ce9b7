// Size budgets on the built output (esbuild minify + gzip -9), printed for the record.
// The measuring code is shared with `npm run size` (bench/lib/bundle-size.mjs).
import { describe, it, expect, beforeAll } from 'vitest';
import { formatSizeTable, measureAll, type SizeRow } from '../../bench/lib/bundle-size.mjs';
import { distExportNames, requireDist } from './helpers.js';

describe('bundle size budgets', () => {
  let rows: SizeRow[] = [];
  let rootNames: string[] = [];
  let serverNames: string[] = [];

  beforeAll(async () => {
    requireDist();
    rootNames = await distExportNames('index');
    serverNames = await distExportNames('server');
    rows = await measureAll();
    console.log(`\n${formatSizeTable(rows)}\n`);
  });

  const row = (name: string): SizeRow | undefined => rows.find((r) => r.name === name);

  it('every budgeted bundle is within its gzip budget', () => {
    const over = rows.filter((r) => r.budget !== undefined && r.gzipBytes > r.budget);
    expect(over.map((r) => `${r.name}: ${r.gzipBytes} > ${r.budget}`)).toEqual([]);
  });

  // Each ceiling and goal is written once, in bench/lib/bundle-size.mjs. A goal that is met
  // is held here too, so it cannot be lost while the ceiling is still loose.
  it('every goal that is met stays met', () => {
    const met = rows.filter((r) => r.target !== undefined && r.budget !== undefined && r.budget <= r.target);
    expect(met.map((r) => r.name)).toContain('phashDistance (root)');
    const lost = met.filter((r) => r.gzipBytes > r.target!);
    expect(lost.map((r) => `${r.name}: ${r.gzipBytes} > ${r.target}`)).toEqual([]);
  });

  it('measures the bundles the goals are about, and the official client beside ours', () => {
    expect(rootNames).toEqual(expect.arrayContaining(['phashDistance', 'buildUrl', 'upload']));
    expect(serverNames).toContain('ImageKit');
    for (const name of ['buildUrl (root)', 'upload (root)', 'root entry without upload', 'ImageKit class (server)', '@imagekit/nodejs ImageKit']) {
      expect(row(name)?.gzipBytes, name).toBeGreaterThan(0);
    }
  });
});
