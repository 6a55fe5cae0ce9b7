// The JSR package (jsr.json): the same three entries as package.json, published from the
// TypeScript sources. `deno publish --dry-run` (the pinned Deno in tests/runtimes) type-checks
// them and refuses "slow types" (exports whose types need inference), as JSR does.
// The sources import siblings as `./x.js` (what tsc and bundlers want); `--sloppy-imports`
// lets Deno resolve those to the `.ts` files.
import { describe, it, expect } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const deno = join(repoRoot, 'tests', 'runtimes', 'node_modules', '.bin', 'deno');

describe('jsr.json', () => {
  it('names the same three entries as package.json, as their TypeScript sources', async () => {
    const jsr = JSON.parse(await readFile(join(repoRoot, 'jsr.json'), 'utf8')) as Record<string, any>;
    const pkg = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as Record<string, any>;
    expect(jsr.version).toBe(pkg.version);
    expect(jsr.license).toBe(pkg.license);
    const entries = Object.keys(pkg.exports).filter((key) => key !== './package.json');
    expect(Object.keys(jsr.exports)).toEqual(entries);
    expect(jsr.exports).toEqual({ '.': './src/index.ts', './server': './src/server.ts', './testing': './src/testing.ts' });
  });

  it('deno publish --dry-run passes: type-checks, no slow types', async () => {
    if (!existsSync(deno)) throw new Error(`Deno is missing (${deno}): run \`npm run setup\` first`);
    const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve) => {
      execFile(
        deno,
        ['publish', '--dry-run', '--allow-dirty', '--sloppy-imports'],
        { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1' }, timeout: 240_000, maxBuffer: 16 << 20 },
        (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, output: `${stdout}\n${stderr}` }),
      );
    });
    expect(output).toContain('Checking for slow types in the public API');
    expect(output, output).not.toMatch(/error\[|\[ERROR\]|slow-type|missing-explicit/);
    expect(output).toContain('Dry run complete');
    expect(code, output).toBe(0);
  }, 300_000);
});
