// The assertions every runtime's copy of examples/shared/handler.ts must pass (the Worker
// under workerd, the Deno and Bun servers): one function registers them, so the three
// test files check the same things. Truth is node:crypto: HMAC-SHA1 for upload auth
// parameters and signed URLs, HMAC-SHA256 (Standard Webhooks) for webhook deliveries.
import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';

/** Fresh secrets for one test file (so no fixed key could make a test pass by accident). */
export interface ExampleSecrets {
  privateKey: string;
  webhookSecret: string;
  urlEndpoint: string;
}

export function exampleSecrets(): ExampleSecrets {
  return {
    privateKey: `private_${randomBytes(15).toString('base64url')}`,
    webhookSecret: `whsec_${randomBytes(24).toString('base64')}`,
    urlEndpoint: 'https://ik.imagekit.io/examples_test',
  };
}

/** The variables the examples read (a Worker's bindings, or the process environment). */
export function exampleEnv(secrets: ExampleSecrets): Record<string, string> {
  return {
    IMAGEKIT_PRIVATE_KEY: secrets.privateKey,
    IMAGEKIT_WEBHOOK_SECRET: secrets.webhookSecret,
    IMAGEKIT_URL_ENDPOINT: secrets.urlEndpoint,
  };
}

/** Sends a request to the running example; `path` is relative to its root, e.g. `/auth`. */
export type Call = (path: string, init?: RequestInit) => Promise<Response>;

const nowSeconds = () => Math.floor(Date.now() / 1000);
const hmacSha1Hex = (key: string, message: string) => createHmac('sha1', key).update(message, 'utf8').digest('hex');

/** A Standard Webhooks delivery signed with node:crypto: base64 HMAC-SHA256 over `id.timestamp.body`, key = the whole secret's UTF-8 bytes. */
function signedDelivery(secret: string, body: string, timestamp = nowSeconds()): { body: string; headers: Record<string, string> } {
  const id = `msg_${randomBytes(8).toString('hex')}`;
  const signature = createHmac('sha256', Buffer.from(secret, 'utf8')).update(`${id}.${timestamp}.${body}`, 'utf8').digest('base64');
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': `v1,${signature}`,
    },
  };
}

const webhookBody = JSON.stringify({
  type: 'video.transformation.ready',
  id: 'evt_examples_1',
  created_at: '2026-12-01T00:00:00.000Z',
  request: { url: 'https://ik.imagekit.io/examples_test/clip.mp4?tr=f-mp4', x_request_id: 'req-ü-1', user_agent: 'ImageKit webhooks ✓' },
  data: {
    asset: { url: 'https://ik.imagekit.io/examples_test/clip.mp4' },
    transformation: { type: 'video-transformation', options: { video_codec: 'h264', format: 'mp4' } },
  },
});

/**
 * Registers the route tests for one running example. `call` is read when a test runs
 * (after the file's `beforeAll` started the example).
 */
