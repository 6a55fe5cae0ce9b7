// publint and attw on the packed package (docs/testing.md, "Built-package tests"). attw's `node16` profile
// ignores node10 resolution: subpath exports need Node ≥ 12.7 anyway (engines: >=20.3).
import { describe, it, expect } from 'vitest';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { readFile } from 'node:fs/promises';
import { repoRoot, requireDist } from './helpers.js';

describe('package metadata', () => {
  it('publint (strict) reports nothing', async () => {
    requireDist();
    const { messages, pkg } = await publint({ pkgDir: repoRoot, strict: true, pack: 'npm' });
    expect(messages.map((m) => formatMessage(m, pkg) ?? m.code)).toEqual([]);
  }, 60_000);

  it('are-the-types-wrong finds no problem for node16 (CJS and ESM) and bundler resolution', async () => {
    requireDist();
    const attw = join(repoRoot, 'node_modules', '.bin', 'attw');
    const { stdout } = await promisify(execFile)(attw, ['--pack', '.', '--profile', 'node16', '--format', 'json'], {
      cwd: repoRoot,
      timeout: 60_000,
      maxBuffer: 32 << 20,
      // attw runs `npm pack`, whose `prepack` would rebuild dist/ under the other tests' feet.
      env: { ...process.env, npm_config_ignore_scripts: 'true' },
    }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
    const report = JSON.parse(stdout) as { analysis: { problems: Array<{ kind: string; entrypoint: string; resolutionKind?: string }> } };
    // The JSON report keeps the problems the profile ignores; drop node10 the same way.
    const problems = report.analysis.problems.filter((p) => p.resolutionKind !== 'node10');
    expect(problems).toEqual([]);
  }, 60_000);

  it('has zero runtime dependencies and msw as an optional peer', async () => {
    const pkg = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as Record<string, any>;
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(pkg.peerDependencies).toHaveProperty('msw');
    expect(pkg.peerDependenciesMeta?.msw?.optional).toBe(true);
    expect(pkg.sideEffects).toBe(false);
    expect(pkg.files).toEqual(['dist']);
  });

  it('ships the MIT LICENSE it declares, names its repository, and builds before every pack', async () => {
    const pkg = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as Record<string, any>;
    expect(pkg.license).toBe('MIT');
    const license = await readFile(join(repoRoot, 'LICENSE'), 'utf8');
    expect(license).toMatch(/^MIT License\n\nCopyright \(c\) 2026 imagekit-universal contributors\n/);
    expect(license).toMatch(/THE SOFTWARE IS PROVIDED "AS IS"/);
    expect(pkg.repository?.url).toMatch(/^git\+https:\/\/github\.com\/imagekit-universal\/imagekit-universal\.git$/);
    // `npm pack` and `npm publish` run prepack: a stale or missing dist/ is rebuilt first.
    expect(pkg.scripts.prepack).toBe('npm run build');
    expect(pkg.scripts.build).toMatch(/^tsup --silent && node \.ci\/build-server-browser\.mjs$/);
    const { stdout } = await promisify(execFile)('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: repoRoot, maxBuffer: 32 << 20 });
    const files = (JSON.parse(stdout) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((f) => f.path);
    expect(files).toContain('LICENSE');
    expect(files).toContain('dist/server-browser.d.ts');
    expect(files.filter((f) => !f.startsWith('dist/')).sort()).toEqual(['LICENSE', 'README.md', 'package.json']);
  }, 60_000);

  it('lists the runtime conditions of ./server before browser, and browser before the defaults', async () => {
    const pkg = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as Record<string, any>;
    const keys = Object.keys(pkg.exports['./server']);
    expect(keys).toEqual(['workerd', 'worker', 'edge-light', 'deno', 'bun', 'node', 'browser', 'import', 'require']);
  });
});
