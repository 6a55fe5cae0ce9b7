import { defineConfig } from 'vitest/config';

// Three projects; `npx vitest run` (and `npm test`, after build, typecheck and lint) runs all.
//   unit     src/ only: no build, no browser, no extra runtime (`npm run test:unit`)
//   package  the built dist/ and the packed tarball: exports, types, size, docs, the CLI
//   e2e      dist/ in the other runtimes and in Chromium (`npm run setup` first), examples
const e2e = ['tests/runtimes/**/*.test.ts', 'tests/examples/**/*.test.ts', 'tests/upload/browser.test.ts', 'tests/upload/runtimes.test.ts'];
const packaged = [
  'tests/package/**/*.test.ts',
  'tests/blackbox/**/*.test.ts',
  'tests/emulator/cli.test.ts',
  'tests/docs/tsdoc.test.ts',
  'tests/docs/migration.test.ts',
];

export default defineConfig({
  test: {
    exclude: ['**/node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['**/node_modules/**', ...packaged, ...e2e],
          // Worker threads that keep their module cache from file to file (each file restores
          // the globals, timers, spies and servers it changed), one per core: files run in
          // parallel threads of one process, so a test measuring the process (RSS) measures a
          // child process of its own. Other projects wait for this group (groupOrder).
          pool: 'threads',
          isolate: false,
          maxWorkers: '100%',
        },
      },
      { extends: true, test: { name: 'package', include: packaged, sequence: { groupOrder: 1 } } },
      { extends: true, test: { name: 'e2e', include: e2e, sequence: { groupOrder: 1 } } },
    ],
  },
});
