#!/usr/bin/env node
/**
 * @module imagekit-universal/testing (command line)
 * Starts the ImageKit emulator on loopback and prints its address and keys:
 *   npx imagekit-emulator [--port 8080] [--host 127.0.0.1] [--data-dir .emulator] [--seed 1]
 * `PORT`, `HOST` and `DATA_DIR` in the environment work too. Stops on Ctrl-C.
 */
import { parseArgs } from 'node:util';
import { startEmulator } from './emulator/server.js';

const usage = 'Usage: imagekit-emulator [--port N] [--host ADDRESS] [--data-dir FOLDER] [--seed N]';

async function main(): Promise<void> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'data-dir': { type: 'string' },
        seed: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    process.exit(2);
  }
  if (values['help']) {
    console.log(usage);
    return;
  }
  const number = (name: string, text: string | undefined): number | undefined => {
    if (text === undefined || text === '') return undefined;
    const value = Number(text);
    if (!Number.isInteger(value) || value < 0) {
      console.error(`--${name} must be a non-negative integer, got "${text}"\n${usage}`);
      process.exit(2);
    }
    return value;
  };
  const env = process.env;
  const port = number('port', (values['port'] as string | undefined) ?? env['PORT']);
  const seed = number('seed', values['seed'] as string | undefined);
  const host = (values['host'] as string | undefined) ?? env['HOST'];
  const dataDir = (values['data-dir'] as string | undefined) ?? env['DATA_DIR'];
  const server = await startEmulator({
    ...(port !== undefined ? { port } : {}),
    ...(host ? { host } : {}),
    ...(dataDir ? { dataDir } : {}),
    ...(seed !== undefined ? { seed } : {}),
  });
  console.log(`ImageKit emulator listening on ${server.url}`);
  console.log(`  baseUrl / uploadBaseUrl: ${server.url}`);
  console.log(`  urlEndpoint:             ${server.urlEndpoint}`);
  console.log(`  privateKey:              ${server.privateKey}`);
  console.log(`  publicKey:               ${server.publicKey}`);
  if (dataDir) console.log(`  data kept in:            ${dataDir}`);
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
