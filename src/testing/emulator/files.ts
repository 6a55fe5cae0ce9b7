/**
 * @module testing/emulator/files
 * Single-file endpoints: details get/update (details and publish variants), delete,
 * copy, move, rename.
 */
import { isoNow, type RequestContext } from './context.js';
import type { FileRecord } from './types.js';
import {
  EmulatorHttpError,
  badRequest,
  empty,
  json,
  notFound,
  optionalBoolean,
  readJsonObject,
  rejectUnknownKeys,
  requireString,
} from './responses.js';
import { deleteFile, ensureFolder, fileAt, placeCopy, requireFile, versionsOf } from './store.js';
import { fileObject } from './serialize.js';
import { normalizeFolder, sanitizeFileName, splitPath } from './paths.js';
import { validateCustomMetadata } from './custom-metadata.js';
import { validateCoordinates, validateExtensions, validateTagArray } from './upload/fields.js';
import { runExtensions } from './upload/extensions.js';
import { createPurge } from './cache.js';

/** `GET /v1/files/{fileId}/details`. */
export function getDetails(context: RequestContext, fileId: string): Response {
  return json(200, fileObject(context.core, requireFile(context.core, fileId)));
}

const detailKeys = ['tags', 'customCoordinates', 'customMetadata', 'description', 'extensions', 'removeAITags', 'webhookUrl'];

function applyPublish(context: RequestContext, file: FileRecord, body: Record<string, unknown>): void {
  if (Object.keys(body).length > 1) badRequest('Your request cannot contain any other parameters when publish is present.');
  const publish = body['publish'];
  if (publish === null || typeof publish !== 'object' || Array.isArray(publish)) badRequest('`publish` must be an object.');
  const options = publish as Record<string, unknown>;
  rejectUnknownKeys(options, ['isPublished', 'includeFileVersions']);
  if (typeof options['isPublished'] !== 'boolean') badRequest('`publish.isPublished` must be a boolean.');
  const includeVersions = optionalBoolean(options, 'includeFileVersions') ?? false;
  const now = isoNow(context.core);
  for (const version of includeVersions ? versionsOf(file) : [file.current]) {
    version.isPublished = options['isPublished'];
    version.updatedAt = now;
  }
}

