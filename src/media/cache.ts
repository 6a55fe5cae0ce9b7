/**
 * @module media/cache
 * CDN cache purge and its status (imagekit-api.md §8). Server only.
 */
import type { ClientContext } from '../core/context.js';
import { pathSegment } from '../core/path.js';
import type { RequestOptions } from '../core/request.js';
import { send } from './send.js';
import type { WithMetadata } from '../internal/metadata.js';
import { isHttpUrl } from './metadata.js';
import { requireString } from './validate.js';

/** Answer of `purgeFileCache`. */
export interface PurgeCacheResult {
  /** Id to poll with `getPurgeFileCacheStatus`. */
  requestId: string;
  [key: string]: unknown;
}

/** Answer of `getPurgeFileCacheStatus`. */
export interface PurgeCacheStatus {
  status: 'Pending' | 'Completed' | (string & {});
  [key: string]: unknown;
}

/**
 * Purges a URL from the CDN and ImageKit's caches (`POST /v1/files/purge`, 201). A
 * trailing `*` purges a prefix. Each purge counts against the monthly quota, so it is
 * retried only when nothing was processed.
 * @throws {TypeError} when `url` is not an absolute http(s) URL.
 */
export async function purgeFileCache(
  context: ClientContext,
  url: string,
  options?: RequestOptions,
): Promise<WithMetadata<PurgeCacheResult>> {
  requireString('url', url);
  if (!isHttpUrl(url)) throw new TypeError('The `url` argument must be an absolute http(s) URL');
  return send(context, options, { method: 'POST', path: '/v1/files/purge', body: { url }, retry: 'safe' });
}

/**
 * Gets the status of a purge request (`GET /v1/files/purge/{requestId}`).
 * @throws {NotFoundError} when the request id is unknown.
 */
export async function getPurgeFileCacheStatus(
  context: ClientContext,
  requestId: string,
  options?: RequestOptions,
): Promise<WithMetadata<PurgeCacheStatus>> {
  const path = `/v1/files/purge/${pathSegment('requestId', requestId)}`;
  return send(context, options, { method: 'GET', path, retry: 'always' });
}
