import { afterEach, describe, expect, it, vi } from 'vitest';
import { Pacer, pacerDefaults, type PacerAnswer, type PacerClock, type PacerPermit } from '../../src/core/pacer.js';

/** Simulated time: timers fire only when the test runs the clock, never in real time. */
class ManualClock implements PacerClock {
  time = 0;
  readonly #timers = new Map<number, { at: number; callback: () => void }>();
  #nextId = 1;
  now = (): number => this.time;
  setTimeout = (callback: () => void, ms: number): unknown => {
    const id = this.#nextId++;
    this.#timers.set(id, { at: this.time + Math.max(0, ms), callback });
    return id;
  };
  clearTimeout = (handle: unknown): void => {
    this.#timers.delete(handle as number);
  };
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.setTimeout(resolve, ms));
  }
  get pendingTimers(): number {
    return this.#timers.size;
  }
  /** Lets every pending promise continuation run (one macrotask turn drains all microtasks). */
  async settle(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
  }
  /** Fires timers in time order until none is left at or before `until`. */
  async run(until = Infinity): Promise<void> {
    for (;;) {
      await this.settle();
      let next: [number, { at: number; callback: () => void }] | undefined;
      for (const entry of this.#timers) if (!next || entry[1].at < next[1].at) next = entry;
      if (!next || next[1].at > until) break;
      this.#timers.delete(next[0]);
      this.time = Math.max(this.time, next[1].at);
      next[1].callback();
    }
    if (until !== Infinity) this.time = Math.max(this.time, until);
    await this.settle();
  }
}

/** One turn for a call of a single attempt (a fresh call has no 429 behind it, so its turn is never `undefined`). */
const acquireTurn = (pacer: Pacer, kind: 'api' | 'upload', signal?: AbortSignal): Promise<PacerPermit> =>
  pacer.call(kind, signal).acquire() as Promise<PacerPermit>;

interface Limit {
  limit: number;
  interval: number;
}

/**
 * A fixed-window rate-limited API as ImageKit's: windows start at `phase` (not where the
 * client's clock starts), every limit counts every request that reaches it, and a 429 carries
 * the limit it broke (the one that reopens last), its reset in ms and Retry-After in seconds.
 * Success answers carry no rate-limit headers.
 */
