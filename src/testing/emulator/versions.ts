/**
 * @module testing/emulator/versions
 * File versions. Restoring makes the chosen version current and moves the
 * previous current version into the history.
 */
import { isoNow, type RequestContext } from './context.js';
import type { FileRecord, VersionRecord } from './types.js';
import { badRequest, empty, json, notFound } from './responses.js';
import { requireFile, versionsOf } from './store.js';
import { fileObject } from './serialize.js';

function requireVersion(file: FileRecord, versionId: string): VersionRecord {
  const version = versionsOf(file).find((candidate) => candidate.versionId === versionId);
  if (version === undefined) notFound('The requested file version does not exist.');
  return version;
}

/** `GET /v1/files/{fileId}/versions`. */
export function listVersions(context: RequestContext, fileId: string): Response {
  const file = requireFile(context.core, fileId);
  return json(
    200,
    versionsOf(file).map((version) => fileObject(context.core, file, version)),
  );
}

/** `GET /v1/files/{fileId}/versions/{versionId}`. */
export function getVersion(context: RequestContext, fileId: string, versionId: string): Response {
  const file = requireFile(context.core, fileId);
  return json(200, fileObject(context.core, file, requireVersion(file, versionId)));
}

/** `DELETE /v1/files/{fileId}/versions/{versionId}`. */
export function deleteVersion(context: RequestContext, fileId: string, versionId: string): Response {
  const file = requireFile(context.core, fileId);
  const version = requireVersion(file, versionId);
  if (version === file.current) badRequest('You cannot delete current version of a file. Delete the file instead.');
  file.history = file.history.filter((candidate) => candidate !== version);
  context.core.blobs.delete(version.blobKey);
  return empty(204);
}

/** `PUT /v1/files/{fileId}/versions/{versionId}/restore`. */
export function restoreVersion(context: RequestContext, fileId: string, versionId: string): Response {
  const file = requireFile(context.core, fileId);
  const version = requireVersion(file, versionId);
  if (version !== file.current) {
    file.history = file.history.filter((candidate) => candidate !== version);
    file.history.push(file.current);
    file.current = version;
    version.updatedAt = isoNow(context.core);
  }
  return json(200, fileObject(context.core, file));
}
