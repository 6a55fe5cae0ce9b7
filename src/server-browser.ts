/**
 * @module imagekit-universal/server (browser stub)
 * What a bundler gets for `imagekit-universal/server` under the `browser` condition
 * (package.json `exports`; worker and edge conditions are listed first, so Cloudflare,
 * Vercel edge, Deno and Bun builds still get the real module).
 *
 * The real module holds the private key, so every server-only export here throws where it
 * is used: a class on construction, a function on call, a constant on any access. It does
 * NOT throw at import time on purpose: the package declares `sideEffects: false`, so a
 * bundler may drop a module whose only effect is an import-time throw, and the mistake
 * would ship silently. Names that the server entry merely re-exports from the root entry
 * (URL building, pHash, client upload, errors) are safe in a browser and are re-exported
 * unchanged. tests/package/server-browser.test.ts keeps the export list equal to
 * dist/server.js.
 */
export * from './index.js';

const message =
  'imagekit-universal/server was bundled for a browser. It needs your private key and must only run on a server or an edge worker. ' +
  'Import `imagekit-universal` in browser code, and sign URLs / create upload auth parameters on your server';

function refuse(): never {
  throw new Error(message);
}

/** An object whose every use throws the refusal (stands in for exported constants). */
/* @__NO_SIDE_EFFECTS__ */
function refusingObject(): never {
  return new Proxy({}, { get: refuse, has: refuse, ownKeys: refuse, getOwnPropertyDescriptor: refuse, set: refuse }) as never;
}

/** Browser stub of the `ImageKit` client: constructing it throws. */
export class ImageKit {
  constructor(..._args: unknown[]) {
    refuse();
  }
}
/** Browser stub: throws when called. */
export function uploadFile(..._args: unknown[]): never {
  return refuse();
}
/** Browser stub: throws when called. */
export function createClientContext(..._args: unknown[]): never {
  return refuse();
}
/** Browser stub: throws when called. */
export function isBrowserLike(..._args: unknown[]): never {
  return refuse();
}
/** Browser stub: any access throws. */
export const clientDefaults: never = /* @__PURE__ */ refusingObject();
