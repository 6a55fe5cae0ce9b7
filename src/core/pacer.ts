/**
 * @module core/pacer
 * Client-side pacing for one ImageKit account: a FIFO queue, a concurrency bound, and a
 * rate pacer that learns the account's limits from 429 answers.
 *
 * One {@link Pacer} belongs to one client and is shared by every `withOptions` copy of it,
 * because the API counts calls per account, not per client object. The request engine
 * asks for a turn before each attempt and hands the answer back when the attempt ends:
 *
 * ```ts
 * const call = pacer.call('api', signal);
 * for (let attempt = 0; ; ) {
 *   const permit = await call.acquire();          // rejects with signal.reason on abort
 *   if (permit === undefined) throw lastRateLimit; // the call's total rate-limit wait ran out
 *   const answer = await send();                   // the per-attempt timeout starts here
 *   const verdict = permit.release(answer);       // frees the slot, teaches the pacer
 *   if (verdict === 'wait') { lastRateLimit = error; continue; } // a 429: not counted as a retry
 *   ...
 * }
 * ```
 *
 * Design choices:
 * - **Fixed windows aligned on the server's reset.** ImageKit answers a 429 with
 *   `X-RateLimit-Limit` (calls per window), `X-RateLimit-Interval` (window length, ms) and
 *   `X-RateLimit-Reset` (ms until the current window ends). The pacer places its window
 *   boundary where the server said its window ends, then lets at most `limit` calls start
 *   per `interval`. A sliding window would also keep under the limit, but it ignores where
 *   the server's window starts: its bursts land mid-window, half of them in a window that
 *   is already spent. A fixed window not aligned on the reset has the same flaw. Every new
 *   429 re-anchors the window, so drift (timer lateness, latency) corrects itself.
 * - **Several limits at once.** An endpoint may be limited per second and per minute. Each
 *   `X-RateLimit-Interval` value gets its own window; a call starts only when every window
 *   has room, so the tighter limit always wins.
 * - **Only 429s teach.** Success answers may carry no rate-limit headers, and a limit without
 *   the count of calls left says nothing about the current window.
 * - **Rate-limit waits are not failures.** A call answered 429 goes back to its original place
 *   in the queue (ahead of calls that came after it), waits for the window the server named,
 *   and its retry does not use up `maxRetries`. The wait is bounded per call by
 *   {@link PacerOptions.maxRateLimitWait}, and no single wait may pass the server-wait cap
 *   of the retry timing (60 s): past either, the call gives up with its 429.
 * - **Relaxation.** When a full learned interval passes with no 429 and no call held back
 *   by the rate, the window is forgotten: the demand is under the limit, and limits change.
 *   A later 429 teaches it again, at the cost of a few answers that are retried for free.
 * - **Uploads** are not rate-limited by ImageKit: they share the concurrency bound and the
 *   queue, but never wait for a rate window, and their answers teach nothing.
 */
import { retryTiming, retryWait, serverRetryDelay } from './retry.js';

/** What a turn is for: `api` calls are paced by the learned rate; `upload` calls only by the concurrency bound. */
export type PaceKind = 'api' | 'upload';

/**
 * Time source and timers of a {@link Pacer}. Injected in tests so that simulated time can
 * run instantly; the default reads `performance.now()` (monotonic) and uses the global
 * `setTimeout` / `clearTimeout`, looked up at call time.
 */
export interface PacerClock {
  /** Current time in milliseconds; only differences are used. */
  now(): number;
  /** Calls `callback` once after `ms` milliseconds; returns a handle for {@link PacerClock.clearTimeout}. */
  setTimeout(callback: () => void, ms: number): unknown;
  /** Cancels a timer made by {@link PacerClock.setTimeout}. */
  clearTimeout(handle: unknown): void;
}

