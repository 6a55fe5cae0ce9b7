// Deno server with the routes of ./shared/handler.ts (upload auth, signed URLs, webhooks):
//
//   IMAGEKIT_PRIVATE_KEY=private_… IMAGEKIT_WEBHOOK_SECRET=whsec_… \
//   IMAGEKIT_URL_ENDPOINT=https://ik.imagekit.io/your_id \
//   deno run --allow-net=127.0.0.1 --allow-env --allow-read examples/deno-server.ts
//
// PORT picks the port (default 8000; 0 = any free port). It listens on loopback only:
// put it behind your proxy, or set `hostname` for other interfaces.
import { handle, readEnv } from './shared/handler.ts';

const env = readEnv(Deno.env.toObject());

Deno.serve(
  {
    hostname: '127.0.0.1',
    port: Number(Deno.env.get('PORT') ?? 8000),
    onListen: ({ hostname, port }) => console.log(`listening on http://${hostname}:${port}/`),
  },
  (request) => handle(request, env),
);
