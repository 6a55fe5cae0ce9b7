/**
 * @module testing/emulator/metadata-routes
 * `GET /v1/files/{fileId}/metadata` and `GET /v1/metadata?url=`. The remote form
 * only knows URLs on the emulator's own `urlEndpoint`.
 */
import type { RequestContext } from './context.js';
import { badRequest, json, notFound } from './responses.js';
import { requireFile } from './store.js';
import { metadataOf } from './metadata.js';
import { findByUrl } from './serve-file.js';

/** `GET /v1/files/{fileId}/metadata`. */
export async function fileMetadata(context: RequestContext, fileId: string): Promise<Response> {
  const file = requireFile(context.core, fileId);
  return json(200, await metadataOf(context.core, file.current));
}

/** `GET /v1/metadata?url=`. */
export async function remoteMetadata(context: RequestContext): Promise<Response> {
  const url = context.url.searchParams.get('url');
  if (url === null || url === '') badRequest('Missing `url` parameter.');
  if (!/^https?:\/\//.test(url)) badRequest('`url` must be an absolute http(s) URL.');
  if (!url.startsWith(context.core.options.urlEndpoint)) badRequest('The URL does not belong to any URL endpoint of this account.');
  const target = findByUrl(context.core, url);
  if (target === undefined) notFound('The requested resource does not exist.');
  return json(200, await metadataOf(context.core, target.version));
}
