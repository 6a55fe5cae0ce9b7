import { describe, it, expect } from 'vitest';
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../../src/index.ts', import.meta.url));

describe('phashDistance bundle size', () => {
  it('costs at most 450 bytes min+gz when it is the only import, error classes included', async () => {
    const result = await build({
      stdin: { contents: `export { phashDistance } from ${JSON.stringify(entry)};`, resolveDir: process.cwd(), loader: 'ts' },
      bundle: true,
      minify: true,
      format: 'esm',
      target: 'es2022',
      platform: 'neutral',
      write: false,
    });
    const code = result.outputFiles[0]!.contents;
    const size = gzipSync(code, { level: 9 }).length;
    expect(size).toBeLessThanOrEqual(450);
  });
});
