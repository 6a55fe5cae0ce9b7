/**
 * @module media/folders
 * Folders: create, delete, and the bulk jobs copy / move / rename
 * (imagekit-api.md §5). Job status lives in `jobs.ts`. Server only.
 */
import type { ClientContext } from '../core/context.js';
import type { RequestOptions } from '../core/request.js';
import { send } from './send.js';
import type { WithMetadata } from '../internal/metadata.js';
import type { EmptyResult } from './files.js';
import type { BulkJobResult } from './types.js';
import { definedOnly, optionalBoolean, optionalString, requireObject, requireString } from './validate.js';

/** Body of `createFolder`. */
export interface CreateFolderParams {
  /** Name of the new folder (characters other than letters and digits become `_`). */
  folderName: string;
  /**
   * Parent folder; missing parents are created.
   * @default "/"
   */
  parentFolderPath?: string | undefined;
}

/**
 * Creates a folder (`POST /v1/folder`, 201 with an empty body). Retried only when
 * nothing was processed.
 * @throws {TypeError} for an empty `folderName`.
 */
export async function createFolder(
  context: ClientContext,
  params: CreateFolderParams,
  options?: RequestOptions,
): Promise<WithMetadata<EmptyResult>> {
  requireObject('params', params);
  const body = {
    folderName: requireString('folderName', params.folderName),
    parentFolderPath: optionalString('parentFolderPath', params.parentFolderPath) || '/',
  };
  return send(context, options, { method: 'POST', path: '/v1/folder', body, retry: 'safe' });
}

/**
 * Deletes a folder and everything in it (`DELETE /v1/folder` with a JSON body, 204).
 * Retried like every DELETE; a replay after a lost success answers 404.
 * @throws {NotFoundError} with `reason: "FOLDER_NOT_FOUND"`.
 */
export async function deleteFolder(
  context: ClientContext,
  folderPath: string,
  options?: RequestOptions,
): Promise<WithMetadata<EmptyResult>> {
  const body = { folderPath: requireString('folderPath', folderPath) };
  return send(context, options, { method: 'DELETE', path: '/v1/folder', body, retry: 'always' });
}

/** Body of `copyFolder`. */
export interface CopyFolderParams {
  /** Folder to copy, e.g. `/path/of/source/folder`. */
  sourceFolderPath: string;
  /** Folder to copy into. */
  destinationPath: string;
  /**
   * Copy every version of each file, not only the current one. Sent as `includeVersions`
   * (the name in the OpenAPI spec and the v7/python v5 SDKs).
   * @default false
   */
  includeVersions?: boolean | undefined;
  /** v6 name of `includeVersions`, accepted for compatibility and sent as `includeVersions`. */
  includeFileVersions?: boolean | undefined;
}

/**
 * Starts a bulk job that copies a folder (`POST /v1/bulkJobs/copyFolder`) and resolves with
 * its `jobId`. Retried only when nothing was processed (a replay could start a second job).
 *
 * The version flag is sent as `includeVersions` (OpenAPI 2024, v7, python v5); the v6
 * name `includeFileVersions` is accepted as an alias.
 * @throws {TypeError} for empty paths, or `includeVersions` and `includeFileVersions` that disagree.
 * @throws {NotFoundError} when nothing exists at the source.
 */
export async function copyFolder(
  context: ClientContext,
  params: CopyFolderParams,
  options?: RequestOptions,
): Promise<WithMetadata<BulkJobResult>> {
  requireObject('params', params);
  const current = optionalBoolean('includeVersions', params.includeVersions);
  const legacy = optionalBoolean('includeFileVersions', params.includeFileVersions);
  if (current !== undefined && legacy !== undefined && current !== legacy) {
    throw new TypeError('The `includeVersions` and `includeFileVersions` arguments disagree; pass only `includeVersions`');
  }
  const body = definedOnly({
    sourceFolderPath: requireString('sourceFolderPath', params.sourceFolderPath),
    destinationPath: requireString('destinationPath', params.destinationPath),
    includeVersions: current ?? legacy,
  });
  return send(context, options, { method: 'POST', path: '/v1/bulkJobs/copyFolder', body, retry: 'safe' });
}

/** Body of `moveFolder`. */
export interface MoveFolderParams {
  /** Folder to move. */
  sourceFolderPath: string;
  /** Folder to move into. */
  destinationPath: string;
}

/**
 * Starts a bulk job that moves a folder (`POST /v1/bulkJobs/moveFolder`) and resolves with
 * its `jobId`. Retried only when nothing was processed.
 * @throws {NotFoundError} when nothing exists at the source.
 */
export async function moveFolder(
  context: ClientContext,
  params: MoveFolderParams,
  options?: RequestOptions,
): Promise<WithMetadata<BulkJobResult>> {
  requireObject('params', params);
  const body = {
    sourceFolderPath: requireString('sourceFolderPath', params.sourceFolderPath),
    destinationPath: requireString('destinationPath', params.destinationPath),
  };
  return send(context, options, { method: 'POST', path: '/v1/bulkJobs/moveFolder', body, retry: 'safe' });
}

/** Body of `renameFolder`. */
export interface RenameFolderParams {
  /** Folder to rename. */
  folderPath: string;
  /** New name of the folder. */
  newFolderName: string;
  /** Purge the old URLs from the CDN. @default false */
  purgeCache?: boolean | undefined;
}

/**
 * Starts a bulk job that renames a folder (`POST /v1/bulkJobs/renameFolder`) and resolves
 * with its `jobId`. Retried only when nothing was processed.
 * @throws {NotFoundError} when the folder does not exist.
 */
export async function renameFolder(
  context: ClientContext,
  params: RenameFolderParams,
  options?: RequestOptions,
): Promise<WithMetadata<BulkJobResult>> {
  requireObject('params', params);
  const body = definedOnly({
    folderPath: requireString('folderPath', params.folderPath),
    newFolderName: requireString('newFolderName', params.newFolderName),
    purgeCache: optionalBoolean('purgeCache', params.purgeCache),
  });
  return send(context, options, { method: 'POST', path: '/v1/bulkJobs/renameFolder', body, retry: 'safe' });
}
