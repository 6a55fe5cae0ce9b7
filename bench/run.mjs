// `npm run bench` (builds first): runs every benchmark module that exists and prints a
// summary of ratios against the official SDKs, plus a cold-import benchmark.
// Each module is optional; it is imported dynamically and reported "not present" if missing:
//   bench/url.mjs      runUrlBench()      URL building
//   bench/signing.mjs  runSigningBench()  signed URLs
//   bench/upload.mjs   runUploadBench()   uploads
//   bench/webhook.mjs  runWebhookBench()  webhook verification with stuffed signature headers
//   bench/rate-limit.mjs runRateLimitBench() bulk calls against a rate-limited loopback API
// A module's result may carry `ratios` ({ name: ours / theirs }) and/or `ratio` (a number);
// those become the summary rows. Bundle sizes: `npm run size`.
// `node bench/run.mjs --only=cold,signing` runs a subset (names: url, signing, upload, webhook, cold).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const modules = [
  ['url', './url.mjs', 'runUrlBench'],
  ['signing', './signing.mjs', 'runSigningBench'],
  ['upload', './upload.mjs', 'runUploadBench'],
  ['webhook', './webhook.mjs', 'runWebhookBench'],
  ['rate-limit', './rate-limit.mjs', 'runRateLimitBench'],
];

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Wall time of `node -e <code>` in a fresh process, in ms. */
function spawnMs(code) {
  const start = process.hrtime.bigint();
  execFileSync(process.execPath, ['--input-type=module', '-e', code], { cwd: repoRoot, stdio: 'ignore' });
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/**
 * Cold import: a fresh Node process that imports the server entry, vs one that imports
 * @imagekit/nodejs, vs an empty one (Node's own start-up). Runs are interleaved so drift
 * in machine load hits all three alike.
 */
export function runColdImportBench({ runs = 15 } = {}) {
  const cases = {
    'node (empty)': '',
    'imagekit-universal/server': "await import('./dist/server.js')",
    '@imagekit/nodejs': "await import('@imagekit/nodejs')",
  };
  const samples = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
  for (const code of Object.values(cases)) spawnMs(code); // warm the file cache
  for (let i = 0; i < runs; i++) {
    for (const [name, code] of Object.entries(cases)) samples[name].push(spawnMs(code));
  }
  const medians = Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, median(values)]));
  const base = medians['node (empty)'];
  const ours = medians['imagekit-universal/server'];
  const theirs = medians['@imagekit/nodejs'];
  return {
    runs,
    medianMs: medians,
    ratios: {
      'cold import, wall (ours / @imagekit/nodejs)': ours / theirs,
      'cold import, above node start-up (ours / @imagekit/nodejs)': (ours - base) / Math.max(theirs - base, 0.001),
    },
  };
}

function summaryRows(name, result) {
  const rows = [];
  if (typeof result?.ratio === 'number') rows.push([name, 'ratio', result.ratio]);
  for (const [key, value] of Object.entries(result?.ratios ?? {})) {
    if (typeof value === 'number') rows.push([name, key, value]);
  }
  return rows;
}

async function main() {
  if (!existsSync(new URL('../dist/server.js', import.meta.url))) {
    throw new Error('dist/ is missing: use `npm run bench` (it builds first)');
  }
  const only = process.argv
    .find((a) => a.startsWith('--only='))
    ?.slice(7)
    .split(',');
  const wanted = (name) => !only || only.includes(name);
  const summary = [];
  for (const [name, file, fn] of modules.filter(([name]) => wanted(name))) {
    const url = new URL(file, import.meta.url);
    if (!existsSync(url)) {
      console.log(`\n## ${name}: not present (bench/${file.slice(2)})`);
      continue;
    }
    const mod = await import(url.href);
    if (typeof mod[fn] !== 'function') {
      console.log(`\n## ${name}: bench/${file.slice(2)} does not export ${fn}()`);
      continue;
    }
    console.log(`\n## ${name}`);
    const started = performance.now();
    const result = await mod[fn]();
    console.log(JSON.stringify(result, null, 2));
    console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
    summary.push(...summaryRows(name, result));
  }

  if (wanted('cold')) {
    console.log('\n## cold import');
    const cold = runColdImportBench();
    for (const [label, ms] of Object.entries(cold.medianMs)) console.log(`  ${label.padEnd(28)} median ${ms.toFixed(1)} ms over ${cold.runs} runs`);
    summary.push(...summaryRows('cold import', cold));
  }

  console.log(
    '\n## summary (ratio = ours / the reference each bench names, usually the official SDK; for ops/s and MiB/s higher is better, for ms lower is better)',
  );
  const width = Math.max(...summary.map(([, key]) => key.length), 10);
  for (const [bench, key, value] of summary) console.log(`  ${bench.padEnd(12)} ${key.padEnd(width)} ${value.toFixed(2)}×`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