/** Options of a {@link Pacer}. */
export interface PacerOptions {
  /**
   * Most attempts in flight at once for the account (API calls and uploads together);
   * `Infinity` turns the bound off. 16 keeps a `Promise.all` over thousands of ids to a
   * handful of sockets (Node's `fetch` otherwise opens one per request), stays well under
   * the 100 streams an HTTP/2 connection usually allows, and still sustains about 80 calls
   * per second at a 200 ms round trip, more than a per-second API limit lets through.
   * (Browsers and Cloudflare Workers queue beyond 6 connections per host on their own.)
   * @default 16
   */
  maxConcurrency?: number | undefined;
  /**
   * Total time one call may spend waiting after 429 answers before it gives up and the
   * `RateLimitError` is thrown; `Infinity` waits as long as the server asks. Waiting for its
   * turn before the first 429 does not count: that is queueing, not being refused.
   * @default 300000 (5 minutes)
   * @unit milliseconds
   */
  maxRateLimitWait?: number | undefined;
  /** Time source and timers; for tests. */
  clock?: PacerClock | undefined;
}

/** The defaults of {@link PacerOptions}. */
export const pacerDefaults = { maxConcurrency: 16, maxRateLimitWait: 300_000 } as const;

/** The answer to one attempt, as the engine saw it. Header names in lower case. */
export interface PacerAnswer {
  /** HTTP status. */
  status: number;
  /** Response headers, names in lower case (as `headersToRecord` produces them). */
  headers: Readonly<Record<string, string>>;
}

/**
 * What the engine does after an attempt:
 * - `done`: the answer was not a 429 of a paced call; carry on as usual.
 * - `wait`: a 429 the call may wait out: retry it; the next `acquire()` waits for the
 *   account's window, and the retry does not count against `maxRetries`.
 * - `give-up`: a 429 whose wait passes the 60 s cap or what is left of the call's
 *   `maxRateLimitWait`: throw the `RateLimitError` now instead of waiting to fail.
 */
export type PacerVerdict = 'done' | 'wait' | 'give-up';

/** One attempt's turn. Release it exactly once when the attempt ends (later calls do nothing). */
export interface PacerPermit {
  /**
   * Frees the slot and lets the next call in the queue start. Pass the answer when there was
   * one: a 429 teaches the pacer the account's limits and tells the engine what to do.
   */
  release(answer?: PacerAnswer): PacerVerdict;
}

/** One logical call (all its attempts) in a {@link Pacer}'s queue. */
export interface PacedCall {
  /**
   * Waits for the call's turn: its place in the queue (which a retry keeps), a free slot
   * under `maxConcurrency` and, for API calls, room in every learned window.
   * Resolves with a permit, or with `undefined` when the call's total rate-limit wait
   * ran out while it was queued (the engine then throws the last `RateLimitError`).
   * Rejects with the call's `signal.reason`, unchanged, as soon as the signal aborts.
   * A signal that aborts after the turn was granted does not take it back: the engine
   * checks `signal.aborted` when it resumes and releases the permit if so.
   */
  acquire(): Promise<PacerPermit | undefined>;
  /** Milliseconds this call has spent waiting after 429 answers so far. */
  readonly rateLimitWaitMs: number;
}

/** A learned limit: at most `limit` starts in each window of `interval` ms beginning at `start`. */
interface RateWindow {
  limit: number;
  interval: number;
  start: number;
  count: number;
  /** Duration of the attempt whose 429 placed the window: its end may be up to this much early. */
  slack: number;
}

interface Waiter {
  call: CallState;
  resolve(permit: PacerPermit | undefined): void;
  reject(reason: unknown): void;
  cleanup(): void;
}

interface CallState {
  readonly kind: PaceKind;
  readonly maxRateLimitWait: number;
  readonly ticket: number;
  readonly signal: AbortSignal | undefined;
  /** Time of the last 429 not yet followed by a start, or undefined. */
  rateLimitedAt: number | undefined;
  rateLimitWaitMs: number;
  rateLimits: number;
}

/**
 * A call released right at the reported reset may reach the server a hair before its
 * window turns (timers round, clocks tick on different cores); starting this long after
 * it costs little and avoids that.
 */
const resetGuardMs = 2;

/** The least wait before a call's third send after 429s, doubled for each further 429 (see `#rateLimited`). */
const rateLimitFloorMs = 50;
const maxTimerMs = 2_147_483_647;

