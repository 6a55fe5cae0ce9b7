/**
 * @module media/types
 * Shapes of the objects the management API returns. Field names are the API's. The
 * objects are closed: a misspelt field is a compile error. Fields ImageKit adds later
 * still arrive at run time; read one with an `in` check (`if ('newField' in job)
 * use(job.newField)`, typed `unknown`).
 */
// The shared objects, re-exported for the media modules and `media/index.ts`.
export type { AITag, CustomMetadataValues, Extension, FileObject, FolderObject, FileMetadata } from '../objects.js';
import type { BaseExtension, ExtensionStatus } from '../objects.js';

/** @deprecated The same type as {@link ExtensionStatus}; use that name. */
export type FileExtensionStatus = ExtensionStatus;

/** Types a custom metadata field can have. */
export type CustomMetadataFieldType = 'Text' | 'Textarea' | 'Number' | 'Date' | 'Boolean' | 'SingleSelect' | 'MultiSelect';

/** A scalar allowed in custom metadata values and select options. */
export type CustomMetadataScalar = string | number | boolean;

/** Rules of a custom metadata field. */
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
}

/** A custom metadata field definition. */
export interface CustomMetadataField {
  id: string;
  name: string;
  label: string;
  description?: string;
  schema: CustomMetadataFieldSchema;
}

/** The status of a bulk job (copy, move or rename folder). */
export interface BulkJobStatus {
  jobId: string;
  type: 'COPY_FOLDER' | 'MOVE_FOLDER' | 'RENAME_FOLDER' | (string & {});
  status: 'Pending' | 'Completed' | (string & {});
  /** Only for a rename with `purgeCache: true`. */
  purgeRequestId?: string;
}

/** Answer of the bulk-job endpoints: the id to poll with `getBulkJobStatus`. */
export interface BulkJobResult {
  jobId: string;
}

/** Account usage between two dates. */
export interface Usage {
  bandwidthBytes?: number;
  mediaLibraryStorageBytes?: number;
  originalCacheStorageBytes?: number;
  videoProcessingUnitsCount?: number;
  extensionUnitsCount?: number;
}

/** One row of a usage-analytics breakdown. */
export interface UsageAnalyticsEntry {
  name: string;
  bandwidthBytes: number;
  requestCount: number;
}

/** A usage-analytics breakdown, ranked two ways. */
export interface UsageAnalyticsBreakdown {
  byBandwidth: UsageAnalyticsEntry[];
  byRequests: UsageAnalyticsEntry[];
}

/** Usage analytics (beta): totals and breakdowns. */
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
}

/** Origin types. */
export type OriginType = 'S3' | 'S3_COMPATIBLE' | 'CLOUDINARY_BACKUP' | 'WEB_FOLDER' | 'WEB_PROXY' | 'GCS' | 'AZURE_BLOB' | 'AKENEO_PIM';

/** Origin fields that are not secret: sent on create/update and returned by the API. */
interface OriginFields {
  type: OriginType | (string & {});
  /** Display name. */
  name: string;
  /** Send a canonical `Link` header with each delivered file. */
  includeCanonicalHeader?: boolean | undefined;
  /** Base URL of the canonical header. */
  baseUrlForCanonicalHeader?: string | undefined;
  /** Bucket (`S3`, `S3_COMPATIBLE`, `CLOUDINARY_BACKUP`, `GCS`). */
  bucket?: string | undefined;
  /** Folder inside the bucket or container. */
  prefix?: string | undefined;
  /** `S3`: use the IAM role instead of keys. */
  useIAMRole?: boolean | undefined;
  /** `S3_COMPATIBLE`: the service's endpoint URL. */
  endpoint?: string | undefined;
  /** `S3_COMPATIBLE`: path-style bucket addressing. */
  s3ForcePathStyle?: boolean | undefined;
  /** `WEB_FOLDER`, `AKENEO_PIM`: base URL of the origin. */
  baseUrl?: string | undefined;
  /** `WEB_FOLDER`: forward the request's `Host` header. */
  forwardHostHeaderToOrigin?: boolean | undefined;
  /** `GCS`: service account e-mail. */
  clientEmail?: string | undefined;
  /** `AZURE_BLOB`: storage account name. */
  accountName?: string | undefined;
  /** `AZURE_BLOB`: container name. */
  container?: string | undefined;
  /** `AKENEO_PIM`: client id. */
  clientId?: string | undefined;
  /** `AKENEO_PIM`: user name. */
  username?: string | undefined;
}

/**
 * An origin definition as sent to create/update (PUT replaces the whole object). Which
 * fields apply depends on `type`. The secrets (`accessKey`, `secretKey`, `privateKey`,
 * `sasToken`, `clientSecret`, `password`) travel in the body and are never echoed back.
 */
export interface OriginRequest extends OriginFields {
  /** `S3`, `S3_COMPATIBLE`, `CLOUDINARY_BACKUP`. */
  accessKey?: string | undefined;
  /** `S3`, `S3_COMPATIBLE`, `CLOUDINARY_BACKUP`. */
  secretKey?: string | undefined;
  /** `GCS`: service account private key. */
  privateKey?: string | undefined;
  /** `AZURE_BLOB`: shared access signature. */
  sasToken?: string | undefined;
  /** `AKENEO_PIM`. */
  clientSecret?: string | undefined;
  /** `AKENEO_PIM`. */
  password?: string | undefined;
}

/** An origin as returned by the API: the definition without its secrets, plus `id`. */
export interface Origin extends OriginFields {
  /** Id of the origin, used in a URL endpoint's `origins`. */
  id: string;
}

/** URL rewriter of a URL endpoint. */
export type UrlRewriter = { type: 'CLOUDINARY'; preserveAssetDeliveryTypes?: boolean } | { type: 'IMGIX' } | { type: 'AKAMAI' };

/** A URL endpoint as sent to create/update (PUT replaces the whole object). */
export interface UrlEndpointRequest {
  description: string;
  /** Origin ids, tried in order. */
  origins?: string[];
  urlPrefix?: string;
  urlRewriter?: UrlRewriter;
}

/** A URL endpoint as returned by the API (`id` is `default` for the built-in one). */
export interface UrlEndpoint {
  id: string;
  description: string;
  origins: string[];
  urlPrefix: string;
  urlRewriter?: UrlRewriter;
}

/** A saved extension configuration. */
export interface SavedExtension {
  id: string;
  name: string;
  description: string;
  /** One base extension (not a saved-extension reference). */
  config: BaseExtension;
  createdAt?: string;
  updatedAt?: string;
}

/** A named transformation, used in URLs as `tr:n-<name>`. */
export interface NamedTransformation {
  id: string;
  name: string;
  transformation: string;
  enabled: boolean;
  createdAt?: string;
}
