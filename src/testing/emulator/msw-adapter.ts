/**
 * @module testing/emulator/msw-adapter
 * Builds msw v2 handlers around the core. msw is never imported statically, so the
 * testing entry (and `startEmulator`) loads without msw installed.
 */
import type { HttpHandler } from 'msw';
import type { EmulatorCore } from './context.js';

/** The part of the msw module the adapter uses. */
export interface MswModule {
  http: { all: (path: string, resolver: (info: { request: Request }) => Promise<Response>) => HttpHandler };
}

/** Loads msw synchronously in Node (≥ 20.16, via `process.getBuiltinModule`); undefined elsewhere. */
export function loadMswSync(): MswModule | undefined {
  const processLike = (globalThis as { process?: { getBuiltinModule?: (name: string) => unknown; cwd?: () => string } }).process;
  const moduleApi = processLike?.getBuiltinModule?.('node:module') as { createRequire: (from: string) => (id: string) => unknown } | undefined;
  if (moduleApi === undefined || processLike?.cwd === undefined) return undefined;
  try {
    return moduleApi.createRequire(`${processLike.cwd()}/`)('msw') as MswModule;
  } catch {
    return undefined;
  }
}

/** msw handlers for the API base, the upload base and the URL endpoint. */
export function buildHandlers(core: EmulatorCore, msw: MswModule, handle: (request: Request) => Promise<Response>): HttpHandler[] {
  const resolver = async ({ request }: { request: Request }): Promise<Response> => handle(request);
  const bases = [...new Set([core.options.apiBaseUrl, core.options.uploadBaseUrl, core.options.urlEndpoint])];
  return bases.map((base) => msw.http.all(`${base}/*`, resolver));
}
