// Browser upload example: serves index.html and the built package, and hands out
// single-use upload auth parameters made with the private key (which never reaches the page).
//
//   npm run build && node examples/browser-upload/server.mjs   → open the printed URL
//
// Without IMAGEKIT_PRIVATE_KEY / IMAGEKIT_PUBLIC_KEY in the environment it starts the
// ImageKit emulator (dist/testing.js) and proxies uploads to it; with them it uses the
// real upload API (https://upload.imagekit.io, which allows cross-origin uploads).
import { createServer, request as httpRequest } from 'node:http';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, normalize, sep } from 'node:path';

const here = fileURLToPath(new URL('.', import.meta.url));
const distDir = fileURLToPath(new URL('../../dist/', import.meta.url));
if (!existsSync(join(distDir, 'server.js'))) {
  console.error('dist/ is missing: run `npm run build` first');
  process.exit(1);
}
const { getAuthenticationParameters } = await import('../../dist/server.js');

async function backend() {
  const { IMAGEKIT_PRIVATE_KEY: privateKey, IMAGEKIT_PUBLIC_KEY: publicKey } = process.env;
  if (privateKey && publicKey) return { privateKey, publicKey, target: undefined, close: async () => {} };
  const testing = await import('../../dist/testing.js').catch(() => ({}));
  if (typeof testing.startEmulator !== 'function') {
    console.error('Set IMAGEKIT_PRIVATE_KEY and IMAGEKIT_PUBLIC_KEY (no emulator in dist/testing.js)');
    process.exit(1);
  }
  const emulator = await testing.startEmulator();
  console.log(`using the ImageKit emulator at ${emulator.url}`);
  return { privateKey: emulator.privateKey, publicKey: emulator.publicKey, target: new URL(emulator.url), close: () => emulator.close() };
}

const api = await backend();

/** Pipes an upload to the emulator (same origin for the page, so no CORS is needed; the emulator answers only its own Host). */
function proxyUpload(req, res) {
  const upstream = httpRequest(
    {
      host: api.target.hostname,
      port: api.target.port,
      method: req.method,
      path: req.url.slice('/upload'.length),
      headers: { ...req.headers, host: api.target.host },
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', () => res.destroy());
  req.pipe(upstream);
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  try {
    if (req.method === 'GET' && url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(await readFile(join(here, 'index.html')));
    } else if (req.method === 'GET' && url.pathname.startsWith('/dist/')) {
      const file = normalize(join(distDir, url.pathname.slice('/dist/'.length)));
      if (!file.startsWith(distDir.replace(/[\\/]$/, '') + sep) || !existsSync(file)) throw Object.assign(new Error('not found'), { status: 404 });
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      res.end(await readFile(file));
    } else if (req.method === 'GET' && url.pathname === '/config') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ publicKey: api.publicKey, uploadBaseUrl: api.target ? '/upload' : undefined }));
    } else if (req.method === 'GET' && url.pathname === '/auth') {
      // In a real app: check the user's session here before signing anything.
      const params = await getAuthenticationParameters({ privateKey: api.privateKey });
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(params));
    } else if (api.target && url.pathname.startsWith('/upload/')) {
      proxyUpload(req, res);
    } else {
      throw Object.assign(new Error('not found'), { status: 404 });
    }
  } catch (error) {
    res.writeHead(error.status ?? 500, { 'content-type': 'text/plain' });
    res.end(String(error.message));
  }
});

const port = Number(process.env.PORT ?? 0);
server.listen(port, '127.0.0.1', () => {
  console.log(`browser upload example: http://127.0.0.1:${server.address().port}/  (Ctrl+C to stop)`);
});
process.on('SIGINT', async () => {
  server.close();
  await api.close();
  process.exit(0);
});