class FixedWindowServer {
  answered429 = 0;
  served = 0;
  readonly #counts = new Map<string, number>();
  constructor(
    readonly limits: Limit[],
    readonly phase = 137,
  ) {}
  handle(at: number): PacerAnswer {
    let broken: { limit: Limit; reset: number } | undefined;
    const keys: string[] = [];
    for (const limit of this.limits) {
      const index = Math.floor((at - this.phase) / limit.interval);
      const key = `${limit.interval}:${index}`;
      keys.push(key);
      if ((this.#counts.get(key) ?? 0) >= limit.limit) {
        const reset = this.phase + (index + 1) * limit.interval - at;
        if (!broken || reset > broken.reset) broken = { limit, reset };
      }
    }
    if (broken) {
      this.answered429++;
      return {
        status: 429,
        headers: {
          'x-ratelimit-limit': String(broken.limit.limit),
          'x-ratelimit-interval': String(broken.limit.interval),
          'x-ratelimit-reset': String(Math.ceil(broken.reset)),
          'retry-after': String(Math.ceil(broken.reset / 1000)),
        },
      };
    }
    for (const key of keys) this.#counts.set(key, (this.#counts.get(key) ?? 0) + 1);
    this.served++;
    return { status: 200, headers: {} };
  }
}

/** One call the way the engine will run it: acquire before each attempt, release with the answer. */
async function pacedCall(pacer: Pacer, clock: ManualClock, server: FixedWindowServer, latency = 6): Promise<'ok' | 'give-up' | 'budget'> {
  const call = pacer.call('api');
  for (;;) {
    const permit = await call.acquire();
    if (permit === undefined) return 'budget';
    await clock.sleep(latency / 2);
    const answer = server.handle(clock.now());
    await clock.sleep(latency / 2);
    const verdict = permit.release(answer);
    if (answer.status === 200) return 'ok';
    if (verdict === 'give-up') return 'give-up';
  }
}

async function bulk(pacer: Pacer, clock: ManualClock, server: FixedWindowServer, calls: number) {
  const results = Promise.all(Array.from({ length: calls }, () => pacedCall(pacer, clock, server)));
  await clock.run();
  const outcomes = await results;
  return { failures: outcomes.filter((outcome) => outcome !== 'ok').length, elapsed: clock.time };
}

/** Acquires in order and records when each permit arrives. */
function trackGrants(pacer: Pacer, count: number, kind: 'api' | 'upload' = 'api') {
  const granted: number[] = [];
  const permits: PacerPermit[] = [];
  const promises = Array.from({ length: count }, (_, index) =>
    acquireTurn(pacer, kind).then((permit) => {
      granted.push(index);
      permits.push(permit);
      return permit;
    }),
  );
  return { granted, permits, promises };
}

const rateLimited = (limit: number, interval: number, reset: number): PacerAnswer => ({
  status: 429,
  headers: { 'x-ratelimit-limit': String(limit), 'x-ratelimit-interval': String(interval), 'x-ratelimit-reset': String(reset) },
});

afterEach(() => {
  vi.useRealTimers();
});

describe('Pacer: queue and concurrency', () => {
  it('grants turns in FIFO order', async () => {
    const clock = new ManualClock();
    const pacer = new Pacer({ maxConcurrency: 1, clock });
    const { granted, permits } = trackGrants(pacer, 5);
    await clock.settle();
    expect(granted).toEqual([0]);
    for (let step = 1; step < 5; step++) {
      permits[step - 1]!.release();
      await clock.settle();
      expect(granted).toEqual([0, 1, 2, 3, 4].slice(0, step + 1));
    }
  });

  it('never has more than maxConcurrency attempts in flight, and uses them all', async () => {
    const clock = new ManualClock();
    const pacer = new Pacer({ maxConcurrency: 4, clock });
    let inFlight = 0;
    let peak = 0;
    await Promise.all([
      clock.run(),
      ...Array.from({ length: 40 }, async (_, index) => {
        const permit = await acquireTurn(pacer, index % 3 === 0 ? 'upload' : 'api');
        inFlight++;
        peak = Math.max(peak, inFlight);
        expect(pacer.inFlight).toBeLessThanOrEqual(4);
        await clock.sleep(1 + ((index * 7) % 5));
        inFlight--;
        permit.release({ status: 200, headers: {} });
      }),
    ]);
    await clock.run();
    expect(peak).toBe(4);
    expect(pacer.inFlight).toBe(0);
    expect(pacer.queued).toBe(0);
  });

  it('has no bound with maxConcurrency: Infinity', async () => {
    const pacer = new Pacer({ maxConcurrency: Infinity, clock: new ManualClock() });
    const { granted } = trackGrants(pacer, 1000);
    await new ManualClock().settle();
    expect(granted).toHaveLength(1000);
    expect(pacer.inFlight).toBe(1000);
  });

  it('defaults to 16 in flight and 5 minutes of rate-limit wait', async () => {
    const pacer = new Pacer({ clock: new ManualClock() });
    expect(pacerDefaults).toEqual({ maxConcurrency: 16, maxRateLimitWait: 300_000 });
    expect(pacer.maxConcurrency).toBe(16);
    expect(pacer.maxRateLimitWait).toBe(300_000);
    trackGrants(pacer, 20);
    await new ManualClock().settle();
    expect(pacer.inFlight).toBe(16);
    expect(pacer.queued).toBe(4);
  });

  it('refuses bad options with a RangeError naming the option', () => {
    for (const maxConcurrency of [0, -1, 1.5, NaN]) {
      expect(() => new Pacer({ maxConcurrency })).toThrow(new RangeError('The `maxConcurrency` option must be a positive integer or Infinity'));
    }
    for (const maxRateLimitWait of [-1, NaN]) {
      expect(() => new Pacer({ maxRateLimitWait })).toThrow(/`maxRateLimitWait`/);
    }
  });

  it('a released permit releases once: a second release frees no other slot', async () => {
    const clock = new ManualClock();
    const pacer = new Pacer({ maxConcurrency: 1, clock });
    const { granted, permits } = trackGrants(pacer, 3);
    await clock.settle();
    permits[0]!.release();
    permits[0]!.release();
    await clock.settle();
    expect(granted).toEqual([0, 1]);
    expect(pacer.inFlight).toBe(1);
  });
});

describe('Pacer: abort while queued', () => {
  it('leaves the queue at once with signal.reason unchanged, and does not hold up the others', async () => {
    const clock = new ManualClock();
    const pacer = new Pacer({ maxConcurrency: 1, clock });
    const first = await acquireTurn(pacer, 'api');
    const controller = new AbortController();
    const aborted = acquireTurn(pacer, 'api', controller.signal);
    const { granted } = trackGrants(pacer, 1);
    await clock.settle();
    expect(pacer.queued).toBe(2);
    const reason = { why: 'caller gave up' };
    controller.abort(reason);
    expect(pacer.queued).toBe(1);
    await expect(aborted).rejects.toBe(reason);
    first.release();
    await clock.settle();
    expect(granted).toEqual([0]);
    expect(pacer.inFlight).toBe(1);
  });

  it('rejects at once when the signal is already aborted, without taking a slot', async () => {
    const pacer = new Pacer({ maxConcurrency: 1, clock: new ManualClock() });
    const reason = new Error('already');
    await expect(acquireTurn(pacer, 'api', AbortSignal.abort(reason))).rejects.toBe(reason);
    expect(pacer.inFlight).toBe(0);
    expect(pacer.queued).toBe(0);
  });

  it('an abort while held back by the rate leaves no timer behind for it', async () => {
    const clock = new ManualClock();
    const pacer = new Pacer({ clock });
    (await acquireTurn(pacer, 'api')).release(rateLimited(5, 1000, 800));
    const controller = new AbortController();
    const queued = pacer.call('api', controller.signal).acquire();
    await clock.settle();
    expect(pacer.queued).toBe(1);
    controller.abort();
    await expect(queued).rejects.toBeInstanceOf(DOMException);
    await clock.run();
    expect(pacer.queued).toBe(0);
    expect(pacer.inFlight).toBe(0);
  });
});

describe('Pacer: learning the rate from 429 answers', () => {
  it('holds API calls until the reset the server named, then lets `limit` start per interval', async () => {
    const clock = new ManualClock();
    const pacer = new Pacer({ clock });
    expect((await acquireTurn(pacer, 'api')).release(rateLimited(3, 1000, 400))).toBe('wait');
    expect(pacer.limits).toEqual([{ limit: 3, intervalMs: 1000 }]);
    const starts: number[] = [];
    const all = Array.from({ length: 7 }, async () => {
      const permit = await acquireTurn(pacer, 'api');
      starts.push(clock.now());
      permit.release({ status: 200, headers: {} });
    });
    await clock.run();
    await Promise.all(all);
    // The window reopens at 400 (+ a 2 ms guard), then every 1000 ms; 3 starts each.
    expect(starts).toEqual([402, 402, 402, 1402, 1402, 1402, 2402]);
  });

  it('500 calls against a fixed-window server (25 per 400 ms): none fails, ≤ 1.2 × the ideal 8 s', async () => {
    const clock = new ManualClock();
    const server = new FixedWindowServer([{ limit: 25, interval: 400 }]);
    const { failures, elapsed } = await bulk(new Pacer({ clock }), clock, server, 500);
    expect(failures).toBe(0);
    expect(server.served).toBe(500);
    expect(elapsed).toBeLessThanOrEqual(1.2 * 8000);
    // Only the calls in flight when the limit was first hit (at most maxConcurrency) get a 429.
    expect(server.answered429).toBeLessThanOrEqual(pacerDefaults.maxConcurrency);
    expect(server.answered429).toBeGreaterThan(0);
  });

  it('2,000 calls at 100 per second: none fails, ≤ 1.2 × the ideal 20 s', async () => {
    const clock = new ManualClock();
    const server = new FixedWindowServer([{ limit: 100, interval: 1000 }], 555);
    const { failures, elapsed } = await bulk(new Pacer({ clock }), clock, server, 2000);
    expect(failures).toBe(0);
    expect(elapsed).toBeLessThanOrEqual(1.2 * 20_000);
    expect(server.answered429).toBeLessThanOrEqual(pacerDefaults.maxConcurrency);
  });

  it('follows the tighter of two limits (20 per second and 60 per 5 s)', async () => {
    const clock = new ManualClock();
    const server = new FixedWindowServer([
      { limit: 20, interval: 1000 },
      { limit: 60, interval: 5000 },
    ]);
    const pacer = new Pacer({ clock });
    const { failures, elapsed } = await bulk(pacer, clock, server, 240);
    expect(failures).toBe(0);
    // 60 per 5 s is the binding limit: 240 calls need 4 windows, the last one's 60 calls 3 s
    // at 20 per second: 18 s (+ the server's first, partial window).
    expect(elapsed).toBeLessThanOrEqual(1.2 * 18_000);
    expect(elapsed).toBeGreaterThanOrEqual(15_000);
    // One burst of 429s per limit learned, not one per window.
    expect(server.answered429).toBeLessThanOrEqual(2 * pacerDefaults.maxConcurrency);
  });

  it('of several 429s naming the same window end, trusts the earliest (the one that came back fastest)', async () => {
    const clock = new ManualClock();
    const pacer = new Pacer({ clock });
    const [a, b, c] = await Promise.all([acquireTurn(pacer, 'api'), acquireTurn(pacer, 'api'), acquireTurn(pacer, 'api')]);
    a.release(rateLimited(5, 1000, 500)); // window ends at 502 by this answer
    await clock.run(10);
    b.release(rateLimited(5, 1000, 480)); // ... at 492 by this one, 10 ms later: closer to the truth
    await clock.run(20);
    c.release(rateLimited(5, 1000, 490)); // ... at 512 by this slow one: ignored
    let started = -1;
    const next = acquireTurn(pacer, 'api').then(() => (started = clock.now()));
    await clock.run();
    await next;
    expect(started).toBe(492);
  });

  it('a burst let through when a longer window reopens does not spill into the next second', async () => {
    // The per-second window was learned from answers that took 100 ms to come back, the
    // per-5 s window from quick ones: the client's second turns 100 ms after the server's.
    // At 5 s the per-5 s window reopens; calls started then, in the client's old second,
    // and 100 ms later, in its new one, all land in the server's same second.
    const clock = new ManualClock();
    const server = new FixedWindowServer(
      [
        { limit: 20, interval: 1000 },
        { limit: 50, interval: 5000 },
      ],
      0,
    );
    const pacer = new Pacer({ clock });
    const results = Promise.all(
      Array.from({ length: 150 }, async () => {
        const call = pacer.call('api');
        for (;;) {
          const permit = (await call.acquire())!;
          const back = clock.now() < 1500 ? 100 : 2;
          await clock.sleep(1);
          const answer = server.handle(clock.now());
          await clock.sleep(back);
          if (permit.release(answer) !== 'wait') return answer.status;
        }
      }),
    );
    await clock.run();
    expect(new Set(await results)).toEqual(new Set([200]));
    // One burst per limit learned (at most maxConcurrency each), none at the rollovers.
    expect(server.answered429).toBeLessThanOrEqual(2 * pacerDefaults.maxConcurrency);
    expect(clock.time).toBeLessThanOrEqual(1.2 * 13_000);
  });

  it('without the pacer learning (each call on its own), the same server refuses most calls', async () => {
    // The baseline the pacer fixes: 3 attempts per call, each call waking at the same reset.
    const clock = new ManualClock();
    const server = new FixedWindowServer([{ limit: 25, interval: 400 }]);
    const outcomes = await Promise.all([
      clock.run(),
      ...Array.from({ length: 500 }, async () => {
        for (let attempt = 0; attempt < 3; attempt++) {
          const answer = server.handle(clock.now());
          if (answer.status === 200) return 'ok';
          await clock.sleep(Number(answer.headers['x-ratelimit-reset']));
        }
        return 'failed';
      }),
    ]);
    expect(outcomes.filter((outcome) => outcome === 'failed').length).toBeGreaterThan(300);
  });

  it('puts a call answered 429 back ahead of calls that came after it', async () => {
    const clock = new ManualClock();
    const pacer = new Pacer({ maxConcurrency: 1, clock });
    const early = pacer.call('api');
    const first = (await early.acquire())!;
    const { granted, permits } = trackGrants(pacer, 2);
    await clock.settle();
    expect(first.release(rateLimited(10, 1000, 100))).toBe('wait');
    const retry = early.acquire();
    await clock.run(50);
    expect(granted).toEqual([]);
    await clock.run(102);
    expect(await retry).toBeDefined();
    expect(granted).toEqual([]);
    expect(early.rateLimitWaitMs).toBe(102);
    (await retry)!.release();
    await clock.settle();
    expect(granted).toEqual([0]);
    permits[0]!.release();
  });

  it('a 429 without a window still holds every API call until its Retry-After', async () => {
    const clock = new ManualClock();
    const pacer = new Pacer({ clock });
    const answer = { status: 429, headers: { 'retry-after': '2' } };
    expect((await acquireTurn(pacer, 'api')).release(answer)).toBe('wait');
    expect(pacer.limits).toEqual([]);
    let started = -1;
    const next = acquireTurn(pacer, 'api').then(() => (started = clock.now()));
    await clock.run();
    await next;
    expect(started).toBe(2002);
  });

  it('a 429 with no wait at all holds for the exponential backoff', async () => {
    const clock = new ManualClock();
    const pacer = new Pacer({ clock });
    expect((await acquireTurn(pacer, 'api')).release({ status: 429, headers: {} })).toBe('wait');
    let started = -1;
    const next = acquireTurn(pacer, 'api').then(() => (started = clock.now()));
    await clock.run();
    await next;
    // First retry: 500 ms ± 25 %.
    expect(started).toBeGreaterThanOrEqual(375);
    expect(started).toBeLessThanOrEqual(627);
  });

  it('answers other than 429 teach nothing, even with rate-limit headers', async () => {
    const pacer = new Pacer({ clock: new ManualClock() });
    const success = { status: 200, headers: rateLimited(1, 1000, 900).headers };
    expect((await acquireTurn(pacer, 'api')).release(success)).toBe('done');
    expect((await acquireTurn(pacer, 'api')).release({ status: 503, headers: { 'retry-after': '5' } })).toBe('done');
    expect(pacer.limits).toEqual([]);
  });
});

describe('Pacer: uploads', () => {
  it('bypass the rate but count for concurrency', async () => {
    const clock = new ManualClock();
    const pacer = new Pacer({ maxConcurrency: 2, clock });
    (await acquireTurn(pacer, 'api')).release(rateLimited(1, 1000, 900));
    const api = trackGrants(pacer, 1, 'api');
    const uploads = trackGrants(pacer, 3, 'upload');
    await clock.settle();
    // The API call waits for the window; two uploads pass it, the third waits for a slot.
    expect(api.granted).toEqual([]);
    expect(uploads.granted).toEqual([0, 1]);
    expect(clock.time).toBe(0);
    uploads.permits[0]!.release();
    await clock.settle();
    expect(uploads.granted).toEqual([0, 1, 2]);
    await clock.run();
    expect(api.granted).toEqual([]); // no slot free yet
    uploads.permits[1]!.release();
    await clock.run();
    expect(api.granted).toEqual([0]);
    expect(clock.time).toBe(902);
  });

  it('a 429 on an upload teaches nothing', async () => {
    const pacer = new Pacer({ clock: new ManualClock() });
    expect((await acquireTurn(pacer, 'upload')).release(rateLimited(1, 1000, 900))).toBe('done');
    expect(pacer.limits).toEqual([]);
  });
});

describe('Pacer: relaxation', () => {
  it('forgets a limit after a full interval with no 429 and no call held back', async () => {
    const clock = new ManualClock();
    const pacer = new Pacer({ clock });
    (await acquireTurn(pacer, 'api')).release(rateLimited(2, 1000, 300));
    // Saturated: 6 calls need 3 windows, so the limit stays while they wait.
    const all = Array.from({ length: 6 }, async () => (await acquireTurn(pacer, 'api')).release());
    await clock.run();
    await Promise.all(all);
    expect(clock.time).toBe(2302);
    expect(pacer.limits).toEqual([{ limit: 2, intervalMs: 1000 }]);
    // A whole interval later with nothing held back, it is gone and calls start at once.
    await clock.run(clock.time + 1000);
    expect(pacer.limits).toEqual([]);
    const before = clock.time;
    await Promise.all(Array.from({ length: 5 }, async () => (await acquireTurn(pacer, 'api')).release()));
    expect(clock.time).toBe(before);
  });

  it('relaxes for a call that arrives after the quiet interval, without anything reading the limits first', async () => {
    const clock = new ManualClock();
    const pacer = new Pacer({ clock });
    (await acquireTurn(pacer, 'api')).release(rateLimited(2, 1000, 300));
    await clock.run(clock.time + 2000);
    let started = 0;
    const all = Promise.all(Array.from({ length: 5 }, async () => (await acquireTurn(pacer, 'api')).release(void started++)));
    await clock.settle();
    expect(started).toBe(5); // all at once, not 2 per window
    await clock.run();
    await all;
  });

  it('keeps a limit while calls are still held back by it', async () => {
    const clock = new ManualClock();
    const server = new FixedWindowServer([{ limit: 5, interval: 100 }]);
    const pacer = new Pacer({ clock });
    const results = Promise.all(Array.from({ length: 100 }, () => pacedCall(pacer, clock, server)));
    await clock.run(1000);
    expect(pacer.limits).toEqual([{ limit: 5, intervalMs: 100 }]);
    await clock.run();
    await results;
  });
});

describe('Pacer: the per-call bound on rate-limit waits', () => {
  it('gives up once a call has waited maxRateLimitWait after 429s', async () => {
    const clock = new ManualClock();
    const pacer = new Pacer({ clock, maxRateLimitWait: 5000 });
    const call = pacer.call('api');
    const verdicts: string[] = [];
    for (;;) {
      const pending = call.acquire();
      await clock.run(clock.time + 10_000);
      const permit = await pending;
      if (permit === undefined) break;
      const verdict = permit.release(rateLimited(10, 1000, 1000));
      verdicts.push(verdict);
      if (verdict === 'give-up') break;
    }
    // 1002 ms per wait (the floor of the next test stays below 1 s until the sixth 429): four
    // waits fit in 5 s, the fifth would not.
    expect(verdicts).toEqual(['wait', 'wait', 'wait', 'wait', 'give-up']);
    expect(call.rateLimitWaitMs).toBe(4 * 1002);
    expect(call.rateLimitWaitMs).toBeLessThanOrEqual(5000);
  });

  it('a server that answers 429 with a zero wait forever is asked with a doubling floor (0, 50, 100, 200 … ms up to 8 s), not in a loop', async () => {
    const clock = new ManualClock();
    const pacer = new Pacer({ clock, maxRateLimitWait: 60_000 });
    const call = pacer.call('api');
    const waits: number[] = [];
    let waited = 0;
    for (;;) {
      const pending = call.acquire();
      await clock.run(clock.time + 10_000);
      const permit = await pending;
      if (permit === undefined) break;
      // How long this re-send waited after the last 429 (the first send waited for none).
      waits.push(call.rateLimitWaitMs - waited);
      waited = call.rateLimitWaitMs;
      if (permit.release({ status: 429, headers: { 'retry-after': '0' } }) === 'give-up') break;
    }
    waits.shift();
    // Each wait is the floor plus the pacer's small guard after a window reopens.
    expect(waits.slice(0, 10).map((wait) => Math.round(wait / 10) * 10)).toEqual([0, 50, 100, 200, 400, 800, 1600, 3200, 6400, 8000]);
    expect(waits.length).toBeLessThan(20);
  });

  it('resolves the turn with undefined when the budget runs out while queued', async () => {
    const clock = new ManualClock();
    const pacer = new Pacer({ clock, maxRateLimitWait: 1000, maxConcurrency: 1 });
    const blocker = pacer.call('upload');
    const call = pacer.call('api');
    const permit = (await call.acquire())!;
    const blocking = blocker.acquire();
    expect(permit.release(rateLimited(10, 1000, 500))).toBe('wait');
    await clock.settle();
    // The earlier-ticketed retry waits behind a slot held for longer than its budget.
    const heldSlot = (await blocking)!;
    const turn = call.acquire();
    await clock.run(2000);
    await expect(turn).resolves.toBeUndefined();
    expect(clock.time).toBe(2000);
    expect(pacer.queued).toBe(0);
    heldSlot.release();
  });

  it('gives up at once on a server wait past the 60 s cap, and does not hold other calls', async () => {
    const clock = new ManualClock();
    const pacer = new Pacer({ clock });
    expect((await acquireTurn(pacer, 'api')).release(rateLimited(100, 3_600_000, 61_000))).toBe('give-up');
    expect(pacer.limits).toEqual([]);
    const next = acquireTurn(pacer, 'api');
    await clock.settle();
    await expect(next).resolves.toBeDefined();
    expect(clock.time).toBe(0);
  });

  it('with maxRateLimitWait: 0 every 429 gives up', async () => {
    const pacer = new Pacer({ clock: new ManualClock(), maxRateLimitWait: 0 });
    expect((await acquireTurn(pacer, 'api')).release(rateLimited(10, 1000, 10))).toBe('give-up');
  });

  it('a call may set its own bound', async () => {
    const pacer = new Pacer({ clock: new ManualClock(), maxRateLimitWait: 0 });
    const patient = (await pacer.call('api', undefined, 60_000).acquire())!;
    expect(patient.release(rateLimited(10, 1000, 10))).toBe('wait');
    const strict = (await new Pacer({ clock: new ManualClock() }).call('api', undefined, 5).acquire())!;
    expect(strict.release(rateLimited(10, 1000, 10))).toBe('give-up');
    expect(() => pacer.call('api', undefined, -1)).toThrow(/`maxRateLimitWait`/);
  });
});

describe('Pacer: default clock', () => {
  it('runs on the global timers (vitest fake timers drive it)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] });
    const pacer = new Pacer();
    (await acquireTurn(pacer, 'api')).release(rateLimited(1, 1000, 300));
    let started = false;
    const next = acquireTurn(pacer, 'api').then(() => (started = true));
    await vi.advanceTimersByTimeAsync(299);
    expect(started).toBe(false);
    await vi.advanceTimersByTimeAsync(5);
    await next;
    expect(started).toBe(true);
  });
});
