/**
 * @module media/versions
 * File versions: list, get, delete, restore (imagekit-api.md §4.10). Server only.
 */
import type { ClientContext } from '../core/context.js';
import { pathSegment } from '../core/path.js';
import type { RequestOptions } from '../core/request.js';
import { send } from './send.js';
import type { WithMetadata } from '../internal/metadata.js';
import type { EmptyResult } from './files.js';
import type { FileObject } from './types.js';
import { requireObject } from './validate.js';

/** Identifies one version of one file (v6 argument shape). */
export interface FileVersionParams {
  /** The file's id. */
  fileId: string;
  /** The version's id (`versionInfo.id`). */
  versionId: string;
}

function versionPath(params: FileVersionParams): string {
  requireObject('params', params);
  return `/v1/files/${pathSegment('fileId', params.fileId)}/versions/${pathSegment('versionId', params.versionId)}`;
}

/**
 * Lists every version of a file, the current one included (`GET /v1/files/{fileId}/versions`).
 * @throws {NotFoundError} when the file does not exist.
 */
export async function getFileVersions(
  context: ClientContext,
  fileId: string,
  options?: RequestOptions,
): Promise<WithMetadata<FileObject[]>> {
  const path = `/v1/files/${pathSegment('fileId', fileId)}/versions`;
  return send(context, options, { method: 'GET', path, retry: 'always' });
}

/**
 * Gets one version of a file (`GET /v1/files/{fileId}/versions/{versionId}`).
 * @throws {NotFoundError} when the file or version does not exist.
 */
export async function getFileVersionDetails(
  context: ClientContext,
  params: FileVersionParams,
  options?: RequestOptions,
): Promise<WithMetadata<FileObject>> {
  return send(context, options, { method: 'GET', path: versionPath(params), retry: 'always' });
}

/**
 * Deletes a non-current version (`DELETE /v1/files/{fileId}/versions/{versionId}`, 204).
 * @throws {BadRequestError} when the version is the current one (delete the file instead).
 * @throws {NotFoundError} when the file or version does not exist.
 */
export async function deleteFileVersion(
  context: ClientContext,
  params: FileVersionParams,
  options?: RequestOptions,
): Promise<WithMetadata<EmptyResult>> {
  return send(context, options, { method: 'DELETE', path: versionPath(params), retry: 'always' });
}

/**
 * Makes a version the current one (`PUT /v1/files/{fileId}/versions/{versionId}/restore`).
 * Idempotent, so retried.
 * @throws {NotFoundError} when the file or version does not exist.
 */
export async function restoreFileVersion(
  context: ClientContext,
  params: FileVersionParams,
  options?: RequestOptions,
): Promise<WithMetadata<FileObject>> {
  return send(context, options, { method: 'PUT', path: `${versionPath(params)}/restore`, retry: 'always' });
}
