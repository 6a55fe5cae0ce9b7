// No call follows a redirect: a 3xx is an ApiError and nothing reaches the new location.
// Two loopback servers: the API answers 307/301 towards a target that counts requests.
import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClientContext } from '../../src/core/context.js';
import { apiRequest } from '../../src/core/request.js';
import { uploadFile } from '../../src/upload/server-upload.js';
import { ApiError } from '../../src/errors.js';

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function listen(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function redirectPair(status: number) {
  const target = { requests: 0 };
  const targetUrl = await listen((req, res) => {
    target.requests++;
    req.resume();
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"fileId":"from-elsewhere"}');
  });
  const origin = await listen((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(status, { location: `${targetUrl}${req.url ?? '/'}` }).end());
  });
  return { origin, target };
}

describe('redirects are never followed', () => {
  for (const status of [301, 302, 307, 308]) {
    it(`API call: a ${status} is an ApiError and the target gets no request`, async () => {
      const { origin, target } = await redirectPair(status);
      const context = createClientContext({ privateKey: 'private_redirect_key', baseUrl: origin, maxRetries: 2 });
      const error = await apiRequest(context, { method: 'POST', path: '/v1/folder', body: { folderName: 'a' } }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).status).toBe(status);
      expect((error as ApiError).message).toContain('redirect not followed');
      expect(target.requests).toBe(0);
    });
  }

  for (const transport of ['node-http', 'fetch'] as const) {
    it(`upload (${transport}): a 307 is an ApiError, not retried, and the target gets no request`, async () => {
      const { origin, target } = await redirectPair(307);
      const context = createClientContext({
        privateKey: 'private_redirect_key',
        uploadBaseUrl: origin,
        maxRetries: 2,
        ...(transport === 'fetch' ? { fetch: globalThis.fetch } : {}),
      });
      const error = await uploadFile(context, { file: new Uint8Array([1, 2, 3]), fileName: 'a.bin', useUniqueFileName: false }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).status).toBe(307);
      expect(target.requests).toBe(0);
    });
  }
});
