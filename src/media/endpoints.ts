/**
 * @module media/endpoints
 * Every management API endpoint, written once: method, path, arguments, validation,
 * retry policy (and why), where the input travels, success status. Each entry IS the
 * standalone function (`getFileDetails(context, fileId, options?)`); the `ImageKit`
 * methods, the retry tables of README and docs/http-and-retries.md and the wire tests
 * are derived from or checked against these entries. This module exports endpoints only.
 *
 * Adding an endpoint: one `defineEndpoint` entry here (with TSDoc) and one wire case in
 * tests/media/cases.ts; the tests then ask for the regenerated retry tables.
 */
import { defineEndpoint, type Endpoint, type EndpointFacts } from './endpoint.js';
import type { ClientContext } from '../core/context.js';
import type { RequestOptions } from '../core/request.js';
import type { WithMetadata } from '../internal/metadata.js';
import type {
  BulkDeleteFilesResult,
  BulkTagsResult,
  CopyFileParams,
  CopyFolderParams,
  CreateCustomMetadataFieldParams,
  CreateFolderParams,
  CreateNamedTransformationParams,
  CreateSavedExtensionParams,
  DateRangeParams,
  EmptyResult,
  FileDetailsUpdate,
  FileVersionParams,
  GetCustomMetadataFieldsParams,
  ListFilesItem,
  ListFilesParams,
  MoveFileParams,
  MoveFolderParams,
  PurgeCacheResult,
  PurgeCacheStatus,
  RenameFileParams,
  RenameFileResult,
  RenameFolderParams,
  UpdateCustomMetadataFieldParams,
  UpdatedFile,
  UpdateFileDetailsParams,
  UpdateNamedTransformationParams,
  UpdateSavedExtensionParams,
} from './params.js';
import { listFilesChecks, maxBulkDeleteFileIds, maxBulkTagFileIds, type FileListParams, type FolderListParams } from './params.js';
import type {
  BulkJobResult,
  BulkJobStatus,
  CustomMetadataField,
  CustomMetadataFieldSchema,
  Extension,
  FileMetadata,
  FileObject,
  FolderObject,
  NamedTransformation,
  Origin,
  OriginRequest,
  SavedExtension,
  Usage,
  UsageAnalytics,
  UrlEndpoint,
  UrlEndpointRequest,
} from './types.js';
import {
  anything,
  fields,
  optionalBoolean,
  optionalObject,
  optionalString,
  requireBoolean,
  requireDate,
  requireHttpUrl,
  requireObject,
  requireString,
  requireStringArray,
} from './validate.js';

const reads = 'reads';
const sameState = 'a replay leaves the same state';
const deletes = 'same end state (a replay after a lost success answers 404)';
const creates = 'a replay creates a duplicate, or fails on the now-taken name';
const startsJob = 'each call starts a bulk job';

// Files

/**
 * `listFiles`, its result typed by its params: `type: 'folder'` lists folders, `file` (the
 * default) or `file-version` lists files, and `all`, a `searchQuery` (which ignores
 * `type`) or `includeFolder: true` can list either.
 */
export interface ListFiles {
  (context: ClientContext, params: FolderListParams, options?: RequestOptions): Promise<WithMetadata<FolderObject[]>>;
  (context: ClientContext, params?: FileListParams, options?: RequestOptions): Promise<WithMetadata<FileObject[]>>;
  (context: ClientContext, params?: ListFilesParams, options?: RequestOptions): Promise<WithMetadata<ListFilesItem[]>>;
  /** The endpoint's facts. */
  readonly facts: EndpointFacts;
}

/**
 * Lists and searches files and folders (`GET /v1/files`), one page: `iterateFiles` walks
 * every page.
 * @throws {RangeError} for `limit` outside 1–1000 or a negative `skip` (as a rejection).
 * @throws {ApiError} for an error answer (e.g. {@link BadRequestError} for a bad `searchQuery`).
 */
export const listFiles: ListFiles = /* @__PURE__ */ defineEndpoint<[params?: ListFilesParams], ListFilesItem[]>({
  name: 'listFiles',
  method: 'GET',
  path: '/v1/files',
  args: ['params'],
  send: 'query',
  status: 200,
  retry: 'always',
  why: reads,
  prepare: (call, params) => ({ input: fields(call, params, listFilesChecks, 'params', true) }),
}) as ListFiles;

/**
 * Gets the details of a file's current version (`GET /v1/files/{fileId}/details`).
 * @throws {NotFoundError} when the file does not exist.
 */
export const getFileDetails: Endpoint<[fileId: string], FileObject> = /* @__PURE__ */ defineEndpoint<[fileId: string], FileObject>({
  name: 'getFileDetails',
  method: 'GET',
  path: '/v1/files/{fileId}/details',
  args: ['fileId'],
  send: 'none',
  status: 200,
  retry: 'always',
  why: reads,
});

/**
 * Updates a file's details, or publishes/unpublishes it with `{ publish: { isPublished } }`
 * (`PATCH /v1/files/{fileId}/details`). Retried on any transient failure, except when
 * `extensions` or `webhookUrl` is set: a replay could run paid extensions twice.
 * @throws {TypeError} for an empty update, or `publish` combined with other keys (as a rejection).
 * @throws {NotFoundError} when the file does not exist.
 */
export const updateFileDetails: Endpoint<[fileId: string, update: UpdateFileDetailsParams], UpdatedFile> = /* @__PURE__ */ defineEndpoint<
  [fileId: string, update: UpdateFileDetailsParams],
  UpdatedFile
