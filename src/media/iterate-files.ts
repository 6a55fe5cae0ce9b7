/**
 * @module media/iterate-files
 * Every file matching a `listFiles` query, as an async iterator that pages with
 * `skip`/`limit` behind the scenes. Server only.
 */
import type { ClientContext } from '../core/context.js';
import { flattenPages, paginateOffset } from '../core/pagination.js';
import type { RequestOptions } from '../core/request.js';
import type { WithMetadata } from '../internal/metadata.js';
import { listFiles } from './endpoints.js';
import { listFilesChecks, type ListFilesItem, type ListFilesParams } from './params.js';
import { fields, integerIn, requestOptions } from './validate.js';

/** Query of `iterateFiles`: the `listFiles` query plus an overall cap. */
export interface IterateFilesParams extends ListFilesParams {
  /**
   * Page size of each request, 1–1000.
   * @default 1000
   */
  limit?: number | undefined;
  /**
   * Offset of the first item.
   * @default 0
   */
  skip?: number | undefined;
  /** Stop after this many items in total. @default no cap */
  maxItems?: number | undefined;
}

/** Default and maximum page size of `GET /v1/files`. */
export const maxFilesPageSize = 1000;

interface ResolvedIteration {
  base: ListFilesParams;
  pageSize: number;
  skip: number;
  maxItems: number | undefined;
}

/** Checks `params` in one pass (the object, its keys, every value: the `listFiles` checks plus `maxItems`) before the first request. */
function resolve(where: string, params: IterateFilesParams | undefined): ResolvedIteration {
  const { maxItems, ...base } = fields(where, params, { ...listFilesChecks, maxItems: integerIn(0) }, 'params', true);
  return { base, pageSize: base.limit ?? maxFilesPageSize, skip: base.skip ?? 0, maxItems };
}

/**
 * Pages of a listing (each with its `$ResponseMetadata`), fetched lazily one request at a
 * time until a short page or `maxItems`.
 * @throws {RangeError} for `limit` outside 1–1000, a negative `skip` or `maxItems` (the first `next()` rejects).
 */
export async function* iterateFilePages(
  context: ClientContext,
  params?: IterateFilesParams,
  options?: RequestOptions,
): AsyncGenerator<WithMetadata<ListFilesItem[]>, void, undefined> {
  const { base, pageSize, skip, maxItems } = resolve('iterateFiles', params);
  requestOptions(options, 'iterateFiles'); // checked even when no page is fetched (`maxItems: 0`)
  const fetchPage = (pageSkip: number, limit: number): Promise<WithMetadata<ListFilesItem[]>> =>
    listFiles(context, { ...base, skip: pageSkip, limit }, options);
  yield* paginateOffset(fetchPage, { pageSize, skip, maxItems });
}

/**
 * Every item of a listing, fetched lazily page by page:
 * `for await (const file of iterateFiles(ctx, { path: '/shop' }))`.
 * `limit` is the page size (default 1000); `maxItems` caps the total. Breaking out of the
 * loop stops further requests.
 * @throws {RangeError} for `limit` outside 1–1000, a negative `skip` or `maxItems` (the first `next()` rejects).
 * @throws {ApiError} from any page request, when the loop reaches it.
 */
export function iterateFiles(
  context: ClientContext,
  params?: IterateFilesParams,
  options?: RequestOptions,
): AsyncGenerator<ListFilesItem, void, undefined> {
  return flattenPages(iterateFilePages(context, params, options));
}
