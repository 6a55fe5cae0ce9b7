/**
 * @module media/metadata
 * Image/video metadata, EXIF and pHash of a library file or of any URL served by the
 * account (imagekit-api.md §6). Server only.
 */
import type { ClientContext } from '../core/context.js';
import { pathSegment } from '../core/path.js';
import type { RequestOptions } from '../core/request.js';
import { send } from './send.js';
import type { WithMetadata } from '../internal/metadata.js';
import type { FileMetadata } from './types.js';
import { requireString } from './validate.js';

/**
 * Gets the metadata of a media-library file (`GET /v1/files/{fileId}/metadata`).
 * @throws {TypeError} for an empty `fileId`.
 * @throws {NotFoundError} when the file does not exist.
 */
export async function getFileMetadata(
  context: ClientContext,
  fileId: string,
  options?: RequestOptions,
): Promise<WithMetadata<FileMetadata>> {
  const path = `/v1/files/${pathSegment('fileId', fileId)}/metadata`;
  return send(context, options, { method: 'GET', path, retry: 'always' });
}

/**
 * Gets the metadata of any URL served through the account's URL endpoints
 * (`GET /v1/metadata?url=…`; the path every official SDK uses, not the 2024 OpenAPI's
 * `/v1/files/metadata`).
 * @throws {TypeError} when `url` is not an absolute http(s) URL.
 */
export async function getRemoteFileUrlMetadata(
  context: ClientContext,
  url: string,
  options?: RequestOptions,
): Promise<WithMetadata<FileMetadata>> {
  requireString('url', url);
  if (!isHttpUrl(url)) throw new TypeError('The `url` argument must be an absolute http(s) URL');
  return send(context, options, { method: 'GET', path: '/v1/metadata', query: { url }, retry: 'always' });
}

/** True for an absolute `http:` / `https:` URL. */
export function isHttpUrl(value: string): boolean {
  return /^https?:\/\//i.test(value);
}
