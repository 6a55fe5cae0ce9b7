/**
 * @module media/types
 * Shapes of the objects the management API returns (imagekit-api.md §11 and §4–§9).
 * Field names are the API's. Objects stay open to extra keys, because the API adds
 * fields over time.
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

/** Status of each extension requested by an update (or upload). */
export type FileExtensionStatus = Partial<
  Record<
    'google-auto-tagging' | 'aws-auto-tagging' | 'remove-bg' | 'ai-auto-description' | 'ai-tasks' | (string & {}),
    'success' | 'pending' | 'failed' | (string & {})
  >
>;

/**
 * An extension to run on a file: a base extension (`remove-bg`, `google-auto-tagging`,
 * `aws-auto-tagging`, `ai-auto-description`, `ai-tasks`) with its options, or a
 * reference to a saved extension (`{ name: 'saved-extension', id }`).
 */
export interface Extension {
  /** Extension name. */
  name: string;
  /** Extension options and other keys, sent as given. */
  [key: string]: unknown;
}

/** A file or a file version in the media library (§11.1). */
export interface FileObject {
  fileId: string;
  type: 'file' | 'file-version';
  name: string;
  filePath: string;
  url: string;
  thumbnail?: string;
  fileType: 'image' | 'non-image' | (string & {});
  mime?: string;
  height?: number;
  width?: number;
  /** Size in bytes. */
  size: number;
  hasAlpha?: boolean;
  tags: string[] | null;
  AITags?: AITag[] | null;
  customCoordinates: string | null;
  customMetadata?: CustomMetadataValues;
  embeddedMetadata?: Record<string, unknown> | null;
  description?: string;
  isPrivateFile: boolean;
  isPublished?: boolean;
  versionInfo?: { id: string; name: string };
  /** ISO-8601 timestamp. */
  createdAt: string;
  /** ISO-8601 timestamp. */
  updatedAt: string;
  bitRate?: number;
  /** Duration in seconds (video/audio). */
  duration?: number;
  videoCodec?: string;
  audioCodec?: string;
  selectedFieldsSchema?: Record<string, unknown>;
  /** Present on update responses. */
  extensionStatus?: FileExtensionStatus;
  [key: string]: unknown;
}

/** A folder, as returned by list with `type: 'folder'` or `'all'` (§11.3). */
export interface FolderObject {
  folderId: string;
  type: 'folder';
  name: string;
  folderPath: string;
  createdAt: string;
  updatedAt: string;
  customMetadata?: CustomMetadataValues;
  [key: string]: unknown;
}

/** Image/video metadata, EXIF and perceptual hash of a file or URL (§11.4). */
export interface FileMetadata {
  height?: number;
  width?: number;
  size?: number;
  format?: string;
  hasColorProfile?: boolean;
  quality?: number;
  density?: number;
  hasTransparency?: boolean;
  /** 64-bit perceptual hash as 16 hex characters; compare with `phashDistance`. */
  pHash?: string;
  bitRate?: number;
  duration?: number;
  videoCodec?: string;
  audioCodec?: string;
  exif?: {
    image?: Record<string, unknown>;
    thumbnail?: Record<string, unknown>;
    exif?: Record<string, unknown>;
    gps?: Record<string, unknown>;
    interoperability?: Record<string, unknown>;
    makernote?: Record<string, unknown>;
  };
  [key: string]: unknown;
}

/** Types a custom metadata field can have. */
export type CustomMetadataFieldType =
  | 'Text'
  | 'Textarea'
  | 'Number'
  | 'Date'
  | 'Boolean'
  | 'SingleSelect'
  | 'MultiSelect';

/** A scalar allowed in custom metadata values and select options. */
export type CustomMetadataScalar = string | number | boolean;

/** Rules of a custom metadata field (§7). */
export interface CustomMetadataFieldSchema {
  type: CustomMetadataFieldType;
  /** When true, `defaultValue` is required. */
  isValueRequired?: boolean;
  defaultValue?: CustomMetadataScalar | CustomMetadataScalar[];
  /** Text/Textarea. */
  minLength?: number;
  /** Text/Textarea. */
  maxLength?: number;
  /** Number, or an ISO date string for Date. */
  minValue?: number | string;
  /** Number, or an ISO date string for Date. */
  maxValue?: number | string;
  /** Required for SingleSelect and MultiSelect. */
  selectOptions?: CustomMetadataScalar[];
  [key: string]: unknown;
}

/** A custom metadata field definition. */
export interface CustomMetadataField {
  id: string;
  name: string;
  label: string;
  description?: string;
  schema: CustomMetadataFieldSchema;
  [key: string]: unknown;
}

