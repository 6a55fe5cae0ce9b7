import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allFacts, policyTable, tableEnd, tableStart } from './policy-table.js';

const files = ['README.md', 'docs/http-and-retries.md'];

/** The text between the table markers of `file` (markers included), or undefined. */
function tableIn(text: string): string | undefined {
  const start = text.indexOf(tableStart);
  const end = text.indexOf(tableEnd);
  return start === -1 || end === -1 ? undefined : text.slice(start, end + tableEnd.length);
}

describe('retry-policy tables are generated from the endpoint facts', () => {
  it.each(files)('%s holds the generated table', (file) => {
    const text = readFileSync(file, 'utf8');
    const found = tableIn(text);
    const expected = policyTable();
    if (process.env['WRITE_TABLES'] === '1' && found !== undefined && found !== expected) {
      writeFileSync(file, text.replace(found, expected));
      return;
    }
    expect(found, `${file} has no table markers`).toBeDefined();
    expect(found).toBe(expected);
  });

  it('lists every endpoint once under its own policy, and a narrower policy where one applies', () => {
    const table = policyTable();
    for (const fact of allFacts()) {
      const rows = table.split('\n').filter((line) => line.includes(`\`${fact.name}\``));
      expect(rows.filter((row) => row.startsWith(`| ${fact.retry} |`) && row.includes(`| ${fact.why} |`))).toHaveLength(1);
      expect(rows).toHaveLength(fact.saferWhen ? 2 : 1);
    }
  });

  it('a changed policy changes the table (the check can fail)', () => {
    const facts = allFacts().map((fact) => (fact.name === 'copyFile' ? { ...fact, retry: 'always' as const } : fact));
    expect(policyTable(facts)).not.toBe(policyTable());
  });

  it('every endpoint says why; every GET is retried under `always`', () => {
    for (const fact of allFacts()) {
      expect(fact.why.length, fact.name).toBeGreaterThan(4);
      if (fact.method === 'GET') expect(fact.retry, fact.name).toBe('always');
    }
  });
});
