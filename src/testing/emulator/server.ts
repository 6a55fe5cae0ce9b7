/**
 * @module testing/emulator/server
 * `startEmulator`: the emulator behind a `node:http` server on loopback, serving upload,
 * API and file URLs on one address. Node only (`node:http` is imported on demand).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createEmulator, type Emulator } from './emulator.js';
import type { FaultOptions } from './options.js';
import { createSaver, loadState } from './persistence.js';
import { checkOptionKeys } from '../../internal/options.js';

/** Options of {@link startEmulator}. */
export interface StartEmulatorOptions {
  /** Port to listen on. @default 0 (a free port) */
  port?: number;
  /**
   * Address to bind. Only pass it to make the emulator reachable from elsewhere (a
   * container, another machine): on a loopback address the emulator refuses requests
   * whose `Host` header is not `localhost`, `127.x.x.x` or `[::1]` with its port, and
   * answers CORS only for loopback origins; bound elsewhere on purpose, it does neither.
   * @default '127.0.0.1'
   */
  host?: string;
  /** Private API key. @default fresh random key on every start */
  privateKey?: string;
  /** Public API key. @default fresh random key on every start */
  publicKey?: string;
  /** URL endpoint for file URLs. @default `${url}/emulator` (served by this server) */
  urlEndpoint?: string;
  /** Folder to persist state and bytes in; reloaded on start. @default none (memory only) */
  dataDir?: string;
  /**
   * Largest request body accepted: a bigger one gets a 413 and is not read further.
   * Authentication that headers decide (a wrong `Authorization`) is checked first.
   * @unit bytes @default 67108864 (64 MiB)
   */
  maxBodyBytes?: number;
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
  /** Private API key (random per start unless passed). */
  privateKey: string;
  /** Public API key (random per start unless passed). */
  publicKey: string;
  /** URL endpoint the stored files are served from. */
  urlEndpoint: string;
  /** The in-memory emulator behind the server (state accessors, faults, reset). */
  emulator: Emulator;
  /** Stops the server (and writes state to `dataDir` when set). */
  close(): Promise<void>;
}

/** The body was larger than the cap (thrown into the request body stream). */
class BodyTooLarge extends Error {}

function isLoopbackName(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || hostname === '::1' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** True when a `Host` value (or an absolute request target's host) names this loopback server. */
function hostAllowed(host: string, port: number): boolean {
  const match = /^(\[[^\]]*\]|[^:]*)(?::(\d+))?$/.exec(host);
  if (match === null) return false;
  const name = (match[1] as string).toLowerCase();
  return isLoopbackName(name) && Number(match[2] ?? 80) === port;
}

function loopbackOrigin(origin: string | null): string | undefined {
  if (origin === null) return undefined;
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && isLoopbackName(url.hostname) ? origin : undefined;
  } catch {
    return undefined;
  }
}

function plainError(outgoing: ServerResponse, status: number, message: string): void {
  outgoing.writeHead(status, { 'content-type': 'application/json', connection: 'close' });
  outgoing.end(JSON.stringify({ message, help: '' }));
}

/** The request's body as a stream that pulls from `incoming` only when read, and errors past `max` bytes. */
function cappedBody(incoming: IncomingMessage, max: number, state: { overflow: boolean }): ReadableStream<Uint8Array> {
  const declared = Number(incoming.headers['content-length'] ?? Number.NaN);
  const iterator = incoming[Symbol.asyncIterator]() as AsyncIterator<Uint8Array>;
  let total = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (declared > max) {
          state.overflow = true;
          controller.error(new BodyTooLarge());
          return;
        }
        const { done, value } = await iterator.next();
        if (done === true) {
          controller.close();
          return;
        }
        total += value.byteLength;
        if (total > max) {
          state.overflow = true;
          controller.error(new BodyTooLarge());
          return;
        }
        controller.enqueue(new Uint8Array(value));
      },
    },
    { highWaterMark: 0 },
  ); // nothing is pulled until a route reads the body
}

async function writeResponse(response: Response, outgoing: ServerResponse): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const body = response.body === null ? undefined : new Uint8Array(await response.arrayBuffer());
  outgoing.writeHead(response.status, headers);
  await new Promise<void>((resolve) => outgoing.end(body, resolve));
}

function randomKey(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  let text = '';
  for (const byte of bytes) text += byte.toString(16).padStart(2, '0');
  return `${prefix}_emulator_${text}`;
}

/**
 * Starts the emulator as a loopback HTTP server with fresh random keys (unless passed).
 * A test tool: never expose it to a network you do not control.
 * @throws {Error} when the port cannot be bound (`code` is `EADDRINUSE` for a busy port).
 * @throws {RangeError} for a `maxBodyBytes` that is not a non-negative integer.
 * @example
 * const server = await startEmulator();
 * const imagekit = new ImageKit({ privateKey: server.privateKey, baseUrl: server.url, uploadBaseUrl: server.url });
 * await server.close();
 */
