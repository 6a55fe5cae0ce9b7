import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createClientContext } from '../../src/core/context.js';
import { isPartialSuccess } from '../../src/core/request.js';
import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  isApiError,
} from '../../src/errors.js';
import * as media from '../../src/media/index.js';
import { endpointCases, type EndpointCase } from './cases.js';
import { allFacts } from './policy-table.js';
import { basicAuthorization, recordWire } from '../support/wire-recorder.js';

const privateKey = 'private_lsK9x/+=Secret_Key';
// Independent oracle for the header: Node's Buffer, not our base64 code.
const authorization = basicAuthorization(privateKey);
const wire = recordWire(['https://api.imagekit.io']);

const context = createClientContext({ privateKey });

function respond(status: number, body?: unknown, headers: Record<string, string> = {}): () => Response {
  return () =>
    body === undefined ? new HttpResponse(null, { status, headers }) : HttpResponse.json(body as Record<string, unknown>, { status, headers });
}

describe('every management endpoint has a wire test that agrees with its facts', () => {
  const facts = allFacts();
  const caseName = (c: EndpointCase): string => c.name.replace(/ \(.*\)$/, '');

  it('each endpoint of src/media/endpoints.ts has a case, each case an endpoint (the 51 management endpoints, upload excluded, plus additions)', () => {
    const exported = Object.entries(media)
      .filter(([name, value]) => typeof value === 'function' && !name.startsWith('iterate'))
      .map(([name]) => name)
      .sort();
    expect(facts.map((f) => f.name).sort()).toEqual(exported);
    expect([...new Set(endpointCases.map(caseName))].sort()).toEqual(exported);
    expect(exported.length).toBeGreaterThanOrEqual(51);
  });

  it.each(endpointCases.map((c) => [c.name, c] as const))('%s: method, path, status and input kind are the facts', (_name, testCase) => {
    const fact = facts.find((f) => f.name === caseName(testCase))!;
    expect(fact.method).toBe(testCase.method);
    expect(fact.status).toBe(testCase.status);
    const template = new RegExp(`^${fact.path.replace(/\{\w+\}/g, '[^/]+')}$`);
    expect(testCase.path).toMatch(template);
    expect(fact.send === 'json', 'a JSON body exactly when the facts say json').toBe(testCase.body !== undefined);
    if (testCase.query !== undefined) expect(fact.send).toBe('query');
  });
});

describe.each(endpointCases)('$name', (testCase) => {
  it(`sends ${testCase.method} ${testCase.path} with Basic auth, exact query and JSON body`, async () => {
    wire.reply = respond(testCase.status, testCase.reply, { 'x-ik-requestid': 'req-42' });
    const result = (await testCase.call(context)) as { $ResponseMetadata: { statusCode: number; requestId?: string } };

    expect(wire.seen).toHaveLength(1);
    const request = wire.seen[0]!;
    expect(request.method).toBe(testCase.method);
    expect(request.url.origin).toBe('https://api.imagekit.io');
    expect(request.url.pathname).toBe(testCase.path);
    expect(Object.fromEntries(request.url.searchParams)).toEqual(testCase.query ?? {});
    expect([...request.url.searchParams.keys()]).toHaveLength(Object.keys(testCase.query ?? {}).length);
    expect(request.headers.get('authorization')).toBe(authorization);
    expect(request.headers.get('accept')).toBe('application/json');
    if (testCase.body === undefined) {
      expect(request.text).toBe('');
      expect(request.headers.get('content-type')).toBeNull();
    } else {
      expect(request.headers.get('content-type')).toBe('application/json');
      expect(JSON.parse(request.text)).toEqual(testCase.body);
    }

    expect(result).toEqual(testCase.reply ?? {});
    expect(result.$ResponseMetadata.statusCode).toBe(testCase.status);
    expect(result.$ResponseMetadata.requestId).toBe('req-42');
    expect(Object.keys(result as object)).not.toContain('$ResponseMetadata');
  });

  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, ConflictError],
    [429, RateLimitError],
    [500, InternalServerError],
  ])('maps %i to its error class with requestId and rate-limit figures, leaking no secret', async (status, ErrorClass) => {
    wire.reply = respond(
      status,
      { message: 'Nope', help: 'For support kindly contact us', reason: 'SOME_REASON' },
      { 'x-ik-requestid': 'req-err', 'x-ratelimit-limit': '5', 'x-ratelimit-reset': '1200', 'x-ratelimit-interval': '1000' },
    );
    // A client of its own: the 429 case teaches a client's pacer a limit that would pace the other cases.
    const error = await testCase.call(createClientContext({ privateKey }), { maxRetries: 0, maxRateLimitWait: 0 }).then(
      () => {
        throw new Error('expected a rejection');
      },
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ErrorClass);
    expect(isApiError(error)).toBe(true);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(status);
    expect(apiError.method).toBe(testCase.method);
    expect(apiError.path).toBe(testCase.path);
    expect(apiError.requestId).toBe('req-err');
    expect(apiError.rateLimit).toEqual({ limit: 5, resetMs: 1200, intervalMs: 1000 });
    expect(apiError.reason).toBe('SOME_REASON');
    expect(apiError.apiMessage).toBe('Nope');
    expect(apiError.message).toBe(`Request failed with status ${status}: ${testCase.method} ${testCase.path} (Nope)`);
    if (status === 429) expect((apiError as RateLimitError).retryAfterMs).toBe(1200);
    const dump = `${apiError.message} ${apiError.stack} ${JSON.stringify(apiError)} ${JSON.stringify(apiError.$ResponseMetadata)}`;
    expect(dump).not.toContain(privateKey);
    expect(dump).not.toContain(authorization.slice('Basic '.length));
    expect(dump.toLowerCase()).not.toContain('authorization');
    expect(wire.seen).toHaveLength(1);
  });
});

