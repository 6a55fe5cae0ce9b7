// Module boundaries (docs/architecture.md, "Import rules"), enforced by a tool instead of by review,
// plus one type-aware rule everywhere: `no-floating-promises` (an un-awaited promise in a test
// is an assertion that never runs). Deliberately small so `npm run lint` stays fast.
// ESLint replaces (does not merge) a rule's options when several config objects match a
// file, so each folder's block lists the shared restrictions again via the helpers below.
import tseslint from 'typescript-eslint';

const onlyInTesting = [
  { regex: '^msw(/|$)', message: 'msw is a dev tool: only src/testing may import it.' },
  { regex: '^node:', message: 'No `node:` imports in src/ (Web platform only); only src/testing may use them.' },
  { regex: '(^|/)testing(/|\\.js$|$)', message: 'Nothing in src/ imports the testing entry or src/testing.' },
];

/** Restrict imports: the shared list plus the folder's own patterns. */
const imports = (...patterns) => ['error', { patterns: [...onlyInTesting, ...patterns] }];

const serverOnlyGlobals = ['process', 'Buffer'].map((name) => ({
  name,
  message: `\`${name}\` does not exist on edge runtimes or in browsers; src/ uses Web platform APIs only.`,
}));

/** Restrict globals: `process` / `Buffer` everywhere, plus the folder's own names. */
const globals = (names, why) => [
  'error',
  ...serverOnlyGlobals,
  ...names.map((name) => ({ name, message: `\`${name}\` is not allowed here: ${why}` })),
];

const pureWhy = 'src/url and src/phash are pure (no network, no Web Crypto, no runtime APIs); see docs/architecture.md.';
const pureGlobals = ['fetch', 'crypto', 'Request', 'XMLHttpRequest'];

// Type information: TypeScript files get it from the tsconfig that compiles them; the .mjs
// scripts (bench/, .ci/, examples/, test helpers) have no tsconfig, and get it from TypeScript's
// default project, which infers their types from the JavaScript.
const floating = {
  plugins: { '@typescript-eslint': tseslint.plugin },
  linterOptions: { reportUnusedDisableDirectives: 'error' },
  rules: { '@typescript-eslint/no-floating-promises': 'error' },
};
const scripts = ['bench/**/*.mjs', '.ci/**/*.mjs', 'examples/**/*.{mjs,ts}', 'tests/**/*.mjs'];

export default tseslint.config(
  { ignores: ['dist/**', '**/node_modules/**'] },
  {
    files: ['src/**/*.ts', 'tests/**/*.ts'],
    ...floating,
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { project: ['./tsconfig.json', './tsconfig.test.json', './tests/types/tsconfig.json'], tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    files: scripts,
    ...floating,
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: {
        projectService: {
          // One level per `*`: the default project refuses `**`.
          allowDefaultProject: [
            'bench/*.mjs',
            'bench/lib/*.mjs',
            '.ci/*.mjs',
            'examples/*.{mjs,ts}',
            'examples/*/*.{mjs,ts}',
            'tests/*/*.mjs',
            'tests/*/*/*.mjs',
          ],
          maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 40,
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    files: ['src/**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'no-restricted-imports': imports(),
      'no-restricted-globals': globals([], ''),
    },
  },
  {
    files: ['src/url/**/*.ts', 'src/phash/**/*.ts'],
    rules: {
      'no-restricted-imports': imports({
        regex: '^\\.\\./(?!errors(\\.js)?$|internal/)',
        message: 'src/url and src/phash may import only ../errors and ../internal (docs/architecture.md).',
      }),
      'no-restricted-globals': globals(pureGlobals, pureWhy),
      // `globalThis.fetch` would dodge no-restricted-globals.
      'no-restricted-properties': ['error', ...pureGlobals.map((property) => ({ object: 'globalThis', property, message: pureWhy }))],
    },
  },
  {
    files: ['src/signing/**/*.ts', 'src/webhooks/**/*.ts'],
    rules: {
      'no-restricted-imports': imports({
        regex: '^\\.\\./(core|upload|media|transport|client)(/|\\.js$|$)',
        message: 'signing and webhooks use Web Crypto only: no HTTP core, upload, media or transport (docs/architecture.md).',
      }),
      'no-restricted-globals': globals(['fetch'], 'signing and webhooks never call the network (docs/architecture.md).'),
      'no-restricted-properties': ['error', { object: 'globalThis', property: 'fetch', message: 'signing and webhooks never call the network.' }],
    },
  },
  {
    files: ['src/index.ts', 'src/index-browser.ts', 'src/root-exports.ts'],
    rules: {
      'no-restricted-imports': imports({
        // The root entry may use upload's client-upload and transport (root features), never the secret side.
        regex: '^\\./(core|signing|webhooks|media|client|server)(/|\\.js$|$)',
        message: 'The root entry is browser-safe: it never imports core, signing, webhooks, media, client or server.',
      }),
    },
  },
  {
    // The emulator is a dev tool: anything goes (msw, node:*, process).
    files: ['src/testing/**/*.ts', 'src/testing.ts'],
    rules: { 'no-restricted-imports': 'off', 'no-restricted-globals': 'off' },
  },
);
