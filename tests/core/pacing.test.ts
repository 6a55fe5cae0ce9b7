// Pacing through the real client: `ImageKit` with an injected `fetch` that is either a
// held server (answers only when the test says, so in-flight counts are observed
// server-side) or the emulator with its fixed-window `rateLimit` fault. Simulated time only.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ImageKit } from '../../src/client/imagekit.js';
import type { ClientOptions } from '../../src/core/context.js';
import { RateLimitError } from '../../src/errors.js';
import { createEmulator, type EmulatorOptions } from '../../src/testing.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const privateKey = 'private_emulator_key';
const flush = () => vi.advanceTimersByTimeAsync(0);
const json = (status = 200, headers: Record<string, string> = {}) =>
  new Response(status === 200 ? '{}' : '{"message":"Too many requests"}', { status, headers: { 'content-type': 'application/json', ...headers } });

/** A server that answers only when told: records every request and how many are in flight. */
function heldServer() {
  const seen: string[] = [];
  const waiting: Array<(response: Response) => void> = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const fetch = (input: Request | string | URL): Promise<Response> => {
    seen.push(new URL(input instanceof Request ? input.url : input).pathname);
    maxInFlight = Math.max(maxInFlight, ++inFlight);
    return new Promise((resolve) =>
      waiting.push((response) => {
        inFlight--;
        resolve(response);
      }),
    );
  };
  return {
    fetch,
    seen,
    get inFlight() {
      return inFlight;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    /** Answers the oldest `count` requests in flight. */
    async answer(count = Infinity, response: () => Response = () => json()) {
      for (const resolve of waiting.splice(0, count)) resolve(response());
      await flush();
    },
  };
}

/** The emulator on the fake clock, counting the 429s it sends. */
function emulatorServer(options: EmulatorOptions = {}) {
  const emulator = createEmulator({ now: () => Date.now(), ...options });
  const stats = { requests: 0, rateLimited: 0 };
  const fetch = async (input: Request | string | URL, init?: RequestInit): Promise<Response> => {
    stats.requests++;
    const response = await emulator.handle(new Request(input, init));
    if (response.status === 429) stats.rateLimited++;
    return response;
  };
  return { emulator, fetch, stats };
}

const client = (fetch: ClientOptions['fetch'], options: Partial<ClientOptions> = {}) => new ImageKit({ privateKey, fetch, ...options });

/** Settles `promises`, running simulated time until they have (or `limitMs` passed). */
async function settleAll<T>(promises: Array<Promise<T>>, limitMs = 120_000) {
  const results = Promise.allSettled(promises);
  let done = false;
  void results.then(() => (done = true));
  for (let elapsed = 0; !done && elapsed < limitMs; elapsed += 100) await vi.advanceTimersByTimeAsync(100);
  return results;
}

describe('the queue bound (maxConcurrency)', () => {
  it('never has more than maxConcurrency requests in flight, and every call completes in order of arrival', async () => {
    const server = heldServer();
    const imagekit = client(server.fetch, { maxConcurrency: 3 });
    const calls = Array.from({ length: 10 }, (_, index) => imagekit.getFileDetails(`file_${index}`));
    await flush();
    expect(server.inFlight).toBe(3);
    while (server.seen.length < 10 || server.inFlight > 0) await server.answer(1);
    const results = await Promise.allSettled(calls);
    expect(results.every((result) => result.status === 'fulfilled')).toBe(true);
    expect(server.maxInFlight).toBe(3);
    expect(server.seen).toEqual(Array.from({ length: 10 }, (_, index) => `/v1/files/file_${index}/details`));
  });

  it('is 16 by default; Infinity turns it off', async () => {
    const bounded = heldServer();
    const byDefault = client(bounded.fetch);
    const first = Array.from({ length: 40 }, (_, index) => byDefault.getFileDetails(`f${index}`));
    await flush();
    expect(bounded.inFlight).toBe(16);
    const unbounded = heldServer();
    const off = client(unbounded.fetch, { maxConcurrency: Infinity });
    const second = Array.from({ length: 40 }, (_, index) => off.getFileDetails(`f${index}`));
    await flush();
    expect(unbounded.inFlight).toBe(40);
    while (bounded.inFlight > 0) await bounded.answer();
    await unbounded.answer();
    await Promise.all([...first, ...second]);
  });

  it('rejects a bad maxConcurrency or maxRateLimitWait, naming the option', () => {
    for (const bad of [0, -1, 1.5, Number.NaN, '4']) {
      expect(() => client(undefined, { maxConcurrency: bad as number })).toThrow(/`maxConcurrency`/);
    }
    for (const bad of [-1, Number.NaN, '10']) {
      expect(() => client(undefined, { maxRateLimitWait: bad as number })).toThrow(/`maxRateLimitWait`/);
    }
  });
});

describe('abort while queued', () => {
  it('leaves the queue at once with signal.reason; the calls behind it proceed', async () => {
    const server = heldServer();
    const imagekit = client(server.fetch, { maxConcurrency: 1 });
    const first = imagekit.getFileDetails('first');
    const controller = new AbortController();
    const reason = new Error('no longer needed');
    const queued = imagekit.getFileDetails('queued', { signal: controller.signal }).catch((error: unknown) => error);
    const behind = imagekit.getFileDetails('behind');
    await flush();
    controller.abort(reason);
    expect(await queued).toBe(reason); // while `first` is still in flight
    expect(server.seen).toEqual(['/v1/files/first/details']);
    await server.answer();
    await server.answer();
    await Promise.all([first, behind]);
    expect(server.seen).toEqual(['/v1/files/first/details', '/v1/files/behind/details']);
  });
});

describe('the per-attempt timeout', () => {
  it('starts when the attempt starts: a call queued longer than its timeout still succeeds', async () => {
    const sentAt: Record<string, number> = {};
    const start = Date.now();
    const fetch = (input: Request | string | URL, init?: RequestInit): Promise<Response> => {
      const path = new URL(input instanceof Request ? input.url : input).pathname;
      sentAt[path] = Date.now() - start;
      const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => resolve(json()), path.includes('slow') ? 5000 : 500);
        signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(signal.reason);
        });
      });
    };
    const imagekit = client(fetch, { maxConcurrency: 1, timeout: 1000 });
    const slow = imagekit.getFileDetails('slow', { timeout: 10_000 });
    const queued = imagekit.getFileDetails('queued', { maxRetries: 0 });
    const results = await settleAll([slow, queued]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled']);
    // It waited 5 s in the queue, five times its timeout, then had its own 1 s.
    expect(sentAt['/v1/files/queued/details']).toBeGreaterThanOrEqual(5000);
  });
});

