/**
 * @module media/url-endpoints
 * URL endpoints (beta): URL prefixes with their origins and URL rewriter. Create, list, get,
 * replace (PUT: send the whole object), delete (imagekit-api.md §9). Server only.
 */
import type { ClientContext } from '../core/context.js';
import { pathSegment } from '../core/path.js';
import type { RequestOptions } from '../core/request.js';
import { send } from './send.js';
import type { WithMetadata } from '../internal/metadata.js';
import type { EmptyResult } from './files.js';
import type { UrlEndpoint, UrlEndpointRequest } from './types.js';
import { requireObject, requireString } from './validate.js';

const basePath = '/v1/accounts/url-endpoints';

/** Create and replace (PUT) both send a whole URL endpoint: the same required fields. */
function validUrlEndpoint(urlEndpoint: UrlEndpointRequest): void {
  requireObject('urlEndpoint', urlEndpoint);
  requireString('urlEndpoint.description', urlEndpoint.description);
}

/**
 * Creates one (`POST /v1/accounts/url-endpoints`). Retried only when
 * nothing was processed (a replay could create a duplicate).
 * @throws {TypeError} for a missing required field.
 */
export async function createUrlEndpoint(
  context: ClientContext,
  urlEndpoint: UrlEndpointRequest,
  options?: RequestOptions,
): Promise<WithMetadata<UrlEndpoint>> {
  validUrlEndpoint(urlEndpoint);
  return send(context, options, { method: 'POST', path: basePath, body: urlEndpoint, retry: 'safe' });
}

/** Lists all of them (`GET /v1/accounts/url-endpoints`; one response, no paging). */
export async function listUrlEndpoints(
  context: ClientContext,
  options?: RequestOptions,
): Promise<WithMetadata<UrlEndpoint[]>> {
  return send(context, options, { method: 'GET', path: basePath, retry: 'always' });
}

/**
 * Gets one by id (`GET /v1/accounts/url-endpoints/{id}`).
 * @throws {TypeError} for an empty id.
 * @throws {NotFoundError} when it does not exist.
 */
export async function getUrlEndpoint(
  context: ClientContext,
  urlEndpointId: string,
  options?: RequestOptions,
): Promise<WithMetadata<UrlEndpoint>> {
  const path = `${basePath}/${pathSegment('urlEndpointId', urlEndpointId)}`;
  return send(context, options, { method: 'GET', path, retry: 'always' });
}

/**
 * Replaces one (`PUT /v1/accounts/url-endpoints/{id}`): send the whole object, required fields included.
 * Idempotent, so retried.
 * @throws {NotFoundError} when it does not exist.
 */
export async function updateUrlEndpoint(
  context: ClientContext,
  urlEndpointId: string,
  urlEndpoint: UrlEndpointRequest,
  options?: RequestOptions,
): Promise<WithMetadata<UrlEndpoint>> {
  const path = `${basePath}/${pathSegment('urlEndpointId', urlEndpointId)}`;
  validUrlEndpoint(urlEndpoint);
  return send(context, options, { method: 'PUT', path, body: urlEndpoint, retry: 'always' });
}

/**
 * Deletes one (`DELETE /v1/accounts/url-endpoints/{id}`, 204). The built-in `default` endpoint cannot be deleted.
 * @throws {NotFoundError} when it does not exist.
 */
export async function deleteUrlEndpoint(
  context: ClientContext,
  urlEndpointId: string,
  options?: RequestOptions,
): Promise<WithMetadata<EmptyResult>> {
  const path = `${basePath}/${pathSegment('urlEndpointId', urlEndpointId)}`;
  return send(context, options, { method: 'DELETE', path, retry: 'always' });
}
