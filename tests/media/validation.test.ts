import { describe, expect, it } from 'vitest';
import { createClientContext } from '../../src/core/context.js';
import * as media from '../../src/media/index.js';

let calls = 0;
const context = createClientContext({
  privateKey: 'private_x',
  fetch: async () => {
    calls++;
    throw new Error('validation should have stopped the request');
  },
});

/**
 * Asserts `run` does not throw but returns a promise that rejects (before any request)
 * with `ErrorClass` and a message naming `argument`.
 */
async function rejects(run: () => Promise<unknown>, ErrorClass: typeof TypeError | typeof RangeError, argument: string): Promise<void> {
  const before = calls;
  let promise: Promise<unknown> | undefined;
  expect(() => (promise = run())).not.toThrow();
  await expect(promise).rejects.toThrow(ErrorClass);
  await expect(promise).rejects.toThrow(`\`${argument}\``);
  expect(calls).toBe(before);
}

const ids = (n: number): string[] => Array.from({ length: n }, (_, i) => `f${i}`);

describe('media input validation (rejected before sending)', () => {
  it('rejects missing, empty, "." and ".." ids', async () => {
    await rejects(() => media.getFileDetails(context, undefined as never), TypeError, 'fileId');
    await rejects(() => media.getFileDetails(context, ''), TypeError, 'fileId');
    await rejects(() => media.deleteFile(context, '..'), TypeError, 'fileId');
    await rejects(() => media.getFileVersionDetails(context, { fileId: 'f', versionId: '.' }), TypeError, 'versionId');
    await rejects(() => media.getBulkJobStatus(context, ''), TypeError, 'jobId');
    await rejects(() => media.getPurgeFileCacheStatus(context, ''), TypeError, 'requestId');
    await rejects(() => media.deleteCustomMetadataField(context, ''), TypeError, 'fieldId');
    await rejects(() => media.getOrigin(context, ''), TypeError, 'originId');
    await rejects(() => media.deleteUrlEndpoint(context, '..'), TypeError, 'urlEndpointId');
    await rejects(() => media.getSavedExtension(context, ''), TypeError, 'savedExtensionId');
    await rejects(() => media.updateNamedTransformation(context, '', { enabled: true }), TypeError, 'namedTransformationId');
  });

  it('bulk delete: fileIds must be an array of 1..100 non-empty strings', async () => {
    await rejects(() => media.bulkDeleteFiles(context, 'f1' as never), TypeError, 'fileIds');
    await rejects(() => media.bulkDeleteFiles(context, [1] as never), TypeError, 'fileIds');
    await rejects(() => media.bulkDeleteFiles(context, ['']), TypeError, 'fileIds');
    await rejects(() => media.bulkDeleteFiles(context, []), RangeError, 'fileIds');
    await rejects(() => media.bulkDeleteFiles(context, ids(101)), RangeError, 'fileIds');
    expect(() => media.bulkDeleteFiles(context, ids(100)).catch(() => {})).not.toThrow();
  });

  it('bulk tags: at most 50 fileIds and a non-empty tag list', async () => {
    await rejects(() => media.bulkAddTags(context, ids(51), ['t']), RangeError, 'fileIds');
    await rejects(() => media.bulkRemoveTags(context, ['f'], []), RangeError, 'tags');
    await rejects(() => media.bulkRemoveTags(context, ['f'], 't' as never), TypeError, 'tags');
    await rejects(() => media.bulkRemoveAITags(context, ['f'], [3] as never), TypeError, 'AITags');
    await rejects(() => media.bulkRemoveAITags(context, ids(51), ['x']), RangeError, 'fileIds');
  });

  it('update: publish cannot be combined with other keys; empty updates are refused', async () => {
    await rejects(() => media.updateFileDetails(context, 'f', { publish: { isPublished: true }, tags: ['x'] } as never), TypeError, 'update');
    await rejects(() => media.updateFileDetails(context, 'f', { publish: { isPublished: 'yes' } } as never), TypeError, 'publish.isPublished');
    await rejects(() => media.updateFileDetails(context, 'f', {}), TypeError, 'update');
    await rejects(() => media.updateFileDetails(context, 'f', null as never), TypeError, 'update');
    await rejects(() => media.updateCustomMetadataField(context, 'c', {}), TypeError, 'update');
    await rejects(() => media.updateSavedExtension(context, 's', { name: undefined }), TypeError, 'update');
  });

  it('required body fields', async () => {
    await rejects(() => media.copyFile(context, { sourceFilePath: '', destinationPath: '/b' }), TypeError, 'sourceFilePath');
    await rejects(() => media.moveFile(context, { sourceFilePath: '/a' } as never), TypeError, 'destinationPath');
    await rejects(() => media.renameFile(context, { filePath: '/a', newFileName: 'b', purgeCache: 'yes' } as never), TypeError, 'purgeCache');
    await rejects(() => media.createFolder(context, { folderName: '' }), TypeError, 'folderName');
    await rejects(() => media.deleteFolder(context, ''), TypeError, 'folderPath');
    await rejects(
      () => media.copyFolder(context, { sourceFolderPath: '/a', destinationPath: '/b', includeVersions: true, includeFileVersions: false }),
      TypeError,
      'includeVersions',
    );
    await rejects(() => media.renameFolder(context, { folderPath: '/a' } as never), TypeError, 'newFolderName');
    await rejects(() => media.createCustomMetadataField(context, { name: 'n', label: 'l' } as never), TypeError, 'schema');
    await rejects(() => media.createOrigin(context, { name: 'x' } as never), TypeError, 'origin.type');
    await rejects(() => media.createUrlEndpoint(context, {} as never), TypeError, 'urlEndpoint.description');
    await rejects(
      () => media.createSavedExtension(context, { name: 'a', description: 'b', config: { name: 'saved-extension', id: 'x' } }),
      TypeError,
      'config',
    );
    await rejects(() => media.createNamedTransformation(context, { name: 'a' } as never), TypeError, 'transformation');
  });

  it('URLs and dates', async () => {
    await rejects(() => media.purgeFileCache(context, '/relative.jpg'), TypeError, 'url');
    await rejects(() => media.getRemoteFileUrlMetadata(context, 'ftp://x'), TypeError, 'url');
    await rejects(() => media.getUsage(context, { startDate: '2025-1-1', endDate: '2025-02-01' }), TypeError, 'startDate');
    await rejects(() => media.getUsageAnalytics(context, { startDate: '2025-01-01' } as never), TypeError, 'endDate');
  });

  it('list params', async () => {
    await rejects(() => media.listFiles(context, { limit: 0 }), RangeError, 'limit');
    await rejects(() => media.listFiles(context, { limit: 1001 }), RangeError, 'limit');
    await rejects(() => media.listFiles(context, { skip: -1 }), RangeError, 'skip');
    await rejects(() => media.listFiles(context, { tags: [1] } as never), TypeError, 'tags');
    await rejects(() => media.listFiles(context, { path: 5 } as never), TypeError, 'path');
  });
});