>({
  name: 'updateFileDetails',
  method: 'PATCH',
  path: '/v1/files/{fileId}/details',
  args: ['fileId', 'update'],
  send: 'json',
  status: 200,
  retry: 'always',
  why: 'sets values; a replay sets the same values',
  saferWhen: { when: 'with `extensions` or `webhookUrl`', why: 'a replay could run paid extensions again' },
  prepare: (call, _fileId, update) => {
    const details = { description: optionalString, webhookUrl: optionalString, publish: optionalObject };
    const rest = { tags: anything, customCoordinates: anything, customMetadata: anything, extensions: anything, removeAITags: anything };
    const body = fields<FileDetailsUpdate>(call, update as FileDetailsUpdate, { ...details, ...rest }, 'update');
    const keys = Object.keys(body);
    if (keys.length === 0) throw new TypeError('The `update` argument must set at least one field');
    if (body.publish !== undefined) {
      if (keys.length > 1) throw new TypeError('The `update` argument cannot contain other keys when `publish` is present');
      const publish = {
        isPublished: (_: string, value: unknown) => requireBoolean('publish.isPublished', value),
        includeFileVersions: (_: string, value: unknown) => optionalBoolean('publish.includeFileVersions', value),
      };
      fields(call, body.publish as object, publish, 'publish');
    }
    const extensions = body.extensions;
    return { input: body, safer: (Array.isArray(extensions) && extensions.length > 0) || body.webhookUrl !== undefined };
  },
});

/**
 * Deletes a file and all its versions (`DELETE /v1/files/{fileId}`, 204). Does not purge the CDN cache.
 * @throws {NotFoundError} when the file does not exist (also when a retried delete had already succeeded).
 */
export const deleteFile: Endpoint<[fileId: string], EmptyResult> = /* @__PURE__ */ defineEndpoint<[fileId: string], EmptyResult>({
  name: 'deleteFile',
  method: 'DELETE',
  path: '/v1/files/{fileId}',
  args: ['fileId'],
  send: 'none',
  status: 204,
  retry: 'always',
  why: deletes,
});

/**
 * Copies a file (`POST /v1/files/copy`, 204).
 * @throws {NotFoundError} with `reason: "SOURCE_FILE_MISSING"`.
 */
export const copyFile: Endpoint<[params: CopyFileParams], EmptyResult> = /* @__PURE__ */ defineEndpoint<[params: CopyFileParams], EmptyResult>({
  name: 'copyFile',
  method: 'POST',
  path: '/v1/files/copy',
  args: ['params'],
  send: 'json',
  status: 204,
  retry: 'safe',
  why: 'a replay appends duplicate versions at the destination',
  prepare: (call, params) => ({
    input: fields(call, params, { sourceFilePath: requireString, destinationPath: requireString, includeFileVersions: optionalBoolean }),
  }),
});

/**
 * Moves a file with all its versions (`POST /v1/files/move`, 204).
 * @throws {NotFoundError} with `reason: "SOURCE_FILE_MISSING"`.
 */
export const moveFile: Endpoint<[params: MoveFileParams], EmptyResult> = /* @__PURE__ */ defineEndpoint<[params: MoveFileParams], EmptyResult>({
  name: 'moveFile',
  method: 'POST',
  path: '/v1/files/move',
  args: ['params'],
  send: 'json',
  status: 204,
  retry: 'safe',
  why: 'a replay after success fails with 404',
  prepare: (call, params) => ({ input: fields(call, params, { sourceFilePath: requireString, destinationPath: requireString }) }),
});

/**
 * Renames a file and all its versions (`PUT /v1/files/rename`). A 207 (renamed, purge
 * failed) resolves: check `isPartialSuccess(result)`.
 * @throws {ConflictError} with `reason: "FILE_ALREADY_EXISTS"`.
 * @throws {NotFoundError} when the file does not exist.
 */
export const renameFile: Endpoint<[params: RenameFileParams], RenameFileResult> = /* @__PURE__ */ defineEndpoint<
  [params: RenameFileParams],
  RenameFileResult
>({
  name: 'renameFile',
  method: 'PUT',
  path: '/v1/files/rename',
  args: ['params'],
  send: 'json',
  status: 200,
  retry: 'safe',
  why: 'a replay after success fails with 404 and may purge twice',
  prepare: (call, params) => ({ input: fields(call, params, { filePath: requireString, newFileName: requireString, purgeCache: optionalBoolean }) }),
});

// Bulk

/** The body of the bulk tag calls: up to 50 file ids and a non-empty list under `key`. */
function tagInput(key: 'tags' | 'AITags'): (_call: string, fileIds: string[], tags: string[]) => { input: Record<string, string[]> } {
  return (_call: string, fileIds: string[], tags: string[]) => ({
    input: { fileIds: requireStringArray('fileIds', fileIds, maxBulkTagFileIds), [key]: requireStringArray(key, tags) },
  });
}

/**
 * Deletes up to 100 files and their versions (`POST /v1/files/batch/deleteByFileIds`).
 * A 207 resolves: check `isPartialSuccess(result)`.
 * @throws {RangeError} when `fileIds` is empty or has more than 100 ids (as a rejection).
 * @throws {NotFoundError} with `body.missingFileIds` (nothing was deleted).
 */
