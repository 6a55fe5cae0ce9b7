/**
 * @module testing/emulator/faults
 * Deterministic fault injection and the per-account rate limit (fixed windows). Each matching
 * request draws the same number of values from the fault PRNG whatever the settings,
 * so changing one rate does not shift the others.
 */
import type { EmulatorCore } from './context.js';
import type { FaultMatcher, FaultOptions, RateLimitWindow } from './options.js';
import { errorResponse } from './responses.js';

/** What the faults decided for one request. */
export type FaultDecision = { kind: 'none' } | { kind: 'drop' } | { kind: 'response'; response: Response };

function matches(matcher: FaultMatcher | undefined, request: Request, path: string): boolean {
  if (matcher === undefined) return true;
  if (typeof matcher === 'function') return matcher(request);
  if (matcher instanceof RegExp) return matcher.test(path);
  if (!matcher.includes('*')) return path.startsWith(matcher);
  const pattern = new RegExp(
    '^' +
      matcher
        .split('*')
        .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*') +
      '$',
  );
  return pattern.test(path);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

const serverErrors = [500, 502, 503, 504];

/** The fixed windows a `rateLimit` fault asks for (none for the `every` form). */
function windowsOf(rateLimit: FaultOptions['rateLimit']): RateLimitWindow[] {
  if (rateLimit === undefined) return [];
  if (Array.isArray(rateLimit)) return rateLimit;
  if (rateLimit.limit === undefined || rateLimit.every !== undefined) return [];
  return [{ limit: rateLimit.limit, intervalMs: rateLimit.intervalMs ?? 1000 }];
}

/**
 * Counts one authenticated API call against the account's rate limit. Returns the 429 to
 * answer when a window is full (the call is then not counted), else undefined.
 */
export function checkRateLimit(core: EmulatorCore, request: Request, path: string): Response | undefined {
  const rateLimit = core.faults.rateLimit;
  const single = rateLimit === undefined || Array.isArray(rateLimit) ? undefined : rateLimit;
  const every = single?.every ?? core.faults.rate429;
  if (every !== undefined && every > 0) {
    if (!matches(core.faults.only, request, path)) return undefined;
    core.faultCounter = (core.faultCounter ?? 0) + 1;
    if (core.faultCounter % every !== 0) return undefined;
    const intervalMs = single?.intervalMs ?? single?.resetMs ?? 1000;
    return rateLimited({ limit: single?.limit ?? every - 1, intervalMs }, single?.resetMs ?? intervalMs);
  }
  const now = core.options.now();
  let over: { window: RateLimitWindow; resetMs: number } | undefined;
  const counters = windowsOf(rateLimit).map((window) => {
    const key = `${window.limit}/${window.intervalMs}`;
    let counter = core.rateWindows.get(key);
    if (counter === undefined || now - counter.start >= window.intervalMs) {
      counter = { start: now, count: 0 };
      core.rateWindows.set(key, counter);
    }
    const resetMs = Math.max(0, counter.start + window.intervalMs - now);
    if (counter.count >= window.limit && (over === undefined || resetMs > over.resetMs)) over = { window, resetMs };
    return counter;
  });
  if (over !== undefined) return rateLimited(over.window, over.resetMs);
  for (const counter of counters) counter.count += 1;
  return undefined;
}

/** A 429 with the rate-limit headers ImageKit sends. */
function rateLimited(window: RateLimitWindow, resetMs: number): Response {
  const response = errorResponse(429, 'You have exceeded the rate limit. Please retry after X-RateLimit-Reset milliseconds.');
  response.headers.set('X-RateLimit-Limit', String(window.limit));
  response.headers.set('X-RateLimit-Reset', String(resetMs));
  response.headers.set('X-RateLimit-Interval', String(window.intervalMs));
  response.headers.set('Retry-After', String(Math.ceil(resetMs / 1000)));
  return response;
}

/** Applies latency and decides drop / 5xx for a request. */
export async function decideFault(core: EmulatorCore, request: Request, path: string): Promise<FaultDecision> {
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
  return { kind: 'none' };
}
