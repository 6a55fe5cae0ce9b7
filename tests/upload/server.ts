// A loopback upload server for the upload tests. It parses multipart for real, with the
// platform's own parser (`Request.formData()` on the received bytes), records every
// attempt, and lets each test script the answer per attempt.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import diagnostics from 'node:diagnostics_channel';
import type { AddressInfo, Socket } from 'node:net';

export interface ReceivedUpload {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  /** Raw body bytes (empty when `keepBody` is false). */
  body: Buffer;
  /** Number of body bytes received. */
  bodyLength: number;
  /** Parsed form (undefined when `keepBody` is false or the body is incomplete). */
  form: FormData | undefined;
}

export type Responder = (req: IncomingMessage, res: ServerResponse, attempt: number, received: ReceivedUpload) => void | Promise<void>;

export interface UploadServer {
  url: string;
  port: number;
  received: ReceivedUpload[];
  /** Requests whose headers arrived (also those cut off before the body ended). */
  started: number;
  close(): Promise<void>;
}

export interface UploadServerOptions {
  /** Called after the whole body arrived; default answers 200 with a JSON upload result. */
  respond?: Responder;
  /** Called as soon as the headers arrive, instead of reading the body (for slow / dropping servers). */
  onRequest?: (req: IncomingMessage, res: ServerResponse, attempt: number) => void;
  /** Keep and parse the body (default true; false for big bodies: only counts bytes). */
  keepBody?: boolean;
  port?: number;
}

export function okResponder(extra: Record<string, unknown> = {}): Responder {
  return (_req, res, _attempt, received) => {
    const file = received.form?.get('file');
    res.writeHead(200, { 'content-type': 'application/json', 'x-ik-requestid': 'req-ok-1' });
    res.end(
      JSON.stringify({
        fileId: 'file_1',
        name: typeof received.form?.get('fileName') === 'string' ? received.form.get('fileName') : 'x',
        size: typeof file === 'object' && file !== null ? file.size : undefined,
        ...extra,
      }),
    );
  };
}

export async function parseForm(headers: IncomingMessage['headers'], body: Buffer): Promise<FormData> {
  return new Request('http://parse.local/', {
    method: 'POST',
    headers: { 'content-type': String(headers['content-type']) },
    body: new Uint8Array(body),
  }).formData();
}

export async function startUploadServer(options: UploadServerOptions = {}): Promise<UploadServer> {
  const received: ReceivedUpload[] = [];
  const keepBody = options.keepBody ?? true;
  const respond = options.respond ?? okResponder();
  const state = { started: 0 };
  const server: Server = createServer((req, res) => {
    state.started++;
    const attempt = state.started;
    if (options.onRequest) {
      options.onRequest(req, res, attempt);
      return;
    }
    const chunks: Buffer[] = [];
    let length = 0;
    req.on('data', (chunk: Buffer) => {
      length += chunk.length;
      if (keepBody) chunks.push(chunk);
    });
    req.on('end', () => {
      void (async () => {
        const body = Buffer.concat(chunks);
        const entry: ReceivedUpload = {
          method: req.method ?? '',
          url: req.url ?? '',
          headers: req.headers,
          body,
          bodyLength: length,
          form: keepBody && length > 0 ? await parseForm(req.headers, body).catch(() => undefined) : undefined,
        };
        received.push(entry);
        await respond(req, res, attempt, entry);
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    received,
    get started() {
      return state.started;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Starts an upload server on a free port only once a connection to that port has been
 * refused: `refused` counts the refusals seen before it listened. The server listens as
 * soon as the first refusal is reported, while the SDK waits out its retry back-off, so a
 * retried upload reaches it; an SDK that does not retry fails. Covers every transport
 * (node:http and fetch both open their sockets through `net.connect`).
 */
export async function startUploadServerAfterRefusal(): Promise<{ url: string; refused: () => number; server: Promise<UploadServer> }> {
  const port = await freePort();
  let refused = 0;
  let onRefused!: () => void;
  const firstRefusal = new Promise<void>((resolve) => (onRefused = resolve));
  const watch = (message: unknown) => {
    const { socket } = message as { socket: Socket };
    socket.once('error', (error: NodeJS.ErrnoException & { port?: number }) => {
      if (error.code === 'ECONNREFUSED' && error.port === port) {
        refused++;
        onRefused();
      }
    });
  };
  diagnostics.subscribe('net.client.socket', watch);
  const server = firstRefusal.then(() => {
    diagnostics.unsubscribe('net.client.socket', watch);
    return startUploadServer({ port });
  });
  return { url: `http://127.0.0.1:${port}`, refused: () => refused, server };
}

/** A port with nothing listening on it (bound, then released). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Answers with a status and a JSON body (and optional headers). */
export function jsonResponder(status: number, body: unknown, headers: Record<string, string> = {}): Responder {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
}
