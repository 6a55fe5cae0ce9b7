/**
 * @module testing/emulator/faults
 * Deterministic fault injection and the `X-RateLimit-*` bookkeeping. Each matching
 * request draws the same number of values from the fault PRNG whatever the settings,
 * so changing one rate does not shift the others.
 */
import type { EmulatorCore } from './context.js';
import type { FaultMatcher, FaultOptions } from './options.js';
import { errorResponse } from './responses.js';

/** What the faults decided for one request. */
export type FaultDecision =
  | { kind: 'none' }
  | { kind: 'drop' }
  | { kind: 'response'; response: Response };

function matches(matcher: FaultMatcher | undefined, request: Request, path: string): boolean {
  if (matcher === undefined) return true;
  if (typeof matcher === 'function') return matcher(request);
  if (matcher instanceof RegExp) return matcher.test(path);
  if (!matcher.includes('*')) return path.startsWith(matcher);
  const pattern = new RegExp('^' + matcher.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$');
  return pattern.test(path);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

const serverErrors = [500, 502, 503, 504];

/** The rate-limit window figures after counting this request. */
export function countRate(core: EmulatorCore, faults: FaultOptions): { limit: number; intervalMs: number; resetMs: number; count: number } {
  const limit = faults.rateLimit?.limit ?? core.options.rateLimitHeaders.limit;
  const intervalMs = faults.rateLimit?.intervalMs ?? core.options.rateLimitHeaders.intervalMs;
  const now = core.options.now();
  if (now - core.rateWindow.start >= intervalMs) core.rateWindow = { start: now, count: 0 };
  core.rateWindow.count += 1;
  return { limit, intervalMs, resetMs: Math.max(0, core.rateWindow.start + intervalMs - now), count: core.rateWindow.count };
}

/** Applies latency and decides drop / 5xx / 429 for a request. */
export async function decideFault(core: EmulatorCore, request: Request, path: string, isApi: boolean): Promise<FaultDecision> {
  const faults = core.faults;
  if (!matches(faults.only, request, path)) return { kind: 'none' };
  const dropDraw = core.faultRandom.next();
  const errorDraw = core.faultRandom.next();
  const statusDraw = core.faultRandom.next();
  if ((faults.latencyMs ?? 0) > 0) await sleep(faults.latencyMs ?? 0);
  if (dropDraw < (faults.dropRate ?? 0)) return { kind: 'drop' };
  if (errorDraw < (faults.errorRate ?? 0)) {
    const status = serverErrors[Math.floor(statusDraw * serverErrors.length)] ?? 500;
    return { kind: 'response', response: errorResponse(status, 'Injected server error (emulator fault).') };
  }
  const every = faults.rateLimit?.every ?? faults.rate429;
  if (isApi && every !== undefined && every > 0) {
    const counter = (core.faultCounter = (core.faultCounter ?? 0) + 1);
    if (counter % every === 0) return { kind: 'response', response: rateLimited(core, faults.rateLimit?.resetMs ?? core.options.rateLimitHeaders.intervalMs) };
  }
  return { kind: 'none' };
}

/** A 429 with the rate-limit headers. */
export function rateLimited(core: EmulatorCore, resetMs: number): Response {
  const response = errorResponse(429, 'You have exceeded the rate limit. Please retry after X-RateLimit-Reset milliseconds.');
  response.headers.set('X-RateLimit-Reset', String(resetMs));
  response.headers.set('X-RateLimit-Limit', String(core.faults.rateLimit?.limit ?? core.options.rateLimitHeaders.limit));
  response.headers.set('X-RateLimit-Interval', String(core.faults.rateLimit?.intervalMs ?? core.options.rateLimitHeaders.intervalMs));
  return response;
}
