// `npm run size`: prints the bundle-size figures of the built package (run after `tsup`).
// The measuring code is shared with tests/package/size.test.ts (bench/lib/bundle-size.mjs).
import { formatSizeTable, measureAll } from './lib/bundle-size.mjs';

console.log('Bundle sizes (esbuild --bundle --minify, ESM, tree-shaken; gzip -9):\n');
console.log(formatSizeTable(await measureAll()));
