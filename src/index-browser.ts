/**
 * @module imagekit-universal (browser build)
 * The root entry as browser bundlers get it, through the `browser` condition of
 * package.json `exports["."]`: every export of `src/index.ts` (same names, same types),
 * except that `upload` sends with XHR where it exists, else `fetch` (an injected `fetch`
 * option always wins), and never with Node's `http` module, so the Node transport is not
 * in the bundle. Node, Deno, Bun and bundlers without the `browser` condition get
 * `src/index.ts`.
 *
 * Everything but `upload` comes from `root-exports.ts`, as in `index.ts`; a re-export of
 * index.ts itself would put its Node `upload` (and `node-http.ts`) into the module graph
 * of this build. tests/package/browser-build.test.ts checks that both entries export the
 * same names.
 */
export * from './root-exports.js';
export { upload } from './upload/client-upload-browser.js';
