/**
 * @module imagekit-universal
 * The pure, browser-and-edge-safe entry: URL building, responsive images, pHash
 * distance, client-side upload (with auth parameters from your server), error classes
 * and types. It never holds a private key and never uses Web Crypto.
 */
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
export type { ResponseMetadata, RateLimitInfo, WebhookFailureReason, ApiErrorInit } from './errors.js';
export { phashDistance } from './phash/distance.js';
