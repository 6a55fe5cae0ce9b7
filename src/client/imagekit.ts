/**
 * @module client/imagekit
 * `ImageKit`: the server client. It holds the private key in a true private field (never
 * an enumerable property, never in `JSON.stringify`, `Object.keys` or `util.inspect`) and
 * exposes the whole API in the flat style of the classic `imagekit` v6 Node SDK, so moving
 * from it is a change of import. Every API method takes an optional `RequestOptions` last.
 * Runs on Node, Deno, Bun and workers; refuses browsers unless `dangerouslyAllowBrowser`.
 */
import { createClientContext, privateKeyOf, type ClientContext, type ClientOptions } from '../core/context.js';
import type { RequestOptions } from '../core/request.js';
import type { WithMetadata } from '../internal/metadata.js';
import * as media from '../media/index.js';
import type {
  BulkDeleteFilesResult,
  BulkJobResult,
  BulkJobStatus,
  BulkTagsResult,
  CopyFileParams,
  CopyFolderParams,
  CreateCustomMetadataFieldParams,
  CreateFolderParams,
  CreateNamedTransformationParams,
  CreateSavedExtensionParams,
  CustomMetadataField,
  DateRangeParams,
  EmptyResult,
  FileMetadata,
  FileObject,
  FileVersionParams,
  GetCustomMetadataFieldsParams,
  IterateFilesParams,
  ListFilesItem,
  ListFilesParams,
  MoveFileParams,
  MoveFolderParams,
  NamedTransformation,
  Origin,
  OriginRequest,
  PurgeCacheResult,
  PurgeCacheStatus,
  RenameFileParams,
  RenameFileResult,
  RenameFolderParams,
  SavedExtension,
  UpdateCustomMetadataFieldParams,
  UpdatedFile,
  UpdateFileDetailsParams,
  UpdateNamedTransformationParams,
  UpdateSavedExtensionParams,
  Usage,
  UsageAnalytics,
  UrlEndpoint,
  UrlEndpointRequest,
} from '../media/index.js';
import { isHttpUrl } from '../media/metadata.js';
import { phashDistance } from '../phash/distance.js';
import { signUrl } from '../signing/sign-url.js';
import { getAuthenticationParameters, type AuthenticationParameters } from '../signing/upload-auth.js';
import { uploadFile, type ServerUploadOptions } from '../upload/server-upload.js';
import type { UploadResponse } from '../upload/types.js';
import { buildUrl } from '../url/build-url.js';
import type { BuildUrlOptions } from '../url/types.js';
import { verifyWebhook } from '../webhooks/verify.js';
import type { WebhookEvent } from '../webhooks/events.js';

type Result<T> = Promise<WithMetadata<T>>;

/** Options of {@link ImageKit.url}: `buildUrl` options plus signing. */
export interface ClientUrlOptions extends Omit<BuildUrlOptions, 'urlEndpoint'> {
  /**
   * URL endpoint to build on.
   * @default the client's `urlEndpoint`
   */
  urlEndpoint?: string | undefined;
  /**
   * Sign the URL (`ik-s`), for private files or to stop tampering. Implied by `expireSeconds > 0`.
   * @default false
   */
  signed?: boolean | undefined;
  /**
   * Signed URLs only: seconds until the URL stops working (`ik-t`); none when absent or 0.
   * @unit seconds
   */
  expireSeconds?: number | undefined;
}

/**
 * The ImageKit server client.
 * @example
 * const imagekit = new ImageKit({ privateKey: process.env.IMAGEKIT_PRIVATE_KEY! });
 * const files = await imagekit.listFiles({ path: '/products', limit: 100 });
 */
export class ImageKit {
  readonly #context: ClientContext;
  readonly #allowBrowser: boolean;

  /**
   * @throws {TypeError} for a missing `privateKey`, an unknown option, or a bad URL option.
   * @throws {RangeError} for a negative `timeout` / `maxRetries`.
   * @throws {Error} in a browser unless `dangerouslyAllowBrowser: true`.
   */
  constructor(options: ClientOptions) {
    this.#context = createClientContext(options);
    this.#allowBrowser = options.dangerouslyAllowBrowser === true;
  }