/** The status of a bulk job (copy, move or rename folder). */
export interface BulkJobStatus {
  jobId: string;
  type: 'COPY_FOLDER' | 'MOVE_FOLDER' | 'RENAME_FOLDER' | (string & {});
  status: 'Pending' | 'Completed' | (string & {});
  /** Only for a rename with `purgeCache: true`. */
  purgeRequestId?: string;
  [key: string]: unknown;
}

/** Answer of the bulk-job endpoints: the id to poll with `getBulkJobStatus`. */
export interface BulkJobResult {
  jobId: string;
  [key: string]: unknown;
}

/** Account usage between two dates (§9). */
export interface Usage {
  bandwidthBytes?: number;
  mediaLibraryStorageBytes?: number;
  originalCacheStorageBytes?: number;
  videoProcessingUnitsCount?: number;
  extensionUnitsCount?: number;
  [key: string]: unknown;
}

/** One row of a usage-analytics breakdown. */
export interface UsageAnalyticsEntry {
  name: string;
  bandwidthBytes: number;
  requestCount: number;
  [key: string]: unknown;
}

/** A usage-analytics breakdown, ranked two ways. */
export interface UsageAnalyticsBreakdown {
  byBandwidth: UsageAnalyticsEntry[];
  byRequests: UsageAnalyticsEntry[];
}

/** Usage analytics (beta): totals and breakdowns (§9). Open to extra keys. */
export interface UsageAnalytics {
  bandwidthBytes?: number;
  requestCount?: number;
  startDate?: string;
  endDate?: string;
  generatedAt?: string;
  browser?: UsageAnalyticsBreakdown;
  country?: UsageAnalyticsBreakdown;
  device?: UsageAnalyticsBreakdown;
  format?: UsageAnalyticsBreakdown;
  urlEndpoints?: UsageAnalyticsBreakdown;
  topImages?: UsageAnalyticsBreakdown;
  topVideos?: UsageAnalyticsBreakdown;
  topOtherAssets?: UsageAnalyticsBreakdown;
  topImageTransforms?: UsageAnalyticsBreakdown;
  topVideoTransforms?: UsageAnalyticsBreakdown;
  topReferrers?: UsageAnalyticsBreakdown;
  topUserAgents?: UsageAnalyticsBreakdown;
  cache?: { hitCount: number; missCount: number; errorCount: number };
  statusCodes?: unknown[];
  errorReasons?: unknown[];
  top404Assets?: unknown[];
  extensions?: { name: string; operationCount: number }[];
  videoProcessing?: { resolution: string; codec: string; durationSeconds: number }[];
  [key: string]: unknown;
}

/** Origin types (§9). */
export type OriginType =
  | 'S3'
  | 'S3_COMPATIBLE'
  | 'CLOUDINARY_BACKUP'
  | 'WEB_FOLDER'
  | 'WEB_PROXY'
  | 'GCS'
  | 'AZURE_BLOB'
  | 'AKENEO_PIM';

/**
 * An origin definition as sent to create/update (a union on `type`; secrets such as
 * `secretKey`, `privateKey`, `sasToken`, `clientSecret`, `password` travel in the body
 * and are never echoed back).
 */
export interface OriginRequest {
  type: OriginType | (string & {});
  name: string;
  includeCanonicalHeader?: boolean;
  baseUrlForCanonicalHeader?: string;
  [key: string]: unknown;
}

/** An origin as returned by the API (secrets dropped). */
export interface Origin {
  id: string;
  type: OriginType | (string & {});
  name: string;
  [key: string]: unknown;
}

/** URL rewriter of a URL endpoint. */
export type UrlRewriter =
  | { type: 'CLOUDINARY'; preserveAssetDeliveryTypes?: boolean }
  | { type: 'IMGIX' }
  | { type: 'AKAMAI' };

/** A URL endpoint as sent to create/update (PUT replaces the whole object). */
export interface UrlEndpointRequest {
  description: string;
  /** Origin ids, tried in order. */
  origins?: string[];
  urlPrefix?: string;
  urlRewriter?: UrlRewriter;
  [key: string]: unknown;
}

/** A URL endpoint as returned by the API (`id` is `default` for the built-in one). */
export interface UrlEndpoint {
  id: string;
  description: string;
  origins: string[];
  urlPrefix: string;
  urlRewriter?: UrlRewriter;
  [key: string]: unknown;
}

/** A saved extension configuration. */
export interface SavedExtension {
  id: string;
  name: string;
  description: string;
  /** One base extension (not a saved-extension reference). */
  config: Extension;
  createdAt?: string;
  updatedAt?: string;
  [key: string]: unknown;
}

/** A named transformation, used in URLs as `tr:n-<name>`. */
export interface NamedTransformation {
  id: string;
  name: string;
  transformation: string;
  enabled: boolean;
  createdAt?: string;
  [key: string]: unknown;
}
