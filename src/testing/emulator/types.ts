/**
 * @module testing/emulator/types
 * Records the emulator keeps in memory. Plain data (Maps, arrays, strings, numbers)
 * so the whole state can be persisted as JSON.
 */

/** An AI tag on a file. */
export interface AITag {
  name: string;
  confidence: number;
  source: string;
}

/** One stored version of a file (content + per-version metadata). */
export interface VersionRecord {
  versionId: string;
  versionNumber: number;
  blobKey: string;
  size: number;
  width?: number;
  height?: number;
  format: string;
  mime: string;
  fileType: 'image' | 'non-image';
  hasAlpha: boolean;
  tags: string[] | null;
  AITags: AITag[] | null;
  customCoordinates: string | null;
  customMetadata: Record<string, unknown>;
  description?: string;
  isPrivateFile: boolean;
  isPublished: boolean;
  createdAt: string;
  updatedAt: string;
  extensionStatus?: Record<string, string>;
}

/** A file: its location plus the current version and older versions. */
export interface FileRecord {
  fileId: string;
  name: string;
  folder: string;
  createdAt: string;
  seq: number;
  current: VersionRecord;
  history: VersionRecord[];
}

/** A folder. */
export interface FolderRecord {
  folderId: string;
  path: string;
  createdAt: string;
  updatedAt: string;
  seq: number;
}

/** A custom metadata field definition. */
export interface CustomMetadataFieldRecord {
  id: string;
  name: string;
  label: string;
  description?: string;
  schema: Record<string, unknown> & { type: string };
  deleted: boolean;
}

/** A folder bulk job. */
export interface JobRecord {
  jobId: string;
  type: 'COPY_FOLDER' | 'MOVE_FOLDER' | 'RENAME_FOLDER';
  reads: number;
  purgeRequestId?: string;
}

/** A cache purge request. */
export interface PurgeRecord {
  requestId: string;
  url: string;
  reads: number;
}

/** A generic stored resource (origins, URL endpoints, saved extensions, named transformations). */
export type ResourceRecord = Record<string, unknown> & { id: string };

/** The complete mutable state of one emulator. */
export interface EmulatorState {
  counter: number;
  seq: number;
  randomState: number;
  faultRandomState: number;
  requestCount: number;
  files: Map<string, FileRecord>;
  folders: Map<string, FolderRecord>;
  usedTokens: Set<string>;
  customMetadataFields: CustomMetadataFieldRecord[];
  jobs: Map<string, JobRecord>;
  purges: Map<string, PurgeRecord>;
  origins: Map<string, ResourceRecord>;
  urlEndpoints: Map<string, ResourceRecord>;
  savedExtensions: Map<string, ResourceRecord>;
  namedTransformations: Map<string, ResourceRecord>;
  bandwidthBytes: number;
  purgeCount: number;
}

/** Creates an empty state with the root folder implied. */
export function createState(): EmulatorState {
  return {
    counter: 0,
    seq: 0,
    randomState: 0,
    faultRandomState: 0,
    requestCount: 0,
    files: new Map(),
    folders: new Map(),
    usedTokens: new Set(),
    customMetadataFields: [],
    jobs: new Map(),
    purges: new Map(),
    origins: new Map(),
    urlEndpoints: new Map(),
    savedExtensions: new Map(),
    namedTransformations: new Map(),
    bandwidthBytes: 0,
    purgeCount: 0,
  };
}
