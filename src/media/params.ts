/**
 * @module media/params
 * The argument and result shapes of the management API calls whose facts are in
 * `endpoints.ts`. Field names are the API's.
 */
import { integerIn, optionalBoolean, optionalString, type Checks } from './validate.js';
import type { CustomMetadataFieldSchema, CustomMetadataValues, Extension, FileObject, FolderObject } from './types.js';

/** The result of a call whose success has no body (204/201): an empty object with `$ResponseMetadata`. */
export type EmptyResult = Record<never, never>;

/** Sort orders of `listFiles`. */
export type FileSort =
  | 'ASC_NAME'
  | 'DESC_NAME'
  | 'ASC_CREATED'
  | 'DESC_CREATED'
  | 'ASC_UPDATED'
  | 'DESC_UPDATED'
  | 'ASC_HEIGHT'
  | 'DESC_HEIGHT'
  | 'ASC_WIDTH'
  | 'DESC_WIDTH'
  | 'ASC_SIZE'
  | 'DESC_SIZE'
  | 'ASC_RELEVANCE'
  | 'DESC_RELEVANCE';

/** Query of `GET /v1/files` (list & search). */
export interface ListFilesParams {
  /**
   * What to list: `file`, `file-version`, `folder`, or `all` (files and folders).
   * @default "file"
   */
  type?: 'file' | 'file-version' | 'folder' | 'all' | undefined;
  /**
   * Sort order.
   * @default "ASC_CREATED"
   */
  sort?: FileSort | (string & {}) | undefined;
  /** Restrict to this folder (not its subfolders). */
  path?: string | undefined;
  /** Lucene-like query, e.g. `createdAt > "7d" AND size < "2mb"`. Overrides `tags`, `type`, `name`. */
  searchQuery?: string | undefined;
  /**
   * `all`, `image` or `non-image`.
   * @default "all"
   */
  fileType?: 'all' | 'image' | 'non-image' | undefined;
  /**
   * Page size, 1–1000.
   * @default 1000
   */
  limit?: number | undefined;
  /**
   * Results to skip.
   * @default 0
   */
  skip?: number | undefined;
  /** Legacy (v6): tags to match, comma list or array. Prefer `searchQuery`. */
  tags?: string | string[] | undefined;
  /** Legacy (v6): file or folder name. Prefer `searchQuery`. */
  name?: string | undefined;
  /** Legacy (v6): include folders. Prefer `type: 'all'`. */
  includeFolder?: boolean | undefined;
}

/** How each `listFiles` parameter is checked (also used by `iterateFiles`). @internal */
export const listFilesChecks: Checks<ListFilesParams> = {
  type: optionalString,
  sort: optionalString,
  path: optionalString,
  searchQuery: optionalString,
  fileType: optionalString,
  limit: /* @__PURE__ */ integerIn(1, 1000),
  skip: /* @__PURE__ */ integerIn(0),
  tags: (name, value) => {
    if (value !== undefined && typeof value !== 'string' && !(Array.isArray(value) && value.every((t) => typeof t === 'string'))) {
      throw new TypeError(`The \`${name}\` argument must be a string or an array of strings`);
    }
    return value;
  },
  name: optionalString,
  includeFolder: optionalBoolean,
};

/** One item of a listing: a file (or version) or a folder. */
export type ListFilesItem = FileObject | FolderObject;

/** Params of a listing that holds folders only: `type: 'folder'` without a `searchQuery` (which ignores `type`). */
export type FolderListParams = ListFilesParams & { type: 'folder'; searchQuery?: undefined };

/**
 * Params of a listing that holds files only: `type` `file` (the default) or `file-version`,
 * without a `searchQuery` (which ignores `type`) or the legacy `includeFolder: true`.
 */
export type FileListParams = ListFilesParams & {
  type?: 'file' | 'file-version' | undefined;
  searchQuery?: undefined;
  includeFolder?: false | undefined;
};