describe('status handling', () => {
  it('bulk delete 207 resolves with errors and isPartialSuccess', async () => {
    const body = { successfullyDeletedFileIds: ['a'], errors: [{ fileId: 'b', error: 'locked' }] };
    wire.reply = respond(207, body);
    const result = await media.bulkDeleteFiles(context, ['a', 'b']);
    expect(result).toEqual(body);
    expect(isPartialSuccess(result)).toBe(true);
    expect(result.errors?.[0]?.fileId).toBe('b');
  });

  it('bulk tag 207 resolves with errors', async () => {
    wire.reply = respond(207, { successfullyUpdatedFileIds: ['a'], errors: [{ fileId: 'b', error: 'x' }] });
    const result = await media.bulkAddTags(context, ['a', 'b'], ['t']);
    expect(isPartialSuccess(result)).toBe(true);
  });

  it('rename 207 (purge failed) resolves with the reason', async () => {
    wire.reply = respond(207, { message: 'renamed, purge failed', reason: 'PURGE_FAILED' });
    const result = await media.renameFile(context, { filePath: '/a.jpg', newFileName: 'b.jpg', purgeCache: true });
    expect(isPartialSuccess(result)).toBe(true);
    expect(result.reason).toBe('PURGE_FAILED');
  });

  it('createFolder 201 with an empty body resolves to {}', async () => {
    wire.reply = respond(201);
    const result = await media.createFolder(context, { folderName: 'x' });
    expect(result).toEqual({});
    expect(result.$ResponseMetadata.statusCode).toBe(201);
    expect(JSON.parse(wire.seen[0]!.text)).toEqual({ folderName: 'x', parentFolderPath: '/' });
  });

  it('bulk delete 404 carries missingFileIds on the error body', async () => {
    wire.reply = respond(404, { message: 'not found', missingFileIds: ['zz'] });
    const error = (await media.bulkDeleteFiles(context, ['zz']).catch((e: unknown) => e)) as NotFoundError;
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error.body as { missingFileIds: string[] }).missingFileIds).toEqual(['zz']);
  });

  it('copyFolder sends the v6 includeFileVersions as includeVersions', async () => {
    wire.reply = respond(200, { jobId: 'j' });
    await media.copyFolder(context, { sourceFolderPath: '/a', destinationPath: '/b', includeFileVersions: true });
    expect(JSON.parse(wire.seen[0]!.text)).toEqual({ sourceFolderPath: '/a', destinationPath: '/b', includeVersions: true });
  });

  it('legacy list params: tags as a string, name, includeFolder', async () => {
    wire.reply = respond(200, []);
    await media.listFiles(context, { tags: 'a,b', name: 'x.jpg', includeFolder: true });
    expect(Object.fromEntries(wire.seen[0]!.url.searchParams)).toEqual({ tags: 'a,b', name: 'x.jpg', includeFolder: 'true' });
  });

  it('an error body that is not JSON becomes { message: text }', async () => {
    wire.reply = () => new HttpResponse('upstream exploded', { status: 502 });
    const error = (await media.getFileDetails(context, 'f1', { maxRetries: 0 }).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.body).toEqual({ message: 'upstream exploded' });
  });

  it('per-request headers reach the wire', async () => {
    wire.reply = respond(200, []);
    await media.listOrigins(context, { headers: { 'X-Request-Tag': 't1' } });
    expect(wire.seen[0]!.headers.get('x-request-tag')).toBe('t1');
  });

  it('retries a GET after 503 and resolves (real timers, server-directed 10 ms wait)', async () => {
    let n = 0;
    wire.reply = () => (++n === 1 ? HttpResponse.json({}, { status: 503, headers: { 'retry-after-ms': '10' } }) : HttpResponse.json([]));
    await media.listSavedExtensions(context);
    expect(wire.seen).toHaveLength(2);
  });

  it('does not retry a copyFile after a 500', async () => {
    wire.reply = respond(500, { message: 'x' });
    await expect(media.copyFile(context, { sourceFilePath: '/a', destinationPath: '/b' })).rejects.toBeInstanceOf(InternalServerError);
    expect(wire.seen).toHaveLength(1);
  });
});
