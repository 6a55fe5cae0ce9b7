// `exports` condition resolution of `imagekit-universal/server` as bundlers see it:
// a plain browser build gets the throwing stub; worker and edge builds (which also set
// `browser`) get the real module because their conditions come first in the map.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { build } from 'esbuild';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { consumerDir, distExportNames, repoRoot, requireDist } from './helpers.js';

let dir = '';
let serverOnly: string[] = [];
let probe = '';

beforeAll(async () => {
  requireDist();
  dir = await consumerDir();
  const root = new Set(await distExportNames('index'));
  serverOnly = (await distExportNames('server')).filter((name) => !root.has(name));
  // signUrl is the case that matters most (a signing helper in a client bundle); until it
  // exists, any server-only export shows the resolution just as well.
  probe = serverOnly.includes('signUrl') ? 'signUrl' : serverOnly[0]!;
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function bundleServer(conditions: string[], format: 'esm' | 'cjs' = 'esm') {
  const contents =
    format === 'esm' ? `export { ${probe} } from 'imagekit-universal/server';` : `module.exports = require('imagekit-universal/server').${probe};`;
  const result = await build({
    stdin: { contents, resolveDir: dir, loader: 'js', sourcefile: 'consumer.js' },
    bundle: true,
    format,
    platform: 'neutral',
    conditions,
    write: false,
    metafile: true,
    // Metafile paths are relative to this; the symlinked package resolves to its real path.
    absWorkingDir: repoRoot,
    logLevel: 'silent',
  });
  const inputs = Object.keys(result.metafile.inputs);
  return { text: result.outputFiles[0]!.text, inputs };
}

const refusal = /was bundled for a browser/;

describe('imagekit-universal/server under bundler conditions', () => {
  it('has at least one server-only export to probe', () => {
    expect(serverOnly.length).toBeGreaterThan(0);
  });

  it("['browser'] resolves to the stub, whose export throws when called", async () => {
    const { text, inputs } = await bundleServer(['browser']);
    expect(inputs).toContain('dist/server-browser.js');
    expect(inputs).not.toContain('dist/server.js');
    expect(text).toMatch(refusal);
    const file = join(dir, 'browser-bundle.mjs');
    await writeFile(file, text);
    const mod = (await import(pathToFileURL(file).href)) as Record<string, any>;
    const use = () => {
      const value = mod[probe];
      if (typeof value !== 'function') return value.anything;
      return /^class\b/.test(Function.prototype.toString.call(value)) ? new value() : value('https://ik.imagekit.io/demo/a.jpg', {});
    };
    expect(use).toThrow(refusal);
  });

  it("['browser'] with require() resolves to the CJS stub", async () => {
    const { text, inputs } = await bundleServer(['browser'], 'cjs');
    expect(inputs).toContain('dist/server-browser.cjs');
    expect(text).toMatch(refusal);
  });

  it.each([[['workerd', 'worker', 'browser']], [['edge-light', 'browser']], [['worker', 'browser']], [['deno', 'browser']], [['bun', 'browser']]])(
    '%j resolves to the real module',
    async (conditions) => {
      const { text, inputs } = await bundleServer(conditions);
      expect(inputs).toContain('dist/server.js');
      expect(inputs).not.toContain('dist/server-browser.js');
      expect(text).not.toMatch(refusal);
    },
  );

  it('no condition at all (import default) resolves to the real module', async () => {
    const { inputs } = await bundleServer([]);
    expect(inputs).toContain('dist/server.js');
  });
});