  /**
   * A new client with some options changed; this one is not modified.
   * @example const patient = imagekit.withOptions({ timeout: 120_000, maxRetries: 5 });
   */
  withOptions(options: Partial<ClientOptions>): ImageKit {
    const context = this.#context;
    return new ImageKit({
      privateKey: privateKeyOf(context),
      publicKey: context.publicKey,
      urlEndpoint: context.urlEndpoint,
      baseUrl: context.baseUrl,
      uploadBaseUrl: context.uploadBaseUrl,
      fetch: context.fetch,
      timeout: context.timeout,
      maxRetries: context.maxRetries,
      dangerouslyAllowBrowser: this.#allowBrowser,
      ...options,
    });
  }

  // Files

  /** Lists and searches files and folders (one page). See `iterateFiles` for every page. */
  listFiles(params?: ListFilesParams, options?: RequestOptions): Result<ListFilesItem[]> {
    return media.listFiles(this.#context, params, options);
  }

  /**
   * Every file matching the query, fetched page by page (`limit` = page size, default 1000;
   * `maxItems` caps the total). Use with `for await`.
   */
  iterateFiles(params?: IterateFilesParams, options?: RequestOptions): AsyncGenerator<ListFilesItem, void, undefined> {
    return media.iterateFiles(this.#context, params, options);
  }

  /** Pages of a listing, each an array with `$ResponseMetadata`. */
  iterateFilePages(
    params?: IterateFilesParams,
    options?: RequestOptions,
  ): AsyncGenerator<WithMetadata<ListFilesItem[]>, void, undefined> {
    return media.iterateFilePages(this.#context, params, options);
  }

  /** Details of a file's current version. */
  getFileDetails(fileId: string, options?: RequestOptions): Result<FileObject> {
    return media.getFileDetails(this.#context, fileId, options);
  }

  /** Updates a file's details, or publishes/unpublishes it (`{ publish: { isPublished } }`). */
  updateFileDetails(fileId: string, update: UpdateFileDetailsParams, options?: RequestOptions): Result<UpdatedFile> {
    return media.updateFileDetails(this.#context, fileId, update, options);
  }

  /** Deletes a file and all its versions. */
  deleteFile(fileId: string, options?: RequestOptions): Result<EmptyResult> {
    return media.deleteFile(this.#context, fileId, options);
  }

  /** Copies a file (`{ sourceFilePath, destinationPath, includeFileVersions? }`). */
  copyFile(params: CopyFileParams, options?: RequestOptions): Result<EmptyResult> {
    return media.copyFile(this.#context, params, options);
  }

  /** Moves a file (`{ sourceFilePath, destinationPath }`). */
  moveFile(params: MoveFileParams, options?: RequestOptions): Result<EmptyResult> {
    return media.moveFile(this.#context, params, options);
  }

  /** Renames a file (`{ filePath, newFileName, purgeCache? }`). 207 resolves; see `isPartialSuccess`. */
  renameFile(params: RenameFileParams, options?: RequestOptions): Result<RenameFileResult> {
    return media.renameFile(this.#context, params, options);
  }

  // Bulk

  /** Deletes up to 100 files (product name). 207 resolves; see `isPartialSuccess`. */
  bulkFileDelete(fileIds: string[], options?: RequestOptions): Result<BulkDeleteFilesResult> {
    return media.bulkDeleteFiles(this.#context, fileIds, options);
  }

  /** Same as {@link ImageKit.bulkFileDelete} (the v6 name). */
  bulkDeleteFiles(fileIds: string[], options?: RequestOptions): Result<BulkDeleteFilesResult> {
    return media.bulkDeleteFiles(this.#context, fileIds, options);
  }

  /** Adds tags to up to 50 files. */
  bulkAddTags(fileIds: string[], tags: string[], options?: RequestOptions): Result<BulkTagsResult> {
    return media.bulkAddTags(this.#context, fileIds, tags, options);
  }

  /** Removes tags from up to 50 files. */
  bulkRemoveTags(fileIds: string[], tags: string[], options?: RequestOptions): Result<BulkTagsResult> {
    return media.bulkRemoveTags(this.#context, fileIds, tags, options);
  }

  /** Removes AI tags from up to 50 files. */
  bulkRemoveAITags(fileIds: string[], AITags: string[], options?: RequestOptions): Result<BulkTagsResult> {
    return media.bulkRemoveAITags(this.#context, fileIds, AITags, options);
  }

  // Versions

  /** Every version of a file. */
  getFileVersions(fileId: string, options?: RequestOptions): Result<FileObject[]> {
    return media.getFileVersions(this.#context, fileId, options);
  }

  /** One version of a file (`{ fileId, versionId }`). */
  getFileVersionDetails(params: FileVersionParams, options?: RequestOptions): Result<FileObject> {
    return media.getFileVersionDetails(this.#context, params, options);
  }

  /** Deletes a non-current version (`{ fileId, versionId }`). */
  deleteFileVersion(params: FileVersionParams, options?: RequestOptions): Result<EmptyResult> {
    return media.deleteFileVersion(this.#context, params, options);
  }

  /** Makes a version current (`{ fileId, versionId }`). */
  restoreFileVersion(params: FileVersionParams, options?: RequestOptions): Result<FileObject> {
    return media.restoreFileVersion(this.#context, params, options);
  }

  // Metadata

  /**
   * Metadata (EXIF, pHash, …) of a library file by id, or of any URL served by the
   * account when the argument is an absolute http(s) URL (as v6 did).
   */
  getFileMetadata(fileIdOrUrl: string, options?: RequestOptions): Result<FileMetadata> {
    return typeof fileIdOrUrl === 'string' && isHttpUrl(fileIdOrUrl)
      ? media.getRemoteFileUrlMetadata(this.#context, fileIdOrUrl, options)
      : media.getFileMetadata(this.#context, fileIdOrUrl, options);
  }

  /** Metadata of any URL served through the account's URL endpoints. */
  getRemoteFileUrlMetadata(url: string, options?: RequestOptions): Result<FileMetadata> {
    return media.getRemoteFileUrlMetadata(this.#context, url, options);
  }

  // Folders and bulk jobs

  /** Creates a folder (`{ folderName, parentFolderPath? }`). */
  createFolder(params: CreateFolderParams, options?: RequestOptions): Result<EmptyResult> {
    return media.createFolder(this.#context, params, options);
  }

  /** Deletes a folder and everything in it. */
  deleteFolder(folderPath: string, options?: RequestOptions): Result<EmptyResult> {
    return media.deleteFolder(this.#context, folderPath, options);
  }

  /** Starts a copy-folder job (`includeVersions`; the v6 `includeFileVersions` is accepted). */
  copyFolder(params: CopyFolderParams, options?: RequestOptions): Result<BulkJobResult> {
    return media.copyFolder(this.#context, params, options);
  }

  /** Starts a move-folder job. */
  moveFolder(params: MoveFolderParams, options?: RequestOptions): Result<BulkJobResult> {
    return media.moveFolder(this.#context, params, options);
  }

  /** Starts a rename-folder job. */
  renameFolder(params: RenameFolderParams, options?: RequestOptions): Result<BulkJobResult> {
    return media.renameFolder(this.#context, params, options);
  }

  /** Status of a bulk job. */
  getBulkJobStatus(jobId: string, options?: RequestOptions): Result<BulkJobStatus> {
    return media.getBulkJobStatus(this.#context, jobId, options);
  }

  // Cache

  /** Purges a URL from the CDN (product name). */
  purgeFileCache(url: string, options?: RequestOptions): Result<PurgeCacheResult> {
    return media.purgeFileCache(this.#context, url, options);
  }

  /** Same as {@link ImageKit.purgeFileCache} (the v6 name). */
  purgeCache(url: string, options?: RequestOptions): Result<PurgeCacheResult> {
    return media.purgeFileCache(this.#context, url, options);
  }

  /** Status of a purge request (product name). */
  getPurgeFileCacheStatus(requestId: string, options?: RequestOptions): Result<PurgeCacheStatus> {
    return media.getPurgeFileCacheStatus(this.#context, requestId, options);
  }

  /** Same as {@link ImageKit.getPurgeFileCacheStatus} (the v6 name). */
  getPurgeCacheStatus(requestId: string, options?: RequestOptions): Result<PurgeCacheStatus> {
    return media.getPurgeFileCacheStatus(this.#context, requestId, options);
  }

  // Custom metadata fields

  /** Creates a custom metadata field. */
  createCustomMetadataField(params: CreateCustomMetadataFieldParams, options?: RequestOptions): Result<CustomMetadataField> {
    return media.createCustomMetadataField(this.#context, params, options);
  }

  /** Lists custom metadata fields (`{ includeDeleted?, folderPath? }`). */
  getCustomMetadataFields(params?: GetCustomMetadataFieldsParams, options?: RequestOptions): Result<CustomMetadataField[]> {
    return media.getCustomMetadataFields(this.#context, params, options);
  }

  /** Updates a custom metadata field's label, schema or description. */
  updateCustomMetadataField(
    fieldId: string,
    update: UpdateCustomMetadataFieldParams,
    options?: RequestOptions,
  ): Result<CustomMetadataField> {
    return media.updateCustomMetadataField(this.#context, fieldId, update, options);
  }

  /** Deletes a custom metadata field. */
  deleteCustomMetadataField(fieldId: string, options?: RequestOptions): Result<EmptyResult> {
    return media.deleteCustomMetadataField(this.#context, fieldId, options);
  }

  // Accounts

  /** Account usage between two `YYYY-MM-DD` dates (end excluded). */
  getUsage(params: DateRangeParams, options?: RequestOptions): Result<Usage> {
    return media.getUsage(this.#context, params, options);
  }

  /** Usage analytics (beta) between two `YYYY-MM-DD` UTC dates (both included). */
  getUsageAnalytics(params: DateRangeParams, options?: RequestOptions): Result<UsageAnalytics> {
    return media.getUsageAnalytics(this.#context, params, options);
  }

  /** Creates an origin (beta). */
  createOrigin(origin: OriginRequest, options?: RequestOptions): Result<Origin> {
    return media.createOrigin(this.#context, origin, options);
  }

  /** Lists origins (beta). */
  listOrigins(options?: RequestOptions): Result<Origin[]> {
    return media.listOrigins(this.#context, options);
  }

  /** Gets an origin (beta). */
  getOrigin(originId: string, options?: RequestOptions): Result<Origin> {
    return media.getOrigin(this.#context, originId, options);
  }

  /** Replaces an origin (beta; send the whole object). */
  updateOrigin(originId: string, origin: OriginRequest, options?: RequestOptions): Result<Origin> {
    return media.updateOrigin(this.#context, originId, origin, options);
  }

  /** Deletes an origin (beta). */
  deleteOrigin(originId: string, options?: RequestOptions): Result<EmptyResult> {
    return media.deleteOrigin(this.#context, originId, options);
  }

  /** Creates a URL endpoint (beta). */
  createUrlEndpoint(urlEndpoint: UrlEndpointRequest, options?: RequestOptions): Result<UrlEndpoint> {
    return media.createUrlEndpoint(this.#context, urlEndpoint, options);
  }

  /** Lists URL endpoints (beta). */
  listUrlEndpoints(options?: RequestOptions): Result<UrlEndpoint[]> {
    return media.listUrlEndpoints(this.#context, options);
  }

  /** Gets a URL endpoint (beta). */
  getUrlEndpoint(urlEndpointId: string, options?: RequestOptions): Result<UrlEndpoint> {
    return media.getUrlEndpoint(this.#context, urlEndpointId, options);
  }

  /** Replaces a URL endpoint (beta; send the whole object). */
  updateUrlEndpoint(urlEndpointId: string, urlEndpoint: UrlEndpointRequest, options?: RequestOptions): Result<UrlEndpoint> {
    return media.updateUrlEndpoint(this.#context, urlEndpointId, urlEndpoint, options);
  }

  /** Deletes a URL endpoint (beta). */
  deleteUrlEndpoint(urlEndpointId: string, options?: RequestOptions): Result<EmptyResult> {
    return media.deleteUrlEndpoint(this.#context, urlEndpointId, options);
  }

  // Saved extensions

  /** Creates a saved extension. */
  createSavedExtension(params: CreateSavedExtensionParams, options?: RequestOptions): Result<SavedExtension> {
    return media.createSavedExtension(this.#context, params, options);
  }

  /** Lists saved extensions. */
  listSavedExtensions(options?: RequestOptions): Result<SavedExtension[]> {
    return media.listSavedExtensions(this.#context, options);
  }

  /** Gets a saved extension. */
  getSavedExtension(savedExtensionId: string, options?: RequestOptions): Result<SavedExtension> {
    return media.getSavedExtension(this.#context, savedExtensionId, options);
  }

  /** Updates a saved extension (partial). */
  updateSavedExtension(
    savedExtensionId: string,
    update: UpdateSavedExtensionParams,
    options?: RequestOptions,
  ): Result<SavedExtension> {
    return media.updateSavedExtension(this.#context, savedExtensionId, update, options);
  }

  /** Deletes a saved extension. */
  deleteSavedExtension(savedExtensionId: string, options?: RequestOptions): Result<EmptyResult> {
    return media.deleteSavedExtension(this.#context, savedExtensionId, options);
  }

  // Named transformations

  /** Creates a named transformation. */
  createNamedTransformation(params: CreateNamedTransformationParams, options?: RequestOptions): Result<NamedTransformation> {
    return media.createNamedTransformation(this.#context, params, options);
  }

  /** Lists named transformations. */
  listNamedTransformations(options?: RequestOptions): Result<NamedTransformation[]> {
    return media.listNamedTransformations(this.#context, options);
  }

  /** Gets a named transformation. */
  getNamedTransformation(namedTransformationId: string, options?: RequestOptions): Result<NamedTransformation> {
    return media.getNamedTransformation(this.#context, namedTransformationId, options);
  }

  /** Updates a named transformation (partial). */
  updateNamedTransformation(
    namedTransformationId: string,
    update: UpdateNamedTransformationParams,
    options?: RequestOptions,
  ): Result<NamedTransformation> {
    return media.updateNamedTransformation(this.#context, namedTransformationId, update, options);
  }

  /** Deletes a named transformation. */
  deleteNamedTransformation(namedTransformationId: string, options?: RequestOptions): Result<EmptyResult> {
    return media.deleteNamedTransformation(this.#context, namedTransformationId, options);
  }

  // Non-HTTP helpers

  /**
   * Builds an ImageKit URL (see `buildUrl`) on the client's `urlEndpoint`, and signs it
   * when `signed` is true or `expireSeconds > 0`. Async because signing uses Web Crypto.
   * @throws {TypeError} when no `urlEndpoint` is given here or on the client, or for bad `buildUrl` options.
   * @example await imagekit.url({ path: '/private/a.jpg', transformation: [{ width: 300 }], expireSeconds: 600 })
   */
  async url(options: ClientUrlOptions): Promise<string> {
    if (typeof options !== 'object' || options === null) throw new TypeError('The `options` argument must be an object');
    const { signed, expireSeconds, urlEndpoint: endpointOption, ...rest } = options;
    const urlEndpoint = endpointOption ?? this.#context.urlEndpoint;
    if (urlEndpoint === undefined) {
      throw new TypeError('The `urlEndpoint` option is required: pass it to `url()` or to the `ImageKit` constructor');
    }
    if (signed !== undefined && typeof signed !== 'boolean') throw new TypeError('The `signed` option must be a boolean');
    if (expireSeconds !== undefined && (typeof expireSeconds !== 'number' || !Number.isFinite(expireSeconds))) {
      throw new TypeError('The `expireSeconds` option must be a finite number of seconds');
    }
    const url = buildUrl({ ...rest, urlEndpoint });
    if (signed !== true && !(expireSeconds !== undefined && expireSeconds > 0)) return url;
    return signUrl(url, { privateKey: privateKeyOf(this.#context), urlEndpoint, expireSeconds });
  }

  /**
   * `{ token, expire, signature }` for a client-side upload (v6 argument order).
   * @param token single-use token; default `crypto.randomUUID()`.
   * @param expire absolute Unix time in seconds, at most 1 h ahead; default now + 30 min.
   */
  getAuthenticationParameters(token?: string, expire?: number): Promise<AuthenticationParameters> {
    return getAuthenticationParameters({ privateKey: privateKeyOf(this.#context), token, expire });
  }

  /** Hamming distance (0–64) between two 64-bit pHash hex strings. */
  phashDistance(first: string, second: string): number {
    return phashDistance(first, second);
  }

  /** Same as {@link ImageKit.phashDistance} (the v6 name). */
  pHashDistance(first: string, second: string): number {
    return phashDistance(first, second);
  }

  /** Uploads a file with the private key (server upload; see `uploadFile`). */
  uploadFile(options: ServerUploadOptions): Promise<UploadResponse> {
    return uploadFile(this.#context, options);
  }

  /** Same as {@link ImageKit.uploadFile} (the v6 name). */
  upload(options: ServerUploadOptions): Promise<UploadResponse> {
    return uploadFile(this.#context, options);
  }

  /**
   * v6-compatible check of a legacy `x-ik-signature` webhook (now async, and with a 5-minute
   * replay window v6 lacked). Prefer `verifyWebhook({ body, headers }, { secret })`, which
   * also handles Standard Webhooks.
   * @returns `{ timestamp }` in Unix milliseconds (as v6) and the parsed `event`.
   * @throws {WebhookVerificationError} with a `reason`.
   */
  async verifyWebhookEvent(
    payload: string | Uint8Array,
    signature: string,
    secret: string,
  ): Promise<{ timestamp: number; event: WebhookEvent }> {
    const verified = await verifyWebhook({ body: payload, headers: { 'x-ik-signature': signature } }, { secret });
    return { timestamp: verified.timestamp.getTime(), event: verified.event };
  }
}
