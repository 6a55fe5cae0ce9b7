/**
 * @module media/saved-extensions
 * Saved extension configurations (referenced as `{ name: "saved-extension", id }`): create, list, get,
 * update (PATCH: partial), delete (imagekit-api.md §9). Server only.
 */
import type { ClientContext } from '../core/context.js';
import { pathSegment } from '../core/path.js';
import type { RequestOptions } from '../core/request.js';
import { send } from './send.js';
import type { WithMetadata } from '../internal/metadata.js';
import type { EmptyResult } from './files.js';
import type { Extension, SavedExtension } from './types.js';
import { requireObject, requireString } from './validate.js';

/** Body of `createSavedExtension`. */
export interface CreateSavedExtensionParams {
  /** Name of the saved extension. */
  name: string;
  /** What it does. */
  description: string;
  /** One base extension with its options (not a saved-extension reference). */
  config: Extension;
}

/** Body of `updateSavedExtension` (partial). */
export interface UpdateSavedExtensionParams {
  name?: string | undefined;
  description?: string | undefined;
  config?: Extension | undefined;
}

const basePath = '/v1/saved-extensions';

/**
 * Creates one (`POST /v1/saved-extensions`). Retried only when
 * nothing was processed (a replay could create a duplicate).
 * @throws {TypeError} for a missing required field.
 */
export async function createSavedExtension(
  context: ClientContext,
  params: CreateSavedExtensionParams,
  options?: RequestOptions,
): Promise<WithMetadata<SavedExtension>> {
  requireObject('params', params);
  requireString('name', params.name);
  requireString('description', params.description);
  const config = requireObject<Extension>('config', params.config);
  if (config.name === 'saved-extension') {
    throw new TypeError('The `config` argument must be a base extension, not a saved-extension reference');
  }
  return send(context, options, { method: 'POST', path: basePath, body: params, retry: 'safe' });
}

/** Lists all of them (`GET /v1/saved-extensions`; one response, no paging). */
export async function listSavedExtensions(
  context: ClientContext,
  options?: RequestOptions,
): Promise<WithMetadata<SavedExtension[]>> {
  return send(context, options, { method: 'GET', path: basePath, retry: 'always' });
}

/**
 * Gets one by id (`GET /v1/saved-extensions/{id}`).
 * @throws {TypeError} for an empty id.
 * @throws {NotFoundError} when it does not exist.
 */
export async function getSavedExtension(
  context: ClientContext,
  savedExtensionId: string,
  options?: RequestOptions,
): Promise<WithMetadata<SavedExtension>> {
  const path = `${basePath}/${pathSegment('savedExtensionId', savedExtensionId)}`;
  return send(context, options, { method: 'GET', path, retry: 'always' });
}

/**
 * Updates the given fields of one (`PATCH /v1/saved-extensions/{id}`). Idempotent, so retried.
 * @throws {TypeError} for an empty id or an empty update.
 * @throws {NotFoundError} when it does not exist.
 */
export async function updateSavedExtension(
  context: ClientContext,
  savedExtensionId: string,
  update: UpdateSavedExtensionParams,
  options?: RequestOptions,
): Promise<WithMetadata<SavedExtension>> {
  const path = `${basePath}/${pathSegment('savedExtensionId', savedExtensionId)}`;
  requireObject('update', update);
  if (Object.values(update).every((value) => value === undefined)) {
    throw new TypeError('The `update` argument must set at least one field');
  }
  return send(context, options, { method: 'PATCH', path, body: update, retry: 'always' });
}

/**
 * Deletes one (`DELETE /v1/saved-extensions/{id}`, 204).
 * @throws {NotFoundError} when it does not exist.
 */
export async function deleteSavedExtension(
  context: ClientContext,
  savedExtensionId: string,
  options?: RequestOptions,
): Promise<WithMetadata<EmptyResult>> {
  const path = `${basePath}/${pathSegment('savedExtensionId', savedExtensionId)}`;
  return send(context, options, { method: 'DELETE', path, retry: 'always' });
}
