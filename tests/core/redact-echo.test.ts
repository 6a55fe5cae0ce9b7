// A server (or proxy) that echoes the request's secrets back, raw, percent-encoded or as
// the base64 of Basic auth, in a body, a header or a message: nothing of it may survive in
// what the SDK hands back (result metadata, errors, their causes), even to
// `util.inspect(…, { showHidden: true })`.
import fc from 'fast-check';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createClientContext } from '../../src/core/context.js';
import { apiRequest } from '../../src/core/request.js';
import { uploadFile } from '../../src/upload/server-upload.js';

// Printable ASCII that inspect() prints unescaped (no quotes, no backslash), with the characters URLs and base64 treat specially.
const keyChars = [...'abcXYZ019%+/=:@&?# !*()~-_.;,$[]{}|^<>'];
const keyArb = fc.string({ unit: fc.constantFrom(...keyChars), minLength: 8, maxLength: 24 }).map((tail) => `private_${tail}`);

/** Every spelling of the key a server might echo. */
function spellings(key: string): string[] {
  const basic = Buffer.from(`${key}:`).toString('base64');
  const encoded = encodeURIComponent(key);
  return [
    key,
    encoded,
    encoded.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()),
    encoded.replace(/%20/g, '+'),
    basic,
    basic.replace(/=+$/, ''),
    encodeURIComponent(basic),
    `Basic ${basic}`,
    `basic ${basic}`.toLowerCase(),
    key.toUpperCase(),
    key.toLowerCase(),
  ];
}

const echoStatuses = [200, 400, 500] as const;

/** A fetch that answers `status` echoing every spelling in the body (JSON or text) and in headers. */
function echoingFetch(key: string, status: number, json: boolean) {
  return async (_url: unknown, init?: RequestInit): Promise<Response> => {
    const authorization = new Headers(init?.headers).get('authorization') ?? '';
    const all = [...spellings(key), authorization];
    const text = json ? JSON.stringify({ message: all.join(' | '), echo: all }) : `<html>${all.join(' | ')}</html>`;
    const headers = new Headers({ 'content-type': json ? 'application/json' : 'text/html' });
    all.forEach((value, i) => headers.set(`x-echo-${i}`, value));
    headers.set('x-echo-authorization', authorization);
    return new Response(text, { status, headers });
  };
}

/** What the SDK adds around the answer: all of an error; of a result, its metadata (a 2xx JSON body is the caller's data, kept as sent). */
function everything(outcome: unknown): string {
  const metadata = (outcome as { $ResponseMetadata?: unknown } | null)?.$ResponseMetadata;
  return [
    outcome instanceof Error ? inspect(outcome, { showHidden: true, depth: Infinity }) : '',
    inspect(metadata, { showHidden: true, depth: Infinity }),
    JSON.stringify(metadata) ?? '',
    outcome instanceof Error ? `${outcome.message} ${outcome.stack} ${JSON.stringify(outcome)}` : '',
  ].join('\n');
}

async function outcomeOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.catch((error: unknown) => error);
}

describe('echoed secrets are redacted everywhere', () => {
  it('API calls: raw, percent-encoded and base64 echoes of the key never reach a result or an error (property)', async () => {
    await fc.assert(
      fc.asyncProperty(keyArb, fc.constantFrom(...echoStatuses), fc.boolean(), async (key, status, json) => {
        const context = createClientContext({
          privateKey: key,
          baseUrl: 'https://api.example.test',
          fetch: echoingFetch(key, status, json),
          maxRetries: 0,
        });
        const text = everything(await outcomeOf(apiRequest(context, { method: 'GET', path: '/v1/files' })));
        for (const spelling of spellings(key)) expect(text).not.toContain(spelling);
      }),
      { numRuns: 150 },
    );
  });

  it('uploads: the same for a server upload (property)', async () => {
    await fc.assert(
      fc.asyncProperty(keyArb, fc.constantFrom(...echoStatuses), fc.boolean(), async (key, status, json) => {
        const context = createClientContext({
          privateKey: key,
          uploadBaseUrl: 'https://upload.example.test',
          fetch: echoingFetch(key, status, json),
          maxRetries: 0,
        });
        const text = everything(await outcomeOf(uploadFile(context, { file: new Uint8Array([1]), fileName: 'a' })));
        for (const spelling of spellings(key)) expect(text).not.toContain(spelling);
      }),
      { numRuns: 100 },
    );
  });
});
