/**
 * @module testing/emulator/cmf
 * Custom metadata field CRUD. Names are unique forever (deleted fields keep
 * theirs); labels are unique among live fields. `folderPath` on list is accepted and
 * ignored (no Path policies in the emulator).
 */
import { nextId, type RequestContext } from './context.js';
import type { CustomMetadataFieldRecord } from './types.js';
import { badRequest, empty, json, notFound, readJsonObject, rejectUnknownKeys, requireString } from './responses.js';
import { schemaErrors } from './custom-metadata.js';

function render(field: CustomMetadataFieldRecord): Record<string, unknown> {
  const out: Record<string, unknown> = { id: field.id, name: field.name, label: field.label, schema: field.schema };
  if (field.description !== undefined && field.description !== '') out['description'] = field.description;
  return out;
}

function checkDescription(body: Record<string, unknown>): void {
  const description = body['description'];
  if (description !== undefined && (typeof description !== 'string' || description.length > 500)) {
    badRequest('`description` must be a string of at most 500 characters.');
  }
}

function checkSchema(schema: unknown, type: string): Record<string, unknown> {
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) badRequest('`schema` must be an object.');
  const errors = schemaErrors(schema as Record<string, unknown>, type);
  if (Object.keys(errors).length > 0) badRequest('Invalid schema object', { errors });
  return schema as Record<string, unknown>;
}

function requireLiveField(context: RequestContext, id: string): CustomMetadataFieldRecord {
  const field = context.core.state.customMetadataFields.find((candidate) => candidate.id === id && !candidate.deleted);
  if (field === undefined) notFound('No such custom metadata field exists.');
  return field;
}

/** `POST /v1/customMetadataFields`. */
export async function createField(context: RequestContext): Promise<Response> {
  const body = await readJsonObject(context.request);
  rejectUnknownKeys(body, ['name', 'label', 'schema', 'description']);
  const name = requireString(body, 'name');
  const label = requireString(body, 'label');
  checkDescription(body);
  const rawType = (body['schema'] as Record<string, unknown> | null | undefined)?.['type'];
  const schema = checkSchema(body['schema'], typeof rawType === 'string' ? rawType : '');
  const fields = context.core.state.customMetadataFields;
  if (fields.some((field) => field.name === name)) badRequest('A custom metadata field with this name already exists (names can never be reused).');
  if (fields.some((field) => !field.deleted && field.label === label)) badRequest('A custom metadata field with this label already exists.');
  const field: CustomMetadataFieldRecord = {
    id: nextId(context.core),
    name,
    label,
    schema: { ...schema, type: rawType as string },
    deleted: false,
  };
  if (typeof body['description'] === 'string') field.description = body['description'];
  fields.push(field);
  return json(201, render(field));
}

/** `GET /v1/customMetadataFields`. */
export function listFields(context: RequestContext): Response {
  const includeDeleted = context.url.searchParams.get('includeDeleted');
  if (includeDeleted !== null && includeDeleted !== 'true' && includeDeleted !== 'false') badRequest('`includeDeleted` must be true or false.');
  const fields = context.core.state.customMetadataFields.filter((field) => includeDeleted === 'true' || !field.deleted);
  return json(200, fields.map(render));
}

/** `PATCH /v1/customMetadataFields/{id}` (`schema.type` cannot change and is ignored). */
export async function updateField(context: RequestContext, id: string): Promise<Response> {
  const field = requireLiveField(context, id);
  const body = await readJsonObject(context.request);
  rejectUnknownKeys(body, ['label', 'schema', 'description']);
  if (body['label'] === undefined && body['schema'] === undefined && body['description'] === undefined) {
    badRequest('At least one of `label`, `schema` or `description` is required.');
  }
  checkDescription(body);
  let label = field.label;
  if (body['label'] !== undefined) {
    label = requireString(body, 'label');
    const clash = context.core.state.customMetadataFields.some((other) => other !== field && !other.deleted && other.label === label);
    if (clash) badRequest('A custom metadata field with this label already exists.');
  }
  let schema = field.schema;
  if (body['schema'] !== undefined) {
    const update = checkSchema(body['schema'], field.schema.type);
    const { type: _ignored, ...rest } = update;
    schema = { ...rest, type: field.schema.type };
    const errors = schemaErrors(schema, field.schema.type);
    if (Object.keys(errors).length > 0) badRequest('Invalid schema object', { errors });
  }
  field.label = label;
  field.schema = schema;
  if (body['description'] !== undefined) {
    if (body['description'] === '') delete field.description;
    else field.description = body['description'] as string;
  }
  return json(200, render(field));
}

/** `DELETE /v1/customMetadataFields/{id}`. */
export function deleteField(context: RequestContext, id: string): Response {
  requireLiveField(context, id).deleted = true;
  return empty(204);
}
