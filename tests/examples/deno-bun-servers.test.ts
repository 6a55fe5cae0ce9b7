// examples/deno-server.ts and examples/bun-server.ts, started as their header comments
// say (on loopback, PORT=0 so the runtime picks a free port, secrets from the
// environment), once each; the test reads the address each prints when it listens.
// Both import `imagekit-universal` by name, which resolves to this package's dist/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireDist } from '../package/helpers.js';
import { runtimeBinary, runtimeEnv, startServer, withoutImageKitKeys, type RunningServer } from '../support/runtimes.js';
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
    const [binary, args] = command();
    server = await startServer(binary, args, {
      env: { ...withoutImageKitKeys(runtimeEnv), ...exampleEnv(secrets), PORT: '0' },
      ready: /^listening on (http:\/\/127\.0\.0\.1:\d+\/?)$/,
    });
  });

  afterAll(async () => {
    await server?.close();
  });

  const call: Call = (path, init) => fetch(new URL(path, server!.url), init);
  describeExampleRoutes(`examples/${name}-server.ts`, () => call, secrets);

  it('refuses to start without a secret, naming the missing variable', async () => {
    const { IMAGEKIT_WEBHOOK_SECRET: _missing, ...partial } = exampleEnv(secrets);
    const [binary, args] = command();
    const started = startServer(binary, args, { env: { ...withoutImageKitKeys(runtimeEnv), ...partial, PORT: '0' }, ready: /^listening on (\S+)$/ });
    await expect(started).rejects.toThrow(/exited \(code 1\) before it was ready[\s\S]*Set IMAGEKIT_WEBHOOK_SECRET \(/);
  });
});
