/**
 * @module imagekit-universal (browser build)
 * The root entry as browser bundlers get it, through the `browser` condition of
 * package.json `exports["."]`: every export of `src/index.ts` (same names, same types),
 * except that `upload` sends with XHR where it exists, else `fetch` (an injected `fetch`
 * option always wins), and never with Node's `http` module, so the Node transport is not
 * in the bundle. Node, Deno, Bun and bundlers without the `browser` condition get
 * `src/index.ts`.
 *
 * The values are listed again here rather than `export *`-ed from `./index.js`: a value
 * re-export of index.ts would put its Node `upload` (and `node-http.ts`) into the module
 * graph of this build. tests/package/browser-build.test.ts checks that both entries export
 * the same names. Types come from index.ts itself (`export type *` is erased at build).
 */
export type * from './index.js';
export {
  ImageKitError,
  ApiError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  RateLimitError,
  InternalServerError,
  ConnectionError,
  TimeoutError,
  UploadIndeterminateError,
  WebhookVerificationError,
  PhashError,
  isImageKitError,
  isApiError,
  isNotFoundError,
  isRateLimitError,
  isConnectionError,
  isTimeoutError,
  isUploadIndeterminateError,
  isWebhookVerificationError,
} from './errors.js';
export { phashDistance } from './phash/distance.js';
export { buildUrl } from './url/build-url.js';
export { buildTransformationString } from './url/transformation.js';
export { getResponsiveImageAttributes } from './url/responsive.js';
export { upload } from './upload/client-upload-browser.js';
