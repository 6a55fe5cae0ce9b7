#!/usr/bin/env node
/**
 * @module imagekit-universal/testing (command line)
 * Starts the ImageKit emulator on loopback and prints its address and keys:
 *   npx imagekit-emulator [--port 4100] [--data-dir .emulator] [--private-key K] [--public-key K]
 *                         [--max-body-bytes N] [--seed 1] [--host ADDRESS]
 * The keys are fresh and random on every start unless passed. `EMULATOR_DATA_DIR` in the
 * environment stands for `--data-dir`; no other variable is read. Stops on Ctrl-C.
 */
import { parseArgs } from 'node:util';
import { startEmulator } from './emulator/server.js';

/** The port the command listens on unless `--port` says otherwise (`--port 0`: a free one). */
const defaultPort = 4100;

const usage =
  'Usage: imagekit-emulator [--port N (default 4100, 0 = any free port)] [--data-dir FOLDER] [--private-key KEY] [--public-key KEY] [--max-body-bytes N] [--seed N] [--host ADDRESS]';

function fail(message: string, code: number): never {
  console.error(message);
  process.exit(code);
}

async function main(): Promise<void> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'data-dir': { type: 'string' },
        'private-key': { type: 'string' },
        'public-key': { type: 'string' },
        'max-body-bytes': { type: 'string' },
        seed: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    fail(`${(error as Error).message}\n${usage}`, 2);
  }
  if (values['help']) {
    console.log(usage);
    return;
  }
  const text = (name: string): string | undefined => {
    const value = values[name];
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  const number = (name: string): number | undefined => {
    const value = text(name);
    if (value === undefined) return undefined;
    const parsed = Number(value);
    if (!Number.isSafeInteger(parsed) || parsed < 0) fail(`--${name} must be a non-negative integer, got "${value}"\n${usage}`, 2);
    return parsed;
  };
  const port = number('port') ?? defaultPort;
  const seed = number('seed');
  const maxBodyBytes = number('max-body-bytes');
  const host = text('host');
  const privateKey = text('private-key');
  const publicKey = text('public-key');
  const dataDir = text('data-dir') ?? (process.env['EMULATOR_DATA_DIR'] || undefined);
  let server: Awaited<ReturnType<typeof startEmulator>>;
  try {
    server = await startEmulator({
      port,
      ...(host !== undefined ? { host } : {}),
      ...(dataDir !== undefined ? { dataDir } : {}),
      ...(seed !== undefined ? { seed } : {}),
      ...(maxBodyBytes !== undefined ? { maxBodyBytes } : {}),
      ...(privateKey !== undefined ? { privateKey } : {}),
      ...(publicKey !== undefined ? { publicKey } : {}),
    });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const where = `${host ?? '127.0.0.1'}:${port}`;
    if (code === 'EADDRINUSE')
      fail(`imagekit-emulator: port ${port} is already in use on ${host ?? '127.0.0.1'}; pass --port N (or --port 0 for any free port)`, 1);
    if (code === 'EACCES') fail(`imagekit-emulator: no permission to listen on ${where}; pass --port N above 1023`, 1);
    fail(`imagekit-emulator: could not start on ${where}: ${error instanceof Error ? error.message : String(error)}`, 1);
  }
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // The public key comes last: whoever reads this output can stop at that line.
  console.log(`ImageKit emulator listening on ${server.url} (a test tool: never expose it)`);
  console.log(`  baseUrl / uploadBaseUrl: ${server.url}`);
  console.log(`  urlEndpoint:             ${server.urlEndpoint}`);
  if (dataDir !== undefined) console.log(`  data kept in:            ${dataDir}`);
  console.log(`  privateKey:              ${server.privateKey}`);
  console.log(`  publicKey:               ${server.publicKey}`);
}

main().catch((error: unknown) => {
  fail(`imagekit-emulator: ${error instanceof Error ? error.message : String(error)}`, 1);
});
