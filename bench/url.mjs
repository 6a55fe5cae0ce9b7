// URL-building throughput: imagekit-universal buildUrl vs @imgix/js-core buildURL vs
// @imagekit/javascript buildSrc, on the same ~50 inputs, in one process.
// Run `npx tsup` first (imports ../dist/index.js). Usage: node bench/url.mjs [sliceMs=200] [slices=15]
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import ImgixClient from '@imgix/js-core';
import { buildSrc } from '@imagekit/javascript';
import { buildUrl } from '../dist/index.js';

const urlEndpoint = 'https://ik.imagekit.io/demo';

const paths = [
  '/sample.jpg',
  '/products/2024/shoe-red.png',
  '/a b/photo 1.jpg',
  '/café/crème brûlée.jpg',
  '/folder/sub/deep/image.webp',
  'no-leading-slash.jpg',
  '/user uploads/IMG_0001 (1).jpeg',
  '/already%20encoded.jpg',
  '/日本/写真.jpg',
  '/logos/brand+mark.svg',
];

// Each case: our transformation steps and the closest imgix params.
const transformations = [
  [[{ width: 300 }], { w: 300 }],
  [[{ width: 300, height: 200 }], { w: 300, h: 200 }],
  [[{ width: 400, height: 300, crop: 'at_max' }], { w: 400, h: 300, fit: 'max' }],
  [[{ width: 800, quality: 80, format: 'webp' }], { w: 800, q: 80, fm: 'webp' }],
  [[{ width: 300 }, { rotation: 90 }], { w: 300, rot: 90 }],
  [[{ height: 500, aspectRatio: '4-3', focus: 'face' }], { h: 500, ar: '4:3', crop: 'faces' }],
  [[{ blur: 10, grayscale: true }], { blur: 10, sat: -100 }],
  [[{ width: 1200, dpr: 2, progressive: true }], { w: 1200, dpr: 2, fm: 'pjpg' }],
  [[{ width: 640, crop: 'at_max' }, { sharpen: 10 }, { radius: 'max' }], { w: 640, fit: 'max', sharp: 10, mask: 'ellipse' }],
  [
    [{ width: 600 }, { overlay: { type: 'text', text: 'Hello World', transformation: [{ fontSize: 40, fontColor: 'FFFFFF' }] } }],
    { w: 600, txt: 'Hello World', 'txt-size': 40, 'txt-color': 'FFFFFF' },
  ],
];

/**
 * The fixed benchmark inputs: 50 cases over 10 paths (a page reusing its images), or with
 * `unique: true` 5,000 cases whose paths never repeat (our path-encoding memo never hits).
 */
export function urlBenchCases({ unique = false } = {}) {
  const cases = [];
  for (let i = 0; i < (unique ? 5000 : 50); i++) {
    const base = paths[i % paths.length];
    const path = unique ? base.replace(/(\.\w+)$/, `-${i}$1`) : base;
    const [transformation, imgixParams] = transformations[(i * 7) % transformations.length];
    const transformationPosition = i % 3 === 0 ? 'query' : 'path';
    const queryParameters = i % 5 === 0 ? { v: String(i) } : undefined;
    const ours = { urlEndpoint, path, transformation, transformationPosition };
    const ikjs = { urlEndpoint, src: path, transformation, transformationPosition };
    if (queryParameters) {
      ours.queryParameters = queryParameters;
      ikjs.queryParameters = queryParameters;
    }
    cases.push({ ours, ikjs, imgix: { path, params: queryParameters ? { ...imgixParams, ...queryParameters } : imgixParams } });
  }
  return cases;
}

function warmUp(run, cases) {
  let sink = 0;
  for (let i = 0; i < 30_000; i++) sink += run(cases[i % cases.length]).length;
  return sink;
}

/** ops/s of one timed slice of `durationMs`. */
function slice(run, cases, durationMs) {
  let sink = 0;
  let ops = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < durationMs) {
    for (let i = 0; i < cases.length; i++) sink += run(cases[i]).length;
    ops += cases.length;
    elapsed = performance.now() - start;
  }
  if (sink === 0) throw new Error('unreachable: keeps the work observable');
  return (ops / elapsed) * 1000;
}

