/**
 * @module root-exports
 * Everything the root entry exports except the `upload` function, shared by its two
 * builds: `index.ts` (Node, Deno, Bun) and `index-browser.ts` (the `browser` condition),
 * which each add their own `upload`. Nothing here reaches a transport: the
 * `ClientUploadOptions` re-export is type-only and erased at build. Not an entry point.
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
  BuildUrlSettings,
  UrlSource,
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
  ResponsiveImageSettings,
  ResponsiveImageAttributes,
} from './url/types.js';
export type { ClientUploadOptions } from './upload/client-upload.js';
export type {
  UploadOptions,
  UploadResponse,
  UploadFile,
  UploadProgress,
  UploadAuthParameters,
  UploadTransformation,
  UploadPostTransformation,
  UploadResponseField,
} from './upload/types.js';
export type {
  AITag,
  CustomMetadataValues,
  Extension,
  BaseExtension,
  ExtensionName,
  ExtensionStatus,
  RemoveBgExtension,
  AutoTaggingExtension,
  AiAutoDescriptionExtension,
  AiTasksExtension,
  AiTask,
  AiTaskAction,
  SavedExtensionReference,
  SelectedFieldSchema,
  FileObject,
  FolderObject,
  FileMetadata,
  UploadedFile,
} from './objects.js';
