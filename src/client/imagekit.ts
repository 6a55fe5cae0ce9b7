/**
 * @module client/imagekit
 * `ImageKit`: the server client. It holds the private key in a true private field (never
 * an enumerable property, never in `JSON.stringify`, `Object.keys` or `util.inspect`) and
 * exposes the whole API in the flat style of the classic `imagekit` v6 Node SDK, so moving
 * from it is a change of import. Every API method takes an optional `RequestOptions` last.
 * Runs on Node, Deno, Bun and workers; refuses browsers unless `dangerouslyAllowBrowser`.
 */
import { createClientContext, privateKeyOf, sharingPacer, type ClientContext, type ClientOptions } from '../core/context.js';
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
import { refuseCallbacks } from '../media/validate.js';
import { phashDistance } from '../phash/distance.js';
import { mustAwait } from '../signing/must-await.js';
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
   * Sign the URL (`ik-s`), for private files or to stop tampering. Implied by `expireSeconds`.
   * `url()` then returns a `Promise<string>`.
   * @default false
   */
  signed?: boolean | undefined;
  /**
   * Seconds until the URL stops working (`ik-t`), 1 to 315,360,000 (ten years); implies
   * `signed`, so `url()` returns a `Promise<string>`. Absent: the URL never expires.
   * @unit seconds
   */
  expireSeconds?: number | undefined;
}

