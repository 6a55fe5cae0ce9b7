/**
 * @module testing/emulator/emulator
 * `createEmulator`: an in-memory ImageKit API with a `handle(request)` core and msw
 * handlers.
 */
import type { HttpHandler } from 'msw';
import { createCore, resetCore, type EmulatorCore } from './context.js';
import { resolveOptions, type EmulatorOptions, type FaultOptions } from './options.js';
import { dispatch } from './dispatch.js';
import { fileObject, folderObject } from './serialize.js';
import { buildHandlers, loadMswSync, type MswModule } from './msw-adapter.js';
import { checkOptionKeys } from '../../internal/options.js';

/** An in-memory ImageKit emulator. */
export interface Emulator {
  /**
   * msw v2 handlers (`setupServer(...emulator.handlers)`) for the API base, the upload
   * base and the URL endpoint. In Node ≥ 20.16 msw is loaded on first access; elsewhere
   * pass `msw` in the options or `await emulator.loadHandlers()` first.
   * @throws {Error} when msw cannot be loaded synchronously and was not provided.
   */
  readonly handlers: HttpHandler[];
  /** Loads msw with a dynamic `import('msw')` (works in every ESM runtime) and returns the handlers. */
  loadHandlers(): Promise<HttpHandler[]>;
  /** Answers one request (the whole emulator behind a `fetch`-shaped function). */
  handle(request: Request): Promise<Response>;
  /** A `fetch` function served by the emulator (for `ImageKit({ fetch })` and friends). */
  fetch: typeof fetch;
  /** Clears every file, folder, field, job and used token; ids restart from the seed. */
  reset(): void;
  /** The File objects of all current files, in creation order. */
  files(): Array<Record<string, unknown>>;
  /** The File object of one file, or undefined. */
  getFile(fileId: string): Record<string, unknown> | undefined;
  /** The stored bytes of a file's current version, or undefined. */
  getFileBytes(fileId: string): Uint8Array | undefined;
  /** The Folder objects of all folders. */
  folders(): Array<Record<string, unknown>>;
  /** Tokens already used by client-side uploads. */
  usedTokens(): string[];
  /** Private API key accepted by the emulator. */
  readonly privateKey: string;
  /** Public API key accepted by the emulator. */
  readonly publicKey: string;
  /** URL endpoint files are served from (no trailing slash). */
  readonly urlEndpoint: string;
  /** Current fault settings (assignable). */
  faults: FaultOptions;
  /** Replaces the fault settings. */
  setFaults(faults: FaultOptions): void;
  /** The raw core (state, blobs, PRNGs). Internal; shape may change. */
  readonly core: EmulatorCore;
}

/** Every key of {@link EmulatorOptions}, for the unknown-option check. */
const emulatorOptionKeys: readonly string[] = [
  'privateKey',
  'publicKey',
  'urlEndpoint',
  'apiBaseUrl',
  'uploadBaseUrl',
  'seed',
  'now',
  'faults',
  'pendingReads',
  'purgeQuota',
  'maxBodyBytes',
  'fetch',
  'msw',
];

/**
 * Creates an in-memory ImageKit emulator.
 * @throws {TypeError} for malformed URL options, empty keys or an unknown option.
 * @example
 * const emulator = createEmulator();
 * const server = setupServer(...emulator.handlers);
 * server.listen({ onUnhandledRequest: 'error' });
 */
export function createEmulator(options: EmulatorOptions = {}): Emulator {
  checkOptionKeys(options, emulatorOptionKeys, 'createEmulator');
  const core = createCore(resolveOptions(options), { ...options.faults });
  let handlers: HttpHandler[] | undefined;
  const handle = (request: Request): Promise<Response> => dispatch(core, request);
  const emulator: Emulator = {
    get handlers(): HttpHandler[] {
      if (handlers !== undefined) return handlers;
      const msw = (options.msw as MswModule | undefined) ?? loadMswSync();
      if (msw === undefined) {
        throw new Error('msw could not be loaded synchronously: pass `msw` to createEmulator() or `await emulator.loadHandlers()` first');
      }
      handlers = buildHandlers(core, msw, handle);
      return handlers;
    },
    async loadHandlers() {
      if (handlers === undefined) {
        const specifier = 'msw';
        const msw = (options.msw as MswModule | undefined) ?? ((await import(/* @vite-ignore */ specifier)) as MswModule);
        handlers = buildHandlers(core, msw, handle);
      }
      return handlers;
    },
    handle,
    fetch: (input, init) => handle(new Request(input, init)),
    reset: () => resetCore(core),
    files: () => [...core.state.files.values()].sort((a, b) => a.seq - b.seq).map((file) => fileObject(core, file)),
    getFile(fileId) {
      const file = core.state.files.get(fileId);
      return file === undefined ? undefined : fileObject(core, file);
    },
    getFileBytes(fileId) {
      const file = core.state.files.get(fileId);
      return file === undefined ? undefined : core.blobs.get(file.current.blobKey);
    },
    folders: () => [...core.state.folders.values()].sort((a, b) => a.seq - b.seq).map(folderObject),
    usedTokens: () => [...core.state.usedTokens],
    privateKey: core.options.privateKey,
    publicKey: core.options.publicKey,
    urlEndpoint: core.options.urlEndpoint,
    get faults() {
      return core.faults;
    },
    set faults(value: FaultOptions) {
      core.faults = { ...value };
    },
    setFaults(value) {
      core.faults = { ...value };
    },
    core,
  };
  return emulator;
}
