// An msw server that records every request to the given origins and answers with
// `wire.reply`, for tests that assert what goes over the wire.
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';

/** One recorded request. */
export interface SeenRequest {
  method: string;
  url: URL;
  headers: Headers;
  text: string;
}

/** `Basic base64("<privateKey>:")`, computed with Node's Buffer as an oracle independent of our encoder. */
export function basicAuthorization(privateKey: string): string {
  return `Basic ${Buffer.from(`${privateKey}:`, 'utf8').toString('base64')}`;
}

/**
 * Starts recording for the current test file (listens before all tests, closes after).
 * After each test the record is emptied and `reply` goes back to `{}` with status 200.
 */
export function recordWire(origins: readonly string[]): { seen: SeenRequest[]; reply: (request: Request) => Response } {
  const initialReply = (): Response => HttpResponse.json({});
  const wire = { seen: [] as SeenRequest[], reply: initialReply as (request: Request) => Response };
  const record = async ({ request }: { request: Request }): Promise<Response> => {
    wire.seen.push({ method: request.method, url: new URL(request.url), headers: request.headers, text: await request.clone().text() });
    return wire.reply(request);
  };
  const server = setupServer(...origins.map((origin) => http.all(`${origin}/*`, record)));
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    wire.seen = [];
    wire.reply = initialReply;
  });
  afterAll(() => server.close());
  return wire;
}
