// `npx imagekit-emulator` (package.json bin → dist/emulator-cli.js): starts, prints its
// address and keys, serves the API with them, rejects bad arguments, says one line when
// the port is busy, and the README's curl examples work against it. Needs a build.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('../../dist/emulator-cli.js', import.meta.url));
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

interface Started {
  child: ChildProcess;
  output: string;
  url: string;
  privateKey: string;
  publicKey: string;
}

async function startCli(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Started> {
  const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
  const output = await new Promise<string>((resolve, reject) => {
    let text = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (/publicKey:\s+\S+\n/.test(text)) resolve(text);
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code}: ${text}`)));
  });
  const field = (pattern: RegExp) => {
    const value = pattern.exec(output)?.[1];
    if (value === undefined) throw new Error(`not printed: ${pattern} in ${output}`);
    return value;
  };
  return {
    child,
    output,
    url: field(/listening on (http:\/\/127\.0\.0\.1:\d+)/),
    privateKey: field(/privateKey:\s+(\S+)/),
    publicKey: field(/publicKey:\s+(\S+)/),
  };
}

function stop(started: Started): Promise<void> {
  return new Promise((resolve) => {
    started.child.once('exit', () => resolve());
    started.child.kill('SIGTERM');
  });
}

describe('imagekit-emulator command', () => {
  it('is the package bin', async () => {
    const pkg = (await import('../../package.json', { with: { type: 'json' } })).default as { bin: Record<string, string> };
    expect(pkg.bin['imagekit-emulator']).toBe('./dist/emulator-cli.js');
    expect(existsSync(cli), 'dist/emulator-cli.js is missing: run `npm run build` (npm test builds first)').toBe(true);
  });

  it('prints its URL and fresh random keys, and answers authenticated API calls', async () => {
    const first = await startCli(['--port', '0', '--seed', '7']);
    const second = await startCli(['--port', '0']);
    try {
      expect(first.privateKey).toMatch(/^private_emulator_[0-9a-f]{36}$/);
      expect(second.privateKey).not.toBe(first.privateKey);
      expect(second.publicKey).not.toBe(first.publicKey);
      const authorization = `Basic ${Buffer.from(`${first.privateKey}:`).toString('base64')}`;
      const listed = await fetch(`${first.url}/v1/files`, { headers: { authorization } });
      expect(listed.status).toBe(200);
      expect(await listed.json()).toEqual([]);
      expect((await fetch(`${first.url}/v1/files`)).status).toBe(401);
      expect((await fetch(`${second.url}/v1/files`, { headers: { authorization } })).status).toBe(401);
    } finally {
      await Promise.all([stop(first), stop(second)]);
    }
  });

  it('uses keys passed on the command line, and ignores HOST, PORT and DATA_DIR in the environment', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ik-cli-env-'));
    try {
      const env = { ...process.env, HOST: '0.0.0.0', PORT: '1', DATA_DIR: join(dataDir, 'wrong'), EMULATOR_DATA_DIR: join(dataDir, 'right') };
      const started = await startCli(['--port', '0', '--private-key', 'private_fixed', '--public-key', 'public_fixed'], env);
      try {
        expect([started.privateKey, started.publicKey]).toEqual(['private_fixed', 'public_fixed']);
        expect(started.url).toMatch(/^http:\/\/127\.0\.0\.1:/);
        expect(started.output).toContain(`data kept in:            ${join(dataDir, 'right')}`);
      } finally {
        await stop(started);
      }
      expect(existsSync(join(dataDir, 'right', 'state.json'))).toBe(true);
      expect(existsSync(join(dataDir, 'wrong'))).toBe(false);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('rejects a bad port with a usage line and exit code 2', () => {
    const result = spawnSync(process.execPath, [cli, '--port', 'abc'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--port must be a non-negative integer/);
    expect(result.stderr).toMatch(/Usage: imagekit-emulator/);
  });

  it('a busy port: one line on stderr, no stack, exit code 1', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const result = await new Promise<{ code: number | null; stderr: string; stdout: string }>((resolve) => {
        const child = spawn(process.execPath, [cli, '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
        let stderr = '';
        let stdout = '';
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        child.once('close', (code) => resolve({ code, stderr, stdout }));
      });
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(`imagekit-emulator: port ${port} is already in use on 127.0.0.1; pass --port N (or --port 0 for any free port)\n`);
    } finally {
      blocker.close();
    }
  });

  it('the usage names the default port the README documents', () => {
    const result = spawnSync(process.execPath, [cli, '--help'], { encoding: 'utf8' });
    expect(result.stdout).toMatch(/default 4100/);
    expect(readme).toContain('`http://127.0.0.1:4100` (`--port 0` for any free port)');
  });
});

// ---- The README's curl examples, run as written (curl when installed; else fetch). ----

