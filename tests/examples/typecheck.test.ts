// The TypeScript examples type-check against the package's published types, as a user
// who copied them would see them: `deno check` (strict) in a folder where
// node_modules/imagekit-universal holds package.json and dist/, as an install leaves it.
// (examples/bun-server.ts needs Bun's types and is left to the Bun run in
// deno-bun-servers.test.ts.)
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { requireDist } from '../package/helpers.js';
import { repoRoot, runtimeBinary, runtimeEnv } from '../support/runtimes.js';

const run = promisify(execFile);
const checked = ['examples/deno-server.ts', 'examples/cloudflare-worker/index.ts', 'examples/next-image-loader.ts'];
let dir = '';

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the TypeScript examples', () => {
  it(`type-check with \`deno check\` against the installed package: ${checked.join(', ')}`, async () => {
    requireDist();
    const deno = runtimeBinary('deno');
    dir = await mkdtemp(join(tmpdir(), 'ik-examples-check-'));
    const installed = join(dir, 'node_modules', 'imagekit-universal');
    await mkdir(installed, { recursive: true });
    await cp(join(repoRoot, 'package.json'), join(installed, 'package.json'));
    await cp(join(repoRoot, 'dist'), join(installed, 'dist'), { recursive: true });
    await writeFile(join(dir, 'package.json'), JSON.stringify({ private: true, type: 'module', dependencies: { 'imagekit-universal': '*' } }));
    for (const path of ['examples/shared', 'examples/cloudflare-worker', ...checked]) {
      await cp(join(repoRoot, path), join(dir, path), { recursive: true });
    }
    const outcome = await run(deno, ['check', ...checked], { cwd: dir, env: runtimeEnv, timeout: 60_000 }).then(
      () => ({ passed: true, output: '' }),
      (error: { stdout?: string; stderr?: string; message: string }) => ({
        passed: false,
        output: `${error.stdout ?? ''}${error.stderr ?? error.message}`,
      }),
    );
    expect(outcome.passed, outcome.output).toBe(true);
  }, 90_000);
});
