// The runtimes of the test matrix (Node 22, Deno, Bun, workerd via miniflare 3), installed
// apart in tests/runtimes/node_modules by `npm run setup`, and how tests drive them: a
// binary's path (a missing one fails, never skips), the child environment, a worker bundle
// resolved like wrangler does, and a server process that reports its address on stdout.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions } from 'esbuild';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const runtimesDir = join(repoRoot, 'tests', 'runtimes');
const binDir = join(runtimesDir, 'node_modules', '.bin');

/** Throws, saying how to install it, when `path` does not exist. */
export function need(path: string, what: string): void {
  if (!existsSync(path)) throw new Error(`${what} is missing (${path}): run \`npm run setup\` (bash .ci/install.sh) first`);
}

/** Path of a matrix runtime's executable; throws when it is not installed. */
export function runtimeBinary(name: 'node' | 'deno' | 'bun' | 'workerd'): string {
  const path = join(binDir, name);
  need(path, name);
  return path;
}

/** Environment for runtime child processes: no colours, update checks, prompts or telemetry. */
export const runtimeEnv: NodeJS.ProcessEnv = {
  ...process.env,
  NO_COLOR: '1',
  DENO_NO_UPDATE_CHECK: '1',
  DENO_NO_PROMPT: '1',
  DO_NOT_TRACK: '1',
  BUN_DISABLE_TELEMETRY: '1',
};

/** `env` without the developer's `IMAGEKIT_*` variables, so an example never reaches a real account from a test. */
export function withoutImageKitKeys(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('IMAGEKIT_')));
}

/** The export conditions wrangler bundles a Worker with. */
export const workerConditions: readonly string[] = ['workerd', 'worker', 'browser'];

/** The subset of Miniflare 3 the tests use. */
export interface MiniflareInstance {
  dispatchFetch(url: string, init?: RequestInit): Promise<Response>;
  dispose(): Promise<void>;
}

/** Miniflare 3 from tests/runtimes (it brings workerd); throws when it is not installed. */
export function loadMiniflare(): new (options: object) => MiniflareInstance {
  runtimeBinary('workerd');
  need(join(runtimesDir, 'node_modules', 'miniflare', 'package.json'), 'miniflare');
  const requireRuntime = createRequire(join(runtimesDir, 'package.json'));
  return (requireRuntime('miniflare') as { Miniflare: new (options: object) => MiniflareInstance }).Miniflare;
}

/**
 * Bundles a Worker the way wrangler does (ESM, the worker conditions, which include
 * `browser`), in memory. `options` gives the entry (`stdin` or `entryPoints`).
 * @returns the script and the input files esbuild read, relative to the repository.
 */
export async function bundleWorker(options: Pick<BuildOptions, 'stdin' | 'entryPoints'>): Promise<{ script: string; inputs: string[] }> {
  const result = await build({
    ...options,
    absWorkingDir: repoRoot,
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    conditions: [...workerConditions],
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  return { script: result.outputFiles[0]!.text, inputs: Object.keys(result.metafile.inputs) };
}

/** A server child process that printed its address. */
export interface RunningServer {
  /** The `http://…` URL it printed, with a trailing `/`. */
  url: string;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Stops it (SIGTERM) and waits until it has exited. */
  close(): Promise<void>;
}

/**
 * Starts `command args` and resolves once a line of its stdout matches `ready` (whose
 * first group is the server's URL); rejects with its output when it exits first or
 * stays silent for `timeoutMs`.
 */
export function startServer(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; ready: RegExp; timeoutMs?: number },
): Promise<RunningServer> {
  const child = spawn(command, args, { cwd: options.cwd ?? repoRoot, env: options.env ?? runtimeEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let stdout = '';
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const close = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  let settled = false;
  return new Promise((resolve, reject) => {
    const fail = (why: string, stop: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const error = new Error(`${[command, ...args].join(' ')} ${why}; its output:\n${output}`);
      // A process that could not be spawned may never emit 'close': nothing to wait for then.
      if (stop) void close().then(() => reject(error));
      else reject(error);
    };
    const timeoutMs = options.timeoutMs ?? 30_000;
    const timer = setTimeout(() => fail(`printed no line matching ${options.ready} within ${timeoutMs} ms`, true), timeoutMs);
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      stdout += chunk.toString();
      if (settled) return;
      const match = stdout
        .split('\n')
        .slice(0, -1)
        .map((line) => options.ready.exec(line))
        .find(Boolean);
      if (!match) return;
      settled = true;
      clearTimeout(timer);
      const url = match[1]!.endsWith('/') ? match[1]! : `${match[1]}/`;
      resolve({ url, output: () => output, close });
    });
    // 'close', not 'exit': by then all it printed has been read.
    child.once('close', (code, signal) => fail(`exited (${signal ?? `code ${code}`}) before it was ready`, false));
    child.once('error', (error) => fail(`could not start: ${error.message}`, false));
  });
}