/** The README's curl lines, comments dropped. */
function readmeCurlLines(): string[] {
  const block = /```sh\n((?:curl [^\n]*\n)+)```/.exec(readme)?.[1];
  if (block === undefined) throw new Error('README has no block of curl lines');
  return block
    .trim()
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/, '').trim());
}

/** Splits a shell line into words, expanding "$VAR" and ${VAR} from `env` (the subset the README uses). */
function shellWords(line: string, env: Record<string, string>): string[] {
  const words: string[] = [];
  const pattern = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  const expand = (text: string) => text.replace(/\$\{?([A-Z_]+)\}?/g, (_, name: string) => env[name] ?? '');
  for (const match of line.matchAll(pattern)) words.push(match[2] !== undefined ? match[2] : expand(match[1] ?? match[3] ?? ''));
  return words;
}

/** Runs one curl line with fetch: -u USER:PASS, -F name=value / name=@file, -X METHOD, URL. */
async function curlWithFetch(line: string, env: Record<string, string>, cwd: string): Promise<string> {
  const words = shellWords(line, env);
  expect(words.shift()).toBe('curl');
  const headers: Record<string, string> = {};
  let method: string | undefined;
  let form: FormData | undefined;
  let url: string | undefined;
  while (words.length > 0) {
    const word = words.shift() as string;
    if (word === '-u') headers['authorization'] = `Basic ${Buffer.from(words.shift() as string).toString('base64')}`;
    else if (word === '-X') method = words.shift();
    else if (word === '-F') {
      const [name, value] = (words.shift() as string).split(/=(.*)/s) as [string, string];
      form ??= new FormData();
      if (value.startsWith('@')) form.append(name, new Blob([readFileSync(join(cwd, value.slice(1)))]), value.slice(1));
      else form.append(name, value);
    } else if (word.startsWith('-')) throw new Error(`curlWithFetch does not know ${word}: teach it, or keep the README to -u/-F/-X`);
    else url = word;
  }
  const response = await fetch(url as string, { method: method ?? (form ? 'POST' : 'GET'), headers, ...(form ? { body: form } : {}) });
  return `${response.status} ${await response.text()}`;
}

function curlWithCurl(line: string, env: Record<string, string>, cwd: string): string {
  const result = spawnSync('bash', ['-c', `${line} -sS -w ' %{http_code}'`], { cwd, env: { ...process.env, ...env }, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`curl failed: ${result.stderr}`);
  const status = /(\d{3})$/.exec(result.stdout)?.[1];
  return `${status} ${result.stdout.replace(/ \d{3}$/, '')}`;
}

const hasCurl = spawnSync('curl', ['--version']).status === 0;

describe('README › From a shell: the curl examples against the command', () => {
  const runners: Array<[string, (line: string, env: Record<string, string>, cwd: string) => string | Promise<string>]> = [
    ['fetch with the same requests', curlWithFetch],
  ];
  if (hasCurl) runners.unshift(['curl', curlWithCurl]);

  it.each(runners)('upload, list, details, delete (%s)', async (_name, run) => {
    const lines = readmeCurlLines();
    expect(lines.map((line) => /"\$IK(\/[^"$]*)/.exec(line)?.[1])).toEqual(['/api/v1/files/upload', '/v1/files', '/v1/files/', '/v1/files/']);
    const dir = mkdtempSync(join(tmpdir(), 'ik-cli-curl-'));
    copyFileSync(fileURLToPath(new URL('../../examples/assets/tiny.jpg', import.meta.url)), join(dir, 'photo.jpg'));
    const started = await startCli(['--port', '0', '--data-dir', join(dir, '.emulator')]);
    try {
      const env: Record<string, string> = { IK: started.url, KEY: started.privateKey };
      const [uploadLine, listLine, detailsLine, deleteLine] = lines as [string, string, string, string];
      const uploaded = await run(uploadLine, env, dir);
      expect(uploaded.slice(0, 4)).toBe('200 ');
      const file = JSON.parse(uploaded.slice(4)) as { fileId: string; name: string; width: number };
      expect(file).toMatchObject({ name: expect.stringMatching(/^photo_.+\.jpg$/), width: 16 });
      env['FILE_ID'] = file.fileId;
      const listed = await run(listLine, env, dir);
      expect(JSON.parse(listed.slice(4)).map((item: { fileId: string }) => item.fileId)).toEqual([file.fileId]);
      const details = await run(detailsLine, env, dir);
      expect(JSON.parse(details.slice(4))).toMatchObject({ fileId: file.fileId, name: file.name });
      expect(await run(deleteLine, env, dir)).toBe('204 ');
      expect((await run(detailsLine, env, dir)).slice(0, 4)).toBe('404 ');
      expect(existsSync(join(dir, '.emulator', 'state.json'))).toBe(true);
    } finally {
      await stop(started);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
