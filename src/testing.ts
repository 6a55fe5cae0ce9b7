/**
 * @module imagekit-universal/testing
 * The ImageKit emulator for your own tests: an in-memory, behaviour-faithful fake of the
 * ImageKit API, as msw v2 handlers (`createEmulator`, anywhere msw runs) and as a
 * loopback HTTP server (`startEmulator`, Node). msw is an optional peer dependency and
 * is loaded only when `handlers` is used.
 */
export { createEmulator, type Emulator } from './testing/emulator/emulator.js';
export { startEmulator, type StartEmulatorOptions, type RunningEmulator } from './testing/emulator/server.js';
export type { EmulatorOptions, FaultOptions, FaultMatcher, RateLimitFault, RateLimitWindow } from './testing/emulator/options.js';
