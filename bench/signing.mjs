// `node bench/signing.mjs` (run `npx tsup` first): signed-URL throughput of imagekit-universal
// vs @imagekit/nodejs, same inputs, one process. Ours: `await signUrl(buildUrl(...))` per URL,
// and `signUrls` over srcset-sized batches; theirs: `helper.buildSrc({ ..., signed: true })`.
// Both build the URL and sign it, so each op is "one signed URL". Prints ops/s and ratios.
// With `--web-crypto` (or from runSigningBench({ webCrypto: true }) via a child process) our
// side runs without Node's createHmac fast path, as on Workers/Deno/browsers-at-the-edge.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { execFileSync } from 'node:child_process';

const privateKey = 'private_bench_key_0123456789';
const urlEndpoint = 'https://ik.imagekit.io/bench_account';

/** The same 256 inputs for both SDKs. */
function inputs() {
  return Array.from({ length: 256 }, (_, i) => ({
    src: `/products/2025/item-${i}/photo ${i % 7}.jpg`,
    transformation: [{ width: 100 + (i % 50) * 10, height: 200, quality: 80 }],
    transformationPosition: 'query',
  }));
}

async function measure(fn, durationMs) {
  // Warm up, then count whole calls until the time is spent.
  const warmEnd = performance.now() + Math.min(200, durationMs / 4);
  while (performance.now() < warmEnd) await fn();
  let ops = 0;
  const start = performance.now();
  let now = start;
  while (now - start < durationMs) {
    ops += await fn();
    now = performance.now();
  }
  return (ops * 1000) / (now - start);
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Runs the benchmark and returns ops/s (medians of `rounds` interleaved rounds) and ratios.
 * @param {{ durationMs?: number, rounds?: number, batchSize?: number, webCrypto?: boolean }} [options]
 */
export async function runSigningBench({ durationMs = 1000, rounds = 3, batchSize = 10, webCrypto = false } = {}) {
  if (webCrypto && typeof process.getBuiltinModule === 'function') {
    // The fast path is probed once per process, so measure the Web Crypto path in a fresh one.
    const out = execFileSync(
      process.execPath,
      [fileURLToPath(import.meta.url), '--json', '--web-crypto', `--duration=${durationMs}`, `--rounds=${rounds}`],
      {
        encoding: 'utf8',
      },
    );
    return JSON.parse(out);
  }
  const { buildUrl, signUrl, signUrls } = await import('../dist/server.js');
  const { default: ImageKit } = await import('@imagekit/nodejs');
  const official = new ImageKit({ privateKey });
  const cases = inputs();

  // Same inputs must give the same signed URLs, or the comparison means nothing.
  for (const c of cases.slice(0, 16)) {
    const ours = await signUrl(buildUrl({ urlEndpoint, ...c }), { privateKey, urlEndpoint });
    const theirs = official.helper.buildSrc({ urlEndpoint, ...c, signed: true });
    if (ours !== theirs) throw new Error(`Signed URLs differ:\n ours   ${ours}\n theirs ${theirs}`);
  }

  let i = 0;
  const next = () => cases[i++ & 255];
  const bench = {
    'ours signUrl(buildUrl())': async () => {
      await signUrl(buildUrl({ urlEndpoint, ...next() }), { privateKey, urlEndpoint });
      return 1;
    },
    [`ours signUrls (batches of ${batchSize}, build included)`]: async () => {
      const urls = [];
      for (let k = 0; k < batchSize; k++) urls.push(buildUrl({ urlEndpoint, ...next() }));
      await signUrls(urls, { privateKey, urlEndpoint });
      return batchSize;
    },
    '@imagekit/nodejs buildSrc({ signed: true })': async () => {
      official.helper.buildSrc({ urlEndpoint, ...next(), signed: true });
      return 1;
    },
  };
  const samples = Object.fromEntries(Object.keys(bench).map((name) => [name, []]));
  for (let r = 0; r < rounds; r++) {
    for (const [name, fn] of Object.entries(bench)) samples[name].push(await measure(fn, durationMs));
  }
  const opsPerSecond = Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, Math.round(median(values))]));
  const names = Object.keys(bench);
  const theirs = opsPerSecond[names[2]];
  return {
    node: process.version,
    path: webCrypto || typeof process.getBuiltinModule !== 'function' ? 'Web Crypto (crypto.subtle)' : 'Node createHmac fast path',
    opsPerSecond,
    ratios: { single: opsPerSecond[names[0]] / theirs, batch: opsPerSecond[names[1]] / theirs },
  };
}

function format(result) {
  const lines = [`Signed URLs, ${result.node}, our HMAC path: ${result.path}`];
  for (const [name, ops] of Object.entries(result.opsPerSecond)) lines.push(`  ${name.padEnd(48)} ${String(ops).padStart(9)} ops/s`);
  lines.push(`  ratio single (ours / @imagekit/nodejs): ${result.ratios.single.toFixed(2)}×`);
  lines.push(`  ratio batch  (ours / @imagekit/nodejs): ${result.ratios.batch.toFixed(2)}×`);
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const flag = (name) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const webCrypto = args.includes('--web-crypto');
  if (webCrypto) delete process.getBuiltinModule; // before the first signing call probes for it
  const options = { durationMs: Number(flag('duration') ?? 1000), rounds: Number(flag('rounds') ?? 3), webCrypto };
  const result = await runSigningBench(options);
  if (args.includes('--json')) {
    process.stdout.write(JSON.stringify(result));
  } else {
    console.log(format(result));
    if (!webCrypto && !args.includes('--no-web-crypto')) console.log(format(await runSigningBench({ ...options, webCrypto: true })));
  }
}
