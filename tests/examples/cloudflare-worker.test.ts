// examples/cloudflare-worker under workerd (Miniflare 3): bundled from the BUILT package the
// way wrangler bundles it (entry and compatibility date from its wrangler.toml, the
// `workerd, worker, browser` conditions), secrets passed as the Worker's bindings.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireDist } from '../package/helpers.js';
import { bundleWorker, loadMiniflare, repoRoot, type MiniflareInstance } from '../support/runtimes.js';
import { describeExampleRoutes, exampleEnv, exampleSecrets, type Call } from './routes.js';

const workerDir = join('examples', 'cloudflare-worker');
const secrets = exampleSecrets();
let inputs: string[] = [];
let miniflare: MiniflareInstance | undefined;

/** A string setting of wrangler.toml (its top level holds only `key = "value"` lines). */
function wranglerSetting(name: string): string {
  const toml = readFileSync(join(repoRoot, workerDir, 'wrangler.toml'), 'utf8');
  const value = new RegExp(`^${name} = "([^"]+)"$`, 'm').exec(toml)?.[1];
  if (value === undefined) throw new Error(`wrangler.toml has no ${name}`);
  return value;
}

beforeAll(async () => {
  requireDist();
  const Miniflare = loadMiniflare();
  const bundle = await bundleWorker({ entryPoints: [join(workerDir, wranglerSetting('main'))] });
  inputs = bundle.inputs;
  miniflare = new Miniflare({
    modules: true,
    script: bundle.script,
    compatibilityDate: wranglerSetting('compatibility_date'),
    bindings: exampleEnv(secrets),
  });
});

afterAll(async () => {
  await miniflare?.dispose();
});

const call: Call = (path, init) => miniflare!.dispatchFetch(new URL(path, 'http://worker.example/').href, init);

describe('examples/cloudflare-worker', () => {
  it('is bundled from dist/ with the real server entry (not the browser stub) and the shared handler', () => {
    expect(inputs).toContain('dist/server.js');
    expect(inputs).toContain('examples/shared/handler.ts');
    expect(inputs).not.toContain('dist/server-browser.js');
    expect(inputs.filter((file) => file.startsWith('src/'))).toEqual([]);
  });
});

describeExampleRoutes('workerd', () => call, secrets);
