/**
 * @module media/files
 * Files in the media library: list & search, details, update/publish, delete, copy,
 * move, rename (imagekit-api.md §4.1–§4.8). Server only.
 */
import type { ClientContext } from '../core/context.js';
import { pathSegment, type QueryValue } from '../core/path.js';
import type { RequestOptions } from '../core/request.js';
import { send } from './send.js';
import type { WithMetadata } from '../internal/metadata.js';
import type { CustomMetadataValues, Extension, FileObject, FolderObject } from './types.js';
import {
  definedOnly,
  optionalBoolean,
  optionalInteger,
  optionalString,
  requireObject,
  requireString,
} from './validate.js';

/** The result of a call whose success has no body (204/201): an empty object with `$ResponseMetadata`. */
export type EmptyResult = Record<never, never>;

/** Sort orders of `listFiles`. */
export type FileSort =
  | 'ASC_NAME'
  | 'DESC_NAME'
  | 'ASC_CREATED'
  | 'DESC_CREATED'
  | 'ASC_UPDATED'
  | 'DESC_UPDATED'
  | 'ASC_HEIGHT'
  | 'DESC_HEIGHT'
  | 'ASC_WIDTH'
  | 'DESC_WIDTH'
  | 'ASC_SIZE'
  | 'DESC_SIZE'
  | 'ASC_RELEVANCE'
  | 'DESC_RELEVANCE';

/** Query of `GET /v1/files` (list & search). */
export interface ListFilesParams {
  /**
   * What to list: `file`, `file-version`, `folder`, or `all` (files and folders).
   * @default "file"
   */
  type?: 'file' | 'file-version' | 'folder' | 'all' | undefined;
  /**
   * Sort order.
   * @default "ASC_CREATED"
   */
  sort?: FileSort | (string & {}) | undefined;
  /** Restrict to this folder (not its subfolders). */
  path?: string | undefined;
  /** Lucene-like query, e.g. `createdAt > "7d" AND size < "2mb"`. Overrides `tags`, `type`, `name`. */
  searchQuery?: string | undefined;
  /**
   * `all`, `image` or `non-image`.
   * @default "all"
   */
  fileType?: 'all' | 'image' | 'non-image' | undefined;
  /**
   * Page size, 1–1000.
   * @default 1000
   */
  limit?: number | undefined;
  /**
   * Results to skip.
   * @default 0
   */
  skip?: number | undefined;
  /** Legacy (v6): tags to match, comma list or array. Prefer `searchQuery`. */
  tags?: string | string[] | undefined;
  /** Legacy (v6): file or folder name. Prefer `searchQuery`. */
  name?: string | undefined;
  /** Legacy (v6): include folders. Prefer `type: 'all'`. */
  includeFolder?: boolean | undefined;
}

/** One item of a listing: a file (or version) or a folder. */
export type ListFilesItem = FileObject | FolderObject;

/** Validates list params and returns the query record. @internal */
export function listFilesQuery(params: ListFilesParams | undefined): Record<string, QueryValue> {
  if (params === undefined) return {};
  requireObject('params', params);
  optionalInteger('limit', params.limit, 1, 1000);
  optionalInteger('skip', params.skip, 0, Number.MAX_SAFE_INTEGER);
  for (const key of ['type', 'sort', 'path', 'searchQuery', 'fileType', 'name'] as const) optionalString(key, params[key]);
  optionalBoolean('includeFolder', params.includeFolder);
  const tags = params.tags;
  if (tags !== undefined && typeof tags !== 'string' && !(Array.isArray(tags) && tags.every((t) => typeof t === 'string'))) {
    throw new TypeError('The `tags` argument must be a string or an array of strings');
  }
  return {
    type: params.type,
    sort: params.sort,
    path: params.path,
    searchQuery: params.searchQuery,
    fileType: params.fileType,
    tags,
    name: params.name,
    includeFolder: params.includeFolder,
    limit: params.limit,
    skip: params.skip,
  };
}

/**
 * Lists and searches files and folders (`GET /v1/files`). One page: use `iterateFiles`
 * to walk every page.
 * @throws {RangeError} for `limit` outside 1–1000 or a negative `skip`.
 * @throws {ApiError} for an error answer (e.g. {@link BadRequestError} for a bad `searchQuery`).
 */