export function describeExampleRoutes(name: string, call: () => Call, secrets: ExampleSecrets): void {
  const bodies: string[] = [];
  /** Calls the example and keeps the body, so that the last test can look for leaked secrets. */
  const send = async (path: string, init?: RequestInit) => {
    const response = await call()(path, init);
    const text = await response.text();
    bodies.push(text);
    return { status: response.status, type: response.headers.get('content-type') ?? '', text, json: () => JSON.parse(text) };
  };

  describe(`${name}: the example's routes`, () => {
    it('GET /auth returns single-use upload parameters signed like node:crypto HMAC-SHA1(token + expire)', async () => {
      const before = nowSeconds();
      const [first, second] = await Promise.all([send('/auth'), send('/auth')]);
      const after = nowSeconds();
      expect(first.status).toBe(200);
      expect(first.type).toMatch(/^application\/json/);
      for (const answer of [first, second]) {
        const { token, expire, signature } = answer.json();
        expect(Object.keys(answer.json()).sort()).toEqual(['expire', 'signature', 'token']);
        expect(signature).toBe(hmacSha1Hex(secrets.privateKey, `${token}${expire}`));
        // The default lifetime is 30 minutes from the moment of the call.
        expect(expire).toBeGreaterThanOrEqual(before + 1800);
        expect(expire).toBeLessThanOrEqual(after + 1800);
      }
      expect(first.json().token).not.toBe(second.json().token);
    });

    it('GET /signed?path=… returns the file URL signed for 10 minutes, like node:crypto HMAC-SHA1', async () => {
      const path = '/private/ünïcode photo #1.jpg';
      const before = nowSeconds();
      const answer = await send(`/signed?path=${encodeURIComponent(path)}`);
      const after = nowSeconds();
      expect(answer.status).toBe(200);
      const signed: string = answer.json().url;
      const match = /^(.*)\?ik-t=(\d+)&ik-s=([0-9a-f]{40})$/.exec(signed);
      expect(match, signed).not.toBeNull();
      const [, unsigned, expiry, signature] = match!;
      // The URL is the requested file under the endpoint (WHATWG parsing, percent-decoded).
      const parsed = new URL(unsigned!);
      expect(parsed.origin + decodeURIComponent(parsed.pathname)).toBe(`${secrets.urlEndpoint}${path}`);
      expect(parsed.search).toBe('');
      expect(Number(expiry)).toBeGreaterThanOrEqual(before + 600);
      expect(Number(expiry)).toBeLessThanOrEqual(after + 600);
      // ImageKit's scheme: HMAC-SHA1 of the URL without the endpoint prefix, then the expiry.
      expect(signature).toBe(hmacSha1Hex(secrets.privateKey, `${unsigned!.slice(`${secrets.urlEndpoint}/`.length)}${expiry}`));
    });

    it('GET /signed refuses a missing path and a path that leaves the endpoint with 400', async () => {
      for (const query of ['', '?path=', `?path=${encodeURIComponent('/../other_account/secret.jpg')}`]) {
        const answer = await send(`/signed${query}`);
        expect(answer.status, query).toBe(400);
        expect(typeof answer.json().error, query).toBe('string');
        expect(answer.text, query).not.toMatch(/ik-s=/);
      }
    });

    it('POST /webhook answers 200 with the event type for a node:crypto-signed Standard Webhooks delivery', async () => {
      const delivery = signedDelivery(secrets.webhookSecret, webhookBody);
      const answer = await send('/webhook', { method: 'POST', ...delivery });
      expect(answer.status, answer.text).toBe(200);
      expect(answer.json()).toEqual({ type: 'video.transformation.ready' });
    });

    it('POST /webhook answers 400 with the reason for a tampered, unsigned, stale or wrongly keyed delivery', async () => {
      const valid = signedDelivery(secrets.webhookSecret, webhookBody);
      const cases: Array<[string, RequestInit, string]> = [
        ['tampered body', { body: valid.body.replace('h264', 'av1'), headers: valid.headers }, 'signature_mismatch'],
        ['no signature headers', { body: valid.body, headers: { 'content-type': 'application/json' } }, 'missing_header'],
        ['an hour old', signedDelivery(secrets.webhookSecret, webhookBody, nowSeconds() - 3600), 'timestamp_too_old'],
        ['another secret', signedDelivery(`${secrets.webhookSecret}x`, webhookBody), 'signature_mismatch'],
      ];
      for (const [what, init, reason] of cases) {
        const answer = await send('/webhook', { method: 'POST', ...init });
        expect(answer.status, what).toBe(400);
        expect(answer.json(), what).toEqual({ reason });
      }
    });

    it('POST /webhook refuses a body over 256 KiB with 413, with or without Content-Length', async () => {
      const big = signedDelivery(secrets.webhookSecret, JSON.stringify({ type: 'x', padding: 'a'.repeat(300 * 1024) }));
      const declared = await send('/webhook', { method: 'POST', ...big });
      // A streamed body has no Content-Length: the handler stops reading at the limit.
      const bytes = new TextEncoder().encode(big.body);
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let offset = 0; offset < bytes.length; offset += 16 * 1024) controller.enqueue(bytes.subarray(offset, offset + 16 * 1024));
          controller.close();
        },
      });
      const streamed = await send('/webhook', { method: 'POST', headers: big.headers, body: stream, duplex: 'half' } as RequestInit);
      for (const answer of [declared, streamed]) {
        expect(answer.status).toBe(413);
        expect(answer.json()).toEqual({ reason: 'too_large' });
      }
    });

    it('answers 404 for other routes and methods', async () => {
      for (const [method, path] of [
        ['GET', '/'],
        ['GET', '/webhook'],
        ['POST', '/auth'],
        ['GET', '/auth/x'],
      ] as const) {
        expect((await send(path, { method })).status, `${method} ${path}`).toBe(404);
      }
    });

    it('never puts the private key or the webhook secret in a response', async () => {
      // Its own calls (so that it also holds when run alone), then every body seen in this file.
      await send('/auth');
      await send(`/signed?path=${encodeURIComponent('/a.jpg')}`);
      await send(`/signed?path=${encodeURIComponent('/../b.jpg')}`);
      await send('/webhook', { method: 'POST', ...signedDelivery(secrets.webhookSecret, webhookBody) });
      await send('/webhook', { method: 'POST', ...signedDelivery(secrets.privateKey, webhookBody) });
      for (const text of bodies) {
        expect(text).not.toContain(secrets.privateKey);
        expect(text).not.toContain(secrets.webhookSecret);
      }
    });
  });
}