export const bulkDeleteFiles: Endpoint<[fileIds: string[]], BulkDeleteFilesResult> = /* @__PURE__ */ defineEndpoint<
  [fileIds: string[]],
  BulkDeleteFilesResult
>({
  name: 'bulkDeleteFiles',
  method: 'POST',
  path: '/v1/files/batch/deleteByFileIds',
  args: ['fileIds'],
  send: 'json',
  status: 200,
  retry: 'safe',
  why: 'a replay after success reports the ids as missing (404)',
  prepare: (_call, fileIds) => ({ input: { fileIds: requireStringArray('fileIds', fileIds, maxBulkDeleteFileIds) } }),
});

/**
 * Adds tags to up to 50 files (`POST /v1/files/addTags`). A 207 resolves.
 * @throws {NotFoundError} with `body.missingFileIds` (nothing was changed).
 */
export const bulkAddTags: Endpoint<[fileIds: string[], tags: string[]], BulkTagsResult> = /* @__PURE__ */ defineEndpoint<
  [fileIds: string[], tags: string[]],
  BulkTagsResult
>({
  name: 'bulkAddTags',
  method: 'POST',
  path: '/v1/files/addTags',
  args: ['fileIds', 'tags'],
  send: 'json',
  status: 200,
  retry: 'always',
  why: 'set operations: a replay leaves the same tags',
  prepare: /* @__PURE__ */ tagInput('tags'),
});

/**
 * Removes tags from up to 50 files (`POST /v1/files/removeTags`). A 207 resolves.
 * @throws {NotFoundError} with `body.missingFileIds` (nothing was changed).
 */
export const bulkRemoveTags: Endpoint<[fileIds: string[], tags: string[]], BulkTagsResult> = /* @__PURE__ */ defineEndpoint<
  [fileIds: string[], tags: string[]],
  BulkTagsResult
>({
  name: 'bulkRemoveTags',
  method: 'POST',
  path: '/v1/files/removeTags',
  args: ['fileIds', 'tags'],
  send: 'json',
  status: 200,
  retry: 'always',
  why: 'set operations: a replay leaves the same tags',
  prepare: /* @__PURE__ */ tagInput('tags'),
});

/**
 * Removes AI tags from up to 50 files (`POST /v1/files/removeAITags`, body key `AITags`). A 207 resolves.
 * @throws {NotFoundError} with `body.missingFileIds` (nothing was changed).
 */
export const bulkRemoveAITags: Endpoint<[fileIds: string[], AITags: string[]], BulkTagsResult> = /* @__PURE__ */ defineEndpoint<
  [fileIds: string[], AITags: string[]],
  BulkTagsResult
>({
  name: 'bulkRemoveAITags',
  method: 'POST',
  path: '/v1/files/removeAITags',
  args: ['fileIds', 'AITags'],
  send: 'json',
  status: 200,
  retry: 'always',
  why: 'set operations: a replay leaves the same tags',
  prepare: /* @__PURE__ */ tagInput('AITags'),
});

// Versions

const versionChecks = { fileId: anything, versionId: anything }; // both checked as path segments

/**
 * Lists every version of a file, the current one included (`GET /v1/files/{fileId}/versions`).
 * @throws {NotFoundError} when the file does not exist.
 */
export const getFileVersions: Endpoint<[fileId: string], FileObject[]> = /* @__PURE__ */ defineEndpoint<[fileId: string], FileObject[]>({
  name: 'getFileVersions',
  method: 'GET',
  path: '/v1/files/{fileId}/versions',
  args: ['fileId'],
  send: 'none',
  status: 200,
  retry: 'always',
  why: reads,
});

/**
 * Gets one version of a file (`GET /v1/files/{fileId}/versions/{versionId}`).
 * @throws {NotFoundError} when the file or version does not exist.
 */
export const getFileVersionDetails: Endpoint<[params: FileVersionParams], FileObject> = /* @__PURE__ */ defineEndpoint<
  [params: FileVersionParams],
  FileObject
>({
  name: 'getFileVersionDetails',
  method: 'GET',
  path: '/v1/files/{fileId}/versions/{versionId}',
  args: ['params'],
  send: 'none',
  status: 200,
  retry: 'always',
  why: reads,
  prepare: (call, params) => ({ path: fields(call, params, versionChecks) }),
});

/**
 * Deletes a non-current version (`DELETE /v1/files/{fileId}/versions/{versionId}`, 204).
 * @throws {BadRequestError} when the version is the current one (delete the file instead).
 * @throws {NotFoundError} when the file or version does not exist.
 */
export const deleteFileVersion: Endpoint<[params: FileVersionParams], EmptyResult> = /* @__PURE__ */ defineEndpoint<
  [params: FileVersionParams],
  EmptyResult
>({
  name: 'deleteFileVersion',
  method: 'DELETE',
  path: '/v1/files/{fileId}/versions/{versionId}',
  args: ['params'],
  send: 'none',
  status: 204,
  retry: 'always',
  why: deletes,
  prepare: (call, params) => ({ path: fields(call, params, versionChecks) }),
});

/**
 * Makes a version the current one (`PUT /v1/files/{fileId}/versions/{versionId}/restore`).
 * @throws {NotFoundError} when the file or version does not exist.
 */
export const restoreFileVersion: Endpoint<[params: FileVersionParams], FileObject> = /* @__PURE__ */ defineEndpoint<
  [params: FileVersionParams],
  FileObject
