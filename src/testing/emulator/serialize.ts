/**
 * @module testing/emulator/serialize
 * Turns records into the JSON objects the API returns (docs/imagekit-api-notes.md, "Object shapes").
 */
import type { EmulatorCore } from './context.js';
import type { FileRecord, FolderRecord, VersionRecord } from './types.js';
import { joinPath } from './paths.js';

/** `/folder/name` of a file. */
export function filePathOf(file: FileRecord): string {
  return joinPath(file.folder, file.name);
}

/** Public URL of a file (with `ik-obj-version` for a non-current version). */
export function fileUrl(core: EmulatorCore, file: FileRecord, version?: VersionRecord): string {
  const base = core.options.urlEndpoint + filePathOf(file);
  return version === undefined || version === file.current ? base : `${base}?ik-obj-version=${version.versionId}`;
}

function thumbnailUrl(core: EmulatorCore, file: FileRecord, version: VersionRecord): string {
  if (version.fileType !== 'image') return '';
  return `${core.options.urlEndpoint}/tr:n-ik_ml_thumbnail${filePathOf(file)}`;
}

/** Embedded metadata the emulator can state truthfully (dimensions only; no EXIF parsing). */
export function embeddedMetadataOf(version: VersionRecord): Record<string, unknown> {
  if (version.width === undefined || version.height === undefined) return {};
  return { ImageWidth: version.width, ImageHeight: version.height };
}

/** The File object of a file's current version or of one of its versions. */
export function fileObject(core: EmulatorCore, file: FileRecord, version: VersionRecord = file.current): Record<string, unknown> {
  const isCurrent = version === file.current;
  const out: Record<string, unknown> = {
    type: isCurrent ? 'file' : 'file-version',
    name: file.name,
    createdAt: isCurrent ? file.createdAt : version.createdAt,
    updatedAt: version.updatedAt,
    fileId: file.fileId,
    tags: version.tags,
    AITags: version.AITags,
    versionInfo: { id: version.versionId, name: `Version ${version.versionNumber}` },
    embeddedMetadata: embeddedMetadataOf(version),
    isPublished: version.isPublished,
    customCoordinates: version.customCoordinates,
    customMetadata: version.customMetadata,
    isPrivateFile: version.isPrivateFile,
    url: fileUrl(core, file, version),
    thumbnail: thumbnailUrl(core, file, version),
    fileType: version.fileType,
    filePath: filePathOf(file),
    size: version.size,
    hasAlpha: version.hasAlpha,
    mime: version.mime,
  };
  if (version.width !== undefined) out['width'] = version.width;
  if (version.height !== undefined) out['height'] = version.height;
  if (version.description !== undefined) out['description'] = version.description;
  return out;
}

/** The Folder object. */
export function folderObject(folder: FolderRecord): Record<string, unknown> {
  const name = folder.path.slice(folder.path.lastIndexOf('/') + 1);
  return {
    type: 'folder',
    name,
    folderPath: folder.path,
    folderId: folder.folderId,
    createdAt: folder.createdAt,
    updatedAt: folder.updatedAt,
    customMetadata: {},
  };
}

/** Fields that appear in an upload response only when named in `responseFields`. */
export const gatedUploadFields = [
  'tags',
  'customCoordinates',
  'isPrivateFile',
  'embeddedMetadata',
  'isPublished',
  'customMetadata',
  'metadata',
  'selectedFieldsSchema',
] as const;

/** The upload response, honouring `responseFields`. */
export function uploadResponse(
  core: EmulatorCore,
  file: FileRecord,
  responseFields: ReadonlySet<string>,
  metadata: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const version = file.current;
  const out: Record<string, unknown> = {
    fileId: file.fileId,
    name: file.name,
    size: version.size,
    versionInfo: { id: version.versionId, name: `Version ${version.versionNumber}` },
    filePath: filePathOf(file),
    url: fileUrl(core, file),
    fileType: version.fileType,
    thumbnailUrl: thumbnailUrl(core, file, version),
    AITags: version.AITags,
  };
  if (version.width !== undefined) out['width'] = version.width;
  if (version.height !== undefined) out['height'] = version.height;
  if (version.description !== undefined) out['description'] = version.description;
  if (version.extensionStatus !== undefined) out['extensionStatus'] = version.extensionStatus;
  const gated: Record<string, unknown> = {
    tags: version.tags,
    customCoordinates: version.customCoordinates,
    isPrivateFile: version.isPrivateFile,
    embeddedMetadata: embeddedMetadataOf(version),
    isPublished: version.isPublished,
    customMetadata: version.customMetadata,
    metadata,
    selectedFieldsSchema: {},
  };
  for (const field of gatedUploadFields) if (responseFields.has(field)) out[field] = gated[field];
  return out;
}
