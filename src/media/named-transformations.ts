/**
 * @module media/named-transformations
 * Named transformations (aliases used in URLs as `tr:n-<name>`): create, list, get,
 * update (PATCH: partial), delete (imagekit-api.md §9). Server only.
 */
import type { ClientContext } from '../core/context.js';
import { pathSegment } from '../core/path.js';
import type { RequestOptions } from '../core/request.js';
import { send } from './send.js';
import type { WithMetadata } from '../internal/metadata.js';
import type { EmptyResult } from './files.js';
import type { NamedTransformation } from './types.js';
import { requireObject, requireString } from './validate.js';

/** Body of `createNamedTransformation`. */
export interface CreateNamedTransformationParams {
  /** Alias used as `tr:n-<name>`: letters, digits and `_`, case-sensitive, unique. */
  name: string;
  /** The transformation string, e.g. `w-150,h-150`. */
  transformation: string;
  /** Whether URLs may use it. @default true */
  enabled?: boolean | undefined;
}

/** Body of `updateNamedTransformation` (partial). */
export interface UpdateNamedTransformationParams {
  name?: string | undefined;
  transformation?: string | undefined;
  enabled?: boolean | undefined;
}

const basePath = '/v1/named-transformations';

/**
 * Creates one (`POST /v1/named-transformations`). Retried only when
 * nothing was processed (a replay could create a duplicate).
 * @throws {TypeError} for a missing required field.
 */
export async function createNamedTransformation(
  context: ClientContext,
  params: CreateNamedTransformationParams,
  options?: RequestOptions,
): Promise<WithMetadata<NamedTransformation>> {
  requireObject('params', params);
  requireString('name', params.name);
  requireString('transformation', params.transformation);
  return send(context, options, { method: 'POST', path: basePath, body: params, retry: 'safe' });
}

/** Lists all of them (`GET /v1/named-transformations`; one response, no paging). */
export async function listNamedTransformations(
  context: ClientContext,
  options?: RequestOptions,
): Promise<WithMetadata<NamedTransformation[]>> {
  return send(context, options, { method: 'GET', path: basePath, retry: 'always' });
}

/**
 * Gets one by id (`GET /v1/named-transformations/{id}`).
 * @throws {TypeError} for an empty id.
 * @throws {NotFoundError} when it does not exist.
 */
export async function getNamedTransformation(
  context: ClientContext,
  namedTransformationId: string,
  options?: RequestOptions,
): Promise<WithMetadata<NamedTransformation>> {
  const path = `${basePath}/${pathSegment('namedTransformationId', namedTransformationId)}`;
  return send(context, options, { method: 'GET', path, retry: 'always' });
}

/**
 * Updates the given fields of one (`PATCH /v1/named-transformations/{id}`). Idempotent, so retried.
 * @throws {TypeError} for an empty id or an empty update.
 * @throws {NotFoundError} when it does not exist.
 */
export async function updateNamedTransformation(
  context: ClientContext,
  namedTransformationId: string,
  update: UpdateNamedTransformationParams,
  options?: RequestOptions,
): Promise<WithMetadata<NamedTransformation>> {
  const path = `${basePath}/${pathSegment('namedTransformationId', namedTransformationId)}`;
  requireObject('update', update);
  if (Object.values(update).every((value) => value === undefined)) {
    throw new TypeError('The `update` argument must set at least one field');
  }
  return send(context, options, { method: 'PATCH', path, body: update, retry: 'always' });
}

/**
 * Deletes one (`DELETE /v1/named-transformations/{id}`, 204). Fails with 409 while an upload pre/post-transformation setting references it.
 * @throws {NotFoundError} when it does not exist.
 */
export async function deleteNamedTransformation(
  context: ClientContext,
  namedTransformationId: string,
  options?: RequestOptions,
): Promise<WithMetadata<EmptyResult>> {
  const path = `${basePath}/${pathSegment('namedTransformationId', namedTransformationId)}`;
  return send(context, options, { method: 'DELETE', path, retry: 'always' });
}