>({
  name: 'restoreFileVersion',
  method: 'PUT',
  path: '/v1/files/{fileId}/versions/{versionId}/restore',
  args: ['params'],
  send: 'none',
  status: 200,
  retry: 'always',
  why: 'the same version becomes current again',
  prepare: (call, params) => ({ path: fields(call, params, versionChecks) }),
});

// Metadata

/**
 * Gets the metadata (EXIF, pHash, …) of a media-library file (`GET /v1/files/{fileId}/metadata`).
 * @throws {NotFoundError} when the file does not exist.
 */
export const getFileMetadata: Endpoint<[fileId: string], FileMetadata> = /* @__PURE__ */ defineEndpoint<[fileId: string], FileMetadata>({
  name: 'getFileMetadata',
  method: 'GET',
  path: '/v1/files/{fileId}/metadata',
  args: ['fileId'],
  send: 'none',
  status: 200,
  retry: 'always',
  why: reads,
});

/**
 * Gets the metadata of any URL served through the account's URL endpoints
 * (`GET /v1/metadata?url=…`; the path every official SDK uses, not the 2024 OpenAPI's
 * `/v1/files/metadata`).
 * @throws {TypeError} when `url` is not an absolute http(s) URL (as a rejection).
 */
export const getRemoteFileUrlMetadata: Endpoint<[url: string], FileMetadata> = /* @__PURE__ */ defineEndpoint<[url: string], FileMetadata>({
  name: 'getRemoteFileUrlMetadata',
  method: 'GET',
  path: '/v1/metadata',
  args: ['url'],
  send: 'query',
  status: 200,
  retry: 'always',
  why: reads,
  prepare: (_call, url) => ({ input: { url: requireHttpUrl('url', url) } }),
});

// Folders and bulk jobs

/**
 * Creates a folder (`POST /v1/folder`, 201 with an empty body); missing parents are created.
 */
export const createFolder: Endpoint<[params: CreateFolderParams], EmptyResult> = /* @__PURE__ */ defineEndpoint<
  [params: CreateFolderParams],
  EmptyResult
>({
  name: 'createFolder',
  method: 'POST',
  path: '/v1/folder',
  args: ['params'],
  send: 'json',
  status: 201,
  retry: 'safe',
  why: creates,
  prepare: (call, params) => {
    const body = fields(call, params, { folderName: requireString, parentFolderPath: optionalString });
    return { input: { folderName: body.folderName, parentFolderPath: body.parentFolderPath || '/' } };
  },
});

/**
 * Deletes a folder and everything in it (`DELETE /v1/folder` with a JSON body, 204).
 * @throws {NotFoundError} with `reason: "FOLDER_NOT_FOUND"`.
 */
export const deleteFolder: Endpoint<[folderPath: string], EmptyResult> = /* @__PURE__ */ defineEndpoint<[folderPath: string], EmptyResult>({
  name: 'deleteFolder',
  method: 'DELETE',
  path: '/v1/folder',
  args: ['folderPath'],
  send: 'json',
  status: 204,
  retry: 'always',
  why: deletes,
  prepare: (_call, folderPath) => ({ input: { folderPath: requireString('folderPath', folderPath) } }),
});

/**
 * Starts a bulk job that copies a folder (`POST /v1/bulkJobs/copyFolder`) and resolves with
 * its `jobId`. The version flag is sent as `includeVersions`; v6's `includeFileVersions`
 * is accepted as an alias.
 * @throws {TypeError} when `includeVersions` and `includeFileVersions` disagree (as a rejection).
 * @throws {NotFoundError} when nothing exists at the source.
 */
export const copyFolder: Endpoint<[params: CopyFolderParams], BulkJobResult> = /* @__PURE__ */ defineEndpoint<
  [params: CopyFolderParams],
  BulkJobResult
>({
  name: 'copyFolder',
  method: 'POST',
  path: '/v1/bulkJobs/copyFolder',
  args: ['params'],
  send: 'json',
  status: 200,
  retry: 'safe',
  why: startsJob,
  prepare: (call, params) => {
    const checks = {
      sourceFolderPath: requireString,
      destinationPath: requireString,
      includeVersions: optionalBoolean,
      includeFileVersions: optionalBoolean,
    };
    const { includeVersions, includeFileVersions, ...body } = fields(call, params, checks);
    if (includeVersions !== undefined && includeFileVersions !== undefined && includeVersions !== includeFileVersions) {
      throw new TypeError('The `includeVersions` and `includeFileVersions` arguments disagree; pass only `includeVersions`');
    }
    return { input: { ...body, includeVersions: includeVersions ?? includeFileVersions } };
  },
});

/**
 * Starts a bulk job that moves a folder (`POST /v1/bulkJobs/moveFolder`) and resolves with its `jobId`.
 * @throws {NotFoundError} when nothing exists at the source.
 */
export const moveFolder: Endpoint<[params: MoveFolderParams], BulkJobResult> = /* @__PURE__ */ defineEndpoint<
  [params: MoveFolderParams],
  BulkJobResult
>({
  name: 'moveFolder',
  method: 'POST',
  path: '/v1/bulkJobs/moveFolder',
  args: ['params'],
  send: 'json',
  status: 200,
  retry: 'safe',
  why: startsJob,
  prepare: (call, params) => ({ input: fields(call, params, { sourceFolderPath: requireString, destinationPath: requireString }) }),
});

