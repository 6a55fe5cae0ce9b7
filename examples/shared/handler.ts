// One request handler for the Cloudflare Worker, Deno and Bun examples: a plain
// `(request, env) => Promise<Response>` built on Web APIs only, so each runtime's file
// only reads its secrets and starts a server. Three routes:
//
//   GET  /auth              upload auth parameters for a browser upload (token, expire, signature)
//   GET  /signed?path=/a.jpg a signed URL for a private file, valid for 10 minutes
//   POST /webhook           verifies an ImageKit webhook: 200 { type } or 400 { reason }
//
// In a real app, check the caller's session in /auth and /signed before signing anything:
// anyone who can call them can upload to your account or read your private files.
import { buildUrl, isWebhookVerificationError } from 'imagekit-universal';
import { getAuthenticationParameters, signUrl, verifyWebhook } from 'imagekit-universal/server';

/** The secrets and settings the handler needs (a Worker's `env`, or read from the environment). */
export interface Env {
  /** Private API key (`private_…`): signs upload parameters and URLs. */
  IMAGEKIT_PRIVATE_KEY: string;
  /** The webhook endpoint's secret (`whsec_…`) from the ImageKit dashboard. */
  IMAGEKIT_WEBHOOK_SECRET: string;
  /** Your URL endpoint, e.g. `https://ik.imagekit.io/your_id`. */
  IMAGEKIT_URL_ENDPOINT: string;
}

const envNames = ['IMAGEKIT_PRIVATE_KEY', 'IMAGEKIT_WEBHOOK_SECRET', 'IMAGEKIT_URL_ENDPOINT'] as const;

/** How long a signed URL stays valid. */
const signedUrlSeconds = 600;
/** ImageKit's webhook deliveries are a few kilobytes; a bigger body is refused unread. */
const maxWebhookBytes = 256 * 1024;

/**
 * Picks the three settings from `source` (a Worker's `env`, `Deno.env.toObject()`,
 * `process.env`), or throws an error naming every one that is missing.
 */
export function readEnv(source: Record<string, unknown>): Env {
  const missing = envNames.filter((name) => typeof source[name] !== 'string' || source[name] === '');
  if (missing.length > 0) throw new Error(`Set ${missing.join(', ')} (see the comment at the top of the example)`);
  const [privateKey, webhookSecret, urlEndpoint] = envNames.map((name) => source[name] as string);
  return { IMAGEKIT_PRIVATE_KEY: privateKey!, IMAGEKIT_WEBHOOK_SECRET: webhookSecret!, IMAGEKIT_URL_ENDPOINT: urlEndpoint! };
}

const json = (status: number, value: unknown): Response =>
  new Response(JSON.stringify(value), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  });

/** The body's bytes, or `undefined` when it is longer than `limit` (reading stops there). */
async function readBody(request: Request, limit: number): Promise<Uint8Array | undefined> {
  if (Number(request.headers.get('content-length') ?? 0) > limit) return undefined;
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  const body = new Uint8Array(limit);
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return body.slice(0, length);
    if (length + value.length > limit) {
      await reader.cancel();
      return undefined;
    }
    body.set(value, length);
    length += value.length;
  }
}

/** Handles one request; `env` as returned by {@link readEnv}. */
export async function handle(request: Request, env: Env): Promise<Response> {
  const url = new URL(request.url);
  const route = `${request.method} ${url.pathname}`;

  if (route === 'GET /auth') {
    // A fresh single-use token, valid for 30 minutes; the browser passes all three to `upload()`.
    return json(200, await getAuthenticationParameters({ privateKey: env.IMAGEKIT_PRIVATE_KEY }));
  }

  if (route === 'GET /signed') {
    const urlEndpoint = env.IMAGEKIT_URL_ENDPOINT;
    const path = url.searchParams.get('path');
    if (!path) return json(400, { error: 'The `path` query parameter is required, e.g. /signed?path=/private/photo.jpg' });
    try {
      const unsigned = buildUrl({ urlEndpoint, path });
      const signed = await signUrl(unsigned, { privateKey: env.IMAGEKIT_PRIVATE_KEY, urlEndpoint, expireSeconds: signedUrlSeconds });
      return json(200, { url: signed });
    } catch (error) {
      // A path ImageKit could not serve or verify (e.g. one whose '..' leaves the endpoint)
      // is a TypeError that names the problem; anything else is a bug worth a 500.
      if (error instanceof TypeError) return json(400, { error: error.message });
      throw error;
    }
  }

  if (route === 'POST /webhook') {
    // Verify the raw bytes as received: parsing and re-serializing the JSON would change them.
    const body = await readBody(request, maxWebhookBytes);
    if (body === undefined) return json(413, { reason: 'too_large' });
    try {
      const { event } = await verifyWebhook({ body, headers: request.headers }, { secret: env.IMAGEKIT_WEBHOOK_SECRET });
      // Act on the event here (queue it, update your records…), keyed by `event.id` to drop repeats.
      return json(200, { type: event.type });
    } catch (error) {
      if (isWebhookVerificationError(error)) return json(400, { reason: error.reason });
      throw error;
    }
  }

  return json(404, { error: `no route for ${route}` });
}