export async function startEmulator(options: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  checkOptionKeys(
    options,
    ['port', 'host', 'privateKey', 'publicKey', 'urlEndpoint', 'dataDir', 'maxBodyBytes', 'faults', 'seed', 'now', 'pendingReads'],
    'startEmulator',
  );
  const http = await import('node:http');
  const host = options.host ?? '127.0.0.1';
  // Bound to a loopback address: answer only requests addressed to loopback (no DNS rebinding).
  const loopbackOnly = isLoopbackName(host.toLowerCase()) || isLoopbackName(`[${host}]`);
  let emulator: Emulator | undefined;
  let maxBodyBytes = 0;
  let origin = '';
  let port = 0;
  const server = http.createServer((incoming, outgoing) => {
    void (async () => {
      const body = { overflow: false };
      try {
        if (emulator === undefined) throw new Error('emulator not ready');
        const target = incoming.url ?? '/';
        let url: URL;
        try {
          url = new URL(target, origin);
        } catch {
          plainError(outgoing, 400, 'The request target is not a valid URL.');
          return;
        }
        const absolute = !target.startsWith('/');
        if (absolute && url.protocol !== 'http:') {
          plainError(outgoing, 400, 'The request target is not a valid URL.');
          return;
        }
        if (loopbackOnly && (!hostAllowed(incoming.headers.host ?? '', port) || (absolute && !hostAllowed(url.host, port)))) {
          plainError(outgoing, 403, 'The emulator answers only requests addressed to localhost, 127.0.0.1 or [::1] with its port.');
          return;
        }
        const headers = new Headers();
        for (const [name, value] of Object.entries(incoming.headers)) {
          if (value === undefined) continue;
          for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
        }
        const method = incoming.method ?? 'GET';
        const hasBody = method !== 'GET' && method !== 'HEAD';
        const request = new Request(new URL(url.pathname + url.search, origin), {
          method,
          headers,
          ...(hasBody ? { body: cappedBody(incoming, maxBodyBytes, body), duplex: 'half' } : {}),
        } as RequestInit);
        const response = await emulator.handle(request);
        if (body.overflow) {
          plainError(outgoing, 413, `The request body is larger than the emulator accepts (${maxBodyBytes} bytes; see \`maxBodyBytes\`).`);
        } else if (response.type === 'error') {
          incoming.socket.destroy();
          return;
        } else {
          await writeResponse(response, outgoing);
        }
      } catch (error) {
        if (!outgoing.headersSent) outgoing.writeHead(500, { 'content-type': 'application/json' });
        outgoing.end(JSON.stringify({ message: `Internal emulator error: ${error instanceof Error ? error.message : String(error)}`, help: '' }));
      } finally {
        // A body left unread (refused before reading, or over the cap) is not drained: the
        // connection is closed instead.
        if (!incoming.complete) incoming.socket.destroySoon();
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
  port = typeof address === 'object' && address !== null ? address.port : (options.port ?? 0);
  origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  let created: Emulator;
  try {
    created = createEmulator({
      privateKey: options.privateKey ?? randomKey('private'),
      publicKey: options.publicKey ?? randomKey('public'),
      ...(options.faults !== undefined ? { faults: options.faults } : {}),
      ...(options.seed !== undefined ? { seed: options.seed } : {}),
      ...(options.now !== undefined ? { now: options.now } : {}),
      ...(options.pendingReads !== undefined ? { pendingReads: options.pendingReads } : {}),
      ...(options.maxBodyBytes !== undefined ? { maxBodyBytes: options.maxBodyBytes } : {}),
      urlEndpoint: options.urlEndpoint ?? `${origin}/emulator`,
      apiBaseUrl: origin,
      uploadBaseUrl: origin,
    });
  } catch (error) {
    server.close();
    throw error;
  }
  maxBodyBytes = created.core.options.maxBodyBytes;
  if (loopbackOnly) created.core.corsOrigin = loopbackOrigin;
  const dataDir = options.dataDir;
  const save = dataDir === undefined ? undefined : createSaver(created.core, dataDir);
  if (dataDir !== undefined && save !== undefined) {
    await loadState(created.core, dataDir);
    created.core.afterMutation = save;
  }
  emulator = created;
  return {
    url: origin,
    privateKey: created.privateKey,
    publicKey: created.publicKey,
    urlEndpoint: created.urlEndpoint,
    emulator: created,
    async close() {
      if (save !== undefined) await save();
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections?.();
      });
    },
  };
}
