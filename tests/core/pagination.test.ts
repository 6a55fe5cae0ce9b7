import { describe, expect, it } from 'vitest';
import { flattenPages, paginateOffset } from '../../src/core/pagination.js';
import { iterateFilePages, iterateFiles } from '../../src/media/iterate-files.js';
import { context, json } from './fake-fetch.js';

/** A fake `GET /v1/files` over `total` items that honours skip/limit like the API. */
function fakeLibrary(total: number) {
  const items = Array.from({ length: total }, (_, i) => ({ fileId: `f${i}`, type: 'file', name: `n${i}` }));
  const requests: { skip: number; limit: number; query: URLSearchParams }[] = [];
  const fetch = async (input: Request | string | URL): Promise<Response> => {
    const url = new URL(String(input));
    expect(url.pathname).toBe('/v1/files');
    const skip = Number(url.searchParams.get('skip') ?? 0);
    const limit = Number(url.searchParams.get('limit') ?? 1000);
    requests.push({ skip, limit, query: url.searchParams });
    return json(200, items.slice(skip, skip + Math.min(limit, 1000)));
  };
  return { fetch, requests, items };
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

describe('iterateFiles', () => {
  it('walks 2500 items in pages of 1000 and stops on the short page', async () => {
    const library = fakeLibrary(2500);
    const files = await collect(iterateFiles(context(library.fetch), { path: '/shop' }));
    expect(files.map((f) => (f.type === 'folder' ? f.folderId : f.fileId))).toEqual(library.items.map((f) => f.fileId));
    expect(library.requests.map(({ skip, limit }) => [skip, limit])).toEqual([
      [0, 1000],
      [1000, 1000],
      [2000, 1000],
    ]);
    expect(library.requests.every((r) => r.query.get('path') === '/shop')).toBe(true);
  });

  it('uses the caller’s limit as page size and starts at skip', async () => {
    const library = fakeLibrary(2500);
    const files = await collect(iterateFiles(context(library.fetch), { limit: 300, skip: 100 }));
    expect(files).toHaveLength(2400);
    expect(files[0]).toMatchObject({ fileId: 'f100' });
    expect(library.requests).toHaveLength(9); // 8 full pages of 300 + one empty page
    expect(library.requests.map((r) => r.skip)).toEqual([100, 400, 700, 1000, 1300, 1600, 1900, 2200, 2500]);
  });

  it('stops after maxItems and asks only for the items still wanted', async () => {
    const library = fakeLibrary(2500);
    const files = await collect(iterateFiles(context(library.fetch), { maxItems: 1500 }));
    expect(files).toHaveLength(1500);
    expect(library.requests.map(({ skip, limit }) => [skip, limit])).toEqual([
      [0, 1000],
      [1000, 500],
    ]);
  });

  it('makes one extra request when the total is an exact multiple of the page size', async () => {
    const library = fakeLibrary(2000);
    expect(await collect(iterateFiles(context(library.fetch)))).toHaveLength(2000);
    expect(library.requests).toHaveLength(3);
  });

  it('stops requesting when the loop breaks', async () => {
    const library = fakeLibrary(2500);
    let seen = 0;
    for await (const _ of iterateFiles(context(library.fetch), { limit: 10 })) {
      if (++seen === 15) break;
    }
    expect(library.requests).toHaveLength(2);
  });

  it('yields pages with $ResponseMetadata from iterateFilePages', async () => {
    const library = fakeLibrary(1200);
    const pages = await collect(iterateFilePages(context(library.fetch)));
    expect(pages.map((p) => p.length)).toEqual([1000, 200]);
    expect(pages[0]!.$ResponseMetadata.statusCode).toBe(200);
  });

  it('validates limit, skip and maxItems before any request (the first next() rejects)', async () => {
    const library = fakeLibrary(10);
    await expect(iterateFiles(context(library.fetch), { limit: 0 }).next()).rejects.toThrow(RangeError);
    await expect(iterateFiles(context(library.fetch), { limit: 1001 }).next()).rejects.toThrow(/`limit`/);
    await expect(iterateFiles(context(library.fetch), { skip: -1 }).next()).rejects.toThrow(/`skip`/);
    await expect(iterateFiles(context(library.fetch), { maxItems: 1.5 }).next()).rejects.toThrow(/`maxItems`/);
    expect(library.requests).toHaveLength(0);
  });
});

describe('paginateOffset', () => {
  it('yields nothing for maxItems 0 and stops on an empty first page', async () => {
    let calls = 0;
    const fetchPage = async (): Promise<number[]> => {
      calls++;
      return [];
    };
    expect(await collect(paginateOffset(fetchPage, { pageSize: 5, skip: 0, maxItems: 0 }))).toEqual([]);
    expect(calls).toBe(0);
    expect(await collect(flattenPages(paginateOffset(fetchPage, { pageSize: 5, skip: 0 })))).toEqual([]);
    expect(calls).toBe(1);
  });

  it('trims a page longer than what is still wanted', async () => {
    const fetchPage = async (skip: number): Promise<number[]> => [skip, skip + 1, skip + 2, skip + 3, skip + 4, skip + 5];
    expect(await collect(flattenPages(paginateOffset(fetchPage, { pageSize: 6, skip: 0, maxItems: 4 })))).toEqual([0, 1, 2, 3]);
  });
});
