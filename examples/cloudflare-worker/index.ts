// Cloudflare Worker: upload auth parameters, signed URLs and webhook verification at the
// edge, with the routes of ../shared/handler.ts. The private key and the webhook secret
// live in the Worker's secrets, never in code:
//
//   npx wrangler secret put IMAGEKIT_PRIVATE_KEY
//   npx wrangler secret put IMAGEKIT_WEBHOOK_SECRET
//   npx wrangler dev        (IMAGEKIT_URL_ENDPOINT is a plain var in wrangler.toml)
//
// Wrangler bundles `imagekit-universal/server` with the `workerd` condition: the real
// server entry (Web Crypto only), not the browser stub.
import { handle, readEnv } from '../shared/handler.ts';

export default {
  async fetch(request: Request, env: Record<string, unknown>): Promise<Response> {
    return handle(request, readEnv(env));
  },
};
