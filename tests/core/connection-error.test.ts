// ConnectionError messages name the method, host, path and the failure's code (never the
// query); a runtime that denies network access (Deno without --allow-net) is a clear
// ConnectionError, not an "indeterminate" upload, and is not retried.
import { describe, expect, it } from 'vitest';
import { createClientContext } from '../../src/core/context.js';
import { apiRequest } from '../../src/core/request.js';
import { uploadFile } from '../../src/upload/server-upload.js';
import { ConnectionError, isUploadIndeterminateError } from '../../src/errors.js';
import { freePort } from '../upload/server.js';

const key = 'private_conn_key_123';

/** Deno's error class names for a missing permission (Deno 2: NotCapable; Deno 1: PermissionDenied). */
function denoDenied(name: string): Error {
  const error = new Error('Requires net access to "upload.example.test:443", run again with the --allow-net flag');
  error.name = name;
  return error;
}

function rejectingFetch(error: unknown) {
  const calls = { count: 0 };
  const fetch = (): Promise<Response> => {
    calls.count++;
    return Promise.reject(error);
  };
  return { fetch, calls };
}

describe('ConnectionError messages', () => {
  it('API call refused: names the code, method, host and path, not the query', async () => {
    const port = await freePort();
    const context = createClientContext({ privateKey: key, baseUrl: `http://127.0.0.1:${port}`, maxRetries: 0 });
    const error = await apiRequest(context, { method: 'GET', path: '/v1/files', query: { searchQuery: 'name="secret"' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toBe(`Connection failed (ECONNREFUSED): GET 127.0.0.1:${port}/v1/files`);
  });

  for (const transport of ['node-http', 'fetch'] as const) {
    it(`upload refused (${transport}): the same message form`, async () => {
      const port = await freePort();
      const context = createClientContext({
        privateKey: key,
        uploadBaseUrl: `http://127.0.0.1:${port}`,
        maxRetries: 0,
        ...(transport === 'fetch' ? { fetch: globalThis.fetch } : {}),
      });
      const error = await uploadFile(context, { file: new Uint8Array([1]), fileName: 'a' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConnectionError);
      expect((error as Error).message).toBe(`Connection failed (ECONNREFUSED): POST 127.0.0.1:${port}/api/v1/files/upload`);
    });
  }

  it("a code-less runtime error (Deno's message) still names the code", async () => {
    const cause = new Error(
      'error sending request for url (https://api.example.test/v1/files): client error (Connect): tcp connect error: Connection refused (os error 111)',
    );
    const { fetch } = rejectingFetch(new TypeError('fetch failed', { cause }));
    const context = createClientContext({ privateKey: key, baseUrl: 'https://api.example.test', fetch, maxRetries: 0 });
    const error = await apiRequest(context, { method: 'GET', path: '/v1/files' }).catch((e: unknown) => e);
    expect((error as Error).message).toBe('Connection failed (ECONNREFUSED): GET api.example.test/v1/files');
  });
});

describe('network access denied by the runtime (Deno without --allow-net)', () => {
  for (const name of ['NotCapable', 'PermissionDenied']) {
    it(`${name}: an upload is a ConnectionError saying so (nothing was sent), not retried`, async () => {
      const { fetch, calls } = rejectingFetch(denoDenied(name));
      const context = createClientContext({ privateKey: key, uploadBaseUrl: 'https://upload.example.test', fetch, maxRetries: 2 });
      const error = await uploadFile(context, { file: new Uint8Array([1]), fileName: 'a', useUniqueFileName: false }).catch((e: unknown) => e);
      expect(isUploadIndeterminateError(error)).toBe(false);
      expect(error).toBeInstanceOf(ConnectionError);
      expect((error as Error).message).toBe(
        `Network access denied by the runtime, nothing was sent (${name}): POST upload.example.test/api/v1/files/upload`,
      );
      expect(calls.count).toBe(1);
    });

    it(`${name}: an API call is the same ConnectionError, not retried`, async () => {
      const { fetch, calls } = rejectingFetch(denoDenied(name));
      const context = createClientContext({ privateKey: key, baseUrl: 'https://api.example.test', fetch, maxRetries: 2 });
      const error = await apiRequest(context, { method: 'GET', path: '/v1/files' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConnectionError);
      expect((error as Error).message).toBe(`Network access denied by the runtime, nothing was sent (${name}): GET api.example.test/v1/files`);
      expect(calls.count).toBe(1);
    });
  }
});