/** The *details* variant of an update (every field optional; `null` clears). */
export interface FileDetailsUpdate {
  /** Replaces the tags; `null` removes them all. */
  tags?: string[] | null | undefined;
  /** `x,y,width,height`; `null` removes it. */
  customCoordinates?: string | null | undefined;
  /** Values keyed by field name; a key set to `null` unsets it. */
  customMetadata?: CustomMetadataValues | undefined;
  description?: string | undefined;
  /** Extensions to run (after `removeAITags`). */
  extensions?: Extension[] | undefined;
  /** AI tags to remove, or `all`. */
  removeAITags?: string[] | 'all' | undefined;
  /** Where extension results are POSTed. */
  webhookUrl?: string | undefined;
  publish?: undefined;
}

/** The *publish* variant of an update; it cannot be combined with any other key. */
export interface FilePublishUpdate {
  publish: {
    /** Publish (`true`) or unpublish (`false`). */
    isPublished: boolean;
    /** Apply to every version too. @default false */
    includeFileVersions?: boolean | undefined;
  };
}

/** Body of `updateFileDetails`: details or publish, never both. */
export type UpdateFileDetailsParams = FileDetailsUpdate | FilePublishUpdate;

/** Extra field on update answers: the status of each extension that was requested. */
export type UpdatedFile = FileObject;

/** Body of `copyFile`. */
export interface CopyFileParams {
  /** Full path of the file, e.g. `/path/to/file.jpg`. */
  sourceFilePath: string;
  /** Folder to copy into, e.g. `/folder/to/copy/into/`. */
  destinationPath: string;
  /** Copy every version, not only the current one. @default false */
  includeFileVersions?: boolean | undefined;
}

/** Body of `moveFile`. */
export interface MoveFileParams {
  /** Full path of the file, e.g. `/path/to/file.jpg`. */
  sourceFilePath: string;
  /** Folder to move into. */
  destinationPath: string;
}

/** Body of `renameFile`. */
export interface RenameFileParams {
  /** Full path of the file, e.g. `/path/to/file.jpg`. */
  filePath: string;
  /** New file name (other characters than letters, digits, `.`, `_`, `-` become `_`). */
  newFileName: string;
  /** Purge the old URL from the CDN (counts against the purge quota). @default false */
  purgeCache?: boolean | undefined;
}

/** Answer of `renameFile`: the purge request id when `purgeCache` was true. */
export interface RenameFileResult {
  purgeRequestId?: string;
  /** On 207 (`reason: "PURGE_FAILED"`): renamed, but the purge failed. */
  reason?: string;
  [key: string]: unknown;
}

/** Most file ids one bulk delete accepts. */
export const maxBulkDeleteFileIds = 100;

/** Most file ids one bulk tag call accepts. */
export const maxBulkTagFileIds = 50;

/** One failed item of a 207 answer. */
export interface BulkItemError {
  fileId: string;
  error: string;
  [key: string]: unknown;
}

/** Answer of `bulkDeleteFiles`. */
export interface BulkDeleteFilesResult {
  successfullyDeletedFileIds: string[];
  /** Present on 207: the files that could not be deleted. */
  errors?: BulkItemError[];
  [key: string]: unknown;
}

/** Answer of the bulk tag calls. */
export interface BulkTagsResult {
  successfullyUpdatedFileIds: string[];
  /** Present on 207: the files that could not be updated. */
  errors?: BulkItemError[];
  [key: string]: unknown;
}

/** Identifies one version of one file (v6 argument shape). */
export interface FileVersionParams {
  /** The file's id. */
  fileId: string;
  /** The version's id (`versionInfo.id`). */
  versionId: string;
}

/** Body of `createFolder`. */
export interface CreateFolderParams {
  /** Name of the new folder (characters other than letters and digits become `_`). */
  folderName: string;
  /**
   * Parent folder; missing parents are created.
   * @default "/"
   */
  parentFolderPath?: string | undefined;
}

