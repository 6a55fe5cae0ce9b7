// examples/deno-server.ts and examples/bun-server.ts, started as their header comments
// say (on loopback, PORT=0 so the runtime picks a free port, secrets from the
// environment), once each; the test reads the address each prints when it listens.
// Both import `imagekit-universal` by name, which resolves to this package's dist/.
import { afterAll, beforeAll, describe } from 'vitest';
import { requireDist } from '../package/helpers.js';
import { runtimeBinary, runtimeEnv, startServer, type RunningServer } from '../support/runtimes.js';
import { describeExampleRoutes, exampleEnv, exampleSecrets, type Call } from './routes.js';

const servers: Array<[string, () => [string, string[]]]> = [
  ['deno', () => [runtimeBinary('deno'), ['run', '--allow-net=127.0.0.1', '--allow-env', '--allow-read', 'examples/deno-server.ts']]],
  ['bun', () => [runtimeBinary('bun'), ['run', 'examples/bun-server.ts']]],
];

describe.each(servers)('%s', (name, command) => {
  const secrets = exampleSecrets();
  let server: RunningServer | undefined;

  beforeAll(async () => {
    requireDist();
    // No IMAGEKIT_* variable of the developer's shell reaches the example.
    const inherited = Object.entries(runtimeEnv).filter(([key]) => !key.startsWith('IMAGEKIT_'));
    const [binary, args] = command();
    server = await startServer(binary, args, {
      env: { ...Object.fromEntries(inherited), ...exampleEnv(secrets), PORT: '0' },
      ready: /^listening on (http:\/\/127\.0\.0\.1:\d+\/?)$/,
    });
  });

  afterAll(async () => {
    await server?.close();
  });

  const call: Call = (path, init) => fetch(new URL(path, server!.url), init);
  describeExampleRoutes(`examples/${name}-server.ts`, () => call, secrets);
});
