// Streaming proof: a 128 MiB file from fs.openAsBlob goes through the node:http transport
// without being held in memory (RSS growth stays well below the file size). Node's own
// reader of a disk-backed Blob accounts for 24-32 MiB of growth by itself (measured: a
// bare `blob.stream()` read of 64 MiB), and that overhead does not grow with the file.
import { describe, it, expect, afterAll, beforeAll } from 'vitest';
import { openAsBlob } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { createClientContext } from '../../src/core/context.js';
import { uploadFile } from '../../src/upload/server-upload.js';

const size = 128 << 20;
const path = join(tmpdir(), `ik-upload-stream-${process.pid}.bin`);
let child: ChildProcess;
let serverUrl = '';

beforeAll(async () => {
  const handle = await open(path, 'w');
  const chunk = Buffer.alloc(1 << 20);
  for (let i = 0; i < size / chunk.length; i++) {
    chunk.fill(i & 0xff);
    await handle.write(chunk);
  }
  await handle.close();
  // The server runs in another process so this process's RSS is the client's alone.
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
});

describe('streaming a large file (node:http)', () => {
  it('uploads 128 MiB from fs.openAsBlob with RSS growth < 48 MiB', async () => {
    (globalThis as { gc?: () => void }).gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 10);
    let progressEvents = 0;
    let lastLoaded = 0;
    try {
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
      expect(result.fileId).toBe('discarded');
      expect(result.size).toBeGreaterThan(size);
      expect(lastLoaded).toBe(result.size);
    } finally {
      clearInterval(sampler);
    }
    expect(progressEvents).toBeGreaterThan(100);
    const growthMiB = (peak - before) / 2 ** 20;
    console.log(`streaming 128 MiB: peak RSS growth ${growthMiB.toFixed(1)} MiB`);
    expect(growthMiB).toBeLessThan(48);
  });
});
