/**
 * @module media
 * The management API as standalone, tree-shakable functions: each takes a
 * `ClientContext` (from `createClientContext`), its arguments, and an optional
 * `RequestOptions` last. Server and edge only (HTTP Basic auth with the private key).
 *
 * ## Retry policy per endpoint
 *
 * Every call retries at most `maxRetries` times (default 2). What may be retried depends
 * on whether sending the request twice can do the work twice:
 *
 * - `always`: connection errors, per-attempt timeouts and 408/429/500/502/503/504.
 * - `safe`: only failures where the server cannot have acted — 429 (rejected by the rate
 *   limiter), 408, and connection errors raised before a connection existed (refused,
 *   DNS failure). Never after a timeout, a reset or a 5xx: the work may already be done.
 *
 * | Endpoint | Method | Policy | Why |
 * |---|---|---|---|
 * | listFiles, iterateFiles, getFileDetails, getFileVersions, getFileVersionDetails, getFileMetadata, getRemoteFileUrlMetadata, getBulkJobStatus, getPurgeFileCacheStatus, getCustomMetadataFields, getUsage, getUsageAnalytics, list/get Origin, UrlEndpoint, SavedExtension, NamedTransformation | GET | always | reads |
 * | updateFileDetails (details or publish) | PATCH | always | sets values; a replay leaves the same state |
 * | updateFileDetails with `extensions` or `webhookUrl` | PATCH | safe | a replay could run billable extensions again |
 * | updateCustomMetadataField, updateSavedExtension, updateNamedTransformation | PATCH | always | partial set |
 * | updateOrigin, updateUrlEndpoint | PUT | always | full replace |
 * | restoreFileVersion | PUT | always | same version becomes current again |
 * | renameFile | PUT | safe | not idempotent: a replay after success fails with 404 and may purge twice |
 * | deleteFile, deleteFileVersion, deleteFolder, deleteCustomMetadataField, delete Origin/UrlEndpoint/SavedExtension/NamedTransformation | DELETE | always | same end state (a replay after a lost success answers 404) |
 * | bulkAddTags, bulkRemoveTags, bulkRemoveAITags | POST | always | set operations, idempotent |
 * | bulkDeleteFiles | POST | safe | a replay after success reports the ids as missing (404) |
 * | copyFile | POST | safe | a replay appends duplicate versions at the destination |
 * | moveFile | POST | safe | a replay after success fails with 404 |
 * | createFolder | POST | safe | creates |
 * | copyFolder, moveFolder, renameFolder | POST | safe | each call starts a bulk job |
 * | purgeFileCache | POST | safe | each call counts against the purge quota |
 * | createCustomMetadataField | POST | safe | names are unique forever |
 * | createOrigin, createUrlEndpoint, createSavedExtension, createNamedTransformation | POST | safe | creates a duplicate or fails on the name |
 *
 * Server-directed waits (`X-RateLimit-Reset` in ms, `retry-after-ms`, `Retry-After`) are
 * honoured on 429 and 503; a wait above 60 s is not slept: the error is thrown at once
 * and carries `retryAfterMs`. Other retries use exponential backoff (0.5 s doubling,
 * 8 s cap, ±25 % jitter). Set `maxRetries: 0` per call to turn retries off.
 *
 * ## Partial success
 *
 * A 207 answer (bulk delete/tags, rename with a failed purge) resolves with the body;
 * `isPartialSuccess(result)` is true and `result.errors` lists the failures.
 */
export { listFiles, getFileDetails, updateFileDetails, deleteFile, copyFile, moveFile, renameFile } from './files.js';
export type {
  EmptyResult,
  FileSort,
  ListFilesParams,
  ListFilesItem,
  FileDetailsUpdate,
  FilePublishUpdate,
  UpdateFileDetailsParams,
  UpdatedFile,
  CopyFileParams,
  MoveFileParams,
  RenameFileParams,
  RenameFileResult,
} from './files.js';
export { maxFilesPageSize, iterateFilePages, iterateFiles } from './iterate-files.js';
export type { IterateFilesParams } from './iterate-files.js';
export {
  maxBulkDeleteFileIds,
  maxBulkTagFileIds,
  bulkDeleteFiles,
  bulkAddTags,
  bulkRemoveTags,
  bulkRemoveAITags,
} from './bulk.js';
export type { BulkItemError, BulkDeleteFilesResult, BulkTagsResult } from './bulk.js';
export { getFileVersions, getFileVersionDetails, deleteFileVersion, restoreFileVersion } from './versions.js';
export type { FileVersionParams } from './versions.js';
export { getFileMetadata, getRemoteFileUrlMetadata } from './metadata.js';
export { createFolder, deleteFolder, copyFolder, moveFolder, renameFolder } from './folders.js';
export type { CreateFolderParams, CopyFolderParams, MoveFolderParams, RenameFolderParams } from './folders.js';
export { getBulkJobStatus } from './jobs.js';
export { purgeFileCache, getPurgeFileCacheStatus } from './cache.js';
export type { PurgeCacheResult, PurgeCacheStatus } from './cache.js';
export {
  createCustomMetadataField,
  getCustomMetadataFields,
  updateCustomMetadataField,
  deleteCustomMetadataField,
} from './custom-metadata-fields.js';
export type {
  CreateCustomMetadataFieldParams,
  GetCustomMetadataFieldsParams,
  UpdateCustomMetadataFieldParams,
} from './custom-metadata-fields.js';
export { getUsage, getUsageAnalytics } from './accounts.js';
export type { DateRangeParams } from './accounts.js';
export { createOrigin, listOrigins, getOrigin, updateOrigin, deleteOrigin } from './origins.js';
export {
  createUrlEndpoint,
  listUrlEndpoints,
  getUrlEndpoint,
  updateUrlEndpoint,
  deleteUrlEndpoint,
} from './url-endpoints.js';
export {
  createSavedExtension,
  listSavedExtensions,
  getSavedExtension,
  updateSavedExtension,
  deleteSavedExtension,
} from './saved-extensions.js';
export type { CreateSavedExtensionParams, UpdateSavedExtensionParams } from './saved-extensions.js';
export {
  createNamedTransformation,
  listNamedTransformations,
  getNamedTransformation,
  updateNamedTransformation,
  deleteNamedTransformation,
} from './named-transformations.js';
export type { CreateNamedTransformationParams, UpdateNamedTransformationParams } from './named-transformations.js';
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
