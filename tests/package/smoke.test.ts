// Import/require smoke test of the three entries, through the package's own `exports` map
// (Node resolves a package's own name from inside it), in a fresh Node process each.
import { describe, it, expect } from 'vitest';
import { distExportNames, requireDist, runNode } from './helpers.js';

const entries = [
  ['imagekit-universal', 'index'],
  ['imagekit-universal/server', 'server'],
  ['imagekit-universal/testing', 'testing'],
] as const;

describe.each(entries)('%s', (specifier, entry) => {
  it('imports as ESM and resolves to the ESM build', async () => {
    requireDist();
    const out = await runNode([
      '--input-type=module',
      '-e',
      `const m = await import(${JSON.stringify(specifier)}); console.log(JSON.stringify({ keys: Object.keys(m).sort(), file: import.meta.resolve(${JSON.stringify(specifier)}) }));`,
    ]);
    const { keys, file } = JSON.parse(out) as { keys: string[]; file: string };
    expect(file.endsWith(`/dist/${entry}.js`)).toBe(true);
    expect(keys).toEqual(await distExportNames(entry));
  });

  it('requires as CJS with the same export names', async () => {
    requireDist();
    const out = await runNode([
      '-e',
      `const m = require(${JSON.stringify(specifier)}); console.log(JSON.stringify({ keys: Object.keys(m).sort(), file: require.resolve(${JSON.stringify(specifier)}) }));`,
    ]);
    const { keys, file } = JSON.parse(out) as { keys: string[]; file: string };
    expect(file.endsWith(`/dist/${entry}.cjs`)).toBe(true);
    expect(keys).toEqual(await distExportNames(entry));
  });
});
