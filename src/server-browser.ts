/**
 * @module imagekit-universal/server (browser stub)
 * What a bundler gets for `imagekit-universal/server` under the `browser` condition.
 * The real module holds the private key, so every export here throws where it is used.
 */
const message =
  'imagekit-universal/server was bundled for a browser. It holds your private key and must only run on a server or an edge worker. ' +
  'Import `imagekit-universal` in browser code, and sign URLs / create upload auth parameters on your server';

function refuse(): never {
  throw new Error(message);
}

/** Browser stub: constructing it throws. */
export class ImageKit {
  constructor() {
    refuse();
  }
}
/** Browser stub: throws. */
export function signUrl(): never {
  return refuse();
}
/** Browser stub: throws. */
export function getAuthenticationParameters(): never {
  return refuse();
}
/** Browser stub: throws. */
export function verifyWebhook(): never {
  return refuse();
}
/** Browser stub: throws. */
export function uploadFile(): never {
  return refuse();
}
/** Browser stub: throws. */
export function createClientContext(): never {
  return refuse();
}
