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
import { checkOptionKeys } from '../internal/options.js';
import { mergeHooks } from '../core/hooks.js';
import type { Endpoint, EndpointFacts } from '../media/endpoint.js';
import type * as endpointModule from '../media/endpoints.js';
import {
  listFiles,
  getFileDetails,
  updateFileDetails,
  deleteFile,
  copyFile,
  moveFile,
  renameFile,
  bulkDeleteFiles,
  bulkAddTags,
  bulkRemoveTags,
  bulkRemoveAITags,
  getFileVersions,
  getFileVersionDetails,
  deleteFileVersion,
  restoreFileVersion,
  getFileMetadata,
  getRemoteFileUrlMetadata,
  createFolder,
  deleteFolder,
  copyFolder,
  moveFolder,
  renameFolder,
  getBulkJobStatus,
  purgeFileCache,
  getPurgeFileCacheStatus,
  createCustomMetadataField,
  getCustomMetadataFields,
  updateCustomMetadataField,
  deleteCustomMetadataField,
  getUsage,
  getUsageAnalytics,
  createOrigin,
  listOrigins,
  getOrigin,
  updateOrigin,
  deleteOrigin,
  createUrlEndpoint,
  listUrlEndpoints,
  getUrlEndpoint,
  updateUrlEndpoint,
  deleteUrlEndpoint,
  createSavedExtension,
  listSavedExtensions,
  getSavedExtension,
  updateSavedExtension,
  deleteSavedExtension,
  createNamedTransformation,
  listNamedTransformations,
  getNamedTransformation,
  updateNamedTransformation,
  deleteNamedTransformation,
} from '../media/endpoints.js';
import { iterateFilePages, iterateFiles, type IterateFilesParams } from '../media/iterate-files.js';
import type { FileListParams, FileMetadata, FileObject, FolderListParams, FolderObject, ListFilesItem, ListFilesParams } from '../media/index.js';
import { isHttpUrl, refuseCallbacks } from '../media/validate.js';
import { phashDistance } from '../phash/distance.js';
import { mustAwait } from '../signing/must-await.js';
import { signUrl } from '../signing/sign-url.js';
import { getAuthenticationParameters, type AuthenticationParameters } from '../signing/upload-auth.js';
import { uploadFile, type ServerUploadOptions } from '../upload/server-upload.js';
import type { UploadResponse } from '../upload/types.js';
import { buildUrl, buildUrlOptionKeys } from '../url/build-url.js';
import type { BuildUrlSettings, UrlSource } from '../url/types.js';
import { verifyLegacyWebhook } from '../webhooks/verify.js';
import type { WebhookEvent } from '../webhooks/events.js';

/** The `ImageKit` method of a standalone endpoint function: the same arguments without the context. */
export type EndpointMethod<E> =
  E extends Endpoint<infer Args, infer Result> ? (...args: [...Args, options?: RequestOptions]) => Promise<WithMetadata<Result>> : never;

/** One `ImageKit` method per endpoint of the management API, named like the standalone function. */
export type EndpointMethods = { [Name in keyof typeof endpointModule]: EndpointMethod<(typeof endpointModule)[Name]> };

/**
 * Every endpoint (tests/client/imagekit.test.ts checks that none is missing). Listed
 * here, not taken from a namespace import, so a bundle without `ImageKit` can drop them:
 * with `import * as` the build's shared chunk carries the namespace object, and `signUrl`
 * alone grew from 2.2 KB to 11 KB gzip (measured with `npm run size`).
 */
