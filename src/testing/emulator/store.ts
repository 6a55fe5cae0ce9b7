/**
 * @module testing/emulator/store
 * State queries and mutations shared by the route handlers.
 */
import { isoNow, nextId, nextSeq, type EmulatorCore } from './context.js';
import type { FileRecord, FolderRecord, VersionRecord } from './types.js';
import { badRequest, notFound } from './responses.js';
import { folderDepth, isWithin, joinPath } from './paths.js';

/** Creates `folder` and its missing parents; returns the folder record (root has none). */
export function ensureFolder(core: EmulatorCore, folder: string): FolderRecord | undefined {
  if (folder === '/') return undefined;
  if (folderDepth(folder) > 50) badRequest('Folders can be nested at most 50 levels deep.');
  const existing = core.state.folders.get(folder);
  if (existing !== undefined) return existing;
  ensureFolder(core, folder.slice(0, folder.lastIndexOf('/')) || '/');
  const now = isoNow(core);
  const record: FolderRecord = { folderId: nextId(core), path: folder, createdAt: now, updatedAt: now, seq: nextSeq(core) };
  core.state.folders.set(folder, record);
  return record;
}

/** True when the folder exists (root always does). */
export function folderExists(core: EmulatorCore, folder: string): boolean {
  return folder === '/' || core.state.folders.has(folder);
}

/** The file at `folder/name`, if any. */
export function fileAt(core: EmulatorCore, folder: string, name: string): FileRecord | undefined {
  for (const file of core.state.files.values()) if (file.folder === folder && file.name === name) return file;
  return undefined;
}

/** A file id that is not shaped like an id → 400; a missing file → 404. */
export function requireFile(core: EmulatorCore, fileId: string): FileRecord {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(fileId)) badRequest('Your request contains invalid fileId parameter.');
  const file = core.state.files.get(fileId);
  if (file === undefined) notFound('The requested file does not exist.');
  return file;
}

/** Every version of a file, oldest first (history, then current). */
export function versionsOf(file: FileRecord): VersionRecord[] {
  return [...file.history, file.current];
}

/** Next version number for a file. */
export function nextVersionNumber(file: FileRecord): number {
  return Math.max(...versionsOf(file).map((version) => version.versionNumber)) + 1;
}

/** Deletes a file and the bytes of all its versions. */
export function deleteFile(core: EmulatorCore, file: FileRecord): void {
  for (const version of versionsOf(file)) core.blobs.delete(version.blobKey);
  core.state.files.delete(file.fileId);
}

/** Copies a version (new version id and blob key, same bytes) for copy operations. */
export function cloneVersion(core: EmulatorCore, version: VersionRecord, versionNumber: number): VersionRecord {
  const versionId = nextId(core);
  const bytes = core.blobs.get(version.blobKey);
  if (bytes !== undefined) core.blobs.set(versionId, bytes);
  const now = isoNow(core);
  return { ...structuredClone(version), versionId, blobKey: versionId, versionNumber, createdAt: now, updatedAt: now };
}

/**
 * Places copies of `versions` at `folder/name`: a new file, or — when a file already sits
 * there — appended to its history with the last one becoming current.
 */
export function placeCopy(core: EmulatorCore, versions: readonly VersionRecord[], folder: string, name: string): FileRecord {
  ensureFolder(core, folder);
  const target = fileAt(core, folder, name);
  if (target === undefined) {
    const copies = versions.map((version, index) => cloneVersion(core, version, index + 1));
    const current = copies.pop() as VersionRecord;
    const file: FileRecord = { fileId: nextId(core), name, folder, createdAt: isoNow(core), seq: nextSeq(core), current, history: copies };
    core.state.files.set(file.fileId, file);
    return file;
  }
  for (const version of versions) {
    const copy = cloneVersion(core, version, nextVersionNumber(target));
    target.history.push(target.current);
    target.current = copy;
  }
  return target;
}

/** Files and folders located under `folder` (recursive, excluding the folder itself). */
export function contentsOf(core: EmulatorCore, folder: string): { files: FileRecord[]; folders: FolderRecord[] } {
  const files = [...core.state.files.values()].filter((file) => isWithin(file.folder, folder));
  const folders = [...core.state.folders.values()].filter((record) => record.path !== folder && isWithin(record.path, folder));
  return { files, folders };
}

/** Rewrites the `from` prefix of a folder path to `to`. */
export function rebase(path: string, from: string, to: string): string {
  if (path === from) return to;
  return joinPath(to, path.slice(from === '/' ? 1 : from.length + 1));
}
