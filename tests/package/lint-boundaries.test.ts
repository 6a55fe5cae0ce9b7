// The module-boundary lint rules (eslint.config.js, docs/architecture.md) really reject what they
// should and accept what is allowed: each case lints a one-line module as if it lived at
// the given path.
import { describe, it, expect, beforeAll } from 'vitest';
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { repoRoot } from './helpers.js';

let eslint: ESLint;
beforeAll(() => {
  // The one-line modules exist only in memory, so no tsconfig holds them: lint them
  // without type information (the boundary rules are syntax-only).
  eslint = new ESLint({
    cwd: repoRoot,
    overrideConfig: {
      languageOptions: { parserOptions: { project: null, projectService: false } },
      rules: { '@typescript-eslint/no-floating-promises': 'off' },
    },
  });
});

async function ruleIds(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(repoRoot, file) });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

describe('eslint module boundaries', () => {
  it.each([
    ['src/url/x.ts', "import { a } from '../core/context.js'; export const b = a;", 'no-restricted-imports'],
    ['src/url/x.ts', "import { a } from '../signing/sign-url.js'; export const b = a;", 'no-restricted-imports'],
    ['src/phash/x.ts', "import { a } from '../upload/form.js'; export const b = a;", 'no-restricted-imports'],
    ['src/url/x.ts', "export const f = () => fetch('/');", 'no-restricted-globals'],
    ['src/url/x.ts', 'export const f = () => crypto.subtle;', 'no-restricted-globals'],
    ['src/phash/x.ts', 'export const f = () => new XMLHttpRequest();', 'no-restricted-globals'],
    ['src/phash/x.ts', 'export const f = () => new Request("/");', 'no-restricted-globals'],
    ['src/url/x.ts', 'export const f = () => globalThis.fetch;', 'no-restricted-properties'],
    ['src/signing/x.ts', "import { a } from '../core/context.js'; export const b = a;", 'no-restricted-imports'],
    ['src/signing/x.ts', "import { a } from '../transport/fetch.js'; export const b = a;", 'no-restricted-imports'],
    ['src/webhooks/x.ts', "import { a } from '../media/files.js'; export const b = a;", 'no-restricted-imports'],
    ['src/webhooks/x.ts', "export const f = () => fetch('/');", 'no-restricted-globals'],
    ['src/index.ts', "export { signUrl } from './signing/sign-url.js';", 'no-restricted-imports'],
    ['src/index.ts', "export { ImageKit } from './client/image-kit.js';", 'no-restricted-imports'],
    ['src/index.ts', "export * from './core/context.js';", 'no-restricted-imports'],
    ['src/index-browser.ts', "export { signUrl } from './signing/sign-url.js';", 'no-restricted-imports'],
    ['src/core/x.ts', "import { http } from 'msw'; export const h = http;", 'no-restricted-imports'],
    ['src/core/x.ts', "import { createHmac } from 'node:crypto'; export const h = createHmac;", 'no-restricted-imports'],
    ['src/server.ts', "export * from './testing.js';", 'no-restricted-imports'],
    ['src/core/x.ts', 'export const f = () => process.env;', 'no-restricted-globals'],
    ['src/upload/x.ts', "export const f = () => Buffer.from('');", 'no-restricted-globals'],
  ])('%s: rejects `%s`', async (file, code, rule) => {
    expect(await ruleIds(file, code)).toContain(rule);
  });

  it.each([
    [
      'src/url/x.ts',
      "import { a } from '../errors.js'; import { b } from '../internal/encoding.js'; import { c } from './y.js'; export const d = [a, b, c];",
    ],
    ['src/signing/x.ts', "import { a } from '../errors.js'; export const f = () => [a, crypto.subtle];"],
    ['src/index.ts', "export { upload } from './upload/client-upload.js'; export { buildUrl } from './url/build-url.js';"],
    ['src/core/x.ts', "import { sendFetch } from '../transport/fetch.js'; export const f = () => sendFetch;"],
    ['src/testing/x.ts', "import { http } from 'msw'; import { createServer } from 'node:http'; export const a = [http, createServer, process.env];"],
  ])('%s: allows `%s`', async (file, code) => {
    expect(await ruleIds(file, code)).toEqual([]);
  });
});
