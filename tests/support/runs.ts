// How many inputs a fast-check property tries. `npm test` (and so CI) sets FC_RUNS=full and
// every property runs its full count; the fast loop (`npm run test:unit`, a focused
// `npx vitest run tests/url`) caps each at 500, five times fast-check's default, with the
// same generators. Each run draws a new seed, so the fast loops of a day add up.
const fastCap = 500;

/** fast-check parameters for a property whose full strength is `full` runs. */
export function runs(full: number): { numRuns: number } {
  return { numRuns: process.env.FC_RUNS === 'full' ? full : Math.min(full, fastCap) };
}
