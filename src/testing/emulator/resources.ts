/**
 * @module testing/emulator/resources
 * Generic in-memory CRUD used by origins, URL endpoints, saved extensions and named
 * transformations.
 */
import { isoNow, nextId, type RequestContext } from './context.js';
import type { ResourceRecord } from './types.js';
import { badRequest, empty, json, notFound, readJsonObject } from './responses.js';

/** How one resource kind validates and renders. */
export interface ResourceKind {
  label: string;
  map: (context: RequestContext) => Map<string, ResourceRecord>;
  /** Validates a full body (create / PUT) or a partial one (PATCH, `partial` = true) and returns the stored fields. */
  validate: (context: RequestContext, body: Record<string, unknown>, existing: ResourceRecord | undefined) => Record<string, unknown>;
  render?: (record: ResourceRecord) => Record<string, unknown>;
  max?: number;
  createdStatus?: number;
  timestamps?: 'created' | 'both';
  beforeDelete?: (context: RequestContext, record: ResourceRecord) => void;
}

function output(kind: ResourceKind, record: ResourceRecord): Record<string, unknown> {
  return kind.render === undefined ? { ...record } : kind.render(record);
}

/** Looks a record up or throws 404. */
export function requireRecord(context: RequestContext, kind: ResourceKind, id: string): ResourceRecord {
  const record = kind.map(context).get(id);
  if (record === undefined) notFound(`No ${kind.label} found with the provided id.`);
  return record;
}

/** POST create. */
export async function createRecord(context: RequestContext, kind: ResourceKind): Promise<Response> {
  const map = kind.map(context);
  if (kind.max !== undefined && map.size >= kind.max) badRequest(`At most ${kind.max} ${kind.label}s are allowed per account.`);
  const fields = kind.validate(context, await readJsonObject(context.request), undefined);
  const record: ResourceRecord = { id: nextId(context.core), ...fields };
  const now = isoNow(context.core);
  if (kind.timestamps !== undefined) record['createdAt'] = now;
  if (kind.timestamps === 'both') record['updatedAt'] = now;
  map.set(record.id, record);
  return json(kind.createdStatus ?? 201, output(kind, record));
}

/** GET list. */
export function listRecords(context: RequestContext, kind: ResourceKind): Response {
  return json(
    200,
    [...kind.map(context).values()].map((record) => output(kind, record)),
  );
}

/** GET one. */
export function getRecord(context: RequestContext, kind: ResourceKind, id: string): Response {
  return json(200, output(kind, requireRecord(context, kind, id)));
}

/** PUT (replace) or PATCH (merge). */
export async function updateRecord(context: RequestContext, kind: ResourceKind, id: string, mode: 'replace' | 'merge'): Promise<Response> {
  const existing = requireRecord(context, kind, id);
  const body = await readJsonObject(context.request);
  const fields = kind.validate(context, mode === 'merge' ? { ...existing, ...body, id: undefined } : body, existing);
  const record: ResourceRecord = { id, ...fields };
  if (existing['createdAt'] !== undefined) record['createdAt'] = existing['createdAt'];
  if (kind.timestamps === 'both') record['updatedAt'] = isoNow(context.core);
  kind.map(context).set(id, record);
  return json(200, output(kind, record));
}

/** DELETE (204). */
export function deleteRecord(context: RequestContext, kind: ResourceKind, id: string): Response {
  const record = requireRecord(context, kind, id);
  kind.beforeDelete?.(context, record);
  kind.map(context).delete(id);
  return empty(204);
}
