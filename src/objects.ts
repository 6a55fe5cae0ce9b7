/**
 * @module objects
 * The API objects that more than one part of the SDK hands back: the file (and file
 * version), the folder, a file's metadata, the upload answer, extensions and their
 * status. One shape per API object, used by the media methods, uploads and webhook
 * events alike. Types only.
 *
 * The objects are closed: a misspelt field (`file.fileIdd`) is a compile error. ImageKit
 * may add fields over time; they still arrive at run time, so read one the SDK does not
 * type yet with an `in` check: `if ('newField' in file) use(file.newField)` (typed
 * `unknown`).
 */

/** An AI-generated tag on a file. */
export interface AITag {
  /** Tag text. */
  name: string;
  /** Confidence score, 0–100. */
  confidence: number;
  /** Which extension produced the tag. */
  source: 'google-auto-tagging' | 'aws-auto-tagging' | (string & {});
}

/** Custom metadata values, keyed by custom metadata field name. */
export type CustomMetadataValues = Record<string, unknown>;

/** `remove-bg` extension. */
export interface RemoveBgExtension {
  name: 'remove-bg';
  options?:
    | {
        add_shadow?: boolean | undefined;
        bg_color?: string | undefined;
        bg_image_url?: string | undefined;
        semitransparency?: boolean | undefined;
      }
    | undefined;
}

/** Google or AWS auto-tagging extension. */
export interface AutoTaggingExtension {
  name: 'google-auto-tagging' | 'aws-auto-tagging';
  /** Maximum number of tags to add. */
  maxTags: number;
  /** Minimum confidence (0–100) of a tag to add. */
  minConfidence: number;
}

/** `ai-auto-description` extension: writes the file's `description`. */
export interface AiAutoDescriptionExtension {
  name: 'ai-auto-description';
}

/** Action run by a `yes_no` AI task for one answer. */
export interface AiTaskAction {
  add_tags?: string[] | undefined;
  remove_tags?: string[] | undefined;
  set_metadata?: Array<{ field: string; value: string | number | boolean | Array<string | number | boolean> }> | undefined;
  unset_metadata?: Array<{ field: string }> | undefined;
}

/** One task of the `ai-tasks` extension. */
export type AiTask =
  | {
      type: 'select_tags';
      instruction: string;
      vocabulary?: string[] | undefined;
      min_selections?: number | undefined;
      max_selections?: number | undefined;
    }
  | {
      type: 'select_metadata';
      field: string;
      instruction: string;
      vocabulary?: Array<string | number | boolean> | undefined;
      min_selections?: number | undefined;
      max_selections?: number | undefined;
    }
  | {
      type: 'yes_no';
      instruction: string;
      on_yes?: AiTaskAction | undefined;
      on_no?: AiTaskAction | undefined;
      on_unknown?: AiTaskAction | undefined;
    };

/** `ai-tasks` extension. */
export interface AiTasksExtension {
  name: 'ai-tasks';
  tasks: AiTask[];
}

/** A reference to an extension saved in the dashboard or with `createSavedExtension`. */
export interface SavedExtensionReference {
  name: 'saved-extension';
  /** Id of the saved extension. */
  id: string;
}

/** A base extension with its options (what a saved extension's `config` holds). */
export type BaseExtension = RemoveBgExtension | AutoTaggingExtension | AiAutoDescriptionExtension | AiTasksExtension;

/** An extension to run on a file, at upload or with `updateFileDetails`. */
export type Extension = BaseExtension | SavedExtensionReference;

/** Name of a base extension. */
export type ExtensionName = BaseExtension['name'];

/**
 * Status of each extension that was requested, keyed by extension name: `pending` while
 * an asynchronous extension runs (its result goes to `webhookUrl`).
 */
export type ExtensionStatus = { [Name in ExtensionName]?: 'success' | 'pending' | 'failed' };

/** A custom metadata field's rules as an asset carries them under a path policy. */
export interface SelectedFieldSchema {
  type: 'Text' | 'Textarea' | 'Number' | 'Date' | 'Boolean' | 'SingleSelect' | 'MultiSelect';
  isValueRequired?: boolean;
  defaultValue?: string | number | boolean | Array<string | number | boolean>;
  minLength?: number;
  maxLength?: number;
  minValue?: number | string;
  maxValue?: number | string;
  selectOptions?: Array<string | number | boolean>;
  /** The field cannot be edited on this asset. */
  readOnly?: boolean;
  /** `selectOptions` was cut at 100 entries. */
  selectOptionsTruncated?: boolean;
}

/**
 * A file or a file version in the media library, as listing, details, update, version
 * calls and `file.*` webhook events return it. Closed: read a field the SDK does not
 * type yet with `if ('newField' in file) file.newField`.
 */
