// The package as a user gets it: `npm pack` of the built package (dist/ must exist; npm test
// builds first), unpacked into <tmp>/node_modules/imagekit-universal. No registry access:
// msw is linked from this repository's node_modules for the testing entry.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);

/** A consumer project with the packed package installed; `remove()` deletes it. */
export interface Installed {
  /** The consumer project folder. */
  readonly dir: string;
  /** `require` from the consumer project (resolves through the package's `exports`). */
  readonly require: NodeRequire;
  remove(): Promise<void>;
}

/** Packs the built package and unpacks it into a fresh consumer project under the OS temp folder. */
export async function installPacked(): Promise<Installed> {
  if (!existsSync(join(repoRoot, 'dist', 'server.cjs'))) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
  const dir = await mkdtemp(join(tmpdir(), 'ik-blackbox-'));
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const { stdout } = await run(npm, ['pack', '--ignore-scripts', '--silent', '--pack-destination', dir], {
    cwd: repoRoot,
    timeout: 60_000,
  });
  const tgz = join(dir, stdout.trim().split('\n').pop()!);
  const target = join(dir, 'node_modules', 'imagekit-universal');
  await mkdir(target, { recursive: true });
  await run('tar', ['-xzf', tgz, '-C', target, '--strip-components=1'], { timeout: 30_000 });
  await symlink(join(repoRoot, 'node_modules', 'msw'), join(dir, 'node_modules', 'msw'), 'dir');
  return {
    dir,
    require: createRequire(join(dir, 'consumer.cjs')),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** Runs `node` in the consumer project; resolves stdout and stderr (rejects on a non-zero exit). */
export async function runIn(dir: string, args: string[], timeout = 30_000): Promise<{ stdout: string; stderr: string }> {
  return run(process.execPath, args, { cwd: dir, timeout, maxBuffer: 16 << 20 });
}

/**
 * Type-checks `files` (already written in `dir`) against the installed package with `strict`
 * and NodeNext resolution, as a user's project would, with the repository's TypeScript.
 * Resolves with what tsc printed: `''` when everything type-checks.
 */
export async function typecheckIn(dir: string, files: string[], lib: string[], timeout: number): Promise<string> {
  const tsconfig = {
    compilerOptions: {
      strict: true,
      noEmit: true,
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      target: 'ES2022',
      lib,
      types: ['node'],
      skipLibCheck: true,
    },
    files,
  };
  await writeFile(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
  const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = await run(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: dir, timeout }).catch((error: { stdout: string }) => error);
  return result.stdout;
}