const endpoints = [
  listFiles,
  getFileDetails,
  updateFileDetails,
  deleteFile,
  copyFile,
  moveFile,
  renameFile,
  bulkDeleteFiles,
  bulkAddTags,
  bulkRemoveTags,
  bulkRemoveAITags,
  getFileVersions,
  getFileVersionDetails,
  deleteFileVersion,
  restoreFileVersion,
  getFileMetadata,
  getRemoteFileUrlMetadata,
  createFolder,
  deleteFolder,
  copyFolder,
  moveFolder,
  renameFolder,
  getBulkJobStatus,
  purgeFileCache,
  getPurgeFileCacheStatus,
  createCustomMetadataField,
  getCustomMetadataFields,
  updateCustomMetadataField,
  deleteCustomMetadataField,
  getUsage,
  getUsageAnalytics,
  createOrigin,
  listOrigins,
  getOrigin,
  updateOrigin,
  deleteOrigin,
  createUrlEndpoint,
  listUrlEndpoints,
  getUrlEndpoint,
  updateUrlEndpoint,
  deleteUrlEndpoint,
  createSavedExtension,
  listSavedExtensions,
  getSavedExtension,
  updateSavedExtension,
  deleteSavedExtension,
  createNamedTransformation,
  listNamedTransformations,
  getNamedTransformation,
  updateNamedTransformation,
  deleteNamedTransformation,
];

/** A standalone endpoint function, whatever its arguments. */
type AnyEndpoint = ((context: ClientContext, ...args: unknown[]) => unknown) & { facts: EndpointFacts };

/** Method names of `imagekit` v6 that call an endpoint under its current name. */
const v6Names = { bulkFileDelete: 'bulkDeleteFiles', purgeCache: 'purgeFileCache', getPurgeCacheStatus: 'getPurgeFileCacheStatus' } as const;

type Result<T> = Promise<WithMetadata<T>>;

/** Options of {@link ImageKit.url}: exactly one of `path` / `src`, and the settings. */
export type ClientUrlOptions = UrlSource & ClientUrlSettings;

