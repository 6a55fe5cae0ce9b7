// Uploads every file of a folder with a progress bar, through the server client.
//
//   npm run build && node examples/upload-folder.mjs [folder] [--to /remote/folder]
//
// Files are streamed from disk (fs.openAsBlob), so big videos do not fill memory.
// Without IMAGEKIT_PRIVATE_KEY in the environment it uses the ImageKit emulator
// (dist/testing.js); without a folder argument it uploads a few generated files.
import { openAsBlob } from 'node:fs';
import { mkdtemp, readdir, stat, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const { ImageKit, isUploadIndeterminateError } = await import('../dist/server.js').catch(() => {
  console.error('dist/ is missing: run `npm run build` first');
  process.exit(1);
});

const args = process.argv.slice(2);
const toIndex = args.indexOf('--to');
const remoteFolder = toIndex >= 0 ? args.splice(toIndex, 2)[1] : '/upload-folder-example';
let folder = args[0];

async function client() {
  if (process.env.IMAGEKIT_PRIVATE_KEY) {
    return { imagekit: new ImageKit({ privateKey: process.env.IMAGEKIT_PRIVATE_KEY }), close: async () => {} };
  }
  const testing = await import('../dist/testing.js').catch(() => ({}));
  if (typeof testing.startEmulator !== 'function') {
    console.error('Set IMAGEKIT_PRIVATE_KEY (no emulator in dist/testing.js)');
    process.exit(1);
  }
  const emulator = await testing.startEmulator();
  console.log(`using the ImageKit emulator at ${emulator.url}`);
  const imagekit = new ImageKit({ privateKey: emulator.privateKey, baseUrl: emulator.url, uploadBaseUrl: emulator.url });
  return { imagekit, close: () => emulator.close() };
}

function bar(name, loaded, total) {
  const width = 30;
  const ratio = total ? loaded / total : 0;
  const filled = Math.round(ratio * width);
  const line = `${name.slice(0, 28).padEnd(28)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(ratio * 100).toFixed(0).padStart(3)}%`;
  if (process.stdout.isTTY) process.stdout.write(`\r${line}`);
  return line;
}

let generated;
if (!folder) {
  generated = folder = await mkdtemp(join(tmpdir(), 'ik-upload-folder-'));
  for (const [name, size] of [
    ['small.bin', 10_000],
    ['medium.bin', 3 << 20],
    ['large.bin', 24 << 20],
  ]) {
    await writeFile(join(folder, name), new Uint8Array(size).fill(7));
  }
  console.log(`no folder given: uploading generated files from ${folder}`);
}

const { imagekit, close } = await client();
const controller = new AbortController();
process.on('SIGINT', () => controller.abort(new Error('Interrupted')));

let failures = 0;
try {
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(folder, entry.name);
    const { size } = await stat(path);
    let last = '';
    const started = performance.now();
    try {
      const result = await imagekit.uploadFile({
        file: await openAsBlob(path),
        fileName: basename(path),
        folder: remoteFolder,
        signal: controller.signal,
        onProgress: ({ loaded, total }) => {
          last = bar(entry.name, loaded, total);
        },
      });
      const seconds = (performance.now() - started) / 1000;
      const rate = size / 2 ** 20 / Math.max(seconds, 0.001);
      if (!process.stdout.isTTY) console.log(last);
      console.log(`${process.stdout.isTTY ? '\n' : ''}  → ${result.filePath} (${size} bytes, ${rate.toFixed(1)} MiB/s)`);
    } catch (error) {
      failures++;
      const what = isUploadIndeterminateError(error) ? 'outcome unknown' : 'failed';
      console.log(`\n  ✗ ${entry.name}: ${what}: ${error.message}`);
      if (controller.signal.aborted) break;
    }
  }
} finally {
  await close();
  if (generated) await rm(generated, { recursive: true, force: true });
}
process.exitCode = failures ? 1 : 0;
