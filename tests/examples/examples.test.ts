// The README's main job (`npm run demo` = build + examples/demo.mjs) and the other Node
// examples, run as a user runs them: a child process on the built dist/, no IMAGEKIT_*
// keys (so against the built-in emulator, on loopback only). `npm test` builds dist/ first.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

function runExample(file: string, args: string[] = []): { status: number | null; output: string } {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('IMAGEKIT_')));
  const result = spawnSync(process.execPath, [file, ...args], { cwd: root, env, encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

describe('examples run offline against the emulator', () => {
  it('examples/demo.mjs (the main job) completes the whole tour', () => {
    const { status, output } = runExample('examples/demo.mjs');
    expect(output).toContain('Tour complete.');
    expect(status).toBe(0);
    // Every part of the tour ran, v1 and v2 client uploads included.
    for (const part of ['Signing', 'Upload', 'List and search', 'via /api/v2/files/upload', 'NotFoundError (status 404)']) {
      expect(output).toContain(part);
    }
    // The signature printed by the demo is masked; no private key of the emulator is printed.
    // (The emulator's keys are random per start: private_emulator_<hex>.)
    expect(output).not.toMatch(/private_[A-Za-z0-9]{8,}/);
  }, 150_000);

  it('examples/upload-folder.mjs uploads its generated files', () => {
    const { status, output } = runExample('examples/upload-folder.mjs');
    expect(status).toBe(0);
    expect(output).not.toMatch(/Error|failed/i);
  }, 150_000);
});
