// `npx imagekit-emulator` (package.json bin → dist/emulator-cli.js): starts, prints its
// address and keys, serves the API with them, rejects bad arguments. Needs a build.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('../../dist/emulator-cli.js', import.meta.url));

describe('imagekit-emulator command', () => {
  it('is the package bin', async () => {
    const pkg = (await import('../../package.json', { with: { type: 'json' } })).default as { bin: Record<string, string> };
    expect(pkg.bin['imagekit-emulator']).toBe('./dist/emulator-cli.js');
    expect(existsSync(cli), 'dist/emulator-cli.js is missing: run `npm run build` (npm test builds first)').toBe(true);
  });

  it('prints its URL and keys, and answers authenticated API calls', async () => {
    const child = spawn(process.execPath, [cli, '--port', '0', '--seed', '7'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const output = await new Promise<string>((resolve, reject) => {
        let text = '';
        child.stdout.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          if (text.includes('publicKey')) resolve(text);
        });
        child.once('exit', (code) => reject(new Error(`exited with ${code}: ${text}`)));
      });
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      const privateKey = /privateKey:\s+(\S+)/.exec(output)?.[1];
      expect(url).toBeDefined();
      expect(privateKey).toBeDefined();
      const authorization = `Basic ${Buffer.from(`${privateKey}:`).toString('base64')}`;
      const listed = await fetch(`${url}/v1/files`, { headers: { authorization } });
      expect(listed.status).toBe(200);
      expect(await listed.json()).toEqual([]);
      expect((await fetch(`${url}/v1/files`)).status).toBe(401);
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('rejects a bad port with a usage line and exit code 2', () => {
    const result = spawnSync(process.execPath, [cli, '--port', 'abc'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--port must be a non-negative integer/);
    expect(result.stderr).toMatch(/Usage: imagekit-emulator/);
  });
});