/**
 * Starts a bulk job that renames a folder (`POST /v1/bulkJobs/renameFolder`) and resolves with its `jobId`.
 * @throws {NotFoundError} when the folder does not exist.
 */
export const renameFolder: Endpoint<[params: RenameFolderParams], BulkJobResult> = /* @__PURE__ */ defineEndpoint<
  [params: RenameFolderParams],
  BulkJobResult
>({
  name: 'renameFolder',
  method: 'POST',
  path: '/v1/bulkJobs/renameFolder',
  args: ['params'],
  send: 'json',
  status: 200,
  retry: 'safe',
  why: startsJob,
  prepare: (call, params) => ({
    input: fields(call, params, { folderPath: requireString, newFolderName: requireString, purgeCache: optionalBoolean }),
  }),
});

/**
 * Gets the status of a bulk job (`GET /v1/bulkJobs/{jobId}`).
 * @throws {NotFoundError} when the job does not exist.
 */
export const getBulkJobStatus: Endpoint<[jobId: string], BulkJobStatus> = /* @__PURE__ */ defineEndpoint<[jobId: string], BulkJobStatus>({
  name: 'getBulkJobStatus',
  method: 'GET',
  path: '/v1/bulkJobs/{jobId}',
  args: ['jobId'],
  send: 'none',
  status: 200,
  retry: 'always',
  why: reads,
});

// Cache

/**
 * Purges a URL from the CDN and ImageKit's caches (`POST /v1/files/purge`, 201). A
 * trailing `*` purges a prefix.
 * @throws {TypeError} when `url` is not an absolute http(s) URL (as a rejection).
 */
export const purgeFileCache: Endpoint<[url: string], PurgeCacheResult> = /* @__PURE__ */ defineEndpoint<[url: string], PurgeCacheResult>({
  name: 'purgeFileCache',
  method: 'POST',
  path: '/v1/files/purge',
  args: ['url'],
  send: 'json',
  status: 201,
  retry: 'safe',
  why: 'each call counts against the monthly purge quota',
  prepare: (_call, url) => ({ input: { url: requireHttpUrl('url', url) } }),
});

/**
 * Gets the status of a purge request (`GET /v1/files/purge/{requestId}`).
 * @throws {NotFoundError} when the request id is unknown.
 */
export const getPurgeFileCacheStatus: Endpoint<[requestId: string], PurgeCacheStatus> = /* @__PURE__ */ defineEndpoint<
  [requestId: string],
  PurgeCacheStatus
>({
  name: 'getPurgeFileCacheStatus',
  method: 'GET',
  path: '/v1/files/purge/{requestId}',
  args: ['requestId'],
  send: 'none',
  status: 200,
  retry: 'always',
  why: reads,
});

// Custom metadata fields

/**
 * Creates a custom metadata field (`POST /v1/customMetadataFields`, 201). Names are
 * unique forever, deleted fields included.
 * @throws {BadRequestError} with `body.errors` per schema property, or for a duplicate name.
 */
export const createCustomMetadataField: Endpoint<[params: CreateCustomMetadataFieldParams], CustomMetadataField> = /* @__PURE__ */ defineEndpoint<
  [params: CreateCustomMetadataFieldParams],
  CustomMetadataField
>({
  name: 'createCustomMetadataField',
  method: 'POST',
  path: '/v1/customMetadataFields',
  args: ['params'],
  send: 'json',
  status: 201,
  retry: 'safe',
  why: creates,
  prepare: (call, params) => {
    const body = fields(call, params, { name: requireString, label: requireString, schema: requireObject, description: optionalString });
    requireString('schema.type', (body.schema as CustomMetadataFieldSchema).type);
    return { input: body };
  },
});

/** Lists custom metadata fields (`GET /v1/customMetadataFields`). */
export const getCustomMetadataFields: Endpoint<[params?: GetCustomMetadataFieldsParams], CustomMetadataField[]> = /* @__PURE__ */ defineEndpoint<
  [params?: GetCustomMetadataFieldsParams],
  CustomMetadataField[]
>({
  name: 'getCustomMetadataFields',
  method: 'GET',
  path: '/v1/customMetadataFields',
  args: ['params'],
  send: 'query',
  status: 200,
  retry: 'always',
  why: reads,
  prepare: (call, params) => ({ input: fields(call, params, { includeDeleted: optionalBoolean, folderPath: optionalString }, 'params', true) }),
});

/**
 * Updates a field's label, schema or description (`PATCH /v1/customMetadataFields/{fieldId}`).
 * `schema.type` cannot change.
 * @throws {TypeError} for an update with none of `label`, `schema`, `description` (as a rejection).
 * @throws {NotFoundError} when the field does not exist.
 */
export const updateCustomMetadataField: Endpoint<[fieldId: string, update: UpdateCustomMetadataFieldParams], CustomMetadataField> =
  /* @__PURE__ */ defineEndpoint<[fieldId: string, update: UpdateCustomMetadataFieldParams], CustomMetadataField>({
    name: 'updateCustomMetadataField',
    method: 'PATCH',
    path: '/v1/customMetadataFields/{fieldId}',
    args: ['fieldId', 'update'],
    send: 'json',
    status: 200,
    retry: 'always',
    why: sameState,
    prepare: (call, _fieldId, update) => {
      const body = fields(call, update, { label: optionalString, schema: optionalObject, description: optionalString }, 'update');
      if (Object.keys(body).length === 0) throw new TypeError('The `update` argument must set `label`, `schema` or `description`');
      return { input: body };
    },
  });