/**
 * Runs the URL benchmark. The libraries are timed in interleaved slices (so a noisy
 * machine slows all of them alike) and each library's best slice is reported, with the median.
 * @param {{ durationMs: number, rounds: number, log: boolean, unique: boolean }} options
 *   `durationMs` per slice, `rounds` slices per library, `unique` paths that never repeat.
 * @returns {{ cases: number, opsPerSec: Record<'ours'|'imgix'|'ikjs', number>,
 *   medianOpsPerSec: Record<'ours'|'imgix'|'ikjs', number>, ratios: { oursOverImgix: number, oursOverIkjs: number } }}
 */
function runUrlBenchOnce({ durationMs, rounds, log, unique }) {
  const cases = urlBenchCases({ unique });
  const imgix = new ImgixClient({ domain: 'ik.imagekit.io' });
  const runners = {
    ours: (c) => buildUrl(c.ours),
    imgix: (c) => imgix.buildURL(c.imgix.path, c.imgix.params),
    ikjs: (c) => buildSrc(c.ikjs),
  };
  const names = Object.keys(runners);
  for (const name of names) warmUp(runners[name], cases);
  const samples = { ours: [], imgix: [], ikjs: [] };
  for (let round = 0; round < rounds; round++) {
    // Rotate the order so no library always runs first.
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length];
      samples[name].push(slice(runners[name], cases, durationMs));
    }
  }
  const best = (values) => Math.max(...values);
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const opsPerSec = { ours: best(samples.ours), imgix: best(samples.imgix), ikjs: best(samples.ikjs) };
  const medianOpsPerSec = { ours: median(samples.ours), imgix: median(samples.imgix), ikjs: median(samples.ikjs) };
  const ratios = { oursOverImgix: opsPerSec.ours / opsPerSec.imgix, oursOverIkjs: opsPerSec.ours / opsPerSec.ikjs };
  if (log) {
    const fmt = (n) => Math.round(n).toLocaleString('en-US').padStart(11);
    console.log(
      `url${unique ? ' (unique paths)' : ''}: ${cases.length} cases, ${rounds} interleaved slices x ${durationMs} ms per library; ops/s best (median)`,
    );
    console.log(`  imagekit-universal buildUrl   ${fmt(opsPerSec.ours)} (${fmt(medianOpsPerSec.ours).trim()})`);
    console.log(`  @imgix/js-core buildURL       ${fmt(opsPerSec.imgix)} (${fmt(medianOpsPerSec.imgix).trim()})`);
    console.log(`  @imagekit/javascript buildSrc ${fmt(opsPerSec.ikjs)} (${fmt(medianOpsPerSec.ikjs).trim()})`);
    console.log(
      `  ours/imgix ${ratios.oursOverImgix.toFixed(2)}x (median ${(medianOpsPerSec.ours / medianOpsPerSec.imgix).toFixed(2)}x)` +
        `   ours/ikjs ${ratios.oursOverIkjs.toFixed(2)}x (median ${(medianOpsPerSec.ours / medianOpsPerSec.ikjs).toFixed(2)}x)`,
    );
  }
  return { cases: cases.length, opsPerSec, medianOpsPerSec, ratios };
}

/**
 * Runs both variants: paths that repeat (a page reusing its images) and paths that never
 * repeat. The result holds the first; `uniquePaths` and the `uniquePaths…` ratios the second.
 */
export function runUrlBench({ durationMs = 200, rounds = 15, log = true } = {}) {
  const repeated = runUrlBenchOnce({ durationMs, rounds, log, unique: false });
  const unique = runUrlBenchOnce({ durationMs, rounds, log, unique: true });
  return {
    ...repeated,
    uniquePaths: unique,
    ratios: {
      ...repeated.ratios,
      uniquePathsOursOverImgix: unique.ratios.oursOverImgix,
      uniquePathsOursOverIkjs: unique.ratios.oursOverIkjs,
    },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runUrlBench({ durationMs: Number(process.argv[2] ?? 200), rounds: Number(process.argv[3] ?? 15) });
}
