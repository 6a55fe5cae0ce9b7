// Dual-package hazard: an app can load the CJS and the ESM copy at once.
// `instanceof` fails across the copies, so the exported guards must still recognise errors.
import { describe, it, expect, beforeAll } from 'vitest';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { distDir, importDist, requireDist } from './helpers.js';

type Module = Record<string, any>;
const init = { status: 404, headers: { 'x-ik-requestid': 'req-1' }, body: { message: 'No such file' }, method: 'GET', path: '/v1/files/abc/details' };

describe('errors across the ESM and CJS builds', () => {
  let esm: Module;
  let cjs: Module;

  beforeAll(async () => {
    requireDist();
    esm = await importDist('index');
    cjs = createRequire(import.meta.url)(join(distDir, 'index.cjs')) as Module;
  });

  it('really are two copies of the classes (the hazard exists)', () => {
    expect(cjs.ApiError).not.toBe(esm.ApiError);
    expect(new cjs.NotFoundError(init) instanceof esm.ApiError).toBe(false);
  });

  it.each([
    ['CJS', 'ESM'],
    ['ESM', 'CJS'],
  ])('an ApiError made by the %s build is recognised by the %s guards', (from, by) => {
    const maker = from === 'CJS' ? cjs : esm;
    const guard = by === 'CJS' ? cjs : esm;
    const error = maker.ApiError.from(init);
    expect(guard.isImageKitError(error)).toBe(true);
    expect(guard.isApiError(error)).toBe(true);
    expect(guard.isNotFoundError(error)).toBe(true);
    expect(guard.isRateLimitError(error)).toBe(false);
    expect(error.status).toBe(404);
  });

  it('recognises a rate-limit, connection and timeout error from the CJS build in the ESM guards', () => {
    expect(esm.isRateLimitError(cjs.ApiError.from({ ...init, status: 429 }))).toBe(true);
    expect(esm.isConnectionError(new cjs.ConnectionError('Connection failed: GET /v1/files'))).toBe(true);
    expect(esm.isImageKitError(new cjs.ConnectionError('Connection failed: GET /v1/files'))).toBe(true);
  });

  it('recognises an error thrown by CJS phashDistance as an ImageKitError in ESM', () => {
    let thrown: unknown;
    try {
      cjs.phashDistance('', 'f06830ca9f1e3e90');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeDefined();
    expect(esm.isImageKitError(thrown)).toBe(true);
    expect(thrown instanceof esm.ImageKitError).toBe(false);
  });

  it('does not mistake a plain Error for an ImageKit error', () => {
    expect(esm.isImageKitError(new Error('x'))).toBe(false);
    expect(esm.isApiError({ name: 'Error' })).toBe(false);
  });
});
