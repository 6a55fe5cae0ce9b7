// The README's "Quick start" server snippet and the "Media API" snippet that continues it,
// pasted as they are into a consumer project that has the packed package installed: they
// must type-check (tsc, strict, NodeNext) and run with Node. The network is ImageKit's own
// addresses, answered by the package's emulator through msw (loaded before the snippet,
// as `--import`), so the calls meet the same checks as on the real API: a `customMetadata`
// key that is not a defined field, for instance, is a 400.
import { copyFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { transform } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installPacked, repoRoot, runIn, typecheckIn, type Installed } from './installed.js';
import { sectionBlocks } from '../support/readme.js';

const quickStart = sectionBlocks('Quick start').find((block) => block.includes('imagekit-universal/server'));
const media = sectionBlocks('Media API')[0];

// Runs before the snippet: ImageKit's API, upload and delivery hosts answered by the emulator,
// and the key the snippet reads from the environment.
const preload = `
import { setupServer } from 'msw/node';
import { createEmulator } from 'imagekit-universal/testing';
const emulator = createEmulator({ urlEndpoint: 'https://ik.imagekit.io/demo' });
const server = setupServer(...emulator.handlers);
server.listen({ onUnhandledRequest: 'error' });
process.env.IMAGEKIT_PRIVATE_KEY = emulator.privateKey;
process.on('beforeExit', () => server.close());
`;

let installed: Installed;
beforeAll(async () => {
  installed = await installPacked();
  await symlink(join(repoRoot, 'node_modules', '@types'), join(installed.dir, 'node_modules', '@types'), 'dir');
  await copyFile(join(repoRoot, 'examples', 'assets', 'tiny.jpg'), join(installed.dir, 'photo.jpg'));
  await writeFile(join(installed.dir, 'package.json'), JSON.stringify({ type: 'module' }));
  await writeFile(join(installed.dir, 'preload.mjs'), preload);
}, 90_000);
afterAll(() => installed?.remove());

describe('README "Quick start" and "Media API" snippets, as pasted', () => {
  it('finds both snippets', () => {
    expect(quickStart).toBeDefined();
    expect(media).toBeDefined();
  });

  const program = () => `${quickStart!}\n${media!}\nexport {};\n`;

  it('type-check (strict, NodeNext) against the installed package', async () => {
    await writeFile(join(installed.dir, 'snippet.ts'), program());
    expect(await typecheckIn(installed.dir, ['snippet.ts'], ['ES2022', 'DOM'], 60_000)).toBe('');
  }, 90_000);

  it('run with Node: upload, list, custom metadata, tags, metadata, copy, purge', async () => {
    const { code } = await transform(program(), { loader: 'ts', format: 'esm', target: 'node20' });
    await writeFile(join(installed.dir, 'snippet.mjs'), code);
    const { stdout } = await runIn(installed.dir, ['--import', './preload.mjs', 'snippet.mjs'], 45_000);
    // The Quick start logs the stored file's URL and the request id.
    expect(stdout).toMatch(/^https:\/\/ik\.imagekit\.io\/demo\/products\/photo[^ ]*\.jpg \S+$/m);
  }, 60_000);
});
