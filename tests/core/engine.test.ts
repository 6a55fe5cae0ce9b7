// The request engine (one attempt loop for API calls and uploads): pacing through the client's Pacer and
// the one rule for server-directed waits, driven with fake time and a scripted transport.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCall, type EngineCall } from '../../src/core/engine.js';
import { Pacer } from '../../src/core/pacer.js';
import { ApiError } from '../../src/errors.js';
import type { TransportResponse } from '../../src/transport/types.js';

beforeEach(() => {
  vi.useFakeTimers();
  vi.spyOn(Math, 'random').mockReturnValue(0.5); // jitter factor exactly 1
});
afterEach(() => {
  expect(vi.getTimerCount()).toBe(0);
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** A call whose transport plays `answers` in order, recording when each attempt was sent. */
function scripted(answers: TransportResponse[], extra: Partial<EngineCall> = {}) {
  const sentAt: number[] = [];
  const start = Date.now();
  const call: EngineCall = {
    method: 'POST',
    timeout: 0,
    inactivity: false,
    maxRetries: answers.length - 1,
    signal: undefined,
    prepare: () => Promise.resolve({ url: 'https://api.example.test/v1/x', headers: {}, body: undefined, secrets: [] }),
    send: () => {
      sentAt.push(Date.now() - start);
      return Promise.resolve(answers[sentAt.length - 1]!);
    },
    decide: () => ({ retry: true, indeterminate: false }),
    ...extra,
  };
  return { call, sentAt };
}

const answer = (status: number, headers: Record<string, string> = {}): TransportResponse => ({ status, headers, text: '{}' });

describe('server-directed waits: one rule for every call', () => {
  it('a 503 or 429 wait is honoured; a 500 with Retry-After uses backoff', async () => {
    const { call, sentAt } = scripted([
      answer(503, { 'retry-after': '2' }),
      answer(500, { 'retry-after': '30' }),
      answer(429, { 'x-ratelimit-reset': '700' }),
      answer(200),
    ]);
    const promise = runCall(call);
    await vi.advanceTimersByTimeAsync(10_000);
    expect((await promise).status).toBe(200);
    // 2,000 (server) → +1,000 (backoff, 2nd retry; the 500's Retry-After ignored) → +700 (server)
    expect(sentAt).toEqual([0, 2000, 3000, 3700]);
  });

  it('a server wait beyond 60 s is not slept: the error is reported at once', async () => {
    const { call, sentAt } = scripted([answer(429, { 'retry-after': '3600' }), answer(200)]);
    const error = await runCall(call).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(sentAt).toEqual([0]);
  });
});

describe('pacing (the client pacer wired into the loop)', () => {
  it('waits for a turn before every attempt, before anything is prepared or sent', async () => {
    const order: string[] = [];
    const pacer = new Pacer({ maxConcurrency: 1 });
    const blocker = (await pacer.call('api').acquire())!; // the one slot is taken
    const { call } = scripted([answer(500), answer(200)], {
      paced: pacer.call('api'),
      prepare: () => {
        order.push('prepare');
        return Promise.resolve({ url: 'https://api.example.test/v1/x', headers: {}, body: undefined, secrets: [] });
      },
    });
    const promise = runCall(call);
    await vi.advanceTimersByTimeAsync(100);
    expect(order).toEqual([]); // held: nothing prepared or sent
    blocker.release();
    await vi.advanceTimersByTimeAsync(1000);
    expect((await promise).status).toBe(200);
    expect(order).toEqual(['prepare', 'prepare']);
    expect(pacer.inFlight).toBe(0);
  });

  it('a 429 the pacer waits out is sent again at the next window, without a sleep and without using maxRetries', async () => {
    const pacer = new Pacer();
    const limited = answer(429, { 'x-ratelimit-limit': '1', 'x-ratelimit-interval': '1000', 'x-ratelimit-reset': '700' });
    const { call, sentAt } = scripted([limited, limited, answer(200)], { paced: pacer.call('api'), maxRetries: 0 });
    const promise = runCall(call);
    await vi.advanceTimersByTimeAsync(5000);
    expect((await promise).status).toBe(200);
    // Each retry starts when the window the server named has ended (plus the pacer's 2 ms guard), not later.
    expect(sentAt[1]).toBeGreaterThanOrEqual(700);
    expect(sentAt[2]! - sentAt[1]!).toBeGreaterThanOrEqual(700);
    expect(sentAt[2]).toBeLessThan(2000);
  });

  it("throws the last 429 once the call's rate-limit wait is spent, and frees its slot", async () => {
    const pacer = new Pacer();
    const limited = answer(429, { 'x-ratelimit-limit': '1', 'x-ratelimit-interval': '1000', 'x-ratelimit-reset': '1000' });
    const { call, sentAt } = scripted(
      Array.from({ length: 20 }, () => limited),
      { paced: pacer.call('api', undefined, 2500), maxRetries: 0 },
    );
    const promise = runCall(call).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(10_000);
    const error = await promise;
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(429);
    expect(sentAt.length).toBeGreaterThan(1);
    expect(sentAt.length).toBeLessThanOrEqual(4);
    expect(pacer.inFlight).toBe(0);
  });

  it('a signal that aborts as the turn is granted hands the turn back and rejects with its reason', async () => {
    const pacer = new Pacer({ maxConcurrency: 1 });
    const blocker = (await pacer.call('api').acquire())!;
    const controller = new AbortController();
    const reason = new Error('stop');
    const { call, sentAt } = scripted([answer(200)], { signal: controller.signal, paced: pacer.call('api', controller.signal) });
    const promise = runCall(call).catch((error: unknown) => error);
    blocker.release(); // grants the turn (resolves the acquire promise) ...
    controller.abort(reason); // ... and the signal aborts before the engine resumes
    expect(await promise).toBe(reason);
    expect(sentAt).toEqual([]);
    expect(pacer.inFlight).toBe(0);
  });
});
