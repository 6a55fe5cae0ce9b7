// The installed package's client against the installed emulator's fault injection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installPacked, type Installed } from './installed.js';
import { failure } from '../support/failure.js';

type Root = typeof import('../../src/index.js');
type ServerEntry = typeof import('../../src/server.js');
type Testing = typeof import('../../src/testing.js');

let installed: Installed;
let root: Root;
let sdk: ServerEntry;
let running: Awaited<ReturnType<Testing['startEmulator']>>;

beforeAll(async () => {
  installed = await installPacked();
  root = installed.require('imagekit-universal') as Root;
  sdk = installed.require('imagekit-universal/server') as ServerEntry;
  const testing = installed.require('imagekit-universal/testing') as Testing;
  running = await testing.startEmulator();
}, 90_000);
afterAll(async () => {
  await running?.close();
  await installed?.remove();
});

function client() {
  return new sdk.ImageKit({ privateKey: running.privateKey, baseUrl: running.url, uploadBaseUrl: running.url, timeout: 2_000 });
}

describe('emulator fault injection seen through the client', () => {
  it('dropped connections: ConnectionError for a GET, indeterminate for an upload; nothing stored', async () => {
    running.emulator.setFaults({ dropRate: 1 });
    expect(root.isConnectionError(await failure(client().listFiles({}, { maxRetries: 1 })))).toBe(true);
    const error = await failure(client().uploadFile({ file: new Blob(['x']), fileName: 'a.txt' }));
    expect(root.isUploadIndeterminateError(error)).toBe(true);
    running.emulator.setFaults({});
    expect(await client().listFiles()).toEqual([]);
  });

  it('injected 5xx: InternalServerError after retries, with the API message', async () => {
    running.emulator.setFaults({ errorRate: 1 });
    const error = await failure(client().listFiles({}, { maxRetries: 1 }));
    expect(root.isApiError(error) && error.status >= 500).toBe(true);
    expect(error.message).toContain('emulator fault');
    running.emulator.setFaults({});
  });

  it('a 429 every other call is waited out (X-RateLimit-Reset); with maxRateLimitWait: 0 it is thrown', async () => {
    running.emulator.setFaults({ rateLimit: { every: 2, resetMs: 50 } });
    for (let i = 0; i < 6; i++) await client().listFiles();
    const error = await failure(
      client()
        .listFiles({}, { maxRetries: 0, maxRateLimitWait: 0 })
        .then(() => client().listFiles({}, { maxRetries: 0, maxRateLimitWait: 0 })),
    );
    expect(root.isRateLimitError(error)).toBe(true);
    expect(error.retryAfterMs).toBe(50);
    expect((error.rateLimit as { resetMs?: number }).resetMs).toBe(50);
    running.emulator.setFaults({});
  });

  it('latency beyond the timeout: TimeoutError per attempt', async () => {
    running.emulator.setFaults({ latencyMs: 400 });
    const error = await failure(client().listFiles({}, { timeout: 100, maxRetries: 1 }));
    expect(root.isTimeoutError(error)).toBe(true);
    expect(error.timeoutMs).toBe(100);
    running.emulator.setFaults({});
  });
});