/**
 * Deletes a custom metadata field (`DELETE /v1/customMetadataFields/{fieldId}`, 204).
 * @throws {NotFoundError} when the field does not exist.
 */
export const deleteCustomMetadataField: Endpoint<[fieldId: string], EmptyResult> = /* @__PURE__ */ defineEndpoint<[fieldId: string], EmptyResult>({
  name: 'deleteCustomMetadataField',
  method: 'DELETE',
  path: '/v1/customMetadataFields/{fieldId}',
  args: ['fieldId'],
  send: 'none',
  status: 204,
  retry: 'always',
  why: deletes,
});

// Accounts

const dateRange = { startDate: requireDate, endDate: requireDate };

/**
 * Gets account usage between two `YYYY-MM-DD` dates, end date excluded (`GET /v1/accounts/usage`).
 * @throws {BadRequestError} for a range of 90 days or more.
 */
export const getUsage: Endpoint<[params: DateRangeParams], Usage> = /* @__PURE__ */ defineEndpoint<[params: DateRangeParams], Usage>({
  name: 'getUsage',
  method: 'GET',
  path: '/v1/accounts/usage',
  args: ['params'],
  send: 'query',
  status: 200,
  retry: 'always',
  why: reads,
  prepare: (call, params) => ({ input: fields(call, params, dateRange) }),
});

/**
 * Gets usage analytics (beta) between two `YYYY-MM-DD` UTC dates, both included
 * (`GET /v1/accounts/usage-analytics`).
 */
export const getUsageAnalytics: Endpoint<[params: DateRangeParams], UsageAnalytics> = /* @__PURE__ */ defineEndpoint<
  [params: DateRangeParams],
  UsageAnalytics
>({
  name: 'getUsageAnalytics',
  method: 'GET',
  path: '/v1/accounts/usage-analytics',
  args: ['params'],
  send: 'query',
  status: 200,
  retry: 'always',
  why: reads,
  prepare: (call, params) => ({ input: fields(call, params, dateRange) }),
});

// Origins (beta). Create and replace (PUT) both send a whole origin, whose keys depend on
// its `type`: the object is sent as given, after checking the keys every type requires.

function origin(value: OriginRequest): OriginRequest {
  const checked = requireObject<OriginRequest>('origin', value);
  requireString('origin.type', checked.type);
  requireString('origin.name', checked.name);
  return checked;
}

/** Creates an origin (`POST /v1/accounts/origins`, beta). */
export const createOrigin: Endpoint<[origin: OriginRequest], Origin> = /* @__PURE__ */ defineEndpoint<[origin: OriginRequest], Origin>({
  name: 'createOrigin',
  method: 'POST',
  path: '/v1/accounts/origins',
  args: ['origin'],
  send: 'json',
  status: 200,
  retry: 'safe',
  why: creates,
  prepare: (_call, value) => ({ input: origin(value) }),
});

/** Lists the origins (`GET /v1/accounts/origins`, beta; one response, no paging). */
export const listOrigins: Endpoint<[], Origin[]> = /* @__PURE__ */ defineEndpoint<[], Origin[]>({
  name: 'listOrigins',
  method: 'GET',
  path: '/v1/accounts/origins',
  args: [],
  send: 'none',
  status: 200,
  retry: 'always',
  why: reads,
});

/**
 * Gets an origin (`GET /v1/accounts/origins/{originId}`, beta).
 * @throws {NotFoundError} when it does not exist.
 */
export const getOrigin: Endpoint<[originId: string], Origin> = /* @__PURE__ */ defineEndpoint<[originId: string], Origin>({
  name: 'getOrigin',
  method: 'GET',
  path: '/v1/accounts/origins/{originId}',
  args: ['originId'],
  send: 'none',
  status: 200,
  retry: 'always',
  why: reads,
});

/**
 * Replaces an origin (`PUT /v1/accounts/origins/{originId}`, beta): send the whole object.
 * @throws {NotFoundError} when it does not exist.
 */
export const updateOrigin: Endpoint<[originId: string, origin: OriginRequest], Origin> = /* @__PURE__ */ defineEndpoint<
  [originId: string, origin: OriginRequest],
  Origin
>({
  name: 'updateOrigin',
  method: 'PUT',
  path: '/v1/accounts/origins/{originId}',
  args: ['originId', 'origin'],
  send: 'json',
  status: 200,
  retry: 'always',
  why: 'full replace: a replay leaves the same state',
  prepare: (_call, _originId, value) => ({ input: origin(value) }),
});

/**
 * Deletes an origin (`DELETE /v1/accounts/origins/{originId}`, beta, 204). Fails while a
 * URL endpoint still uses it.
 * @throws {NotFoundError} when it does not exist.
 */
export const deleteOrigin: Endpoint<[originId: string], EmptyResult> = /* @__PURE__ */ defineEndpoint<[originId: string], EmptyResult>({
  name: 'deleteOrigin',
  method: 'DELETE',
  path: '/v1/accounts/origins/{originId}',
  args: ['originId'],
  send: 'none',
  status: 204,
  retry: 'always',
  why: deletes,
});

// URL endpoints (beta). Create and replace (PUT) both send the whole object.

function urlEndpoint(value: UrlEndpointRequest): UrlEndpointRequest {
  const checked = requireObject<UrlEndpointRequest>('urlEndpoint', value);
  requireString('urlEndpoint.description', checked.description);
  return checked;
}