export interface FileObject {
  /** Id of the file (the same for every version). */
  fileId: string;
  /** `file` for the current version, `file-version` for an older one. */
  type: 'file' | 'file-version';
  /** File name. */
  name: string;
  /** Path in the media library, e.g. `/products/shoe.jpg`. */
  filePath: string;
  /** Delivery URL. */
  url: string;
  /** Thumbnail URL (images; empty for other files). */
  thumbnail?: string;
  /** `image` or `non-image`. */
  fileType: 'image' | 'non-image' | (string & {});
  /** MIME type. */
  mime?: string;
  /** Height in px (images and videos). */
  height?: number;
  /** Width in px (images and videos). */
  width?: number;
  /** Size in bytes. */
  size: number;
  /** Whether the image has an alpha channel. */
  hasAlpha?: boolean;
  /** Tags, or `null` when there are none. */
  tags: string[] | null;
  /** AI tags, or `null` when there are none. */
  AITags?: AITag[] | null;
  /** Focus area `x,y,width,height`, or `null`. */
  customCoordinates: string | null;
  /** Custom metadata values keyed by field name. */
  customMetadata?: CustomMetadataValues;
  /** EXIF, IPTC and XMP metadata merged into one object. */
  embeddedMetadata?: Record<string, unknown> | null;
  /** Free-text description. */
  description?: string;
  /** Whether the file is served only through signed URLs. */
  isPrivateFile: boolean;
  /** `false` for a draft (unpublished) file. */
  isPublished?: boolean;
  /** Id and name of this version. */
  versionInfo?: { id: string; name: string };
  /** ISO-8601 timestamp. */
  createdAt: string;
  /** ISO-8601 timestamp. */
  updatedAt: string;
  /** Video/audio bit rate. */
  bitRate?: number;
  /** Duration in seconds (video/audio). */
  duration?: number;
  /** Video codec. */
  videoCodec?: string;
  /** Audio codec. */
  audioCodec?: string;
  /** Custom metadata fields that apply to the file under a path policy, keyed by name. */
  selectedFieldsSchema?: Record<string, SelectedFieldSchema>;
  /** Only in the answer of an update that requested extensions. */
  extensionStatus?: ExtensionStatus;
}

/** A folder, as a listing with `type: 'folder'` or `'all'` returns it. */
export interface FolderObject {
  /** Id of the folder. */
  folderId: string;
  type: 'folder';
  /** Folder name. */
  name: string;
  /** Path in the media library, e.g. `/products/summer`. */
  folderPath: string;
  /** ISO-8601 timestamp. */
  createdAt: string;
  /** ISO-8601 timestamp. */
  updatedAt: string;
  /** Custom metadata values keyed by field name. */
  customMetadata?: CustomMetadataValues;
}

/**
 * Image/video metadata, EXIF and perceptual hash of a file or URL (`getFileMetadata`,
 * `getRemoteFileUrlMetadata`, and an upload's `metadata` when asked for).
 */
export interface FileMetadata {
  height?: number;
  width?: number;
  /** Size in bytes. */
  size?: number;
  format?: string;
  hasColorProfile?: boolean;
  quality?: number;
  density?: number;
  hasTransparency?: boolean;
  /** 64-bit perceptual hash as 16 hex characters; compare with `phashDistance`. */
  pHash?: string;
  bitRate?: number;
  /** Duration in seconds (video/audio). */
  duration?: number;
  videoCodec?: string;
  audioCodec?: string;
  /** EXIF groups, each keyed by tag name. */
  exif?: {
    image?: Record<string, unknown>;
    thumbnail?: Record<string, unknown>;
    exif?: Record<string, unknown>;
    gps?: Record<string, unknown>;
    interoperability?: Record<string, unknown>;
    makernote?: Record<string, unknown>;
  };
}

/** Fields of {@link FileObject} that every upload answer has. */
type UploadedFileField = 'fileId' | 'name' | 'filePath' | 'url' | 'size' | 'fileType';

/**
 * Fields of {@link FileObject} that an upload answer may have: image and video fields,
 * `extensionStatus` when extensions were requested, and the fields an upload returns only
 * when they are listed in `responseFields` (`tags`, `customCoordinates`, `isPrivateFile`,
 * `embeddedMetadata`, `isPublished`, `customMetadata`, `selectedFieldsSchema`).
 */
type UploadedFileOptionalField =
  | 'height'
  | 'width'
  | 'versionInfo'
  | 'AITags'
  | 'bitRate'
  | 'duration'
  | 'videoCodec'
  | 'audioCodec'
  | 'description'
  | 'extensionStatus'
  | 'tags'
  | 'customCoordinates'
  | 'isPrivateFile'
  | 'isPublished'
  | 'embeddedMetadata'
  | 'customMetadata'
  | 'selectedFieldsSchema';

/**
 * The upload API's answer, as `upload.pre-transform.success` events carry it too: the
 * {@link FileObject} fields `fileId`, `name`, `filePath`, `url`, `size`, `fileType`, the
 * optional ones listed in its type, plus `thumbnailUrl` (instead of `thumbnail`) and
 * `metadata` (when `responseFields` asks for it). It has no `type`, `mime`, `hasAlpha`,
 * `createdAt` or `updatedAt`.
 */
export interface UploadedFile extends Pick<FileObject, UploadedFileField>, Partial<Pick<FileObject, UploadedFileOptionalField>> {
  /** Thumbnail URL (images; empty for other files). */
  thumbnailUrl?: string;
  /** Image/video metadata, only when `responseFields` includes `metadata`. */
  metadata?: FileMetadata;
}
