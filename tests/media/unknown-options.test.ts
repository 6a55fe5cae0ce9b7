import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ImageKit } from '../../src/client/imagekit.js';
import { createClientContext } from '../../src/core/context.js';
import { closest, oneEditApart, unknownOption } from '../../src/internal/options.js';
import { upload } from '../../src/upload/client-upload.js';
import { buildUrl } from '../../src/url/build-url.js';
import { getResponsiveImageAttributes } from '../../src/url/responsive.js';
import * as media from '../../src/media/index.js';

let calls = 0;
const fetchNothing = async (): Promise<Response> => {
  calls++;
  throw new Error('an options mistake must stop the request');
};
const context = createClientContext({ privateKey: 'private_x', fetch: fetchNothing });

/** Asserts `run()` rejects (not throws) with exactly `message`, before any request. */
async function rejectsWith(run: () => Promise<unknown>, message: string): Promise<void> {
  const before = calls;
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TypeError);
  expect((error as TypeError).message).toBe(message);
  expect(calls).toBe(before);
}

/** Independent oracle: the recursive definition of the optimal-string-alignment distance. */
function osa(a: string, b: string): number {
  const memo = new Map<string, number>();
  const d = (i: number, j: number): number => {
    const key = `${i},${j}`;
    if (memo.has(key)) return memo.get(key)!;
    let value: number;
    if (i === 0) value = j;
    else if (j === 0) value = i;
    else {
      value = Math.min(d(i - 1, j) + 1, d(i, j - 1) + 1, d(i - 1, j - 1) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, d(i - 2, j - 2) + 1);
    }
    memo.set(key, value);
    return value;
  };
  return d(a.length, b.length);
}

describe('oneEditApart', () => {
  it('is true exactly when the optimal-string-alignment distance is at most 1', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'Q'), maxLength: 8 });
    fc.assert(fc.property(word, word, (a, b) => oneEditApart(a, b) === osa(a, b) <= 1));
  });

  it('counts a swap of neighbours as one edit', () => {
    expect(oneEditApart('serachquery', 'searchquery')).toBe(true);
    expect(oneEditApart('transformations', 'transformation')).toBe(true);
    expect(oneEditApart('abc', 'abc')).toBe(true);
    expect(oneEditApart('abc', 'cba')).toBe(false);
    expect(oneEditApart('', 'ab')).toBe(false);
  });
});

describe('closest', () => {
  it('suggests a close name, ignoring case, and nothing for a far one', () => {
    const known = ['searchQuery', 'skip', 'limit', 'path'];
    expect(closest('serachQuery', known)).toBe('searchQuery');
    expect(closest('searchquery', known)).toBe('searchQuery');
    expect(closest('SKIP', known)).toBe('skip');
    expect(closest('offset', known)).toBeUndefined();
    expect(closest('lmt', known)).toBeUndefined(); // two edits from `limit`: not suggested
    expect(closest('pth', known)).toBe('path');
  });

  it('one wording, with and without a suggestion', () => {
    expect(unknownOption('serachQuery', ['searchQuery'], 'listFiles').message).toBe(
      '`serachQuery` is not an option of listFiles; did you mean `searchQuery`?',
    );
    expect(unknownOption('offset', ['searchQuery'], 'listFiles').message).toBe('`offset` is not an option of listFiles');
  });
});

