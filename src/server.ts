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
export { signUrl, signUrls, signResponsiveImageAttributes } from './signing/sign-url.js';
export type { SignUrlOptions, ResponsiveImageAttributesLike } from './signing/sign-url.js';
export { getAuthenticationParameters } from './signing/upload-auth.js';
export type { AuthenticationParametersOptions, AuthenticationParameters } from './signing/upload-auth.js';
export { createUploadToken } from './signing/upload-jwt.js';
export type { UploadTokenOptions } from './signing/upload-jwt.js';
export { verifyWebhook } from './webhooks/verify.js';
export type { WebhookInput, VerifyWebhookOptions, VerifiedWebhook } from './webhooks/verify.js';
export { isWebhookEvent } from './webhooks/events.js';
export type * from './webhooks/events.js';
export { ImageKit } from './client/imagekit.js';
export type { ClientUrlOptions } from './client/imagekit.js';
export { isPartialSuccess } from './core/request.js';
export type { RequestOptions, RetryPolicy } from './core/request.js';
export * from './media/index.js';