function applyDetails(context: RequestContext, file: FileRecord, body: Record<string, unknown>): void {
  rejectUnknownKeys(body, detailKeys);
  const version = file.current;
  const { tags, customCoordinates, customMetadata, description, extensions, removeAITags, webhookUrl } = body;
  if (tags !== undefined && tags !== null && (!Array.isArray(tags) || tags.some((tag) => typeof tag !== 'string'))) {
    badRequest('`tags` must be an array of strings or null.');
  }
  if (Array.isArray(tags)) validateTagArray(tags as string[]);
  if (customCoordinates !== undefined && customCoordinates !== null) {
    if (typeof customCoordinates !== 'string') badRequest('`customCoordinates` must be a string or null.');
    validateCoordinates(customCoordinates);
  }
  if (customMetadata !== undefined) {
    if (customMetadata === null || typeof customMetadata !== 'object' || Array.isArray(customMetadata))
      badRequest('`customMetadata` must be an object.');
    validateCustomMetadata(context.core.state.customMetadataFields, customMetadata as Record<string, unknown>, true);
  }
  if (description !== undefined && typeof description !== 'string') badRequest('`description` must be a string.');
  if (webhookUrl !== undefined && (typeof webhookUrl !== 'string' || !/^https?:\/\//.test(webhookUrl)))
    badRequest('`webhookUrl` must be an http(s) URL.');
  if (removeAITags !== undefined && removeAITags !== 'all' && (!Array.isArray(removeAITags) || removeAITags.some((tag) => typeof tag !== 'string'))) {
    badRequest('`removeAITags` must be an array of strings or "all".');
  }
  const list = extensions === undefined ? [] : validateExtensions(extensions, (id) => context.core.state.savedExtensions.has(id));
  if (tags !== undefined) version.tags = tags === null || (tags as string[]).length === 0 ? null : [...(tags as string[])];
  if (customCoordinates !== undefined) version.customCoordinates = customCoordinates as string | null;
  if (customMetadata !== undefined) {
    const next = { ...version.customMetadata };
    for (const [key, value] of Object.entries(customMetadata as Record<string, unknown>)) {
      if (value === null) delete next[key];
      else next[key] = value;
    }
    version.customMetadata = next;
  }
  if (description !== undefined) version.description = description as string;
  if (removeAITags !== undefined && version.AITags !== null) {
    const remaining = removeAITags === 'all' ? [] : version.AITags.filter((tag) => !(removeAITags as string[]).includes(tag.name));
    version.AITags = remaining.length > 0 ? remaining : null;
  }
  if (list.length > 0) {
    const outcome = runExtensions(context.core, list);
    version.extensionStatus = outcome.status;
    if (outcome.aiTags.length > 0) version.AITags = [...(version.AITags ?? []), ...outcome.aiTags];
  }
  version.updatedAt = isoNow(context.core);
}

/** `PATCH /v1/files/{fileId}/details`. */
export async function updateDetails(context: RequestContext, fileId: string): Promise<Response> {
  const file = requireFile(context.core, fileId);
  const body = await readJsonObject(context.request);
  if ('publish' in body) applyPublish(context, file, body);
  else applyDetails(context, file, body);
  const out = fileObject(context.core, file);
  if (file.current.extensionStatus !== undefined && 'extensions' in body) out['extensionStatus'] = file.current.extensionStatus;
  return json(200, out);
}

/** `DELETE /v1/files/{fileId}`. */
export function deleteOne(context: RequestContext, fileId: string): Response {
  deleteFile(context.core, requireFile(context.core, fileId));
  return empty(204);
}

function sourceFile(context: RequestContext, path: string): FileRecord {
  const [folder, name] = splitPath(path);
  const file = fileAt(context.core, folder, name);
  if (file === undefined) notFound('No file found with the provided sourceFilePath.', { reason: 'SOURCE_FILE_MISSING' });
  return file;
}

/** `POST /v1/files/copy`. */
export async function copyFile(context: RequestContext): Promise<Response> {
  const body = await readJsonObject(context.request);
  rejectUnknownKeys(body, ['sourceFilePath', 'destinationPath', 'includeFileVersions']);
  const source = sourceFile(context, requireString(body, 'sourceFilePath'));
  const destination = normalizeFolder(requireString(body, 'destinationPath'));
  const includeVersions = optionalBoolean(body, 'includeFileVersions') ?? false;
  const existing = fileAt(context.core, destination, source.name);
  if (existing === source) badRequest('The source file is already in the destination folder.');
  placeCopy(context.core, includeVersions ? versionsOf(source) : [source.current], destination, source.name);
  return empty(204);
}

/** `POST /v1/files/move`. */
export async function moveFile(context: RequestContext): Promise<Response> {
  const body = await readJsonObject(context.request);
  rejectUnknownKeys(body, ['sourceFilePath', 'destinationPath']);
  const source = sourceFile(context, requireString(body, 'sourceFilePath'));
  const destination = normalizeFolder(requireString(body, 'destinationPath'));
  if (source.folder === destination) return empty(204);
  const existing = fileAt(context.core, destination, source.name);
  if (existing === undefined) {
    ensureFolder(context.core, destination);
    source.folder = destination;
  } else {
    placeCopy(context.core, versionsOf(source), destination, source.name);
    deleteFile(context.core, source);
  }
  return empty(204);
}

/** `PUT /v1/files/rename`. */
export async function renameFile(context: RequestContext): Promise<Response> {
  const body = await readJsonObject(context.request);
  rejectUnknownKeys(body, ['filePath', 'newFileName', 'purgeCache']);
  const filePath = requireString(body, 'filePath');
  const newName = sanitizeFileName(requireString(body, 'newFileName'));
  const purgeCache = optionalBoolean(body, 'purgeCache') ?? false;
  const [folder, name] = splitPath(filePath);
  const file = fileAt(context.core, folder, name);
  if (file === undefined) notFound('No file found with the provided filePath.', { reason: 'FILE_MISSING' });
  if (newName !== name && fileAt(context.core, folder, newName) !== undefined) {
    throw new EmulatorHttpError(409, 'A file with the new name already exists in the folder.', { reason: 'FILE_ALREADY_EXISTS' });
  }
  const oldUrl = context.core.options.urlEndpoint + filePath.replace(/^\/?/, '/');
  file.name = newName;
  if (!purgeCache) return json(200, {});
  const purge = createPurge(context.core, `${oldUrl}*`);
  if (purge === undefined) {
    return json(207, { message: 'File renamed but the cache purge failed: purge quota exceeded.', help: '', reason: 'PURGE_FAILED' });
  }
  return json(200, { purgeRequestId: purge.requestId });
}
