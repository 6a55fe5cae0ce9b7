// The name → key table (src/url/transformation-names.ts) checked against independent lists:
// the official SDKs' own tables (imagekit v6, @imagekit/nodejs v7, @imagekit/javascript v5)
// and the README's table, so a typo in one place cannot go unnoticed.
import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import legacyTable from 'imagekit/dist/libs/constants/supportedTransforms.js';
import { supportedTransforms as v7Table } from '@imagekit/nodejs/lib/transformation-utils.js';
import { buildTransformationString as jsBuild } from '@imagekit/javascript';
import { lookupKey } from '../../src/url/transformation-names.js';

// The CJS default export arrives as the module object under some loaders.
const v6 = ((legacyTable as unknown as { default?: Record<string, string> }).default ?? legacyTable) as Record<string, string>;

describe('name → key table', () => {
  it('gives the key imagekit v6 gives, for every name v6 knows', () => {
    const names = Object.keys(v6);
    expect(names.length).toBeGreaterThan(30);
    for (const name of names) expect([name, lookupKey(name)]).toEqual([name, v6[name]]);
  });
  it('gives the key @imagekit/nodejs v7 gives, for every name v7 knows', () => {
    const names = Object.keys(v7Table);
    expect(names.length).toBeGreaterThan(60);
    for (const name of names) expect([name, lookupKey(name)]).toEqual([name, v7Table[name]]);
  });
  it("gives the key @imagekit/javascript v5 writes, for every name of README's table it maps", () => {
    // JS v5 has no `color`, `colorize` or legacy names: those pass through it as `name-…`.
    let compared = 0;
    for (const [names, key] of readmeRows()) {
      for (const name of names) {
        if (key === 'raw') continue;
        // `'true'` renders the bare key for effects and `key-true` for the rest.
        const written = jsBuild([{ [name]: 'true' } as never]);
        if (written === name + '-true') continue;
        expect([name, lookupKey(name)]).toEqual([name, written.replace(/-true$/, '')]);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(60);
  });
  it('agrees with the README table, both ways (every README row, and every name in the README)', () => {
    const rows = readmeRows();
    const seen = new Set<string>();
    for (const [names, key] of rows) {
      for (const name of names) {
        seen.add(name);
        expect([name, lookupKey(name)]).toEqual([name, key]);
      }
    }
    // 140 names; together with their lower-cased spellings, every spelling the table answers.
    expect(seen.size).toBe(140);
  });
  it('matches the lower-cased name after the exact one, and passes unknown names through', () => {
    expect(lookupKey('WIDTH')).toBe('w');
    expect(lookupKey('Raw')).toBe('raw');
    expect(lookupKey('ASPECTRATIO')).toBe('ASPECTRATIO');
    expect(lookupKey('rndm_trnsf')).toBe('rndm_trnsf');
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) expect(lookupKey(name)).toBe(name);
  });
});

/** The README's "Transformation names" rows: names (camelCase and snake_case) and key. */
function readmeRows(): [string[], string][] {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('### Transformation names'), readme.indexOf('## Responsive images'));
  const rows: [string[], string][] = [];
  for (const line of section.split('\n')) {
    const match = /^\| (`[^|]+`) \| `([^`]+)` \|$/.exec(line) ?? /^\| `(raw)` \| its value/.exec(line);
    if (!match) continue;
    const names = [...match[1]!.matchAll(/`?([A-Za-z_]+)`?/g)].map((m) => m[1]!);
    rows.push([names, match[2] ?? 'raw']);
  }
  return rows;
}