const defaultClock: PacerClock = {
  now: () => (typeof performance === 'undefined' ? Date.now() : performance.now()),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

function headerInteger(headers: Readonly<Record<string, string>>, name: string): number | undefined {
  const value = headers[name]?.trim();
  if (!value || !/^\d+$/.test(value)) return undefined;
  const number = Number(value);
  return number > 0 && Number.isSafeInteger(number) ? number : undefined;
}

/**
 * A checked `maxRateLimitWait` (client, request or pacer option).
 * @throws {RangeError} unless a non-negative number of milliseconds or `Infinity`.
 */
export function rateLimitWaitOption(wait: number): number {
  if (typeof wait !== 'number' || Number.isNaN(wait) || wait < 0) {
    throw new RangeError('The `maxRateLimitWait` option must be a non-negative number of milliseconds or Infinity');
  }
  return wait;
}

/**
 * The queue, concurrency bound and rate pacer of one account. See the module comment for
 * the design; {@link Pacer.call} is the engine's entry point.
 */
export class Pacer {
  /** The concurrency bound in force (`Infinity` when off). */
  readonly maxConcurrency: number;
  /** The per-call bound on waits after 429 answers, in milliseconds. */
  readonly maxRateLimitWait: number;
  readonly #clock: PacerClock;
  readonly #queue: Waiter[] = [];
  readonly #windows = new Map<number, RateWindow>();
  #inFlight = 0;
  /** Queued waiters per kind, so that no pass over the queue is needed to know. */
  readonly #queuedKinds: Record<PaceKind, number> = { api: 0, upload: 0 };
  #nextTicket = 0;
  /** API calls may not start before this time (a 429 that named a wait but no window). */
  #blockedUntil = -Infinity;
  /** Last time the rate mattered: a 429 arrived or an API call was held back by a window. */
  #lastPressure = -Infinity;
  #timer: unknown;
  #timerAt = Infinity;
  /** Smoothed duration of API attempts that got an answer (ms); 0 until one did. */
  #roundTrip = 0;

  /**
   * @throws {RangeError} when `maxConcurrency` is not a positive integer or `Infinity`, or
   * `maxRateLimitWait` is not a non-negative number.
   */
  constructor(options: PacerOptions = {}) {
    const concurrency = options.maxConcurrency ?? pacerDefaults.maxConcurrency;
    if (concurrency !== Infinity && (!Number.isInteger(concurrency) || concurrency < 1)) {
      throw new RangeError('The `maxConcurrency` option must be a positive integer or Infinity');
    }
    this.maxConcurrency = concurrency;
    this.maxRateLimitWait = rateLimitWaitOption(options.maxRateLimitWait ?? pacerDefaults.maxRateLimitWait);
    this.#clock = options.clock ?? defaultClock;
  }

  /** Attempts in flight now (API calls and uploads). */
  get inFlight(): number {
    return this.#inFlight;
  }

  /** Calls waiting for their turn now. */
  get queued(): number {
    return this.#queue.length;
  }

  /** The limits learned and still in force, tightest interval first. */
  get limits(): ReadonlyArray<{ readonly limit: number; readonly intervalMs: number }> {
    this.#relax(this.#clock.now());
    return [...this.#windows.values()]
      .sort((a, b) => a.interval - b.interval)
      .map((window) => ({ limit: window.limit, intervalMs: window.interval }));
  }

  /**
   * Starts tracking one logical call. Its place in the queue is fixed now: retries of the
   * call go ahead of calls that started after it. `maxRateLimitWait` overrides the pacer's
   * bound for this call (a per-call request option).
   * @throws {RangeError} when `maxRateLimitWait` is not a non-negative number.
   */
  call(kind: PaceKind, signal?: AbortSignal, maxRateLimitWait: number = this.maxRateLimitWait): PacedCall {
    const state: CallState = {
      maxRateLimitWait: rateLimitWaitOption(maxRateLimitWait),
      kind,
      ticket: this.#nextTicket++,
      signal,
      rateLimitedAt: undefined,
      rateLimitWaitMs: 0,
      rateLimits: 0,
    };
    return {
      acquire: () => this.#acquire(state),
      get rateLimitWaitMs() {
        return state.rateLimitWaitMs;
      },
    };
  }

  #acquire(call: CallState): Promise<PacerPermit | undefined> {
    const { signal } = call;
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<PacerPermit | undefined>((resolve, reject) => {
      let deadline: unknown;
      const leave = (): void => {
        const index = this.#queue.indexOf(waiter);
        if (index >= 0) {
          this.#queue.splice(index, 1);
          this.#queuedKinds[call.kind]--;
        }
        waiter.cleanup();
      };
      const onAbort = (): void => {
        leave();
        reject(signal?.reason);
      };
      const waiter: Waiter = {
        call,
        resolve,
        reject,
        cleanup: () => {
          signal?.removeEventListener('abort', onAbort);
          if (deadline !== undefined) this.#clock.clearTimeout(deadline);
          deadline = undefined;
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      if (call.rateLimitedAt !== undefined && call.maxRateLimitWait !== Infinity) {
        const left = call.maxRateLimitWait - call.rateLimitWaitMs - (this.#clock.now() - call.rateLimitedAt);
        deadline = this.#clock.setTimeout(
          () => {
            leave();
            resolve(undefined);
          },
          Math.min(Math.max(left, 0), maxTimerMs),
        );
      }
      // Relax before queueing: a call that just arrived has not been held back yet, and
      // counting it as pressure would keep a stale limit alive for as long as calls come.
      this.#relax(this.#clock.now());
      // Keep ticket order: a retry goes back ahead of calls that came after it.
      let index = this.#queue.length;
      while (index > 0 && this.#queue[index - 1]!.call.ticket > call.ticket) index--;
      this.#queue.splice(index, 0, waiter);
      this.#queuedKinds[call.kind]++;
      this.#pump();
    });
  }

  /** Starts every waiter that may start now, in queue order, and arms the timer for the rest. */
  #pump(): void {
    const now = this.#clock.now();
    this.#relax(now);
    let apiReady = this.#apiReadyAt(now);
    for (let index = 0; index < this.#queue.length && this.#inFlight < this.maxConcurrency;) {
      const waiter = this.#queue[index]!;
      if (waiter.call.kind === 'api' && apiReady > now) {
        // Held back by the rate; uploads further back may still use the free slot.
        this.#lastPressure = now;
        if (this.#queuedKinds.upload === 0) break;
        index++;
        continue;
      }
      this.#queue.splice(index, 1);
      this.#queuedKinds[waiter.call.kind]--;
      waiter.cleanup();
      waiter.resolve(this.#start(waiter.call, now));
      if (waiter.call.kind === 'api') apiReady = this.#apiReadyAt(now);
    }
    this.#arm(now, apiReady);
  }

  #arm(now: number, apiReady: number): void {
    const needed = apiReady > now && this.#inFlight < this.maxConcurrency && this.#queuedKinds.api > 0;
    const at = needed ? apiReady : Infinity;
    if (at === this.#timerAt) return;
    if (this.#timer !== undefined) this.#clock.clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#timerAt = at;
    if (at === Infinity) return;
    this.#timer = this.#clock.setTimeout(
      () => {
        this.#timer = undefined;
        this.#timerAt = Infinity;
        this.#pump();
      },
      Math.min(Math.ceil(at - now), maxTimerMs),
    );
  }

  #start(call: CallState, now: number): PacerPermit {
    this.#inFlight++;
    if (call.kind === 'api') {
      for (const window of this.#windows.values()) {
        this.#roll(window, now);
        window.count++;
      }
    }
    if (call.rateLimitedAt !== undefined) {
      call.rateLimitWaitMs += now - call.rateLimitedAt;
      call.rateLimitedAt = undefined;
    }
    let released = false;
    return {
      release: (answer) => {
        if (released) return 'done';
        released = true;
        this.#inFlight--;
        const took = this.#clock.now() - now;
        if (call.kind === 'api' && answer !== undefined) {
          this.#roundTrip = this.#roundTrip === 0 ? took : 0.8 * this.#roundTrip + 0.2 * took;
        }
        const verdict = call.kind === 'api' && answer?.status === 429 ? this.#rateLimited(call, answer.headers, took) : 'done';
        this.#pump();
        return verdict;
      },
    };
  }

  /** Moves a window forward to the one holding `now`. */
  #roll(window: RateWindow, now: number): void {
    if (now < window.start + window.interval) return;
    window.start += Math.floor((now - window.start) / window.interval) * window.interval;
    window.count = 0;
  }

  /** Earliest time from `now` at which an API call may start. */
  #apiReadyAt(now: number): number {
    let at = Math.max(now, this.#blockedUntil);
    for (let changed = true; changed;) {
      changed = false;
      for (const window of this.#windows.values()) {
        const end = window.start + window.interval;
        // The window may end up to `slack` earlier than the pacer thinks, and a call reaches
        // the server some time after it starts: one started in that tail would be counted in
        // the server's next window, taking the place of a call released at its start.
        const tail = Math.min(window.slack + this.#roundTrip, window.interval / 4);
        if (at < end && (window.count >= window.limit || at >= end - tail)) {
          at = end;
          changed = true;
        }
      }
    }
    if (at - now > retryTiming.maxServerWaitMs + resetGuardMs) {
      // Never hold a call longer than one server wait may last: such a call is sent, and
      // its 429 is handed to the caller, as a wait that long would be.
      this.#windows.clear();
      this.#blockedUntil = -Infinity;
      return now;
    }
    return at;
  }

  /** Forgets every window whose whole interval passed without a 429 or an API call waiting. */
  #relax(now: number): void {
    // An API call still waiting is pressure that lasts until it starts.
    if (this.#queuedKinds.api > 0) this.#lastPressure = now;
    for (const [interval, window] of this.#windows) {
      if (now - this.#lastPressure >= interval && now >= window.start) this.#windows.delete(interval);
    }
  }

  /** Learns from a 429 and decides whether the call waits for its next turn. */
  #rateLimited(call: CallState, headers: Readonly<Record<string, string>>, took: number): PacerVerdict {
    const now = this.#clock.now();
    call.rateLimits++;
    const limit = headerInteger(headers, 'x-ratelimit-limit');
    const interval = headerInteger(headers, 'x-ratelimit-interval');
    // The server's wait, but from a call's second 429 on at least rateLimitFloorMs, doubling
    // per 429 up to 8 s: a real window's wait is used as it is, while a server answering 429
    // with `Retry-After: 0` forever is asked about 45 times in five minutes, not thousands.
    const serverWait = serverRetryDelay(headers);
    const floor = call.rateLimits > 1 ? Math.min(rateLimitFloorMs * 2 ** (call.rateLimits - 2), retryTiming.capMs) : 0;
    const wait = serverWait === undefined ? retryWait(call.rateLimits)! : Math.max(serverWait, floor);
    if (wait > retryTiming.maxServerWaitMs) return 'give-up';
    this.#lastPressure = now;
    const reopens = now + wait + resetGuardMs;
    const hasReset = /^\d+$/.test(headers['x-ratelimit-reset']?.trim() ?? '');
    if (limit !== undefined && interval !== undefined && hasReset) {
      // The server's current window ends at `reopens` at the latest: the answer took some time
      // to come back. Of several 429s naming the same window end, the earliest is the closest.
      let end = reopens;
      let slack = took;
      const known = this.#windows.get(interval);
      if (known !== undefined) {
        this.#roll(known, now);
        const knownEnd = known.start + known.interval;
        if (Math.abs(knownEnd - reopens) < interval / 2 && knownEnd < reopens) {
          end = knownEnd;
          slack = known.slack;
        }
      }
      this.#windows.set(interval, { limit, interval, start: end - interval, count: limit, slack });
    } else {
      this.#blockedUntil = Math.max(this.#blockedUntil, reopens);
    }
    const hold = this.#apiReadyAt(now) - now;
    if (call.rateLimitWaitMs + hold > call.maxRateLimitWait) return 'give-up';
    call.rateLimitedAt = now;
    return 'wait';
  }
}
