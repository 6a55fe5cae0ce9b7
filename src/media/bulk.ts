/**
 * @module media/bulk
 * Bulk file operations: delete many, add/remove tags, remove AI tags
 * (imagekit-api.md §4.5, §4.9). A 207 answer (some items failed) resolves with the
 * body, which carries `errors`; check it with `isPartialSuccess(result)`. Server only.
 */
import type { ClientContext } from '../core/context.js';
import type { RequestOptions } from '../core/request.js';
import { send } from './send.js';
import type { WithMetadata } from '../internal/metadata.js';
import { requireStringArray } from './validate.js';

/** Most file ids one bulk delete accepts. */
export const maxBulkDeleteFileIds = 100;
/** Most file ids one bulk tag call accepts. */
export const maxBulkTagFileIds = 50;

/** One failed item of a 207 answer. */
export interface BulkItemError {
  fileId: string;
  error: string;
  [key: string]: unknown;
}

/** Answer of `bulkDeleteFiles`. */
export interface BulkDeleteFilesResult {
  successfullyDeletedFileIds: string[];
  /** Present on 207: the files that could not be deleted. */
  errors?: BulkItemError[];
  [key: string]: unknown;
}

/** Answer of the bulk tag calls. */
export interface BulkTagsResult {
  successfullyUpdatedFileIds: string[];
  /** Present on 207: the files that could not be updated. */
  errors?: BulkItemError[];
  [key: string]: unknown;
}

/**
 * Deletes up to 100 files and their versions (`POST /v1/files/batch/deleteByFileIds`).
 * Retried only when nothing was processed: a replay after success would report the
 * deleted ids as missing (404).
 * @throws {TypeError} when `fileIds` is not an array of non-empty strings.
 * @throws {RangeError} when `fileIds` is empty or has more than 100 ids.
 * @throws {NotFoundError} with `body.missingFileIds` (nothing was deleted).
 */
export async function bulkDeleteFiles(
  context: ClientContext,
  fileIds: string[],
  options?: RequestOptions,
): Promise<WithMetadata<BulkDeleteFilesResult>> {
  const body = { fileIds: requireStringArray('fileIds', fileIds, maxBulkDeleteFileIds) };
  return send(context, options, { method: 'POST', path: '/v1/files/batch/deleteByFileIds', body, retry: 'safe' });
}

function tagCall(
  context: ClientContext,
  path: string,
  fileIds: string[],
  tagsKey: 'tags' | 'AITags',
  tags: string[],
  options: RequestOptions | undefined,
): Promise<WithMetadata<BulkTagsResult>> {
  const body = {
    fileIds: requireStringArray('fileIds', fileIds, maxBulkTagFileIds),
    [tagsKey]: requireStringArray(tagsKey === 'tags' ? 'tags' : 'AITags', tags),
  };
  // Adding or removing the same tags again leaves the same state: safe to replay.
  return send(context, options, { method: 'POST', path, body, retry: 'always' });
}

/**
 * Adds tags to up to 50 files (`POST /v1/files/addTags`). Idempotent, so retried.
 * @throws {TypeError} / {RangeError} for bad `fileIds` (1–50) or `tags` (non-empty).
 * @throws {NotFoundError} with `body.missingFileIds` (nothing was changed).
 */
export async function bulkAddTags(
  context: ClientContext,
  fileIds: string[],
  tags: string[],
  options?: RequestOptions,
): Promise<WithMetadata<BulkTagsResult>> {
  return tagCall(context, '/v1/files/addTags', fileIds, 'tags', tags, options);
}

/**
 * Removes tags from up to 50 files (`POST /v1/files/removeTags`). Idempotent, so retried.
 * @throws {TypeError} / {RangeError} for bad `fileIds` (1–50) or `tags` (non-empty).
 * @throws {NotFoundError} with `body.missingFileIds` (nothing was changed).
 */
export async function bulkRemoveTags(
  context: ClientContext,
  fileIds: string[],
  tags: string[],
  options?: RequestOptions,
): Promise<WithMetadata<BulkTagsResult>> {
  return tagCall(context, '/v1/files/removeTags', fileIds, 'tags', tags, options);
}

/**
 * Removes AI tags from up to 50 files (`POST /v1/files/removeAITags`, body key `AITags`).
 * Idempotent, so retried.
 * @throws {TypeError} / {RangeError} for bad `fileIds` (1–50) or `AITags` (non-empty).
 * @throws {NotFoundError} with `body.missingFileIds` (nothing was changed).
 */
export async function bulkRemoveAITags(
  context: ClientContext,
  fileIds: string[],
  AITags: string[],
  options?: RequestOptions,
): Promise<WithMetadata<BulkTagsResult>> {
  return tagCall(context, '/v1/files/removeAITags', fileIds, 'AITags', AITags, options);
}
