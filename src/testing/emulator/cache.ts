/**
 * @module testing/emulator/cache
 * Cache purge. Purging does nothing to served bytes (the emulator has no CDN);
 * status reads answer `Pending` for the first `pendingReads` reads, then `Completed`.
 */
import { nextId, uuidFrom, type EmulatorCore, type RequestContext } from './context.js';
import type { PurgeRecord } from './types.js';
import { EmulatorHttpError, badRequest, json, notFound, readJsonObject, rejectUnknownKeys, requireString } from './responses.js';

/** Records a purge; undefined when the purge quota is used up. */
export function createPurge(core: EmulatorCore, url: string): PurgeRecord | undefined {
  if (core.state.purgeCount >= core.options.purgeQuota) return undefined;
  core.state.purgeCount += 1;
  nextId(core);
  const record: PurgeRecord = { requestId: uuidFrom(core, core.state.counter), url, reads: 0 };
  core.state.purges.set(record.requestId, record);
  return record;
}

/** `POST /v1/files/purge`. */
export async function purgeCache(context: RequestContext): Promise<Response> {
  const body = await readJsonObject(context.request);
  rejectUnknownKeys(body, ['url']);
  const text = requireString(body, 'url');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    badRequest('`url` must be an absolute http(s) URL.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') badRequest('`url` must be an absolute http(s) URL.');
  const star = text.indexOf('*');
  if (star !== -1) {
    if (star !== text.length - 1) badRequest('A wildcard `*` is only allowed at the end of the purge URL.');
    const segments = url.pathname.split('/').filter((segment) => segment !== '');
    if (segments.length < 2) badRequest('Wildcard purges are not allowed at the first path level.');
  }
  const record = createPurge(context.core, text);
  if (record === undefined) throw new EmulatorHttpError(403, 'Your purge quota has been exceeded.', { reason: 'PURGE_QUOTA_EXCEEDED' });
  return json(201, { requestId: record.requestId });
}

/** `GET /v1/files/purge/{requestId}`. */
export function purgeStatus(context: RequestContext, requestId: string): Response {
  const record = context.core.state.purges.get(requestId);
  if (record === undefined) notFound('No purge request found with the provided requestId.');
  record.reads += 1;
  return json(200, { status: record.reads <= context.core.options.pendingReads ? 'Pending' : 'Completed' });
}
