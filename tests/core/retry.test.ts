import { afterEach, describe, expect, it, vi } from 'vitest';
import { retryWait, retryStatusCodes, retryTiming, serverRetryDelay, sleep } from '../../src/core/retry.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('serverRetryDelay', () => {
  const now = Date.parse('2025-01-01T00:00:00Z');

  it('reads X-RateLimit-Reset as milliseconds (a duration, not a timestamp)', () => {
    expect(serverRetryDelay({ 'x-ratelimit-reset': '1500' }, now)).toBe(1500);
    expect(serverRetryDelay({ 'x-ratelimit-reset': ' 0 ' }, now)).toBe(0);
  });

  it('prefers X-RateLimit-Reset over retry-after-ms and Retry-After', () => {
    expect(serverRetryDelay({ 'x-ratelimit-reset': '10', 'retry-after-ms': '99', 'retry-after': '7' }, now)).toBe(10);
    expect(serverRetryDelay({ 'retry-after-ms': '99', 'retry-after': '7' }, now)).toBe(99);
  });

  it('reads Retry-After in seconds, fractional included', () => {
    expect(serverRetryDelay({ 'retry-after': '7' }, now)).toBe(7000);
    expect(serverRetryDelay({ 'retry-after': '0.5' }, now)).toBe(500);
  });

  it('reads Retry-After as an HTTP date relative to now, never negative', () => {
    expect(serverRetryDelay({ 'retry-after': new Date(now + 5000).toUTCString() }, now)).toBe(5000);
    expect(serverRetryDelay({ 'retry-after': new Date(now - 5000).toUTCString() }, now)).toBe(0);
  });

  it('ignores garbage and absent headers', () => {
    expect(serverRetryDelay({}, now)).toBeUndefined();
    expect(serverRetryDelay({ 'retry-after': 'soon' }, now)).toBeUndefined();
    expect(serverRetryDelay({ 'retry-after': '' }, now)).toBeUndefined();
    expect(serverRetryDelay({ 'x-ratelimit-reset': 'abc' }, now)).toBeUndefined();
    expect(serverRetryDelay({ 'retry-after-ms': '-5' }, now)).toBeUndefined();
  });
});

describe('retryWait', () => {
  it('doubles from 500 ms and caps at 8 s (no jitter at random = 0.5)', () => {
    const mid = (): number => 0.5;
    expect([1, 2, 3, 4, 5, 6, 10].map((n) => retryWait(n, undefined, undefined, mid))).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000]);
  });

  it('keeps jitter within ±25 % for any random value', () => {
    for (let attempt = 1; attempt <= 6; attempt++) {
      const base = Math.min(retryTiming.baseMs * 2 ** (attempt - 1), retryTiming.capMs);
      for (const r of [0, 0.1, 0.25, 0.5, 0.75, 0.999999]) {
        const delay = retryWait(attempt, undefined, undefined, () => r)!;
        expect(delay).toBeGreaterThanOrEqual(Math.floor(base * 0.75));
        expect(delay).toBeLessThanOrEqual(Math.ceil(base * 1.25));
      }
    }
  });

  it('uses the server wait of a 429 or 503; one over 60 s is not slept', () => {
    expect(retryWait(1, 429, { 'x-ratelimit-reset': '1234' })).toBe(1234);
    expect(retryWait(1, 503, { 'retry-after': '2' })).toBe(2000);
    // Beyond the cap: not slept (the caller reports the error with its retryAfterMs).
    expect(retryWait(1, 429, { 'retry-after': '3600' })).toBeUndefined();
    // One rule for every call: only 429 and 503 carry a server-directed wait; a 500's Retry-After is not one.
    expect(retryWait(1, 500, { 'retry-after': '30' }, () => 0.5)).toBe(500);
    expect(retryWait(1, 408, { 'retry-after-ms': '0' }, () => 0.5)).toBe(500);
  });

  it('retries 408, 429 and 5xx but never 409', () => {
    expect([...retryStatusCodes].sort()).toEqual([408, 429, 500, 502, 503, 504]);
    expect(retryStatusCodes.has(409)).toBe(false);
  });
});

describe('sleep', () => {
  it('resolves after the delay and leaves no timer', async () => {
    vi.useFakeTimers();
    let done = false;
    const promise = sleep(100).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(99);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await promise;
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects with the signal reason on abort and clears its timer', async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const promise = sleep(10_000, controller.signal);
    controller.abort('why');
    await expect(promise).rejects.toBe('why');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects at once for an already-aborted signal', async () => {
    await expect(sleep(10, AbortSignal.abort('pre'))).rejects.toBe('pre');
  });
});
