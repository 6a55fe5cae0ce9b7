// Upload benchmark: a 512 MiB generated file (os.tmpdir(), deleted afterwards) uploaded with
// `uploadFile` + `fs.openAsBlob` to a loopback server (its own process) that discards the
// bytes. Prints the peak RSS growth of the uploading process (sampled every 50 ms) and the
// throughput against a raw node:http POST of the same multipart body (head, the file piped
// from an fs read stream, tail) to the same server.
// Targets: RSS growth ≤ 64 MiB, throughput ratio (ours / raw) ≥ 0.8.
//
//   npm run build && node bench/upload.mjs [sizeMiB]
// (IK_BENCH_DIST=/path/to/server.js measures another build of the server entry.)
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream, openAsBlob } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { pathToFileURL } from 'node:url';

const discardServer = `
  import { createServer } from 'node:http';
  const server = createServer((req, res) => {
    let bytes = 0;
    req.on('data', (chunk) => { bytes += chunk.length; });
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ fileId: 'bench', size: bytes }));
    });
  });
  server.listen(0, '127.0.0.1', () => process.stdout.write('http://127.0.0.1:' + server.address().port + '\\n'));
  process.stdin.resume();
  process.stdin.on('end', () => process.exit(0));
`;

async function startDiscardServer() {
  const child = spawn(process.execPath, ['--input-type=module', '-e', discardServer], { stdio: ['pipe', 'pipe', 'inherit'] });
  const [line] = await once(child.stdout, 'data');
  return {
    url: line.toString().trim(),
    stop() {
      child.stdin.end();
      child.kill();
    },
  };
}

async function makeFile(path, bytes) {
  const handle = await open(path, 'w');
  const chunk = new Uint8Array(1 << 20);
  for (let written = 0, i = 0; written < bytes; written += chunk.length, i++) {
    chunk.fill(i & 0xff);
    await handle.write(chunk, 0, Math.min(chunk.length, bytes - written));
  }
  await handle.close();
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Samples RSS every 50 ms; `stop()` returns the peak growth over the start value, in bytes. */
function rssSampler() {
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  return {
    stop() {
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage().rss);
      return peak - start;
    },
  };
}

/** A raw node:http POST of a multipart body: head, the file streamed from disk, tail. */
async function rawPost(url, path, fileBytes) {
  const boundary = '----RawBenchBoundary7d3c9a';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="fileName"\r\n\r\nbench.bin\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bench.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const req = request(`${url}/api/v1/files/upload`, {
    method: 'POST',
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'content-length': String(head.length + fileBytes + tail.length),
    },
  });
  const response = new Promise((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve(JSON.parse(text)));
    });
    req.on('error', reject);
  });
  req.write(head);
  await pipeline(createReadStream(path), req, { end: false });
  req.end(tail);
  return response;
}

/**
 * Runs the upload benchmark.
 * @param {{ sizeMiB?: number, rounds?: number }} [options]
 * @returns {Promise<{ sizeMiB: number, rounds: number, rssGrowthMiB: number, oursMiBps: number, rawMiBps: number, ratio: number, targets: { rssGrowthMiB: number, ratio: number }, pass: boolean }>}
 */
export async function runUploadBench({ sizeMiB = 512, rounds = 5 } = {}) {
  const { createClientContext, uploadFile } = await import(process.env.IK_BENCH_DIST || '../dist/server.js');
  const fileBytes = sizeMiB << 20;
  const path = join(tmpdir(), `ik-upload-bench-${process.pid}.bin`);
  const server = await startDiscardServer();
  try {
    await makeFile(path, fileBytes);
    const context = createClientContext({ privateKey: 'private_bench', uploadBaseUrl: server.url, maxRetries: 0, timeout: 0 });
    let rssGrowth = 0;
    const ours = [];
    const raw = [];
    const pairRatios = [];
    for (let round = 0; round < rounds; round++) {
      globalThis.gc?.();
      const sampler = rssSampler();
      let started = performance.now();
      const result = await uploadFile(context, { file: await openAsBlob(path), fileName: 'bench.bin' });
      ours.push(sizeMiB / ((performance.now() - started) / 1000));
      rssGrowth = Math.max(rssGrowth, sampler.stop());
      if (result.size <= fileBytes) throw new Error(`the server got ${result.size} bytes`);

      started = performance.now();
      const rawResult = await rawPost(server.url, path, fileBytes);
      raw.push(sizeMiB / ((performance.now() - started) / 1000));
      if (rawResult.size <= fileBytes) throw new Error(`the server got ${rawResult.size} bytes (raw)`);
      pairRatios.push(ours.at(-1) / raw.at(-1));
    }
    // Back-to-back pairs, median ratio: robust to load drift on a shared machine.
    const oursMiBps = median(ours);
    const rawMiBps = median(raw);
    const rssGrowthMiB = rssGrowth / 2 ** 20;
    const ratio = median(pairRatios);
    const targets = { rssGrowthMiB: 64, ratio: 0.8 };
    return {
      sizeMiB,
      rounds,
      rssGrowthMiB: Number(rssGrowthMiB.toFixed(1)),
      oursMiBps: Number(oursMiBps.toFixed(1)),
      rawMiBps: Number(rawMiBps.toFixed(1)),
      ratio: Number(ratio.toFixed(3)),
      targets,
      pass: rssGrowthMiB <= targets.rssGrowthMiB && ratio >= targets.ratio,
    };
  } finally {
    server.stop();
    await rm(path, { force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const sizeMiB = Number(process.argv[2] ?? 512);
  const result = await runUploadBench({ sizeMiB });
  console.log(`upload ${result.sizeMiB} MiB via uploadFile(fs.openAsBlob) to a loopback discard server`);
  console.log(`  peak RSS growth     ${result.rssGrowthMiB} MiB   (target ≤ ${result.targets.rssGrowthMiB} MiB)`);
  console.log(`  throughput, ours    ${result.oursMiBps} MiB/s   (median of ${result.rounds} runs)`);
  console.log(`  throughput, raw     ${result.rawMiBps} MiB/s   (node:http + fs.createReadStream)`);
  console.log(`  ratio ours / raw    ${result.ratio}   (median of back-to-back pairs; target ≥ ${result.targets.ratio})`);
  console.log(result.pass ? '  PASS' : '  MISS');
  process.exitCode = result.pass ? 0 : 1;
}