/** Creates a URL endpoint (`POST /v1/accounts/url-endpoints`, beta). */
export const createUrlEndpoint: Endpoint<[urlEndpoint: UrlEndpointRequest], UrlEndpoint> = /* @__PURE__ */ defineEndpoint<
  [urlEndpoint: UrlEndpointRequest],
  UrlEndpoint
>({
  name: 'createUrlEndpoint',
  method: 'POST',
  path: '/v1/accounts/url-endpoints',
  args: ['urlEndpoint'],
  send: 'json',
  status: 200,
  retry: 'safe',
  why: creates,
  prepare: (_call, value) => ({ input: urlEndpoint(value) }),
});

/** Lists the URL endpoints (`GET /v1/accounts/url-endpoints`, beta; one response, no paging). */
export const listUrlEndpoints: Endpoint<[], UrlEndpoint[]> = /* @__PURE__ */ defineEndpoint<[], UrlEndpoint[]>({
  name: 'listUrlEndpoints',
  method: 'GET',
  path: '/v1/accounts/url-endpoints',
  args: [],
  send: 'none',
  status: 200,
  retry: 'always',
  why: reads,
});

/**
 * Gets a URL endpoint (`GET /v1/accounts/url-endpoints/{urlEndpointId}`, beta).
 * @throws {NotFoundError} when it does not exist.
 */
export const getUrlEndpoint: Endpoint<[urlEndpointId: string], UrlEndpoint> = /* @__PURE__ */ defineEndpoint<[urlEndpointId: string], UrlEndpoint>({
  name: 'getUrlEndpoint',
  method: 'GET',
  path: '/v1/accounts/url-endpoints/{urlEndpointId}',
  args: ['urlEndpointId'],
  send: 'none',
  status: 200,
  retry: 'always',
  why: reads,
});

/**
 * Replaces a URL endpoint (`PUT /v1/accounts/url-endpoints/{urlEndpointId}`, beta): send the whole object.
 * @throws {NotFoundError} when it does not exist.
 */
export const updateUrlEndpoint: Endpoint<[urlEndpointId: string, urlEndpoint: UrlEndpointRequest], UrlEndpoint> = /* @__PURE__ */ defineEndpoint<
  [urlEndpointId: string, urlEndpoint: UrlEndpointRequest],
  UrlEndpoint
>({
  name: 'updateUrlEndpoint',
  method: 'PUT',
  path: '/v1/accounts/url-endpoints/{urlEndpointId}',
  args: ['urlEndpointId', 'urlEndpoint'],
  send: 'json',
  status: 200,
  retry: 'always',
  why: 'full replace: a replay leaves the same state',
  prepare: (_call, _urlEndpointId, value) => ({ input: urlEndpoint(value) }),
});

/**
 * Deletes a URL endpoint (`DELETE /v1/accounts/url-endpoints/{urlEndpointId}`, beta, 204).
 * The built-in `default` endpoint cannot be deleted.
 * @throws {NotFoundError} when it does not exist.
 */
export const deleteUrlEndpoint: Endpoint<[urlEndpointId: string], EmptyResult> = /* @__PURE__ */ defineEndpoint<[urlEndpointId: string], EmptyResult>(
  {
    name: 'deleteUrlEndpoint',
    method: 'DELETE',
    path: '/v1/accounts/url-endpoints/{urlEndpointId}',
    args: ['urlEndpointId'],
    send: 'none',
    status: 204,
    retry: 'always',
    why: deletes,
  },
);

// Saved extensions (referenced in `extensions` as `{ name: "saved-extension", id }`)

function baseExtension(name: string, value: unknown): Extension | undefined {
  const config = optionalObject(name, value) as Extension | undefined;
  if (config?.name === 'saved-extension') {
    throw new TypeError('The `config` argument must be a base extension, not a saved-extension reference');
  }
  return config;
}

/** Creates a saved extension (`POST /v1/saved-extensions`). */
export const createSavedExtension: Endpoint<[params: CreateSavedExtensionParams], SavedExtension> = /* @__PURE__ */ defineEndpoint<
  [params: CreateSavedExtensionParams],
  SavedExtension
>({
  name: 'createSavedExtension',
  method: 'POST',
  path: '/v1/saved-extensions',
  args: ['params'],
  send: 'json',
  status: 200,
  retry: 'safe',
  why: creates,
  prepare: (call, params) => {
    const body = fields(call, params, { name: requireString, description: requireString, config: baseExtension });
    requireObject('config', body.config);
    return { input: body };
  },
});

/** Lists the saved extensions (`GET /v1/saved-extensions`; one response, no paging). */
export const listSavedExtensions: Endpoint<[], SavedExtension[]> = /* @__PURE__ */ defineEndpoint<[], SavedExtension[]>({
  name: 'listSavedExtensions',
  method: 'GET',
  path: '/v1/saved-extensions',
  args: [],
  send: 'none',
  status: 200,
  retry: 'always',
  why: reads,
});

/**
 * Gets a saved extension (`GET /v1/saved-extensions/{savedExtensionId}`).
 * @throws {NotFoundError} when it does not exist.
 */
export const getSavedExtension: Endpoint<[savedExtensionId: string], SavedExtension> = /* @__PURE__ */ defineEndpoint<
  [savedExtensionId: string],
  SavedExtension
