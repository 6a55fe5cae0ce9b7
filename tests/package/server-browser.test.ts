// The browser stub of `imagekit-universal/server` (dist/server-browser.*) must offer the
// same names as the real entry, so a browser bundle fails where the code is used, not
// with a confusing "no such export" at build time.
import { describe, it, expect, beforeAll } from 'vitest';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { distDir, distExportNames, importDist, requireDist } from './helpers.js';

const refusal = /was bundled for a browser/;
const isClass = (value: unknown) => typeof value === 'function' && /^class\b/.test(Function.prototype.toString.call(value));

describe('server-browser stub', () => {
  let serverNames: string[] = [];
  let serverOnly: string[] = [];
  let stub: Record<string, any> = {};
  let root: Record<string, unknown> = {};

  beforeAll(async () => {
    requireDist();
    serverNames = await distExportNames('server');
    root = await importDist('index');
    serverOnly = serverNames.filter((name) => !(name in root));
    stub = await importDist('server-browser');
  });

  it('exports exactly the names of dist/server.js', async () => {
    // On failure: `npm run build && node .ci/sync-server-browser.mjs && npm run build`.
    expect(await distExportNames('server-browser'), 'src/server-browser.ts is out of sync: run node .ci/sync-server-browser.mjs').toEqual(serverNames);
  });

  it('the CJS stub exports the same names too', () => {
    const cjs = createRequire(import.meta.url)(join(distDir, 'server-browser.cjs')) as Record<string, unknown>;
    expect(Object.keys(cjs).sort()).toEqual(serverNames);
  });

  it('re-exports the root entry unchanged (it is browser-safe and holds no secret)', () => {
    for (const name of Object.keys(root)) expect(stub[name], name).toBe(root[name]);
  });

  it('every server-only export throws where it is used (class: on construct, function: on call, constant: on access)', () => {
    expect(serverOnly.length).toBeGreaterThan(0);
    for (const name of serverOnly) {
      const value = stub[name];
      if (isClass(value)) expect(() => new value({ privateKey: 'private_x' }), name).toThrow(refusal);
      else if (typeof value === 'function') expect(() => value('a', {}), name).toThrow(refusal);
      else {
        expect(typeof value, `${name} must be a class, a function or a refusing object`).toBe('object');
        expect(() => value.anything, name).toThrow(refusal);
        expect(() => Object.keys(value), name).toThrow(refusal);
      }
    }
  });

  it('the refusal names the right import and never echoes an argument', () => {
    const fn = serverOnly.map((name) => stub[name]).find((v) => typeof v === 'function' && !isClass(v));
    let message = '';
    try {
      fn('private_secret_value');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/imagekit-universal/);
    expect(message).not.toMatch(/private_secret_value/);
  });
});
