// README › "Size and speed": the size table must match the built package. The table is
// generated (`npm run size:readme`); this test measures again from dist/ and fails when a
// README figure is off by more than 3 % or 40 bytes, whichever is larger.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  compareFigures,
  measureReadmeRows,
  parseSizeTable,
  readmePath,
  regenerateCommand,
  renderSizeTable,
  sizeBlock,
  tolerance,
  type ReadmeSizeRow,
} from '../../bench/lib/readme-size-table.mjs';
import { requireDist } from './helpers.js';

describe('README size table', () => {
  let measured: ReadmeSizeRow[] = [];

  beforeAll(async () => {
    requireDist();
    measured = await measureReadmeRows();
  });

  it('every figure in README is within tolerance of the built package', () => {
    const problems = compareFigures(measured, parseSizeTable(sizeBlock(readFileSync(readmePath, 'utf8'))));
    expect(problems, `README.md's size table is stale: run \`${regenerateCommand}\`\n${problems.join('\n')}`).toEqual([]);
  });

  it('the checker reads back every figure it writes, and flags one moved beyond the tolerance', () => {
    expect(compareFigures(measured, parseSizeTable(renderSizeTable(measured)))).toEqual([]);
    const [first, ...rest] = measured;
    const moved = (by: number) => parseSizeTable(renderSizeTable([{ ...first!, bytes: first!.bytes + by }, ...rest]));
    expect(compareFigures(measured, moved(tolerance(first!.bytes)))).toEqual([]);
    expect(compareFigures(measured, moved(tolerance(first!.bytes) + 1))).toHaveLength(1);
    const withPeer = measured.findIndex((r) => r.peerBytes !== undefined);
    const peerMoved = measured.map((r, i) => (i === withPeer ? { ...r, peerBytes: r.peerBytes! - tolerance(r.peerBytes!) - 1 } : r));
    expect(compareFigures(measured, parseSizeTable(renderSizeTable(peerMoved)))).toHaveLength(1);
    expect(compareFigures(measured, parseSizeTable(renderSizeTable(rest)))).toEqual([`${first!.label}: no such row in README`]);
  });

  it('the tolerance is 3 % or 40 bytes, whichever is larger', () => {
    expect(tolerance(400)).toBe(40);
    expect(tolerance(1333)).toBe(40);
    expect(tolerance(10_000)).toBe(300);
  });
});
