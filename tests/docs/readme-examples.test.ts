// The README's "→" results are checked here, so the documentation cannot drift from
// what the package does: every `call(...)` line directly followed by `// → result`
// in a ts code block is evaluated against the source and compared.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildTransformationString, buildUrl, phashDistance } from '../../src/index.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!);

interface Example {
  call: string;
  expected: string;
}

function examples(): Example[] {
  const found: Example[] = [];
  for (const block of blocks) {
    const lines = block.split('\n');
    lines.forEach((line, index) => {
      const next = lines[index + 1] ?? '';
      const arrow = /^\/\/ → (.+)$/.exec(next.trim());
      if (arrow && /^(buildUrl|buildTransformationString|phashDistance)\(/.test(line.trim())) {
        found.push({ call: line.trim().replace(/;$/, ''), expected: arrow[1]!.trim() });
      }
    });
    const inline = [...block.matchAll(/^(phashDistance\(.*\));\s*\/\/ → (\d+)$/gm)];
    for (const match of inline) found.push({ call: match[1]!, expected: match[2]! });
  }
  return found;
}

describe('README examples', () => {
  const cases = examples();

  it('finds the documented examples', () => {
    expect(cases.length).toBeGreaterThanOrEqual(7);
  });

  it.each(cases)('$call', ({ call, expected }) => {
    const run = new Function('buildUrl', 'buildTransformationString', 'phashDistance', 'urlEndpoint', `return ${call};`);
    const result = run(buildUrl, buildTransformationString, phashDistance, 'https://ik.imagekit.io/demo');
    expect(String(result)).toBe(expected);
  });
});
