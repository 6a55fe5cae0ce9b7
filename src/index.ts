/**
 * @module imagekit-universal
 * The pure, browser-and-edge-safe entry: URL building, responsive images, pHash
 * distance, client-side upload (with auth parameters from your server), error classes
 * and types. It never holds a private key and never uses Web Crypto.
 */
export * from './root-exports.js';
export { upload } from './upload/client-upload.js';
