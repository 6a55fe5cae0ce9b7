// A loopback API rate-limited the way ImageKit's is: fixed windows per account, a 429 with
// X-RateLimit-Limit, X-RateLimit-Reset (ms until the window ends), X-RateLimit-Interval (ms)
// and Retry-After (seconds) when a window is spent; success answers carry no rate-limit
// headers. Several limits may apply at once; a 429 names the one that reopens last.
// Answers GET /v1/files/:id/details with a small file object; anything else is a 404.
//
// Run as its own process (so the client under test cannot slow its clock down):
//   node bench/lib/rate-limit-server.mjs
// It prints its URL and exits when stdin closes. Control endpoints (no auth):
//   POST /__configure  body {"limits":[{"limit":25,"intervalMs":400}]}: new windows, counters zeroed
//   GET  /__stats      {"served":n,"rateLimited":n}
// BENCH_DEBUG=1 logs each 429 (server time, interval, reset) to stderr.
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';

/** Spawns the server in a child process; resolves with its URL and a stop function. */
export async function startRateLimitServer() {
  const { spawn } = await import('node:child_process');
  const { once } = await import('node:events');
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const [line] = await once(child.stdout, 'data');
  const url = line.toString().trim();
  return {
    url,
    async configure(limits) {
      const response = await fetch(`${url}/__configure`, { method: 'POST', body: JSON.stringify({ limits }) });
      if (!response.ok) throw new Error(`configure failed: ${response.status}`);
    },
    async stats() {
      return (await fetch(`${url}/__stats`)).json();
    },
    stop() {
      child.stdin.end();
      child.kill();
    },
  };
}

function serve() {
  let limits = [];
  let epoch = performance.now();
  let counts = new Map();
  let served = 0;
  let rateLimited = 0;

  const send = (res, status, body, headers = {}) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
    res.end(text);
  };

  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://localhost').pathname;
    if (req.method === 'POST' && path === '/__configure') {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        limits = JSON.parse(body).limits ?? [];
        epoch = performance.now();
        counts = new Map();
        served = 0;
        rateLimited = 0;
        send(res, 200, { ok: true });
      });
      return;
    }
    if (path === '/__stats') return send(res, 200, { served, rateLimited });
    const match = req.method === 'GET' && /^\/v1\/files\/([^/]+)\/details$/.exec(path);
    if (!match) return send(res, 404, { message: 'Not found' });

    const now = performance.now() - epoch;
    let broken;
    const keys = [];
    for (const { limit, intervalMs } of limits) {
      const index = Math.floor(now / intervalMs);
      const key = `${intervalMs}:${index}`;
      keys.push(key);
      if ((counts.get(key) ?? 0) >= limit) {
        const reset = (index + 1) * intervalMs - now;
        if (!broken || reset > broken.reset) broken = { limit, intervalMs, reset };
      }
    }
    if (broken) {
      rateLimited++;
      if (process.env.BENCH_DEBUG) process.stderr.write(`429 t=${now.toFixed(1)} ${broken.intervalMs} reset=${broken.reset.toFixed(1)}\n`);
      const reset = Math.ceil(broken.reset);
      return send(
        res,
        429,
        { message: 'You have exceeded the rate limit. Please retry after X-RateLimit-Reset milliseconds.' },
        {
          'x-ratelimit-limit': String(broken.limit),
          'x-ratelimit-reset': String(reset),
          'x-ratelimit-interval': String(broken.intervalMs),
          'retry-after': String(Math.ceil(reset / 1000)),
        },
      );
    }
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
    served++;
    const fileId = decodeURIComponent(match[1]);
    send(res, 200, {
      type: 'file',
      fileId,
      name: `${fileId}.jpg`,
      filePath: `/bench/${fileId}.jpg`,
      url: `https://ik.imagekit.io/bench/${fileId}.jpg`,
      fileType: 'image',
      size: 1024,
      width: 64,
      height: 64,
      tags: null,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
  });
  server.keepAliveTimeout = 30_000;
  server.listen(0, '127.0.0.1', () => process.stdout.write(`http://127.0.0.1:${server.address().port}\n`));
  process.stdin.resume();
  process.stdin.on('end', () => process.exit(0));
}

if (process.argv[1] && process.argv[1] === fileURLToPath(import.meta.url)) serve();