export async function listFiles(
  context: ClientContext,
  params?: ListFilesParams,
  options?: RequestOptions,
): Promise<WithMetadata<ListFilesItem[]>> {
  const query = listFilesQuery(params);
  return send(context, options, { method: 'GET', path: '/v1/files', query, retry: 'always' });
}

/**
 * Gets the details of a file's current version (`GET /v1/files/{fileId}/details`).
 * @throws {TypeError} for an empty `fileId`.
 * @throws {NotFoundError} when the file does not exist.
 */
export async function getFileDetails(
  context: ClientContext,
  fileId: string,
  options?: RequestOptions,
): Promise<WithMetadata<FileObject>> {
  const path = `/v1/files/${pathSegment('fileId', fileId)}/details`;
  return send(context, options, { method: 'GET', path, retry: 'always' });
}

/** The *details* variant of an update (every field optional; `null` clears). */
export interface FileDetailsUpdate {
  /** Replaces the tags; `null` removes them all. */
  tags?: string[] | null | undefined;
  /** `x,y,width,height`; `null` removes it. */
  customCoordinates?: string | null | undefined;
  /** Values keyed by field name; a key set to `null` unsets it. */
  customMetadata?: CustomMetadataValues | undefined;
  description?: string | undefined;
  /** Extensions to run (after `removeAITags`). */
  extensions?: Extension[] | undefined;
  /** AI tags to remove, or `all`. */
  removeAITags?: string[] | 'all' | undefined;
  /** Where extension results are POSTed. */
  webhookUrl?: string | undefined;
  publish?: undefined;
}

/** The *publish* variant of an update; it cannot be combined with any other key. */
export interface FilePublishUpdate {
  publish: {
    /** Publish (`true`) or unpublish (`false`). */
    isPublished: boolean;
    /** Apply to every version too. @default false */
    includeFileVersions?: boolean | undefined;
  };
}

/** Body of `updateFileDetails`: details or publish, never both. */
export type UpdateFileDetailsParams = FileDetailsUpdate | FilePublishUpdate;

/** Extra field on update answers: the status of each extension that was requested. */
export type UpdatedFile = FileObject;

/**
 * Updates a file's details, or publishes/unpublishes it (`PATCH /v1/files/{fileId}/details`).
 * Retried on any transient failure, except when `extensions` or `webhookUrl` is set
 * (a replay could run billable extensions twice): then only when nothing was processed.
 * @throws {TypeError} for an empty `fileId`, a non-object update, an empty update, or
 *   `publish` combined with other keys.
 * @throws {NotFoundError} when the file does not exist.
 */
export async function updateFileDetails(
  context: ClientContext,
  fileId: string,
  update: UpdateFileDetailsParams,
  options?: RequestOptions,
): Promise<WithMetadata<UpdatedFile>> {
  const path = `/v1/files/${pathSegment('fileId', fileId)}/details`;
  const body = definedOnly(requireObject<Record<string, unknown>>('update', update));
  const keys = Object.keys(body);
  if (keys.length === 0) throw new TypeError('The `update` argument must set at least one field');
  if ('publish' in body) {
    if (keys.length > 1) {
      throw new TypeError('The `update` argument cannot contain other keys when `publish` is present');
    }
    const publish = requireObject<Record<string, unknown>>('publish', body['publish']);
    if (typeof publish['isPublished'] !== 'boolean') {
      throw new TypeError('The `publish.isPublished` argument must be a boolean');
    }
    optionalBoolean('publish.includeFileVersions', publish['includeFileVersions']);
  }
  const runsExtensions =
    (Array.isArray(body['extensions']) && body['extensions'].length > 0) || body['webhookUrl'] !== undefined;
  return send(context, options, { method: 'PATCH', path, body, retry: runsExtensions ? 'safe' : 'always' });
}

/**
 * Deletes a file and all its versions (`DELETE /v1/files/{fileId}`, 204). Does not purge the CDN cache.
 * @throws {NotFoundError} when the file does not exist (also when a retried delete had already succeeded).
 */