describe('media calls reject unknown keys (they were silently dropped: a misspelled filter listed every file)', () => {
  it('listFiles params', async () => {
    await rejectsWith(
      () => media.listFiles(context, { serachQuery: 'size > "1mb"' } as never),
      '`serachQuery` is not an option of listFiles; did you mean `searchQuery`?',
    );
    await rejectsWith(() => media.listFiles(context, { offset: 10 } as never), '`offset` is not an option of listFiles');
  });

  it('a key set to undefined is still a misspelling', async () => {
    await rejectsWith(
      () => media.listFiles(context, { fileTyp: undefined } as never),
      '`fileTyp` is not an option of listFiles; did you mean `fileType`?',
    );
  });

  it('request options (one wording with the parameters)', async () => {
    await rejectsWith(
      () => media.listFiles(context, {}, { tiemout: 5 } as never),
      '`tiemout` is not an option of listFiles; did you mean `timeout`?',
    );
    await rejectsWith(() => media.getFileDetails(context, 'f1', { retry: 'always' } as never), '`retry` is not an option of getFileDetails');
  });

  it('iterateFiles knows maxItems too', async () => {
    await expect(media.iterateFiles(context, { maxItem: 3 } as never).next()).rejects.toThrow(
      '`maxItem` is not an option of iterateFiles; did you mean `maxItems`?',
    );
  });

  it('bodies and nested objects', async () => {
    await rejectsWith(
      () => media.copyFile(context, { sourceFilePath: '/a', destinationPth: '/b' } as never),
      '`destinationPth` is not an option of copyFile; did you mean `destinationPath`?',
    );
    await rejectsWith(
      () => media.updateFileDetails(context, 'f', { tag: ['x'] } as never),
      '`tag` is not an option of updateFileDetails; did you mean `tags`?',
    );
    await rejectsWith(
      () => media.updateFileDetails(context, 'f', { publish: { isPublised: true } } as never),
      '`isPublised` is not an option of updateFileDetails; did you mean `isPublished`?',
    );
    await rejectsWith(
      () => media.getFileVersionDetails(context, { fileId: 'f', versionID: 'v' } as never),
      '`versionID` is not an option of getFileVersionDetails; did you mean `versionId`?',
    );
    await rejectsWith(
      () => media.getUsage(context, { startDate: '2025-01-01', endDate: '2025-01-02', end: 'x' } as never),
      '`end` is not an option of getUsage',
    );
    await rejectsWith(
      () => media.createNamedTransformation(context, { name: 'a', transformation: 'w-1', enable: true } as never),
      '`enable` is not an option of createNamedTransformation; did you mean `enabled`?',
    );
  });

  it('the ImageKit methods give the same message', async () => {
    const imagekit = new ImageKit({ privateKey: 'private_x', fetch: fetchNothing });
    await rejectsWith(
      () => imagekit.listFiles({ serachQuery: 'x' } as never),
      '`serachQuery` is not an option of listFiles; did you mean `searchQuery`?',
    );
    await rejectsWith(
      () => imagekit.bulkFileDelete(['a'], { maxRetires: 1 } as never),
      '`maxRetires` is not an option of bulkDeleteFiles; did you mean `maxRetries`?',
    );
  });
});

describe('URL options reject unknown keys; transformation steps do not', () => {
  const urlEndpoint = 'https://ik.imagekit.io/demo';

  it('buildUrl: `transformations` was silently ignored', () => {
    expect(() => buildUrl({ urlEndpoint, path: '/a.jpg', transformations: [{ width: 300 }] } as never)).toThrow(
      new TypeError('`transformations` is not an option of buildUrl; did you mean `transformation`?'),
    );
  });

  it('getResponsiveImageAttributes and ImageKit#url name themselves', () => {
    expect(() => getResponsiveImageAttributes({ urlEndpoint, src: '/a.jpg', widht: 400 } as never)).toThrow(
      new TypeError('`widht` is not an option of getResponsiveImageAttributes; did you mean `width`?'),
    );
    const imagekit = new ImageKit({ privateKey: 'private_x', urlEndpoint, fetch: fetchNothing });
    expect(() => imagekit.url({ path: '/a.jpg', sigend: true } as never)).toThrow(
      new TypeError('`sigend` is not an option of url; did you mean `signed`?'),
    );
  });

  it('a transformation step keeps passing an unknown key through (new ImageKit parameters work at once)', () => {
    expect(buildUrl({ urlEndpoint, path: '/a.jpg', transformation: [{ newParam: 'x' } as never] })).toBe(
      'https://ik.imagekit.io/demo/tr:newParam-x/a.jpg',
    );
  });
});

describe('client and upload options use the same check', () => {
  it('client options (constructor, withOptions, createClientContext)', () => {
    expect(() => new ImageKit({ privateKey: 'private_x', maxRetires: 1 } as never)).toThrow(
      new TypeError('`maxRetires` is not an option of ImageKit; did you mean `maxRetries`?'),
    );
    expect(() => new ImageKit({ privateKey: 'private_x' }).withOptions({ timout: 5 } as never)).toThrow(
      new TypeError('`timout` is not an option of ImageKit; did you mean `timeout`?'),
    );
    expect(() => createClientContext({ privateKey: 'private_x', baseURL: 'https://x.test' } as never)).toThrow(
      new TypeError('`baseURL` is not an option of ImageKit; did you mean `baseUrl`?'),
    );
  });

  it('uploadFile: `useUniqueFilename` had its own message', async () => {
    const imagekit = new ImageKit({ privateKey: 'private_x', fetch: fetchNothing });
    await expect(imagekit.uploadFile({ file: 'data', fileName: 'a.txt', useUniqueFilename: false } as never)).rejects.toThrow(
      new TypeError('`useUniqueFilename` is not an option of uploadFile; did you mean `useUniqueFileName`?'),
    );
  });

  it('root upload: an entry-point option is suggested too', async () => {
    await expect(upload({ file: 'data', fileName: 'a.txt', publicKey: 'public_x', uploadTokn: 'jwt' } as never)).rejects.toThrow(
      new TypeError('`uploadTokn` is not an option of upload; did you mean `uploadToken`?'),
    );
  });
});
