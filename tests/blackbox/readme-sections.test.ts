// The README's snippets in "Signed URLs", "Client-side upload authentication", "Upload",
// "Webhooks" and "Testing your app with the emulator", pasted as they are into a consumer
// project that has the packed package installed. Every one must type-check on its own
// (tsc, strict, NodeNext, DOM types for the browser ones): an undefined name or a missing
// import fails here. The server-side ones also run with Node against ImageKit's own
// addresses, answered by the package's emulator through msw (loaded first, as `--import`),
// and their signatures are checked with node:crypto.
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { copyFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { transform } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installPacked, repoRoot, runIn, typecheckIn, type Installed } from './installed.js';
import { sectionBlocks } from '../support/readme.js';

const sections = ['Signed URLs (server / edge)', 'Client-side upload authentication', 'Upload', 'Webhooks', 'Testing your app with the emulator'];
const snippets = sections.flatMap((heading) => sectionBlocks(heading));

function snippet(marker: string): string {
  const found = snippets.find((text) => text.includes(marker));
  if (!found) throw new Error(`README has no ts block containing ${marker}`);
  return found;
}

const preload = `
import { setupServer } from 'msw/node';
import { createEmulator } from 'imagekit-universal/testing';
const emulator = createEmulator({ urlEndpoint: 'https://ik.imagekit.io/demo' });
const server = setupServer(...emulator.handlers);
server.listen({ onUnhandledRequest: 'error' });
process.env.IMAGEKIT_PRIVATE_KEY = emulator.privateKey;
process.env.IMAGEKIT_PUBLIC_KEY = emulator.publicKey;
process.on('beforeExit', () => server.close());
`;

let installed: Installed;
beforeAll(async () => {
  installed = await installPacked();
  for (const name of ['@types', 'vitest']) {
    await symlink(join(repoRoot, 'node_modules', name), join(installed.dir, 'node_modules', name), 'dir');
  }
  await copyFile(join(repoRoot, 'examples', 'assets', 'tiny.jpg'), join(installed.dir, 'big-video.mp4'));
  await writeFile(join(installed.dir, 'package.json'), JSON.stringify({ type: 'module' }));
  await writeFile(join(installed.dir, 'preload.mjs'), preload);
}, 90_000);
afterAll(() => installed?.remove());

/** Strips the types and runs `source` with the emulator preloaded; resolves stdout. */
async function runWithEmulator(name: string, source: string): Promise<string> {
  const { code } = await transform(source, { loader: 'ts', format: 'esm', target: 'node20' });
  await writeFile(join(installed.dir, `${name}.mjs`), code);
  const { stdout } = await runIn(installed.dir, ['--import', './preload.mjs', `${name}.mjs`], 45_000);
  return stdout;
}

describe('README snippets of the signing, upload, webhook and emulator sections, as pasted', () => {
  it('finds the snippets', () => {
    expect(snippets.length).toBeGreaterThanOrEqual(9);
  });

  it('each imports only names it uses', () => {
    for (const text of snippets) {
      for (const [statement, names] of text.matchAll(/^import (?:type )?\{([^}]*)\} from .*$/gm)) {
        const rest = text.replace(statement, '');
        for (const name of names!
          .split(',')
          .map((part) =>
            part
              .trim()
              .split(/\s+as\s+/)
              .pop()!,
          )
          .filter(Boolean)) {
          expect(new RegExp(`\\b${name}\\b`).test(rest), `${name} in ${statement}`).toBe(true);
        }
      }
    }
  });

  it('each type-checks on its own (strict, NodeNext) against the installed package', async () => {
    const files = snippets.map((_, i) => `snippet-${i}.ts`);
    await Promise.all(snippets.map((text, i) => writeFile(join(installed.dir, files[i]!), `${text}\nexport {};\n`)));
    expect(await typecheckIn(installed.dir, files, ['ES2022', 'DOM', 'DOM.Iterable'], 90_000)).toBe('');
  }, 120_000);

  it('"Signed URLs": every URL it makes carries the HMAC-SHA1 that node:crypto computes', async () => {
    const source = `${snippet('signUrls(')}
console.log(JSON.stringify({ thumb, link, signed }));
`;
    const stdout = await runWithEmulator('signed-urls', source);
    const { thumb, link, signed } = JSON.parse(stdout) as { thumb: string; link: string; signed: string[] };
    const key = 'private_emulator_key';
    const endpoint = 'https://ik.imagekit.io/demo/';
    const hmac = (message: string) => createHmac('sha1', key).update(message).digest('hex');
    expect(thumb).toBe('https://ik.imagekit.io/demo/tr:w-300/photo.jpg');
    expect(link).toBe(`https://ik.imagekit.io/demo/private.jpg?ik-s=${hmac('private.jpg9999999999')}`);
    expect(signed).toHaveLength(3);
    for (const [i, url] of signed.entries()) {
      const match = /^(https:\/\/ik\.imagekit\.io\/demo\/tr:w-(\d+)\/private\.jpg)\?ik-t=(\d+)&ik-s=([0-9a-f]{40})$/.exec(url);
      expect(match, url).not.toBeNull();
      const [, unsigned, width, expiry, signature] = match!;
      expect(width).toBe(String([320, 640, 1280][i]));
      expect(signature).toBe(hmac(`${unsigned!.slice(endpoint.length)}${expiry}`));
    }
  }, 60_000);

  it('"Client-side upload authentication": the parameters are the HMAC-SHA1 of token + expire', async () => {
    const source = `${snippet('getAuthenticationParameters({ privateKey })')}
console.log(JSON.stringify({ token, expire, signature }));
`;
    const { token, expire, signature } = JSON.parse(await runWithEmulator('auth', source)) as {
      token: string;
      expire: number;
      signature: string;
    };
    expect(signature).toBe(createHmac('sha1', 'private_emulator_key').update(`${token}${expire}`).digest('hex'));
  }, 60_000);

  it('"Upload": the v2 JWT made on the server is accepted by the upload it names', async () => {
    const source = `${snippet('createUploadToken({')}
import { upload } from 'imagekit-universal';
const result = await upload({ file: new Blob(['x']), fileName: 'avatar.png', folder: '/avatars', uploadToken });
console.log(result.filePath);
`;
    expect(await runWithEmulator('upload-token', source)).toMatch(/^\/avatars\/avatar[^/]*\.png$/m);
  }, 60_000);

  it('"From a server": uploads the file from disk with progress', async () => {
    const source = `${snippet("openAsBlob('big-video.mp4')")}
console.log('stored ' + file.name + ' ' + file.size);
`;
    const stdout = await runWithEmulator('server-upload', source);
    const size = readFileSync(join(repoRoot, 'examples', 'assets', 'tiny.jpg')).length;
    expect(stdout).toContain(`stored big-video.mp4 ${size}`);
    // onProgress logged `loaded total` at least once, ending with the whole body.
    const last = stdout
      .split('\n')
      .filter((line) => /^\d+ \d+$/.test(line))
      .pop();
    expect(last).toBeDefined();
    const [loaded, total] = last!.split(' ').map(Number);
    expect(loaded).toBe(total);
  }, 60_000);
});