export async function deleteFile(
  context: ClientContext,
  fileId: string,
  options?: RequestOptions,
): Promise<WithMetadata<EmptyResult>> {
  const path = `/v1/files/${pathSegment('fileId', fileId)}`;
  return send(context, options, { method: 'DELETE', path, retry: 'always' });
}

/** Body of `copyFile`. */
export interface CopyFileParams {
  /** Full path of the file, e.g. `/path/to/file.jpg`. */
  sourceFilePath: string;
  /** Folder to copy into, e.g. `/folder/to/copy/into/`. */
  destinationPath: string;
  /** Copy every version, not only the current one. @default false */
  includeFileVersions?: boolean | undefined;
}

/**
 * Copies a file (`POST /v1/files/copy`, 204). Retried only when nothing was processed
 * (429, refused connection): a replay after a 5xx could append duplicate versions.
 * @throws {NotFoundError} with `reason: "SOURCE_FILE_MISSING"`.
 */
export async function copyFile(
  context: ClientContext,
  params: CopyFileParams,
  options?: RequestOptions,
): Promise<WithMetadata<EmptyResult>> {
  requireObject('params', params);
  const body = definedOnly({
    sourceFilePath: requireString('sourceFilePath', params.sourceFilePath),
    destinationPath: requireString('destinationPath', params.destinationPath),
    includeFileVersions: optionalBoolean('includeFileVersions', params.includeFileVersions),
  });
  return send(context, options, { method: 'POST', path: '/v1/files/copy', body, retry: 'safe' });
}

/** Body of `moveFile`. */
export interface MoveFileParams {
  /** Full path of the file, e.g. `/path/to/file.jpg`. */
  sourceFilePath: string;
  /** Folder to move into. */
  destinationPath: string;
}

/**
 * Moves a file with all its versions (`POST /v1/files/move`, 204). Retried only when
 * nothing was processed: a replay after success would fail with 404.
 * @throws {NotFoundError} with `reason: "SOURCE_FILE_MISSING"`.
 */
export async function moveFile(
  context: ClientContext,
  params: MoveFileParams,
  options?: RequestOptions,
): Promise<WithMetadata<EmptyResult>> {
  requireObject('params', params);
  const body = {
    sourceFilePath: requireString('sourceFilePath', params.sourceFilePath),
    destinationPath: requireString('destinationPath', params.destinationPath),
  };
  return send(context, options, { method: 'POST', path: '/v1/files/move', body, retry: 'safe' });
}

/** Body of `renameFile`. */
export interface RenameFileParams {
  /** Full path of the file, e.g. `/path/to/file.jpg`. */
  filePath: string;
  /** New file name (other characters than letters, digits, `.`, `_`, `-` become `_`). */
  newFileName: string;
  /** Purge the old URL from the CDN (counts against the purge quota). @default false */
  purgeCache?: boolean | undefined;
}

/** Answer of `renameFile`: the purge request id when `purgeCache` was true. */
export interface RenameFileResult {
  purgeRequestId?: string;
  /** On 207 (`reason: "PURGE_FAILED"`): renamed, but the purge failed. */
  reason?: string;
  [key: string]: unknown;
}

/**
 * Renames a file and all its versions (`PUT /v1/files/rename`). Although a PUT, it is not
 * idempotent (a replay after success fails with 404 and could purge twice), so it is
 * retried only when nothing was processed. A 207 (purge failed) resolves; check
 * `isPartialSuccess(result)`.
 * @throws {ConflictError} with `reason: "FILE_ALREADY_EXISTS"`.
 * @throws {NotFoundError} when the file does not exist.
 */
export async function renameFile(
  context: ClientContext,
  params: RenameFileParams,
  options?: RequestOptions,
): Promise<WithMetadata<RenameFileResult>> {
  requireObject('params', params);
  const body = definedOnly({
    filePath: requireString('filePath', params.filePath),
    newFileName: requireString('newFileName', params.newFileName),
    purgeCache: optionalBoolean('purgeCache', params.purgeCache),
  });
  return send(context, options, { method: 'PUT', path: '/v1/files/rename', body, retry: 'safe' });
}