/** The options of {@link ImageKit.url} besides `path` / `src`: `buildUrl`'s plus signing. */
export interface ClientUrlSettings extends Omit<BuildUrlSettings, 'urlEndpoint'> {
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
 * The base class of `ImageKit`: one prototype method per endpoint (and per v6 name of
 * one) that calls the standalone function with the client's context. Built by a function
 * call marked pure, so that a bundle which does not use `ImageKit` drops it.
 */
/* @__NO_SIDE_EFFECTS__ */
function endpointClient(): new (context: ClientContext) => object {
  class EndpointClient {
    readonly #context: ClientContext;
    constructor(context: ClientContext) {
      this.#context = context;
    }
    static {
      // Non-enumerable, like methods written in a class body.
      const define = (name: string, value: unknown): unknown =>
        Object.defineProperty(EndpointClient.prototype, name, { value, writable: true, configurable: true });
      for (const endpoint of endpoints as readonly AnyEndpoint[]) {
        define(endpoint.facts.name, function (this: EndpointClient, ...args: unknown[]) {
          return endpoint(this.#context, ...args);
        });
      }
      for (const [alias, name] of Object.entries(v6Names)) define(alias, (EndpointClient.prototype as unknown as Record<string, unknown>)[name]);
    }
  }
  return EndpointClient;
}

/**
 * The management API methods of {@link ImageKit}: one per endpoint, with the arguments of
 * the standalone function of the same name (without the context), and the `imagekit` v6
 * aliases.
 */
// The methods are defined by the base class's static block (`endpointClient`); this interface types them.
export interface ImageKit extends Omit<EndpointMethods, 'getFileMetadata' | 'listFiles'> {
  /**
   * Lists and searches files and folders (one page; `iterateFiles` walks every page).
   * `type: 'folder'` gives folders, `file` (the default) or `file-version` files; `all`,
   * a `searchQuery` (which ignores `type`) or `includeFolder: true` either.
   */
  listFiles(params: FolderListParams, options?: RequestOptions): Promise<WithMetadata<FolderObject[]>>;
  listFiles(params?: FileListParams, options?: RequestOptions): Promise<WithMetadata<FileObject[]>>;
  listFiles(params?: ListFilesParams, options?: RequestOptions): Promise<WithMetadata<ListFilesItem[]>>;
  /** Same as {@link ImageKit.bulkDeleteFiles} (the v6 name). */
  bulkFileDelete: EndpointMethods['bulkDeleteFiles'];
  /** Same as {@link ImageKit.purgeFileCache} (the v6 name). */
  purgeCache: EndpointMethods['purgeFileCache'];
  /** Same as {@link ImageKit.getPurgeFileCacheStatus} (the v6 name). */
  getPurgeCacheStatus: EndpointMethods['getPurgeFileCacheStatus'];
}

/** The base class of {@link ImageKit}: one method per endpoint (a named constant, so the class declaration stays simple). */
const EndpointClient: new (context: ClientContext) => object = /* @__PURE__ */ endpointClient();

/**
 * The ImageKit server client. Every method that returns a promise reports every failure,
 * caller mistakes included, by rejecting it (nothing is thrown synchronously), and a
 * function passed as an argument (an `imagekit` v6 callback) is a `TypeError`: use the
 * returned promise. `url()` returns a string unless it signs.
 * @example
 * const imagekit = new ImageKit({ privateKey: process.env.IMAGEKIT_PRIVATE_KEY! });
 * const files = await imagekit.listFiles({ path: '/products', limit: 100 });
 */
export class ImageKit extends EndpointClient {
  readonly #context: ClientContext;
  readonly #allowBrowser: boolean;

  /**
   * @throws {TypeError} for a missing `privateKey`, an unknown option, or a bad URL option.
   * @throws {RangeError} for a negative `timeout` / `maxRetries`.
   * @throws {Error} in a browser unless `dangerouslyAllowBrowser: true`.
   */
  constructor(options: ClientOptions) {
    const context = createClientContext(options);
    super(context);
    this.#context = context;
    this.#allowBrowser = options.dangerouslyAllowBrowser === true;
  }

  /**
   * A new client with some options changed; this one is not modified. The copy shares this
   * client's queue and learned rate limit (the API counts calls per account). `hooks` given
   * here run after this client's.
   * @throws {TypeError} when `options` changes `maxConcurrency` (create a new client for that).
   * @example const patient = imagekit.withOptions({ timeout: 120_000, maxRetries: 5 });
   */
  withOptions(options: Partial<ClientOptions>): ImageKit {
    const context = this.#context;
    return new ImageKit(
      sharingPacer(context, {
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
        // Added after the parent's, as ky's `extend` does.
        hooks: mergeHooks(context.hooks, options?.hooks),
      }),
    );
  }

  /**
   * Every file matching the query, fetched page by page (`limit` = page size, default 1000;
   * `maxItems` caps the total). Use with `for await`.
   */
  iterateFiles(params: IterateFilesParams & FolderListParams, options?: RequestOptions): AsyncGenerator<FolderObject, void, undefined>;
  iterateFiles(params?: IterateFilesParams & FileListParams, options?: RequestOptions): AsyncGenerator<FileObject, void, undefined>;
  iterateFiles(params?: IterateFilesParams, options?: RequestOptions): AsyncGenerator<ListFilesItem, void, undefined>;
  iterateFiles(params?: IterateFilesParams, options?: RequestOptions): AsyncGenerator<ListFilesItem, void, undefined> {
    return iterateFiles(this.#context, params, options);
  }

  /** Pages of a listing, each an array with `$ResponseMetadata`. */
  iterateFilePages(params?: IterateFilesParams, options?: RequestOptions): AsyncGenerator<WithMetadata<ListFilesItem[]>, void, undefined> {
    return iterateFilePages(this.#context, params, options);
  }

  /**
   * Metadata (EXIF, pHash, …) of a library file by id, or of any URL served by the
   * account when the argument is an absolute http(s) URL (as v6 did).
   */
  async getFileMetadata(fileIdOrUrl: string, options?: RequestOptions): Result<FileMetadata> {
    refuseCallbacks(arguments);
    return typeof fileIdOrUrl === 'string' && isHttpUrl(fileIdOrUrl)
      ? getRemoteFileUrlMetadata(this.#context, fileIdOrUrl, options)
      : getFileMetadata(this.#context, fileIdOrUrl, options);
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
    checkOptionKeys(options, [...buildUrlOptionKeys, 'signed', 'expireSeconds'], 'url');
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
  async verifyWebhookEvent(payload: string | Uint8Array, signature: string, secret: string): Promise<{ timestamp: number; event: WebhookEvent }> {
    const verified = await verifyLegacyWebhook(payload, signature, secret);
    return { timestamp: verified.timestamp.getTime(), event: verified.event };
  }
}
