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

  it('buildUrl alone is at most 1,500 bytes gzip', () => {
    expect(rootNames).toContain('buildUrl');
    expect(row('buildUrl (root)')!.gzipBytes).toBeLessThanOrEqual(1500);
  });

  it('phashDistance alone is at most 400 bytes gzip', () => {
    expect(rootNames).toContain('phashDistance');
    expect(row('phashDistance (root)')!.gzipBytes).toBeLessThanOrEqual(400);
  });

  it('the whole root entry is at most 5,120 bytes gzip', () => {
    expect(row('whole root entry')!.gzipBytes).toBeLessThanOrEqual(5120);
  });

  it('the ImageKit client class is at most 8,704 bytes gzip (and smaller than @imagekit/nodejs)', () => {
    expect(serverNames).toContain('ImageKit');
    const ours = row('ImageKit class (server)')!;
    const theirs = row('@imagekit/nodejs ImageKit')!;
    expect(ours.gzipBytes).toBeLessThanOrEqual(8704);
    expect(ours.gzipBytes).toBeLessThan(theirs.gzipBytes);
  });
});
