/**
 * @module core/pagination
 * Offset pagination as async iterators (the API pages by `skip`/`limit` only: no cursor,
 * no total count; docs/imagekit-api-notes.md, "Pagination"). A page shorter than the requested size is the last one. Pure logic
 * over a page-fetching function; the media layer plugs `GET /v1/files` into it.
 */

/** How to walk the pages. */
export interface OffsetPaginationOptions {
  /** Items per request (the API's `limit`). */
  pageSize: number;
  /** Offset of the first item (the API's `skip`). */
  skip: number;
  /** Stop after this many items overall; `undefined` = until the last page. */
  maxItems?: number | undefined;
}

/** Fetches `limit` items starting at offset `skip`. */
export type FetchPage<P> = (skip: number, limit: number) => Promise<P>;

/**
 * Yields pages (arrays as returned by `fetchPage`, metadata included) until a short
 * page, an empty page, or `maxItems` is reached. The last request asks only for the
 * items still wanted, so no more than `maxItems` items are fetched.
 */
export async function* paginateOffset<T, P extends readonly T[]>(
  fetchPage: FetchPage<P>,
  options: OffsetPaginationOptions,
): AsyncGenerator<P, void, undefined> {
  let skip = options.skip;
  let remaining = options.maxItems ?? Number.POSITIVE_INFINITY;
  while (remaining > 0) {
    const limit = Math.min(options.pageSize, remaining);
    const page = await fetchPage(skip, limit);
    if (page.length === 0) return;
    yield page.length > remaining ? (page.slice(0, remaining) as unknown as P) : page;
    if (page.length < limit) return;
    skip += page.length;
    remaining -= page.length;
  }
}

/** Flattens an async iterable of pages into an async iterable of items. */
export async function* flattenPages<T>(pages: AsyncIterable<readonly T[]>): AsyncGenerator<T, void, undefined> {
  for await (const page of pages) yield* page;
}