>({
  name: 'getSavedExtension',
  method: 'GET',
  path: '/v1/saved-extensions/{savedExtensionId}',
  args: ['savedExtensionId'],
  send: 'none',
  status: 200,
  retry: 'always',
  why: reads,
});

/**
 * Updates the given fields of a saved extension (`PATCH /v1/saved-extensions/{savedExtensionId}`).
 * @throws {TypeError} for an empty update (as a rejection).
 * @throws {NotFoundError} when it does not exist.
 */
export const updateSavedExtension: Endpoint<[savedExtensionId: string, update: UpdateSavedExtensionParams], SavedExtension> =
  /* @__PURE__ */ defineEndpoint<[savedExtensionId: string, update: UpdateSavedExtensionParams], SavedExtension>({
    name: 'updateSavedExtension',
    method: 'PATCH',
    path: '/v1/saved-extensions/{savedExtensionId}',
    args: ['savedExtensionId', 'update'],
    send: 'json',
    status: 200,
    retry: 'always',
    why: sameState,
    prepare: (call, _savedExtensionId, update) => {
      const body = fields(call, update, { name: optionalString, description: optionalString, config: baseExtension }, 'update');
      if (Object.keys(body).length === 0) throw new TypeError('The `update` argument must set at least one field');
      return { input: body };
    },
  });

/**
 * Deletes a saved extension (`DELETE /v1/saved-extensions/{savedExtensionId}`, 204).
 * @throws {NotFoundError} when it does not exist.
 */
export const deleteSavedExtension: Endpoint<[savedExtensionId: string], EmptyResult> = /* @__PURE__ */ defineEndpoint<
  [savedExtensionId: string],
  EmptyResult
>({
  name: 'deleteSavedExtension',
  method: 'DELETE',
  path: '/v1/saved-extensions/{savedExtensionId}',
  args: ['savedExtensionId'],
  send: 'none',
  status: 204,
  retry: 'always',
  why: deletes,
});

// Named transformations (aliases used in URLs as `tr:n-<name>`)

/** Creates a named transformation (`POST /v1/named-transformations`). */
export const createNamedTransformation: Endpoint<[params: CreateNamedTransformationParams], NamedTransformation> = /* @__PURE__ */ defineEndpoint<
  [params: CreateNamedTransformationParams],
  NamedTransformation
>({
  name: 'createNamedTransformation',
  method: 'POST',
  path: '/v1/named-transformations',
  args: ['params'],
  send: 'json',
  status: 200,
  retry: 'safe',
  why: creates,
  prepare: (call, params) => ({
    input: fields(call, params, { name: requireString, transformation: requireString, enabled: optionalBoolean }),
  }),
});

/** Lists the named transformations (`GET /v1/named-transformations`; one response, no paging). */
export const listNamedTransformations: Endpoint<[], NamedTransformation[]> = /* @__PURE__ */ defineEndpoint<[], NamedTransformation[]>({
  name: 'listNamedTransformations',
  method: 'GET',
  path: '/v1/named-transformations',
  args: [],
  send: 'none',
  status: 200,
  retry: 'always',
  why: reads,
});

/**
 * Gets a named transformation (`GET /v1/named-transformations/{namedTransformationId}`).
 * @throws {NotFoundError} when it does not exist.
 */
export const getNamedTransformation: Endpoint<[namedTransformationId: string], NamedTransformation> = /* @__PURE__ */ defineEndpoint<
  [namedTransformationId: string],
  NamedTransformation
>({
  name: 'getNamedTransformation',
  method: 'GET',
  path: '/v1/named-transformations/{namedTransformationId}',
  args: ['namedTransformationId'],
  send: 'none',
  status: 200,
  retry: 'always',
  why: reads,
});

/**
 * Updates the given fields of a named transformation
 * (`PATCH /v1/named-transformations/{namedTransformationId}`).
 * @throws {TypeError} for an empty update (as a rejection).
 * @throws {NotFoundError} when it does not exist.
 */
export const updateNamedTransformation: Endpoint<[namedTransformationId: string, update: UpdateNamedTransformationParams], NamedTransformation> =
  /* @__PURE__ */ defineEndpoint<[namedTransformationId: string, update: UpdateNamedTransformationParams], NamedTransformation>({
    name: 'updateNamedTransformation',
    method: 'PATCH',
    path: '/v1/named-transformations/{namedTransformationId}',
    args: ['namedTransformationId', 'update'],
    send: 'json',
    status: 200,
    retry: 'always',
    why: sameState,
    prepare: (call, _namedTransformationId, update) => {
      const checks = { name: optionalString, transformation: optionalString, enabled: optionalBoolean };
      const body = fields(call, update, checks, 'update');
      if (Object.keys(body).length === 0) throw new TypeError('The `update` argument must set at least one field');
      return { input: body };
    },
  });

/**
 * Deletes a named transformation (`DELETE /v1/named-transformations/{namedTransformationId}`,
 * 204). Fails with 409 while an upload pre/post-transformation setting references it.
 * @throws {NotFoundError} when it does not exist.
 */
export const deleteNamedTransformation: Endpoint<[namedTransformationId: string], EmptyResult> = /* @__PURE__ */ defineEndpoint<
  [namedTransformationId: string],
  EmptyResult
>({
  name: 'deleteNamedTransformation',
  method: 'DELETE',
  path: '/v1/named-transformations/{namedTransformationId}',
  args: ['namedTransformationId'],
  send: 'none',
  status: 204,
  retry: 'always',
  why: deletes,
});