/**
 * The ImageKit server client. Every method that returns a promise reports every failure,
 * caller mistakes included, by rejecting it (nothing is thrown synchronously), and a
 * function passed as an argument (an `imagekit` v6 callback) is a `TypeError`: use the
 * returned promise. `url()` returns a string unless it signs.
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
   * A new client with some options changed; this one is not modified. The copy shares this
   * client's queue and learned rate limit (the API counts calls per account).
   * @throws {TypeError} when `options` changes `maxConcurrency` (create a new client for that).
   * @example const patient = imagekit.withOptions({ timeout: 120_000, maxRetries: 5 });
   */
  withOptions(options: Partial<ClientOptions>): ImageKit {
    const context = this.#context;
    return new ImageKit(sharingPacer(context, {
      privateKey: privateKeyOf(context),
      publicKey: context.publicKey,
      urlEndpoint: context.urlEndpoint,
      baseUrl: context.baseUrl,
      uploadBaseUrl: context.uploadBaseUrl,
      fetch: context.fetch,
      timeout: context.timeout,
      maxRetries: context.maxRetries,
      maxRateLimitWait: context.maxRateLimitWait,
      dangerouslyAllowBrowser: this.#allowBrowser,
      ...options,
    }));
  }

  // Files

  /** Lists and searches files and folders (one page). See `iterateFiles` for every page. */
  async listFiles(params?: ListFilesParams, options?: RequestOptions): Result<ListFilesItem[]> {
    refuseCallbacks(arguments);
    return media.listFiles(this.#context, params, options);
  }

  /**
   * Every file matching the query, fetched page by page (`limit` = page size, default 1000;
   * `maxItems` caps the total). Use with `for await`.
   */
  async *iterateFiles(params?: IterateFilesParams, options?: RequestOptions): AsyncGenerator<ListFilesItem, void, undefined> {
    refuseCallbacks(arguments);
    yield* media.iterateFiles(this.#context, params, options);
  }

  /** Pages of a listing, each an array with `$ResponseMetadata`. */
  async *iterateFilePages(
    params?: IterateFilesParams,
    options?: RequestOptions,
  ): AsyncGenerator<WithMetadata<ListFilesItem[]>, void, undefined> {
    refuseCallbacks(arguments);
    yield* media.iterateFilePages(this.#context, params, options);
  }

  /** Details of a file's current version. */
  async getFileDetails(fileId: string, options?: RequestOptions): Result<FileObject> {
    refuseCallbacks(arguments);
    return media.getFileDetails(this.#context, fileId, options);
  }

  /** Updates a file's details, or publishes/unpublishes it (`{ publish: { isPublished } }`). */
  async updateFileDetails(fileId: string, update: UpdateFileDetailsParams, options?: RequestOptions): Result<UpdatedFile> {
    refuseCallbacks(arguments);
    return media.updateFileDetails(this.#context, fileId, update, options);
  }

  /** Deletes a file and all its versions. */
  async deleteFile(fileId: string, options?: RequestOptions): Result<EmptyResult> {
    refuseCallbacks(arguments);
    return media.deleteFile(this.#context, fileId, options);
  }

  /** Copies a file (`{ sourceFilePath, destinationPath, includeFileVersions? }`). */
  async copyFile(params: CopyFileParams, options?: RequestOptions): Result<EmptyResult> {
    refuseCallbacks(arguments);
    return media.copyFile(this.#context, params, options);
  }

  /** Moves a file (`{ sourceFilePath, destinationPath }`). */
  async moveFile(params: MoveFileParams, options?: RequestOptions): Result<EmptyResult> {
    refuseCallbacks(arguments);
    return media.moveFile(this.#context, params, options);
  }

  /** Renames a file (`{ filePath, newFileName, purgeCache? }`). 207 resolves; see `isPartialSuccess`. */
  async renameFile(params: RenameFileParams, options?: RequestOptions): Result<RenameFileResult> {
    refuseCallbacks(arguments);
    return media.renameFile(this.#context, params, options);
  }

  // Bulk

  /** Deletes up to 100 files (product name). 207 resolves; see `isPartialSuccess`. */
  async bulkFileDelete(fileIds: string[], options?: RequestOptions): Result<BulkDeleteFilesResult> {
    refuseCallbacks(arguments);
    return media.bulkDeleteFiles(this.#context, fileIds, options);
  }

  /** Same as {@link ImageKit.bulkFileDelete} (the v6 name). */
  async bulkDeleteFiles(fileIds: string[], options?: RequestOptions): Result<BulkDeleteFilesResult> {
    refuseCallbacks(arguments);
    return media.bulkDeleteFiles(this.#context, fileIds, options);
  }

  /** Adds tags to up to 50 files. */
  async bulkAddTags(fileIds: string[], tags: string[], options?: RequestOptions): Result<BulkTagsResult> {
    refuseCallbacks(arguments);
    return media.bulkAddTags(this.#context, fileIds, tags, options);
  }

  /** Removes tags from up to 50 files. */
  async bulkRemoveTags(fileIds: string[], tags: string[], options?: RequestOptions): Result<BulkTagsResult> {
    refuseCallbacks(arguments);
    return media.bulkRemoveTags(this.#context, fileIds, tags, options);
  }

  /** Removes AI tags from up to 50 files. */
  async bulkRemoveAITags(fileIds: string[], AITags: string[], options?: RequestOptions): Result<BulkTagsResult> {
    refuseCallbacks(arguments);
    return media.bulkRemoveAITags(this.#context, fileIds, AITags, options);
  }

  // Versions

  /** Every version of a file. */
  async getFileVersions(fileId: string, options?: RequestOptions): Result<FileObject[]> {
    refuseCallbacks(arguments);
    return media.getFileVersions(this.#context, fileId, options);
  }

  /** One version of a file (`{ fileId, versionId }`). */
  async getFileVersionDetails(params: FileVersionParams, options?: RequestOptions): Result<FileObject> {
    refuseCallbacks(arguments);
    return media.getFileVersionDetails(this.#context, params, options);
  }

  /** Deletes a non-current version (`{ fileId, versionId }`). */
  async deleteFileVersion(params: FileVersionParams, options?: RequestOptions): Result<EmptyResult> {
    refuseCallbacks(arguments);
    return media.deleteFileVersion(this.#context, params, options);
  }

  /** Makes a version current (`{ fileId, versionId }`). */
  async restoreFileVersion(params: FileVersionParams, options?: RequestOptions): Result<FileObject> {
    refuseCallbacks(arguments);
    return media.restoreFileVersion(this.#context, params, options);
  }

  // Metadata

  /**
   * Metadata (EXIF, pHash, …) of a library file by id, or of any URL served by the
   * account when the argument is an absolute http(s) URL (as v6 did).
   */
  async getFileMetadata(fileIdOrUrl: string, options?: RequestOptions): Result<FileMetadata> {
    refuseCallbacks(arguments);
    return typeof fileIdOrUrl === 'string' && isHttpUrl(fileIdOrUrl)
      ? media.getRemoteFileUrlMetadata(this.#context, fileIdOrUrl, options)
      : media.getFileMetadata(this.#context, fileIdOrUrl, options);
  }

  /** Metadata of any URL served through the account's URL endpoints. */
  async getRemoteFileUrlMetadata(url: string, options?: RequestOptions): Result<FileMetadata> {
    refuseCallbacks(arguments);
    return media.getRemoteFileUrlMetadata(this.#context, url, options);
  }

  // Folders and bulk jobs

  /** Creates a folder (`{ folderName, parentFolderPath? }`). */
  async createFolder(params: CreateFolderParams, options?: RequestOptions): Result<EmptyResult> {
    refuseCallbacks(arguments);
    return media.createFolder(this.#context, params, options);
  }

  /** Deletes a folder and everything in it. */
  async deleteFolder(folderPath: string, options?: RequestOptions): Result<EmptyResult> {
    refuseCallbacks(arguments);
    return media.deleteFolder(this.#context, folderPath, options);
  }

  /** Starts a copy-folder job (`includeVersions`; the v6 `includeFileVersions` is accepted). */
  async copyFolder(params: CopyFolderParams, options?: RequestOptions): Result<BulkJobResult> {
    refuseCallbacks(arguments);
    return media.copyFolder(this.#context, params, options);
  }

  /** Starts a move-folder job. */
  async moveFolder(params: MoveFolderParams, options?: RequestOptions): Result<BulkJobResult> {
    refuseCallbacks(arguments);
    return media.moveFolder(this.#context, params, options);
  }

  /** Starts a rename-folder job. */
  async renameFolder(params: RenameFolderParams, options?: RequestOptions): Result<BulkJobResult> {
    refuseCallbacks(arguments);
    return media.renameFolder(this.#context, params, options);
  }

  /** Status of a bulk job. */
  async getBulkJobStatus(jobId: string, options?: RequestOptions): Result<BulkJobStatus> {
    refuseCallbacks(arguments);
    return media.getBulkJobStatus(this.#context, jobId, options);
  }

  // Cache

  /** Purges a URL from the CDN (product name). */
  async purgeFileCache(url: string, options?: RequestOptions): Result<PurgeCacheResult> {
    refuseCallbacks(arguments);
    return media.purgeFileCache(this.#context, url, options);
  }

  /** Same as {@link ImageKit.purgeFileCache} (the v6 name). */
  async purgeCache(url: string, options?: RequestOptions): Result<PurgeCacheResult> {
    refuseCallbacks(arguments);
    return media.purgeFileCache(this.#context, url, options);
  }

  /** Status of a purge request (product name). */
  async getPurgeFileCacheStatus(requestId: string, options?: RequestOptions): Result<PurgeCacheStatus> {
    refuseCallbacks(arguments);
    return media.getPurgeFileCacheStatus(this.#context, requestId, options);
  }

  /** Same as {@link ImageKit.getPurgeFileCacheStatus} (the v6 name). */
  async getPurgeCacheStatus(requestId: string, options?: RequestOptions): Result<PurgeCacheStatus> {
    refuseCallbacks(arguments);
    return media.getPurgeFileCacheStatus(this.#context, requestId, options);
  }

  // Custom metadata fields

  /** Creates a custom metadata field. */
  async createCustomMetadataField(params: CreateCustomMetadataFieldParams, options?: RequestOptions): Result<CustomMetadataField> {
    refuseCallbacks(arguments);
    return media.createCustomMetadataField(this.#context, params, options);
  }

  /** Lists custom metadata fields (`{ includeDeleted?, folderPath? }`). */
  async getCustomMetadataFields(params?: GetCustomMetadataFieldsParams, options?: RequestOptions): Result<CustomMetadataField[]> {
    refuseCallbacks(arguments);
    return media.getCustomMetadataFields(this.#context, params, options);
  }

  /** Updates a custom metadata field's label, schema or description. */
  async updateCustomMetadataField(
    fieldId: string,
    update: UpdateCustomMetadataFieldParams,
    options?: RequestOptions,
  ): Result<CustomMetadataField> {
    refuseCallbacks(arguments);
    return media.updateCustomMetadataField(this.#context, fieldId, update, options);
  }

  /** Deletes a custom metadata field. */
  async deleteCustomMetadataField(fieldId: string, options?: RequestOptions): Result<EmptyResult> {
    refuseCallbacks(arguments);
    return media.deleteCustomMetadataField(this.#context, fieldId, options);
  }

  // Accounts

  /** Account usage between two `YYYY-MM-DD` dates (end excluded). */
  async getUsage(params: DateRangeParams, options?: RequestOptions): Result<Usage> {
    refuseCallbacks(arguments);
    return media.getUsage(this.#context, params, options);
  }

  /** Usage analytics (beta) between two `YYYY-MM-DD` UTC dates (both included). */
  async getUsageAnalytics(params: DateRangeParams, options?: RequestOptions): Result<UsageAnalytics> {
    refuseCallbacks(arguments);
    return media.getUsageAnalytics(this.#context, params, options);
  }

  /** Creates an origin (beta). */
  async createOrigin(origin: OriginRequest, options?: RequestOptions): Result<Origin> {
    refuseCallbacks(arguments);
    return media.createOrigin(this.#context, origin, options);
  }

  /** Lists origins (beta). */
  async listOrigins(options?: RequestOptions): Result<Origin[]> {
    refuseCallbacks(arguments);
    return media.listOrigins(this.#context, options);
  }

  /** Gets an origin (beta). */
  async getOrigin(originId: string, options?: RequestOptions): Result<Origin> {
    refuseCallbacks(arguments);
    return media.getOrigin(this.#context, originId, options);
  }

  /** Replaces an origin (beta; send the whole object). */
  async updateOrigin(originId: string, origin: OriginRequest, options?: RequestOptions): Result<Origin> {
    refuseCallbacks(arguments);
    return media.updateOrigin(this.#context, originId, origin, options);
  }

  /** Deletes an origin (beta). */
  async deleteOrigin(originId: string, options?: RequestOptions): Result<EmptyResult> {
    refuseCallbacks(arguments);
    return media.deleteOrigin(this.#context, originId, options);
  }

  /** Creates a URL endpoint (beta). */
  async createUrlEndpoint(urlEndpoint: UrlEndpointRequest, options?: RequestOptions): Result<UrlEndpoint> {
    refuseCallbacks(arguments);
    return media.createUrlEndpoint(this.#context, urlEndpoint, options);
  }

  /** Lists URL endpoints (beta). */
  async listUrlEndpoints(options?: RequestOptions): Result<UrlEndpoint[]> {
    refuseCallbacks(arguments);
    return media.listUrlEndpoints(this.#context, options);
  }

  /** Gets a URL endpoint (beta). */
  async getUrlEndpoint(urlEndpointId: string, options?: RequestOptions): Result<UrlEndpoint> {
    refuseCallbacks(arguments);
    return media.getUrlEndpoint(this.#context, urlEndpointId, options);
  }

  /** Replaces a URL endpoint (beta; send the whole object). */
  async updateUrlEndpoint(urlEndpointId: string, urlEndpoint: UrlEndpointRequest, options?: RequestOptions): Result<UrlEndpoint> {
    refuseCallbacks(arguments);
    return media.updateUrlEndpoint(this.#context, urlEndpointId, urlEndpoint, options);
  }

  /** Deletes a URL endpoint (beta). */
  async deleteUrlEndpoint(urlEndpointId: string, options?: RequestOptions): Result<EmptyResult> {
    refuseCallbacks(arguments);
    return media.deleteUrlEndpoint(this.#context, urlEndpointId, options);
  }

  // Saved extensions

  /** Creates a saved extension. */
  async createSavedExtension(params: CreateSavedExtensionParams, options?: RequestOptions): Result<SavedExtension> {
    refuseCallbacks(arguments);
    return media.createSavedExtension(this.#context, params, options);
  }

  /** Lists saved extensions. */
  async listSavedExtensions(options?: RequestOptions): Result<SavedExtension[]> {
    refuseCallbacks(arguments);
    return media.listSavedExtensions(this.#context, options);
  }

  /** Gets a saved extension. */
  async getSavedExtension(savedExtensionId: string, options?: RequestOptions): Result<SavedExtension> {
    refuseCallbacks(arguments);
    return media.getSavedExtension(this.#context, savedExtensionId, options);
  }

  /** Updates a saved extension (partial). */
  async updateSavedExtension(
    savedExtensionId: string,
    update: UpdateSavedExtensionParams,
    options?: RequestOptions,
  ): Result<SavedExtension> {
    refuseCallbacks(arguments);
    return media.updateSavedExtension(this.#context, savedExtensionId, update, options);
  }

  /** Deletes a saved extension. */
  async deleteSavedExtension(savedExtensionId: string, options?: RequestOptions): Result<EmptyResult> {
    refuseCallbacks(arguments);
    return media.deleteSavedExtension(this.#context, savedExtensionId, options);
  }

  // Named transformations

  /** Creates a named transformation. */
  async createNamedTransformation(params: CreateNamedTransformationParams, options?: RequestOptions): Result<NamedTransformation> {
    refuseCallbacks(arguments);
    return media.createNamedTransformation(this.#context, params, options);
  }

  /** Lists named transformations. */
  async listNamedTransformations(options?: RequestOptions): Result<NamedTransformation[]> {
    refuseCallbacks(arguments);
    return media.listNamedTransformations(this.#context, options);
  }

  /** Gets a named transformation. */
  async getNamedTransformation(namedTransformationId: string, options?: RequestOptions): Result<NamedTransformation> {
    refuseCallbacks(arguments);
    return media.getNamedTransformation(this.#context, namedTransformationId, options);
  }

  /** Updates a named transformation (partial). */
  async updateNamedTransformation(
    namedTransformationId: string,
    update: UpdateNamedTransformationParams,
    options?: RequestOptions,
  ): Result<NamedTransformation> {
    refuseCallbacks(arguments);
    return media.updateNamedTransformation(this.#context, namedTransformationId, update, options);
  }

  /** Deletes a named transformation. */
  async deleteNamedTransformation(namedTransformationId: string, options?: RequestOptions): Result<EmptyResult> {
    refuseCallbacks(arguments);
    return media.deleteNamedTransformation(this.#context, namedTransformationId, options);
  }

  // Non-HTTP helpers

  /**
   * Builds an ImageKit URL (see `buildUrl`) on the client's `urlEndpoint`. Returns the
   * URL string, like `imagekit` v6, unless the options sign (`signed: true`, or any
   * `expireSeconds`): then a `Promise<string>` (signing uses Web Crypto, which is
   * asynchronous) that reports every failure by rejecting, and that throws a `TypeError`
   * when serialized or used as a string without `await`.
   * @throws {TypeError} (unsigned) when no `urlEndpoint` is given here or on the client, or for bad `buildUrl` options.
   * @throws {RangeError} (signed, as a rejection) `expireSeconds` is not in 1..315360000 (ten years).
   * @example
   * const thumb = imagekit.url({ path: '/a.jpg', transformation: [{ width: 300 }] }); // string
   * const link = await imagekit.url({ path: '/private/a.jpg', expireSeconds: 600 }); // signed
   */
  url(options: ClientUrlOptions & ({ signed: true } | { expireSeconds: number })): Promise<string>;
  url(options: ClientUrlOptions & { signed?: false | undefined; expireSeconds?: undefined }): string;
  url(options: ClientUrlOptions): string | Promise<string>;
  url(options: ClientUrlOptions): string | Promise<string> {
    if (typeof options === 'object' && options !== null && (options.signed === true || options.expireSeconds !== undefined)) {
      return mustAwait('imagekit.url()', this.#signedUrl(options, arguments));
    }
    refuseCallbacks(arguments);
    return this.#buildUrl(options);
  }

  #buildUrl(options: ClientUrlOptions): string {
    if (typeof options !== 'object' || options === null) throw new TypeError('The `options` argument must be an object');
    // `expireSeconds` is checked by `signUrl`.
    const { signed, expireSeconds: _expireSeconds, urlEndpoint: endpointOption, ...rest } = options;
    const urlEndpoint = endpointOption ?? this.#context.urlEndpoint;
    if (urlEndpoint === undefined) {
      throw new TypeError('The `urlEndpoint` option is required: pass it to `url()` or to the `ImageKit` constructor');
    }
    if (signed !== undefined && typeof signed !== 'boolean') throw new TypeError('The `signed` option must be a boolean');
    return buildUrl({ ...rest, urlEndpoint });
  }

  async #signedUrl(options: ClientUrlOptions, args: ArrayLike<unknown>): Promise<string> {
    refuseCallbacks(args);
    const url = this.#buildUrl(options);
    const urlEndpoint = options.urlEndpoint ?? this.#context.urlEndpoint!;
    return signUrl(url, { privateKey: privateKeyOf(this.#context), urlEndpoint, expireSeconds: options.expireSeconds });
  }

  /**
   * `{ token, expire, signature }` for a client-side upload (v6 argument order). Unlike v6
   * this returns a promise: `await` it (serializing the promise itself throws a `TypeError`).
   * @param token single-use token; default `crypto.randomUUID()`.
   * @param expire absolute Unix time in seconds, at most 1 h ahead; default now + 30 min.
   */
  getAuthenticationParameters(token?: string, expire?: number): Promise<AuthenticationParameters> {
    return mustAwait('imagekit.getAuthenticationParameters()', this.#authenticationParameters(token, expire));
  }

  async #authenticationParameters(token: string | undefined, expire: number | undefined): Promise<AuthenticationParameters> {
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
  async uploadFile(options: ServerUploadOptions): Promise<UploadResponse> {
    refuseCallbacks(arguments);
    return uploadFile(this.#context, options);
  }

  /** Same as {@link ImageKit.uploadFile} (the v6 name). */
  async upload(options: ServerUploadOptions): Promise<UploadResponse> {
    refuseCallbacks(arguments);
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
