// The request engine (one attempt loop for API calls and uploads): the acquire() seam and
// the one rule for server-directed waits, driven with fake time and a scripted transport.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCall, type EngineCall } from '../../src/core/engine.js';
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
    const { call, sentAt } = scripted([answer(503, { 'retry-after': '2' }), answer(500, { 'retry-after': '30' }), answer(429, { 'x-ratelimit-reset': '700' }), answer(200)]);
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

describe('the acquire() seam', () => {
  it('is awaited before every attempt, with the call signal, before anything is sent', async () => {
    const order: string[] = [];
    let release!: () => void;
    const controller = new AbortController();
    const { call } = scripted([answer(500), answer(200)], {
      signal: controller.signal,
      acquire: (signal) => {
        expect(signal).toBe(controller.signal);
        order.push('acquire');
        return order.length === 1 ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve();
      },
      prepare: () => {
        order.push('prepare');
        return Promise.resolve({ url: 'https://api.example.test/v1/x', headers: {}, body: undefined, secrets: [] });
      },
    });
    const promise = runCall(call);
    await vi.advanceTimersByTimeAsync(100);
    expect(order).toEqual(['acquire']); // held: nothing prepared or sent
    release();
    await vi.advanceTimersByTimeAsync(1000);
    expect((await promise).status).toBe(200);
    expect(order).toEqual(['acquire', 'prepare', 'acquire', 'prepare']);
  });
});
