/**
 * @module testing/emulator/context
 * The per-emulator core (options, state, blobs, PRNGs) and the per-request context
 * every route handler receives.
 */
import type { ResolvedEmulatorOptions, FaultOptions } from './options.js';
import type { EmulatorState } from './types.js';
import { createRandom, seedTag, type SeededRandom } from './random.js';
import { createState } from './types.js';

/** Everything one emulator owns. */
export interface EmulatorCore {
  options: ResolvedEmulatorOptions;
  state: EmulatorState;
  blobs: Map<string, Uint8Array>;
  random: SeededRandom;
  faultRandom: SeededRandom;
  faults: FaultOptions;
  idPrefix: string;
  /**
   * CORS policy: the `access-control-allow-origin` value for a request's `Origin`, or
   * undefined to send no CORS headers. Absent: `*` (msw, in-process).
   */
  corsOrigin?: (origin: string | null) => string | undefined;
  /** Hook run after each mutating request (persistence). */
  afterMutation?: () => Promise<void>;
  /** Fixed rate-limit windows by `limit/intervalMs`: when each began and the calls counted in it. */
  rateWindows: Map<string, { start: number; count: number }>;
  /** Matching API requests seen by the `every` rate-limit fault. */
  faultCounter?: number;
}

/** What a route handler sees. */
export interface RequestContext {
  core: EmulatorCore;
  request: Request;
  url: URL;
  /** Path relative to the matched base (`/v1/files`, `/api/v1/files/upload`, …). */
  path: string;
  requestId: string;
}

/** Creates a fresh core. */
export function createCore(options: ResolvedEmulatorOptions, faults: FaultOptions): EmulatorCore {
  return {
    options,
    state: createState(),
    blobs: new Map(),
    random: createRandom(options.seed),
    faultRandom: createRandom(options.seed ^ 0x0fa17),
    faults,
    idPrefix: seedTag(options.seed),
    rateWindows: new Map(),
  };
}

/** Clears the state of a core in place (ids restart from the seed). */
export function resetCore(core: EmulatorCore): void {
  core.state = createState();
  core.blobs = new Map();
  core.random = createRandom(core.options.seed);
  core.faultRandom = createRandom(core.options.seed ^ 0x0fa17);
  core.rateWindows = new Map();
  core.faultCounter = 0;
}

/** Next deterministic 24-hex-character id. */
export function nextId(core: EmulatorCore): string {
  core.state.counter += 1;
  return core.idPrefix + core.state.counter.toString(16).padStart(16, '0');
}

/** Next ordering sequence number (tie-breaker for sorting by creation). */
export function nextSeq(core: EmulatorCore): number {
  core.state.seq += 1;
  return core.state.seq;
}

/** Current time as an ISO-8601 string. */
export function isoNow(core: EmulatorCore): string {
  return new Date(core.options.now()).toISOString();
}

/** A deterministic UUID-shaped id built from the id prefix and a number. */
export function uuidFrom(core: EmulatorCore, n: number): string {
  const hex = (core.idPrefix + n.toString(16).padStart(24, '0')).padStart(32, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
