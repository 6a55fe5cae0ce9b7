// Bun server with the routes of ./shared/handler.ts (upload auth, signed URLs, webhooks):
//
//   IMAGEKIT_PRIVATE_KEY=private_… IMAGEKIT_WEBHOOK_SECRET=whsec_… \
//   IMAGEKIT_URL_ENDPOINT=https://ik.imagekit.io/your_id \
//   bun run examples/bun-server.ts
//
// PORT picks the port (default 3000; 0 = any free port). It listens on loopback only:
// put it behind your proxy, or set `hostname` for other interfaces.
import { handle, readEnv } from './shared/handler.ts';

const env = readEnv(Bun.env);

const server = Bun.serve({
  hostname: '127.0.0.1',
  port: Number(Bun.env.PORT ?? 3000),
  fetch: (request) => handle(request, env),
  // Bun's development error page shows source and stack traces to the caller: never in production.
  development: false,
});
console.log(`listening on ${server.url.href}`);
