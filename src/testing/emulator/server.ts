/**
 * @module testing/emulator/server
 * `startEmulator`: the emulator behind a `node:http` server on loopback, serving upload,
 * API and file URLs on one address. Node only (`node:http` is imported on demand).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createEmulator, type Emulator } from './emulator.js';
import type { FaultOptions } from './options.js';
import { loadState, saveState } from './persistence.js';

/** Options of {@link startEmulator}. */
export interface StartEmulatorOptions {
  /** Port to listen on. @default 0 (a free port) */
  port?: number;
  /** Host to bind. @default '127.0.0.1' */
  host?: string;
  /** @default 'private_emulator_key' */
  privateKey?: string;
  /** @default 'public_emulator_key' */
  publicKey?: string;
  /** URL endpoint for file URLs. @default `${url}/emulator` (served by this server) */
  urlEndpoint?: string;
  /** Folder to persist state and bytes in; reloaded on start. @default none (memory only) */
  dataDir?: string;
  /** Fault injection (a dropped connection destroys the socket). */
  faults?: FaultOptions;
  /** Seed for ids and faults. @default 1 */
  seed?: number;
  /** Clock. @default Date.now */
  now?: () => number;
  /** Status reads of jobs/purges that answer `Pending`. @default 1 */
  pendingReads?: number;
}

/** A running emulator server. */
export interface RunningEmulator {
  /** Base URL (`http://127.0.0.1:<port>`): use it as both `baseUrl` and `uploadBaseUrl`. */
  url: string;
  privateKey: string;
  publicKey: string;
  urlEndpoint: string;
  /** The in-memory emulator behind the server (state accessors, faults, reset). */
  emulator: Emulator;
  /** Stops the server (and writes state to `dataDir` when set). */
  close(): Promise<void>;
}

async function toRequest(incoming: IncomingMessage, origin: string): Promise<Request> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Uint8Array);
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const method = incoming.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD' && chunks.length > 0;
  const body = hasBody ? new Blob(chunks as Uint8Array<ArrayBuffer>[]) : null;
  return new Request(new URL(incoming.url ?? '/', origin), { method, headers, body });
}

async function writeResponse(response: Response, outgoing: ServerResponse): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const body = response.body === null ? undefined : new Uint8Array(await response.arrayBuffer());
  outgoing.writeHead(response.status, headers);
  outgoing.end(body);
}

/**
 * Starts the emulator as a loopback HTTP server.
 * @throws {Error} when the port cannot be bound.
 * @example
 * const server = await startEmulator();
 * const imagekit = new ImageKit({ privateKey: server.privateKey, baseUrl: server.url, uploadBaseUrl: server.url });
 * await server.close();
 */
export async function startEmulator(options: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  const http = await import('node:http');
  const host = options.host ?? '127.0.0.1';
  let emulator: Emulator | undefined;
  let origin = '';
  const server = http.createServer((incoming, outgoing) => {
    void (async () => {
      try {
        if (emulator === undefined) throw new Error('emulator not ready');
        const response = await emulator.handle(await toRequest(incoming, origin));
        if (response.type === 'error') {
          incoming.socket.destroy();
          return;
        }
        await writeResponse(response, outgoing);
      } catch (error) {
        if (!outgoing.headersSent) outgoing.writeHead(500, { 'content-type': 'application/json' });
        outgoing.end(JSON.stringify({ message: `Internal emulator error: ${error instanceof Error ? error.message : String(error)}`, help: '' }));
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port ?? 0;
  origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const created = createEmulator({
    ...(options.privateKey !== undefined ? { privateKey: options.privateKey } : {}),
    ...(options.publicKey !== undefined ? { publicKey: options.publicKey } : {}),
    ...(options.faults !== undefined ? { faults: options.faults } : {}),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.now !== undefined ? { now: options.now } : {}),
    ...(options.pendingReads !== undefined ? { pendingReads: options.pendingReads } : {}),
    urlEndpoint: options.urlEndpoint ?? `${origin}/emulator`,
    apiBaseUrl: origin,
    uploadBaseUrl: origin,
  });
  const dataDir = options.dataDir;
  if (dataDir !== undefined) {
    await loadState(created.core, dataDir);
    created.core.afterMutation = () => saveState(created.core, dataDir);
  }
  emulator = created;
  return {
    url: origin,
    privateKey: created.privateKey,
    publicKey: created.publicKey,
    urlEndpoint: created.urlEndpoint,
    emulator: created,
    async close() {
      if (dataDir !== undefined) await saveState(created.core, dataDir);
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections?.();
      });
    },
  };
}
