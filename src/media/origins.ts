/**
 * @module media/origins
 * Origins (beta), where files come from (S3, GCS, Azure Blob, web folders, …): create, list, get,
 * replace (PUT: send the whole object), delete (imagekit-api.md §9). Server only.
 */
import type { ClientContext } from '../core/context.js';
import { pathSegment } from '../core/path.js';
import type { RequestOptions } from '../core/request.js';
import { send } from './send.js';
import type { WithMetadata } from '../internal/metadata.js';
import type { EmptyResult } from './files.js';
import type { Origin, OriginRequest } from './types.js';
import { requireObject, requireString } from './validate.js';

const basePath = '/v1/accounts/origins';

/** Create and replace (PUT) both send a whole origin: the same required fields. */
function validOrigin(origin: OriginRequest): void {
  requireObject('origin', origin);
  requireString('origin.type', origin.type);
  requireString('origin.name', origin.name);
}

/**
 * Creates one (`POST /v1/accounts/origins`). Retried only when
 * nothing was processed (a replay could create a duplicate).
 * @throws {TypeError} for a missing required field.
 */
export async function createOrigin(
  context: ClientContext,
  origin: OriginRequest,
  options?: RequestOptions,
): Promise<WithMetadata<Origin>> {
  validOrigin(origin);
  return send(context, options, { method: 'POST', path: basePath, body: origin, retry: 'safe' });
}

/** Lists all of them (`GET /v1/accounts/origins`; one response, no paging). */
export async function listOrigins(
  context: ClientContext,
  options?: RequestOptions,
): Promise<WithMetadata<Origin[]>> {
  return send(context, options, { method: 'GET', path: basePath, retry: 'always' });
}

/**
 * Gets one by id (`GET /v1/accounts/origins/{id}`).
 * @throws {TypeError} for an empty id.
 * @throws {NotFoundError} when it does not exist.
 */
export async function getOrigin(
  context: ClientContext,
  originId: string,
  options?: RequestOptions,
): Promise<WithMetadata<Origin>> {
  const path = `${basePath}/${pathSegment('originId', originId)}`;
  return send(context, options, { method: 'GET', path, retry: 'always' });
}

/**
 * Replaces one (`PUT /v1/accounts/origins/{id}`): send the whole object, required fields included.
 * Idempotent, so retried.
 * @throws {NotFoundError} when it does not exist.
 */
export async function updateOrigin(
  context: ClientContext,
  originId: string,
  origin: OriginRequest,
  options?: RequestOptions,
): Promise<WithMetadata<Origin>> {
  const path = `${basePath}/${pathSegment('originId', originId)}`;
  validOrigin(origin);
  return send(context, options, { method: 'PUT', path, body: origin, retry: 'always' });
}

/**
 * Deletes one (`DELETE /v1/accounts/origins/{id}`, 204). Fails while a URL endpoint still uses the origin.
 * @throws {NotFoundError} when it does not exist.
 */
export async function deleteOrigin(
  context: ClientContext,
  originId: string,
  options?: RequestOptions,
): Promise<WithMetadata<EmptyResult>> {
  const path = `${basePath}/${pathSegment('originId', originId)}`;
  return send(context, options, { method: 'DELETE', path, retry: 'always' });
}
