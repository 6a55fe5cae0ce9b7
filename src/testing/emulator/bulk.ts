/**
 * @module testing/emulator/bulk
 * Bulk delete and bulk tag operations. Any missing id aborts the whole
 * operation with a 404 listing `missingFileIds`; ids in `faults.failFileIds` fail
 * individually, giving a 207 with `errors`.
 */
import { isoNow, type RequestContext } from './context.js';
import type { FileRecord } from './types.js';
import { json, notFound, readJsonObject, rejectUnknownKeys, requireStringArray } from './responses.js';
import { deleteFile } from './store.js';
import { validateTagArray } from './upload/fields.js';

function resolve(context: RequestContext, ids: readonly string[]): FileRecord[] {
  const missing = ids.filter((id) => !context.core.state.files.has(id));
  if (missing.length > 0) notFound('The requested file(s) does not exist.', { missingFileIds: missing });
  return ids.map((id) => context.core.state.files.get(id) as FileRecord);
}

function partition(context: RequestContext, files: FileRecord[]): { ok: FileRecord[]; failed: FileRecord[] } {
  const failing = new Set(context.core.faults.failFileIds ?? []);
  return { ok: files.filter((file) => !failing.has(file.fileId)), failed: files.filter((file) => failing.has(file.fileId)) };
}

function result(key: string, ok: FileRecord[], failed: FileRecord[]): Response {
  const body: Record<string, unknown> = { [key]: ok.map((file) => file.fileId) };
  if (failed.length === 0) return json(200, body);
  body['errors'] = failed.map((file) => ({ fileId: file.fileId, error: 'Internal error while processing this file.' }));
  return json(207, body);
}

/** `POST /v1/files/batch/deleteByFileIds`. */
export async function bulkDelete(context: RequestContext): Promise<Response> {
  const body = await readJsonObject(context.request);
  rejectUnknownKeys(body, ['fileIds']);
  const files = resolve(context, [...new Set(requireStringArray(body, 'fileIds', 100))]);
  const { ok, failed } = partition(context, files);
  for (const file of ok) deleteFile(context.core, file);
  return result('successfullyDeletedFileIds', ok, failed);
}

/** `POST /v1/files/addTags`, `/removeTags`, `/removeAITags`. */
export async function bulkTags(context: RequestContext, mode: 'add' | 'remove' | 'removeAI'): Promise<Response> {
  const body = await readJsonObject(context.request);
  const tagKey = mode === 'removeAI' ? 'AITags' : 'tags';
  rejectUnknownKeys(body, ['fileIds', tagKey]);
  const ids = requireStringArray(body, 'fileIds', 50);
  const tags = requireStringArray(body, tagKey, 500);
  if (mode === 'add') validateTagArray(tags);
  const files = resolve(context, [...new Set(ids)]);
  const { ok, failed } = partition(context, files);
  const now = isoNow(context.core);
  for (const file of ok) {
    const version = file.current;
    if (mode === 'add') {
      const next = [...(version.tags ?? [])];
      for (const tag of tags) if (!next.includes(tag)) next.push(tag);
      version.tags = next;
    } else if (mode === 'remove') {
      const next = (version.tags ?? []).filter((tag) => !tags.includes(tag));
      version.tags = next.length > 0 ? next : null;
    } else {
      const next = (version.AITags ?? []).filter((tag) => !tags.includes(tag.name));
      version.AITags = next.length > 0 ? next : null;
    }
    version.updatedAt = now;
  }
  return result('successfullyUpdatedFileIds', ok, failed);
}
