import { defineConfig } from 'tsup';

// `npm run build` is `tsup` followed by .ci/build-server-browser.mjs, which writes the browser
// stub of `imagekit-universal/server` (dist/server-browser.*) from the built server entry.

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    // The root entry for browser bundlers (package.json `exports["."].browser`): `upload`
    // without the Node transport. Splitting keeps the error classes in shared chunks.
    'index-browser': 'src/index-browser.ts',
    server: 'src/server.ts',
    testing: 'src/testing.ts',
    // `npx imagekit-emulator` (package.json `bin`), Node only.
    'emulator-cli': 'src/testing/cli.ts',
  },
  format: ['esm', 'cjs'],
  // The testing entry may use Node types (its HTTP server); src/ outside it is typechecked without them by tsconfig.json.
  dts: { compilerOptions: { types: ['node'] } },
  sourcemap: true,
  clean: true,
  target: 'es2022',
  platform: 'neutral',
  treeshake: true,
  splitting: true,
  external: ['msw', /^node:/],
});
