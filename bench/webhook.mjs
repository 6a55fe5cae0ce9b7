// `node bench/webhook.mjs` (run `npm run build` first): what a stuffed signature header
// costs `verifyWebhook`. Each case verifies a 1 MiB body whose signature does not match
// (so every case does the same work up to the comparison) and runs in a fresh Node
// process, so that its RSS growth is its own:
//   std, 1 candidate      `webhook-signature: v1,<base64 of 32 random bytes>`
//   std, 3,000 candidates `webhook-signature: v1, v1, v1, …` (3,000 empty entries)
//   legacy, 1 candidate   `x-ik-signature: t=…,v1=<64 random hex digits>`
//   legacy, 2,500 `v1=00` `x-ik-signature: t=…,v1=00,v1=00,…`
// Prints, per case, the median time of one call and the peak RSS growth of the first call,
// then the ratios stuffed / one candidate (the goal is about 1×, at most 2×).
// `--rounds=N` (default 5) sets how many fresh processes run each case, interleaved.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath, pathToFileURL } from 'node:url';

const secret = 'whsec_bench_0123456789abcdefghijklmnop';
const bodyBytes = 1 << 20;

/** The signature headers of each case, for a delivery stamped `nowSeconds`. */
const cases = {
  'std, 1 candidate': (now) => std(now, `v1,${randomBytes(32).toString('base64')}`),
  'std, 3,000 empty candidates': (now) => std(now, Array(3000).fill('v1,').join(' ')),
  'legacy, 1 candidate': (now) => ({ 'x-ik-signature': `t=${now * 1000},v1=${randomBytes(32).toString('hex')}` }),
  'legacy, 2,500 v1=00': (now) => ({ 'x-ik-signature': `t=${now * 1000}${',v1=00'.repeat(2500)}` }),
};

function std(now, signature) {
  return { 'webhook-id': 'msg_bench', 'webhook-timestamp': String(now), 'webhook-signature': signature };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Runs one case in this process: returns `{ ms, rssGrowthMiB }` for one call (after a warm-up on a tiny body). */
async function runCase(name, calls = 7) {
  const { verifyWebhook } = await import('../dist/server.js');
  const now = Math.floor(Date.now() / 1000);
  const headers = cases[name](now);
  const body = JSON.stringify({ type: 'bench', pad: 'x'.repeat(bodyBytes - 25) });
  // Warm-up: imports the key and compiles the code paths with a small body.
  await verifyWebhook({ body: '{"type":"warm"}', headers: cases[name](now) }, { secret }).catch(() => undefined);
  globalThis.gc?.();
  const rssBefore = process.memoryUsage.rss();
  const times = [];
  let peakAfterFirst;
  for (let i = 0; i < calls; i++) {
    const start = performance.now();
    const outcome = await verifyWebhook({ body, headers }, { secret }).then(
      () => 'verified',
      (error) => error.reason,
    );
    times.push(performance.now() - start);
    if (outcome !== 'signature_mismatch') throw new Error(`${name}: expected signature_mismatch, got ${outcome}`);
    // maxRSS is in KiB (the process's peak so far).
    peakAfterFirst ??= process.resourceUsage().maxRSS * 1024;
  }
  return { ms: median(times), rssGrowthMiB: Math.max(0, peakAfterFirst - rssBefore) / 2 ** 20 };
}

/**
 * Runs every case `rounds` times, each in a fresh process, interleaved, and returns the
 * medians and the ratios stuffed / one candidate.
 * @param {{ rounds?: number }} [options]
 */
export function runWebhookBench({ rounds = 5 } = {}) {
  const samples = Object.fromEntries(Object.keys(cases).map((name) => [name, { ms: [], rss: [] }]));
  for (let r = 0; r < rounds; r++) {
    for (const name of Object.keys(cases)) {
      const out = execFileSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), `--case=${name}`], { encoding: 'utf8' });
      const { ms, rssGrowthMiB } = JSON.parse(out);
      samples[name].ms.push(ms);
      samples[name].rss.push(rssGrowthMiB);
    }
  }
  const medianMs = Object.fromEntries(Object.entries(samples).map(([name, s]) => [name, median(s.ms)]));
  const rssGrowthMiB = Object.fromEntries(Object.entries(samples).map(([name, s]) => [name, median(s.rss)]));
  const [std1, std3000, legacy1, legacy2500] = Object.keys(cases);
  return {
    node: process.version,
    bodyBytes,
    rounds,
    medianMs,
    rssGrowthMiB,
    ratios: {
      'std time (3,000 empty / 1 candidate)': medianMs[std3000] / medianMs[std1],
      'legacy time (2,500 v1=00 / 1 candidate)': medianMs[legacy2500] / medianMs[legacy1],
    },
    rssRatios: {
      'std RSS growth (3,000 empty / 1 candidate)': rssGrowthMiB[std3000] / Math.max(rssGrowthMiB[std1], 0.01),
      'legacy RSS growth (2,500 v1=00 / 1 candidate)': rssGrowthMiB[legacy2500] / Math.max(rssGrowthMiB[legacy1], 0.01),
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const flag = (name) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const one = flag('case');
  if (one !== undefined) {
    process.stdout.write(JSON.stringify(await runCase(one)));
  } else {
    const result = runWebhookBench({ rounds: Number(flag('rounds') ?? 5) });
    console.log(`verifyWebhook, 1 MiB body, ${result.node}, median of ${result.rounds} fresh processes per case`);
    for (const name of Object.keys(cases)) {
      console.log(`  ${name.padEnd(30)} ${result.medianMs[name].toFixed(2).padStart(8)} ms  RSS +${result.rssGrowthMiB[name].toFixed(1)} MiB`);
    }
    for (const [label, ratio] of Object.entries({ ...result.ratios, ...result.rssRatios })) console.log(`  ${label.padEnd(48)} ${ratio.toFixed(2)}×`);
  }
}
