/**
 * @module media
 * The management API as standalone, tree-shakable functions: each takes a
 * `ClientContext` (from `createClientContext`), its arguments, and an optional
 * `RequestOptions` last. Server and edge only (HTTP Basic auth with the private key).
 *
 * Each endpoint's facts (method, path, arguments, validation, retry policy, success
 * status) are written once, in `endpoints.ts`; the retry policies and their reasons are
 * listed in docs/http-and-retries.md ("Retry policy per API endpoint"), a table generated
 * from those facts.
 *
 * ## Partial success
 *
 * A 207 answer (bulk delete/tags, rename with a failed purge) resolves with the body;
 * `isPartialSuccess(result)` is true and `result.errors` lists the failures.
 */
export * from './endpoints.js';
export type { Endpoint, EndpointFacts } from './endpoint.js';
export { maxFilesPageSize, iterateFilePages, iterateFiles } from './iterate-files.js';
export type { IterateFilesParams } from './iterate-files.js';
export { maxBulkDeleteFileIds, maxBulkTagFileIds } from './params.js';
export type {
  EmptyResult,
  FileSort,
  ListFilesParams,
  ListFilesItem,
  FileListParams,
  FolderListParams,
  FileDetailsUpdate,
  FilePublishUpdate,
  UpdateFileDetailsParams,
  UpdatedFile,
  CopyFileParams,
  MoveFileParams,
  RenameFileParams,
  RenameFileResult,
  BulkItemError,
  BulkDeleteFilesResult,
  BulkTagsResult,
  FileVersionParams,
  CreateFolderParams,
  CopyFolderParams,
  MoveFolderParams,
  RenameFolderParams,
  PurgeCacheResult,
  PurgeCacheStatus,
  CreateCustomMetadataFieldParams,
  GetCustomMetadataFieldsParams,
  UpdateCustomMetadataFieldParams,
  DateRangeParams,
  CreateSavedExtensionParams,
  UpdateSavedExtensionParams,
  CreateNamedTransformationParams,
  UpdateNamedTransformationParams,
} from './params.js';
export type {
  AITag,
  CustomMetadataValues,
  FileExtensionStatus,
  Extension,
  FileObject,
  FolderObject,
  FileMetadata,
  CustomMetadataFieldType,
  CustomMetadataScalar,
  CustomMetadataFieldSchema,
  CustomMetadataField,
  BulkJobStatus,
  BulkJobResult,
  Usage,
  UsageAnalyticsEntry,
  UsageAnalyticsBreakdown,
  UsageAnalytics,
  OriginType,
  OriginRequest,
  Origin,
  UrlRewriter,
  UrlEndpointRequest,
  UrlEndpoint,
  SavedExtension,
  NamedTransformation,
} from './types.js';
