// The fetch transport on Deno and Bun (the pinned binaries in tests/runtimes): the built
// dist/index.js uploads a 3 MiB Blob with progress (a streamed request body) and a small
// one without progress (a Blob body) to a loopback server that parses the multipart body.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { startUploadServer, type UploadServer } from './server.js';

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const binDir = join(repoRoot, 'tests', 'runtimes', 'node_modules', '.bin');
const distIndex = join(repoRoot, 'dist', 'index.js');

let server: UploadServer;
let dir = '';

beforeAll(async () => {
  if (!existsSync(distIndex)) throw new Error('dist/index.js is missing: run `npm run build` (npm test builds first)');
  server = await startUploadServer();
  dir = await mkdtemp(join(tmpdir(), 'ik-upload-runtimes-'));
});
afterAll(async () => {
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

function script(url: string): string {
  return `
    import { upload } from ${JSON.stringify(pathToFileURL(distIndex).href)};
    const bytes = new Uint8Array(3 << 20);
    for (let i = 0; i < bytes.length; i += 4096) bytes[i] = (i / 4096) & 0xff;
    const events = [];
    const auth = { publicKey: 'public_rt', token: 'tok-rt', signature: 'sig-rt', expire: 1900000000, uploadBaseUrl: ${JSON.stringify(url)} };
    const big = await upload({ ...auth, file: new Blob([bytes]), fileName: 'rt.bin', tags: ['a', 'b'], onProgress: (p) => events.push(p) });
    const small = await upload({ ...auth, file: new Uint8Array([1, 2, 3]), fileName: 'small.bin' });
    console.log(JSON.stringify({ big: { ...big }, small: { ...small }, events }));
  `;
}

describe.each([
  ['deno', ['run', '--allow-net', '--allow-read']],
  ['bun', ['run']],
])('upload() on %s (fetch transport)', (name, args) => {
  it('uploads with streamed progress, and without progress as a Blob', async () => {
    const binary = join(binDir, name);
    if (!existsSync(binary)) throw new Error(`${name} is missing (${binary}): run \`npm run setup\` (bash .ci/install.sh) first`);
    const file = join(dir, `${name}.mjs`);
    await writeFile(file, script(server.url));
    const before = server.received.length;
    const { stdout } = await run(binary, [...args, file], { cwd: dir, timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
    const out = JSON.parse(stdout.trim().split('\n').at(-1)!) as {
      big: { fileId: string; size: number };
      small: { size: number };
      events: Array<{ loaded: number; total: number }>;
    };
    const [big, small] = server.received.slice(before);
    expect(big!.form!.get('tags')).toBe('a,b');
    expect(big!.form!.get('token')).toBe('tok-rt');
    expect((big!.form!.get('file') as File).size).toBe(3 << 20);
    expect(out.big.size).toBe(3 << 20);
    expect(out.small.size).toBe(3);
    expect(small!.headers['content-length']).toBe(String(small!.bodyLength));
    const { events } = out;
    expect(events.length).toBeGreaterThan(2);
    for (let i = 1; i < events.length; i++) expect(events[i]!.loaded).toBeGreaterThan(events[i - 1]!.loaded);
    expect(events.at(-1)!.loaded).toBe(big!.bodyLength);
    for (const event of events) expect(event.total).toBe(big!.bodyLength);
  });
});
