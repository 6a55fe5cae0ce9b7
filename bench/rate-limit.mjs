// Rate-limit benchmark: N `getFileDetails` calls in one Promise.all against a loopback API
// that enforces ImageKit-style fixed windows (bench/lib/rate-limit-server.mjs, its own
// process), with imagekit-universal/server (dist/) and with @imagekit/nodejs, default
// options for both. Prints successes, failures, 429 answers, wall time and the ratio of
// the wall time to the ideal time (the time a perfect client needs: every window filled).
// Target for ours (issue 12): no failure and ratio ≤ 1.2 in the rate-limited scenarios,
// and the `unlimited` scenario as fast as before.
//
//   npm run build && node bench/rate-limit.mjs [--only=<scenario>[,<scenario>]] [--sdk=ours,pacer-loop,official]
// `pacer-loop` is not an SDK: plain fetch driven by src/core/pacer.ts the way the request
// engine will drive it, to show the pacer's figures before it is wired into the engine.
// Scenarios: 25per400ms (500 calls), 100persec (2,000 calls), two-limits (20/s and 50/5 s,
// 150 calls: the per-5 s limit is the tighter one), unlimited (500 calls, no limit). Each
// run is cut off at 3× its ideal time + 10 s (calls still running then count as failures),
// so the whole bench stays bounded.
// (IK_BENCH_DIST=/path/to/server.js measures another build of the server entry.)
import ImageKitOfficial from '@imagekit/nodejs';
import { setMaxListeners } from 'node:events';
import { pathToFileURL } from 'node:url';
import { startRateLimitServer } from './lib/rate-limit-server.mjs';

export const scenarios = {
  '25per400ms': { calls: 500, limits: [{ limit: 25, intervalMs: 400 }] },
  '100persec': { calls: 2000, limits: [{ limit: 100, intervalMs: 1000 }] },
  'two-limits': {
    calls: 150,
    limits: [
      { limit: 20, intervalMs: 1000 },
      { limit: 50, intervalMs: 5000 },
    ],
  },
  unlimited: { calls: 500, limits: [] },
};

/**
 * Time a perfect client needs: each call starts at the earliest moment every window has
 * room (windows aligned on the client's start, calls taking no time), plus the tightest
 * interval for the last window to pass. 500 calls at 25 per 400 ms: 20 windows, 8 s.
 */