/** Body of `copyFolder`. */
export interface CopyFolderParams {
  /** Folder to copy, e.g. `/path/of/source/folder`. */
  sourceFolderPath: string;
  /** Folder to copy into. */
  destinationPath: string;
  /**
   * Copy every version of each file, not only the current one. Sent as `includeVersions`
   * (the name in the OpenAPI spec and the v7/python v5 SDKs).
   * @default false
   */
  includeVersions?: boolean | undefined;
  /** v6 name of `includeVersions`, accepted for compatibility and sent as `includeVersions`. */
  includeFileVersions?: boolean | undefined;
}

/** Body of `moveFolder`. */
export interface MoveFolderParams {
  /** Folder to move. */
  sourceFolderPath: string;
  /** Folder to move into. */
  destinationPath: string;
}

/** Body of `renameFolder`. */
export interface RenameFolderParams {
  /** Folder to rename. */
  folderPath: string;
  /** New name of the folder. */
  newFolderName: string;
  /** Purge the old URLs from the CDN. @default false */
  purgeCache?: boolean | undefined;
}

/** Answer of `purgeFileCache`. */
export interface PurgeCacheResult {
  /** Id to poll with `getPurgeFileCacheStatus`. */
  requestId: string;
  [key: string]: unknown;
}

/** Answer of `getPurgeFileCacheStatus`. */
export interface PurgeCacheStatus {
  status: 'Pending' | 'Completed' | (string & {});
  [key: string]: unknown;
}

/** Body of `createCustomMetadataField`. */
export interface CreateCustomMetadataFieldParams {
  /** API name; unique across all fields, deleted ones included (never reusable). */
  name: string;
  /** Display label; unique among live fields. */
  label: string;
  /** Type and rules of the field. */
  schema: CustomMetadataFieldSchema;
  /** Hint shown in the media library (≤ 500 characters). */
  description?: string | undefined;
}

/** Query of `getCustomMetadataFields`. */
export interface GetCustomMetadataFieldsParams {
  /** Include deleted fields. @default false */
  includeDeleted?: boolean | undefined;
  /** Return the fields that apply under this folder (Path policy). */
  folderPath?: string | undefined;
}

/** Body of `updateCustomMetadataField`: at least one key. `schema.type` cannot change. */
export interface UpdateCustomMetadataFieldParams {
  label?: string | undefined;
  schema?: Partial<CustomMetadataFieldSchema> | undefined;
  /** An empty string clears the description. */
  description?: string | undefined;
}

/** A date range in `YYYY-MM-DD` (less than 90 days). */
export interface DateRangeParams {
  /** First day, `YYYY-MM-DD`. */
  startDate: string;
  /** Last day, `YYYY-MM-DD` (exclusive for usage, inclusive for usage analytics). */
  endDate: string;
}

/** Body of `createSavedExtension`. */
export interface CreateSavedExtensionParams {
  /** Name of the saved extension. */
  name: string;
  /** What it does. */
  description: string;
  /** One base extension with its options (not a saved-extension reference). */
  config: Extension;
}

/** Body of `updateSavedExtension` (partial). */
export interface UpdateSavedExtensionParams {
  name?: string | undefined;
  description?: string | undefined;
  config?: Extension | undefined;
}

/** Body of `createNamedTransformation`. */
export interface CreateNamedTransformationParams {
  /** Alias used as `tr:n-<name>`: letters, digits and `_`, case-sensitive, unique. */
  name: string;
  /** The transformation string, e.g. `w-150,h-150`. */
  transformation: string;
  /** Whether URLs may use it. @default true */
  enabled?: boolean | undefined;
}

/** Body of `updateNamedTransformation` (partial). */
export interface UpdateNamedTransformationParams {
  name?: string | undefined;
  transformation?: string | undefined;
  enabled?: boolean | undefined;
}
