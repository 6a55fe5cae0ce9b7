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

  // Budgets are ceilings (bench/lib/bundle-size.mjs says which goal each one serves);
  // the named goals of the issues are checked here where they are met.
  it('phashDistance alone is at most 450 bytes gzip', () => {
    expect(rootNames).toContain('phashDistance');
    expect(row('phashDistance (root)')!.gzipBytes).toBeLessThanOrEqual(450);
  });

  it('the pure part of the root entry (all but the client upload) stays within 5,940 bytes gzip (goal: 5,400, not met)', () => {
    expect(row('root entry without upload')!.gzipBytes).toBeLessThanOrEqual(5940);
  });

  it('the client upload stays within 8,610 bytes gzip (goal: 7,000, not met)', () => {
    expect(rootNames).toContain('upload');
    expect(row('upload (root)')!.gzipBytes).toBeLessThanOrEqual(8610);
  });

  it('buildUrl alone stays within 3,880 bytes gzip (goal: 3,300, not met)', () => {
    expect(rootNames).toContain('buildUrl');
    expect(row('buildUrl (root)')!.gzipBytes).toBeLessThanOrEqual(3880);
  });

  it('the ImageKit client class stays within 22,640 bytes gzip (goal: 12,000, not met)', () => {
    expect(serverNames).toContain('ImageKit');
    expect(row('ImageKit class (server)')!.gzipBytes).toBeLessThanOrEqual(22640);
    expect(row('@imagekit/nodejs ImageKit')!.gzipBytes).toBeGreaterThan(0);
  });
});