export function idealMs(calls, limits) {
  if (limits.length === 0) return 0;
  const counts = new Map();
  let at = 0;
  for (let call = 0; call < calls; call++) {
    for (let moved = true; moved;) {
      moved = false;
      for (const { limit, intervalMs } of limits) {
        const key = `${intervalMs}:${Math.floor(at / intervalMs)}`;
        if ((counts.get(key) ?? 0) >= limit) {
          at = (Math.floor(at / intervalMs) + 1) * intervalMs;
          moved = true;
        }
      }
    }
    for (const { intervalMs } of limits) {
      const key = `${intervalMs}:${Math.floor(at / intervalMs)}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return at + Math.min(...limits.map((limit) => limit.intervalMs));
}

async function loadOurs() {
  const entry = process.env.IK_BENCH_DIST ?? new URL('../dist/server.js', import.meta.url).href;
  const { ImageKit } = await import(entry.startsWith('file:') ? entry : pathToFileURL(entry).href);
  return ImageKit;
}

async function loadPacer() {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [new URL('../src/core/pacer.ts', import.meta.url).pathname],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
  });
  return import(`data:text/javascript;base64,${Buffer.from(result.outputFiles[0].contents).toString('base64')}`);
}

const sdks = {
  ours: async (url) => {
    const ImageKit = await loadOurs();
    const client = new ImageKit({ privateKey: 'private_bench_key', baseUrl: url });
    return (id, signal) => client.getFileDetails(id, { signal });
  },
  // Not an SDK: the engine loop the pacer is made for (acquire before each attempt, release
  // with the answer, a 429 retried without counting), on plain fetch, with src/core/pacer.ts
  // bundled on the fly. It shows what the SDK should measure once the pacer is wired in.
  'pacer-loop': async (url) => {
    const { Pacer } = await loadPacer();
    const pacer = new Pacer();
    return async (id, signal) => {
      const call = pacer.call('api', signal);
      for (let retries = 0; ;) {
        const permit = await call.acquire();
        if (permit === undefined) throw new Error('rate-limit wait budget spent');
        let response;
        try {
          response = await fetch(`${url}/v1/files/${id}/details`, { signal, headers: { authorization: 'Basic eDo=' } });
        } catch (error) {
          permit.release();
          throw error;
        }
        const text = await response.text();
        const verdict = permit.release({ status: response.status, headers: Object.fromEntries(response.headers) });
        if (response.ok) return JSON.parse(text);
        if (verdict === 'wait') continue;
        if (response.status >= 500 && retries++ < 2) continue;
        throw Object.assign(new Error(`HTTP ${response.status}`), { name: response.status === 429 ? 'RateLimitError' : 'ApiError' });
      }
    };
  },
  official: async (url) => {
    const client = new ImageKitOfficial({ privateKey: 'private_bench_key', baseURL: url });
    return (id, signal) => client.files.get(id, { signal });
  },
};

async function runOne(server, sdk, name, { calls, limits }) {
  const getFileDetails = await sdks[sdk](server.url);
  // Warm up (connections, JIT) without a limit, then start the measured run on fresh windows.
  await server.configure([]);
  await Promise.all(Array.from({ length: 32 }, (_, index) => getFileDetails(`warm_${index}`)));
  await server.configure(limits);
  const ideal = idealMs(calls, limits);
  const controller = new AbortController();
  setMaxListeners(0, controller.signal); // one shared cut-off signal for every call
  const cutOff = setTimeout(() => controller.abort(new Error('bench cut-off')), 3 * ideal + 10_000);
  const errors = new Map();
  const start = performance.now();
  const outcomes = await Promise.all(
    Array.from({ length: calls }, (_, index) =>
      getFileDetails(`file_${index}`, controller.signal).then(
        () => true,
        (error) => {
          const key = error?.constructor?.name ?? String(error);
          errors.set(key, (errors.get(key) ?? 0) + 1);
          return false;
        },
      ),
    ),
  );
  const wallMs = performance.now() - start;
  clearTimeout(cutOff);
  const { rateLimited } = await server.stats();
  const successes = outcomes.filter(Boolean).length;
  return {
    scenario: name,
    sdk,
    calls,
    successes,
    failures: calls - successes,
    answers429: rateLimited,
    wallMs: Math.round(wallMs),
    idealMs: ideal,
    ratio: ideal > 0 ? wallMs / ideal : undefined,
    errors: Object.fromEntries(errors),
  };
}

/** Runs the scenarios; returns one row per (scenario, SDK) and `ratios` (ours / ideal) for bench/run.mjs. */
export async function runRateLimitBench({ only = Object.keys(scenarios), sdkNames = Object.keys(sdks), log = console.log } = {}) {
  for (const name of only) if (!(name in scenarios)) throw new RangeError(`Unknown scenario "${name}"; known: ${Object.keys(scenarios).join(', ')}`);
  const server = await startRateLimitServer();
  const rows = [];
  try {
    for (const name of only) {
      for (const sdk of sdkNames) {
        const row = await runOne(server, sdk, name, scenarios[name]);
        rows.push(row);
        log(
          `${name.padEnd(11)} ${sdk.padEnd(8)} ${String(row.successes).padStart(5)} ok ${String(row.failures).padStart(5)} failed ` +
            `${String(row.answers429).padStart(6)} × 429  ${String(row.wallMs).padStart(6)} ms` +
            (row.ratio === undefined ? '' : `  ${row.ratio.toFixed(2)}× ideal (${row.idealMs} ms)`) +
            (row.failures ? `  ${JSON.stringify(row.errors)}` : ''),
        );
      }
    }
  } finally {
    server.stop();
  }
  const ratios = {};
  for (const row of rows) {
    if (row.sdk === 'ours' && row.ratio !== undefined) ratios[`rate limit ${row.scenario}, wall (ours / ideal)`] = row.ratio;
  }
  const ours = rows.find((row) => row.sdk === 'ours' && row.scenario === 'unlimited');
  const theirs = rows.find((row) => row.sdk === 'official' && row.scenario === 'unlimited');
  if (ours && theirs) ratios['unlimited 500 calls, wall (ours / @imagekit/nodejs)'] = ours.wallMs / theirs.wallMs;
  return { rows, ratios };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name) => process.argv.find((value) => value.startsWith(`--${name}=`))?.slice(name.length + 3);
  const only = arg('only')?.split(',');
  const sdkNames = arg('sdk')?.split(',');
  console.log('scenario    sdk         ok       failed    429s       wall   ratio to the ideal time');
  await runRateLimitBench({ ...(only && { only }), ...(sdkNames && { sdkNames }) });
}
