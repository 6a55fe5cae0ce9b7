/**
 * @module testing/emulator/folders
 * Folders and folder bulk jobs. Jobs do their work when created; `GET
 * /v1/bulkJobs/{id}` answers `Pending` for the first `pendingReads` reads, then `Completed`.
 * Copy/move place the source folder inside `destinationPath` (`/a` → `/dest/a`).
 */
import { nextId, type RequestContext } from './context.js';
import type { JobRecord } from './types.js';
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
import { contentsOf, deleteFile, ensureFolder, fileAt, placeCopy, rebase, versionsOf } from './store.js';
import { isWithin, joinPath, normalizeFolder, sanitizeFolderName } from './paths.js';
import { createPurge } from './cache.js';

/** `POST /v1/folder`. */
export async function createFolder(context: RequestContext): Promise<Response> {
  const body = await readJsonObject(context.request);
  rejectUnknownKeys(body, ['folderName', 'parentFolderPath']);
  const name = sanitizeFolderName(requireString(body, 'folderName').replace(/^\/+|\/+$/g, ''));
  const parent = body['parentFolderPath'];
  if (typeof parent !== 'string') badRequest('Missing or invalid `parentFolderPath` parameter.');
  ensureFolder(context.core, joinPath(normalizeFolder(parent), name));
  return json(201, {});
}

function requireFolder(context: RequestContext, path: string): string {
  const folder = normalizeFolder(path);
  if (folder === '/' || !context.core.state.folders.has(folder)) {
    notFound('No folder found with the provided folderPath.', { reason: 'FOLDER_NOT_FOUND' });
  }
  return folder;
}

function removeTree(context: RequestContext, folder: string): void {
  const { files, folders } = contentsOf(context.core, folder);
  for (const file of files) deleteFile(context.core, file);
  for (const record of folders) context.core.state.folders.delete(record.path);
  context.core.state.folders.delete(folder);
}

/** `DELETE /v1/folder` (JSON body). */
export async function deleteFolder(context: RequestContext): Promise<Response> {
  const body = await readJsonObject(context.request);
  rejectUnknownKeys(body, ['folderPath']);
  removeTree(context, requireFolder(context, requireString(body, 'folderPath')));
  return empty(204);
}

function copyTree(context: RequestContext, source: string, target: string, includeVersions: boolean): void {
  const { files, folders } = contentsOf(context.core, source);
  ensureFolder(context.core, target);
  for (const record of folders) ensureFolder(context.core, rebase(record.path, source, target));
  for (const file of files) {
    placeCopy(context.core, includeVersions ? versionsOf(file) : [file.current], rebase(file.folder, source, target), file.name);
  }
}

function moveTree(context: RequestContext, source: string, target: string): void {
  const { files, folders } = contentsOf(context.core, source);
  ensureFolder(context.core, target);
  for (const record of folders) ensureFolder(context.core, rebase(record.path, source, target));
  for (const file of files) {
    const folder = rebase(file.folder, source, target);
    if (fileAt(context.core, folder, file.name) === undefined) file.folder = folder;
    else {
      placeCopy(context.core, versionsOf(file), folder, file.name);
      deleteFile(context.core, file);
    }
  }
  for (const record of folders) context.core.state.folders.delete(record.path);
  context.core.state.folders.delete(source);
}

function createJob(context: RequestContext, type: JobRecord['type'], purgeRequestId?: string): Response {
  const job: JobRecord = { jobId: nextId(context.core), type, reads: 0 };
  if (purgeRequestId !== undefined) job.purgeRequestId = purgeRequestId;
  context.core.state.jobs.set(job.jobId, job);
  return json(200, { jobId: job.jobId });
}

function destinationFor(context: RequestContext, source: string, destinationPath: string): string {
  const target = joinPath(normalizeFolder(destinationPath), source.slice(source.lastIndexOf('/') + 1));
  if (isWithin(target, source)) badRequest('A folder cannot be copied or moved into itself.');
  return target;
}

/** `POST /v1/bulkJobs/copyFolder` (accepts `includeVersions` and the older `includeFileVersions`). */
export async function copyFolder(context: RequestContext): Promise<Response> {
  const body = await readJsonObject(context.request);
  rejectUnknownKeys(body, ['sourceFolderPath', 'destinationPath', 'includeVersions', 'includeFileVersions']);
  const source = requireFolder(context, requireString(body, 'sourceFolderPath'));
  const target = destinationFor(context, source, requireString(body, 'destinationPath'));
  const include = (optionalBoolean(body, 'includeVersions') ?? false) || (optionalBoolean(body, 'includeFileVersions') ?? false);
  copyTree(context, source, target, include);
  return createJob(context, 'COPY_FOLDER');
}

/** `POST /v1/bulkJobs/moveFolder`. */
export async function moveFolder(context: RequestContext): Promise<Response> {
  const body = await readJsonObject(context.request);
  rejectUnknownKeys(body, ['sourceFolderPath', 'destinationPath']);
  const source = requireFolder(context, requireString(body, 'sourceFolderPath'));
  const target = destinationFor(context, source, requireString(body, 'destinationPath'));
  moveTree(context, source, target);
  return createJob(context, 'MOVE_FOLDER');
}

/** `POST /v1/bulkJobs/renameFolder`. */
export async function renameFolder(context: RequestContext): Promise<Response> {
  const body = await readJsonObject(context.request);
  rejectUnknownKeys(body, ['folderPath', 'newFolderName', 'purgeCache']);
  const source = requireFolder(context, requireString(body, 'folderPath'));
  const name = sanitizeFolderName(requireString(body, 'newFolderName'));
  const parent = source.slice(0, source.lastIndexOf('/')) || '/';
  const target = joinPath(parent, name);
  if (target !== source && context.core.state.folders.has(target)) {
    throw new EmulatorHttpError(409, 'A folder with the new name already exists.', { reason: 'FOLDER_ALREADY_EXISTS' });
  }
  if (target !== source) moveTree(context, source, target);
  const purge =
    optionalBoolean(body, 'purgeCache') === true ? createPurge(context.core, `${context.core.options.urlEndpoint}${source}/*`) : undefined;
  return createJob(context, 'RENAME_FOLDER', purge?.requestId);
}

/** `GET /v1/bulkJobs/{jobId}`. */
export function jobStatus(context: RequestContext, jobId: string): Response {
  const job = context.core.state.jobs.get(jobId);
  if (job === undefined) notFound('No job found with the provided jobId.');
  job.reads += 1;
  const body: Record<string, unknown> = {
    jobId: job.jobId,
    type: job.type,
    status: job.reads <= context.core.options.pendingReads ? 'Pending' : 'Completed',
  };
  if (job.purgeRequestId !== undefined) body['purgeRequestId'] = job.purgeRequestId;
  return json(200, body);
}
