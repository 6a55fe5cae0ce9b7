/**
 * @module media/custom-metadata-fields
 * Custom metadata field definitions: create, list, update, delete (imagekit-api.md §7).
 * Server only.
 */
import type { ClientContext } from '../core/context.js';
import { pathSegment } from '../core/path.js';
import type { RequestOptions } from '../core/request.js';
import { send } from './send.js';
import type { WithMetadata } from '../internal/metadata.js';
import type { EmptyResult } from './files.js';
import type { CustomMetadataField, CustomMetadataFieldSchema } from './types.js';
import { definedOnly, optionalBoolean, optionalString, requireObject, requireString } from './validate.js';

/** Body of `createCustomMetadataField`. */
export interface CreateCustomMetadataFieldParams {
  /** API name; unique across all fields, deleted ones included (never reusable). */
  name: string;
  /** Display label; unique among live fields. */
  label: string;
  /** Type and rules of the field. */
  schema: CustomMetadataFieldSchema;
  /** Hint shown in the media library (≤ 500 characters). */
  description?: string | undefined;
}

/** Query of `getCustomMetadataFields`. */
export interface GetCustomMetadataFieldsParams {
  /** Include deleted fields. @default false */
  includeDeleted?: boolean | undefined;
  /** Return the fields that apply under this folder (Path policy). */
  folderPath?: string | undefined;
}

/** Body of `updateCustomMetadataField`: at least one key. `schema.type` cannot change. */
export interface UpdateCustomMetadataFieldParams {
  label?: string | undefined;
  schema?: Partial<CustomMetadataFieldSchema> | undefined;
  /** An empty string clears the description. */
  description?: string | undefined;
}

/**
 * Creates a custom metadata field (`POST /v1/customMetadataFields`, 201). Retried only
 * when nothing was processed (a replay after success fails: the name is taken).
 * @throws {TypeError} for a missing `name`, `label` or `schema.type`.
 * @throws {BadRequestError} with `body.errors` per schema property, or for a duplicate name.
 */
export async function createCustomMetadataField(
  context: ClientContext,
  params: CreateCustomMetadataFieldParams,
  options?: RequestOptions,
): Promise<WithMetadata<CustomMetadataField>> {
  requireObject('params', params);
  const schema = requireObject<CustomMetadataFieldSchema>('schema', params.schema);
  requireString('schema.type', schema.type);
  const body = definedOnly({
    name: requireString('name', params.name),
    label: requireString('label', params.label),
    schema,
    description: optionalString('description', params.description),
  });
  return send(context, options, { method: 'POST', path: '/v1/customMetadataFields', body, retry: 'safe' });
}

/**
 * Lists custom metadata fields (`GET /v1/customMetadataFields`).
 */
export async function getCustomMetadataFields(
  context: ClientContext,
  params?: GetCustomMetadataFieldsParams,
  options?: RequestOptions,
): Promise<WithMetadata<CustomMetadataField[]>> {
  const query: { includeDeleted?: boolean | undefined; folderPath?: string | undefined } = {};
  if (params !== undefined) {
    requireObject('params', params);
    query.includeDeleted = optionalBoolean('includeDeleted', params.includeDeleted);
    query.folderPath = optionalString('folderPath', params.folderPath);
  }
  return send(context, options, { method: 'GET', path: '/v1/customMetadataFields', query, retry: 'always' });
}

/**
 * Updates a field's label, schema or description (`PATCH /v1/customMetadataFields/{id}`).
 * Idempotent, so retried.
 * @throws {TypeError} for an empty `fieldId` or an update with none of `label`, `schema`, `description`.
 * @throws {NotFoundError} when the field does not exist.
 */
export async function updateCustomMetadataField(
  context: ClientContext,
  fieldId: string,
  update: UpdateCustomMetadataFieldParams,
  options?: RequestOptions,
): Promise<WithMetadata<CustomMetadataField>> {
  const path = `/v1/customMetadataFields/${pathSegment('fieldId', fieldId)}`;
  requireObject('update', update);
  const body = definedOnly({
    label: optionalString('label', update.label),
    schema: update.schema === undefined ? undefined : requireObject('schema', update.schema),
    description: optionalString('description', update.description),
  });
  if (Object.keys(body).length === 0) {
    throw new TypeError('The `update` argument must set `label`, `schema` or `description`');
  }
  return send(context, options, { method: 'PATCH', path, body, retry: 'always' });
}

/**
 * Deletes a custom metadata field (`DELETE /v1/customMetadataFields/{id}`, 204).
 * @throws {NotFoundError} when the field does not exist.
 */
export async function deleteCustomMetadataField(
  context: ClientContext,
  fieldId: string,
  options?: RequestOptions,
): Promise<WithMetadata<EmptyResult>> {
  const path = `/v1/customMetadataFields/${pathSegment('fieldId', fieldId)}`;
  return send(context, options, { method: 'DELETE', path, retry: 'always' });
}
