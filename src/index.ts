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
export { buildUrl } from './url/build-url.js';
export { buildTransformationString } from './url/transformation.js';
export { getResponsiveImageAttributes } from './url/responsive.js';
export type {
  BuildUrlOptions,
  Transformation,
  ModernTransformation,
  LegacyTransformation,
  DeprecatedOverlayTransformation,
  TransformationValue,
  TransformationPosition,
  QueryParameterValue,
  Overlay,
  BaseOverlay,
  TextOverlay,
  ImageOverlay,
  VideoOverlay,
  SubtitleOverlay,
  SolidColorOverlay,
  OverlayPosition,
  OverlayTiming,
  OverlayEncoding,
  CropStrategy,
  CropModeValue,
  FormatValue,
  VideoCodecValue,
  AudioCodecValue,
  FlipValue,
  FocusValue,
  StreamingResolution,
  ResponsiveImageOptions,
  ResponsiveImageAttributes,
} from './url/types.js';
export { upload } from './upload/client-upload.js';
export type { ClientUploadOptions } from './upload/client-upload.js';
export type {
  UploadOptions,
  UploadResponse,
  UploadFile,
  UploadProgress,
  UploadAuthParameters,
  UploadExtension,
  RemoveBgExtension,
  AutoTaggingExtension,
  AiAutoDescriptionExtension,
  AiTasksExtension,
  AiTask,
  AiTaskAction,
  SavedExtensionReference,
  UploadTransformation,
  UploadPostTransformation,
  UploadResponseField,
  ExtensionStatus,
} from './upload/types.js';
