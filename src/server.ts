/**
 * @module imagekit-universal/server
 * Everything that needs the private key: the `ImageKit` client, signing, upload
 * authentication parameters, webhook verification, server upload and the media API.
 * Runs on Node, Deno, Bun and Cloudflare Workers (Web Crypto + fetch, no `node:` imports).
 * Refuses to be used in a browser by accident.
 */
export * from './index.js';
export { createClientContext, clientDefaults, isBrowserLike } from './core/context.js';
export type { ClientOptions, ClientContext } from './core/context.js';
export { uploadFile } from './upload/server-upload.js';
export type { ServerUploadOptions } from './upload/server-upload.js';
