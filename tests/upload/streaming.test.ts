// Streaming proof: a 128 MiB file from fs.openAsBlob goes through the node:http transport
// without being held in memory (RSS growth stays well below the file size). Node's own
// reader of a disk-backed Blob accounts for 24-32 MiB of growth by itself (measured: a
// bare `blob.stream()` read of 64 MiB), and that overhead does not grow with the file.
// The client runs in a process of its own (the source bundled by esbuild), and the server
// in another, so the RSS measured is the client's alone, whatever else runs in the test
// worker's process (the unit project runs files in parallel threads of one process).
import { describe, it, expect, afterAll, beforeAll } from 'vitest';
import { build } from 'esbuild';
import { open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

const size = 128 << 20;
const path = join(tmpdir(), `ik-upload-stream-${process.pid}.bin`);
const clientScript = join(tmpdir(), `ik-upload-stream-client-${process.pid}.mjs`);
let child: ChildProcess;
let serverUrl = '';

// Prints { result, progressEvents, lastLoaded, growth } as JSON once the upload settled.
const client = `
import { openAsBlob } from 'node:fs';
import { createClientContext } from ${JSON.stringify(fileURLToPath(new URL('../../src/core/context.ts', import.meta.url)))};
import { uploadFile } from ${JSON.stringify(fileURLToPath(new URL('../../src/upload/server-upload.ts', import.meta.url)))};
const [serverUrl, path] = process.argv.slice(2);
globalThis.gc?.();
const before = process.memoryUsage().rss;
let peak = before;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
let progressEvents = 0;
let lastLoaded = 0;
const blob = await openAsBlob(path);
const result = await uploadFile(createClientContext({ privateKey: 'private_stream', uploadBaseUrl: serverUrl }), {
  file: blob,
  fileName: 'big.bin',
  onProgress: ({ loaded }) => {
    progressEvents++;
    lastLoaded = loaded;
    peak = Math.max(peak, process.memoryUsage().rss);
  },
});
clearInterval(sampler);
process.stdout.write(JSON.stringify({ result, progressEvents, lastLoaded, growth: peak - before }));
`;

beforeAll(async () => {
  const handle = await open(path, 'w');
  const chunk = Buffer.alloc(1 << 20);
  for (let i = 0; i < size / chunk.length; i++) {
    chunk.fill(i & 0xff);
    await handle.write(chunk);
  }
  await handle.close();
  const bundled = await build({
    stdin: { contents: client, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    format: 'esm',
    target: 'es2022',
    platform: 'node',
    write: false,
  });
  await writeFile(clientScript, bundled.outputFiles[0]!.contents);
  child = spawn(process.execPath, [fileURLToPath(new URL('./discard-server.mjs', import.meta.url))], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const [line] = (await once(child.stdout!, 'data')) as [Buffer];
  serverUrl = line.toString().trim();
});

afterAll(async () => {
  child.stdin!.end();
  child.kill();
  await rm(path, { force: true });
  await rm(clientScript, { force: true });
});

describe('streaming a large file (node:http)', () => {
  it('uploads 128 MiB from fs.openAsBlob with RSS growth < 48 MiB', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--expose-gc', clientScript, serverUrl, path]);
    const { result, progressEvents, lastLoaded, growth } = JSON.parse(stdout) as {
      result: { fileId: string; size: number };
      progressEvents: number;
      lastLoaded: number;
      growth: number;
    };
    expect(result.fileId).toBe('discarded');
    expect(result.size).toBeGreaterThan(size);
    expect(lastLoaded).toBe(result.size);
    expect(progressEvents).toBeGreaterThan(100);
    const growthMiB = growth / 2 ** 20;
    console.log(`streaming 128 MiB: peak RSS growth ${growthMiB.toFixed(1)} MiB`);
    expect(growthMiB).toBeLessThan(48);
  });
});
