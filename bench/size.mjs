// `npm run size`: prints the bundle-size figures of the built package (run after `tsup`).
// `node bench/size.mjs --by-file` adds, per case, the source files that contribute most.
// `node bench/size.mjs --write` (`npm run size:readme`, which builds first) also rewrites
// the size table in README.md › "Size and speed" from the same measurements.
// The measuring code is shared with tests/package/size.test.ts and
// tests/package/readme-figures.test.ts (bench/lib/bundle-size.mjs).
import { breakdownBySourceFile, formatSizeTable, measureAll } from './lib/bundle-size.mjs';
import { readmePath, writeReadmeSizeTable } from './lib/readme-size-table.mjs';

const rows = await measureAll();
console.log('Bundle sizes (esbuild --bundle --minify, ESM, tree-shaken; gzip -9):\n');
console.log(formatSizeTable(rows));

if (process.argv.includes('--by-file')) {
  for (const row of rows.filter((r) => r.contents.includes('./dist/'))) {
    console.log(`\n${row.name}: minified bytes by source file (bundled from src/), and the gzip bytes the bundle loses without it`);
    for (const { file, bytes, gzipBytes } of (await breakdownBySourceFile(row.contents, { platform: row.platform })).slice(0, 10)) {
      console.log(`  ${String(bytes).padStart(7)}  ${String(gzipBytes).padStart(6)} gzip  ${file}`);
    }
  }
}

if (process.argv.includes('--write')) {
  const written = await writeReadmeSizeTable();
  console.log(`\nWrote ${written.length} rows to the size table of ${readmePath}`);
}