describe('rate limits', () => {
  const window = { limit: 2, intervalMs: 1000 };

  it('a 429 wait does not use up maxRetries (maxRetries: 0 and a 429 still succeeds)', async () => {
    const { fetch, stats } = emulatorServer({ faults: { rateLimit: { limit: 1, intervalMs: 1000 } } });
    const imagekit = client(fetch, { maxRetries: 0 });
    const results = await settleAll([imagekit.listFiles(), imagekit.listFiles(), imagekit.listFiles()]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    expect(stats.rateLimited).toBeGreaterThanOrEqual(1);
  });

  it('a server that always answers 429 gives a RateLimitError once maxRateLimitWait is spent', async () => {
    let requests = 0;
    const fetch = () => {
      requests++;
      return Promise.resolve(
        json(429, { 'x-ratelimit-limit': '10', 'x-ratelimit-interval': '1000', 'x-ratelimit-reset': '1000', 'retry-after': '1' }),
      );
    };
    const start = Date.now();
    const [byClient] = await settleAll([client(fetch, { maxRateLimitWait: 3000 }).listFiles()]);
    const clientMs = Date.now() - start;
    expect(byClient.status === 'rejected' && byClient.reason).toBeInstanceOf(RateLimitError);
    expect(requests).toBeGreaterThan(1);
    expect(requests).toBeLessThanOrEqual(5);
    expect(clientMs).toBeLessThanOrEqual(3000 + 100);
    // The request option overrides the client's bound.
    requests = 0;
    const [byCall] = await settleAll([client(fetch, { maxRateLimitWait: 3000 }).listFiles({}, { maxRateLimitWait: 0 })]);
    expect(byCall.status === 'rejected' && byCall.reason).toBeInstanceOf(RateLimitError);
    expect(requests).toBe(1);
  });

  it('withOptions copies share one pacer: a limit learned by one paces the other', async () => {
    const { emulator, fetch, stats } = emulatorServer({ faults: { rateLimit: window } });
    const parent = client(fetch);
    const copy = parent.withOptions({ timeout: 5000 });
    // The parent learns the limit: its third call is answered 429 (and is retried later).
    const learning = [parent.listFiles(), parent.listFiles(), parent.listFiles()];
    await flush();
    expect(stats.rateLimited).toBe(1);
    // The copy's calls wait for the next window instead of being sent to fail.
    const paced = [copy.listFiles(), copy.listFiles(), copy.listFiles()];
    await flush();
    expect(stats.requests).toBe(3);
    const results = await settleAll([...learning, ...paced]);
    expect(results.every((result) => result.status === 'fulfilled')).toBe(true);
    expect(stats.rateLimited).toBe(1);
    // Control: an independent client (its own pacer) learns nothing from the parent.
    emulator.setFaults({ rateLimit: window });
    await vi.advanceTimersByTimeAsync(window.intervalMs);
    const before = stats.rateLimited;
    await parent.listFiles();
    await parent.listFiles();
    await settleAll([parent.listFiles(), client(fetch).listFiles()]);
    expect(stats.rateLimited).toBeGreaterThan(before);
  });

  it('a copy cannot change maxConcurrency; the same value is allowed', () => {
    const parent = client(undefined, { maxConcurrency: 4 });
    expect(() => parent.withOptions({ maxConcurrency: 8 })).toThrow(TypeError);
    expect(() => parent.withOptions({ maxConcurrency: 8 })).toThrow(/`maxConcurrency`/);
    expect(() => parent.withOptions({ maxConcurrency: 4 })).not.toThrow();
  });

  it('relaxes after an unthrottled interval: a burst is sent at once again', async () => {
    const { emulator, fetch, stats } = emulatorServer({ faults: { rateLimit: window } });
    const imagekit = client(fetch);
    await settleAll([imagekit.listFiles(), imagekit.listFiles(), imagekit.listFiles()]);
    expect(stats.rateLimited).toBe(1);
    // Still throttled right after: of a burst of 4, only the window's 2 are sent now.
    const sentBefore = stats.requests;
    const throttled = [imagekit.listFiles(), imagekit.listFiles(), imagekit.listFiles(), imagekit.listFiles()];
    await flush();
    expect(stats.requests - sentBefore).toBeLessThanOrEqual(window.limit);
    await settleAll(throttled);
    // The limit goes away; after a full interval without pressure the pacer forgets it.
    emulator.setFaults({});
    await vi.advanceTimersByTimeAsync(2 * window.intervalMs);
    const sentAfter = stats.requests;
    const burst = Array.from({ length: 6 }, () => imagekit.listFiles());
    await flush();
    expect(stats.requests - sentAfter).toBe(6);
    await Promise.all(burst);
  });

  it("200 calls in one Promise.all against the emulator's fixed window all succeed", async () => {
    const { fetch, stats } = emulatorServer({ faults: { rateLimit: { limit: 25, intervalMs: 400 } } });
    const imagekit = client(fetch);
    const results = await settleAll(Array.from({ length: 200 }, () => imagekit.listFiles()));
    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    // Only the first window's overflow is refused: once learned, the pacer stays under the limit.
    expect(stats.rateLimited).toBeLessThanOrEqual(16);
  });
});

describe('uploads', () => {
  it('bypass the rate pacing but count for maxConcurrency', async () => {
    const server = heldServer();
    const imagekit = client(server.fetch, { maxConcurrency: 2 });
    // Teach the pacer a limit that holds API calls back for 30 s.
    const taught = imagekit.getFileDetails('a');
    await flush();
    await server.answer(1, () => json(429, { 'x-ratelimit-limit': '1', 'x-ratelimit-interval': '60000', 'x-ratelimit-reset': '30000' }));
    const api = imagekit.getFileDetails('b');
    const uploads = [1, 2, 3].map((n) => imagekit.uploadFile({ file: new Uint8Array([n]), fileName: `${n}.bin` }));
    await flush();
    // The API calls wait for the window; two uploads take both slots at once, the third waits for a slot.
    expect(server.seen.slice(1)).toEqual(['/api/v1/files/upload', '/api/v1/files/upload']);
    expect(server.inFlight).toBe(2);
    await server.answer(1);
    expect(server.seen.slice(1)).toEqual(['/api/v1/files/upload', '/api/v1/files/upload', '/api/v1/files/upload']);
    await server.answer();
    await Promise.all(uploads);
    expect(server.seen).toHaveLength(4); // the API calls are still waiting for their window
    let settled = false;
    const rest = Promise.allSettled([taught, api]).finally(() => (settled = true));
    for (let i = 0; i < 60 && !settled; i++) {
      await vi.advanceTimersByTimeAsync(5000);
      await server.answer();
    }
    expect((await rest).map((result) => result.status)).toEqual(['fulfilled', 'fulfilled']);
  });
});
