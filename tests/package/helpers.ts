// Shared helpers for the package tests: they all look at the BUILT package (dist/),
// so `npm test` builds first; a missing dist/ fails with a pointer to `npm run build`.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import ts from 'typescript';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const distDir = join(repoRoot, 'dist');

const run = promisify(execFile);

/** Throws a helpful error when the package has not been built. */
export function requireDist(): void {
  for (const entry of ['index', 'index-browser', 'server', 'server-browser', 'testing']) {
    if (!existsSync(join(distDir, `${entry}.js`)) || !existsSync(join(distDir, `${entry}.cjs`))) {
      throw new Error(`dist/${entry}.{js,cjs} is missing: run \`npm run build\` first (npm test does)`);
    }
  }
}

/** Imports a built ESM entry (`index`, `server`, `server-browser`, `testing`). */
export async function importDist(entry: string): Promise<Record<string, unknown>> {
  return (await import(pathToFileURL(join(distDir, `${entry}.js`)).href)) as Record<string, unknown>;
}

/** Export names of a built ESM entry, sorted. */
export async function distExportNames(entry: string): Promise<string[]> {
  return Object.keys(await importDist(entry)).sort();
}

/** Runs `node` (the host's) with arguments; resolves stdout, rejects with stderr on failure. */
export async function runNode(args: string[], cwd = repoRoot): Promise<string> {
  const { stdout } = await run(process.execPath, args, { cwd, timeout: 30_000, maxBuffer: 16 << 20 });
  return stdout;
}

/**
 * A temporary folder whose node_modules/imagekit-universal links to this repository, so
 * bundlers resolve `imagekit-universal/server` through the real `exports` map.
 */
export async function consumerDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ik-consumer-'));
  await mkdir(join(dir, 'node_modules'));
  await symlink(repoRoot, join(dir, 'node_modules', 'imagekit-universal'), 'dir');
  return dir;
}

/** Exported names (values and types) of a declaration file, as the TypeScript checker sees them, sorted. */
export function declarationExports(file: string): string[] {
  const program = ts.createProgram([file], { strict: true, skipLibCheck: true, types: [] });
  const source = program.getSourceFile(file);
  if (!source) throw new Error(`${file} is missing: run \`npm run build\``);
  const checker = program.getTypeChecker();
  return checker
    .getExportsOfModule(checker.getSymbolAtLocation(source)!)
    .map((symbol) => symbol.getName())
    .sort();
}
