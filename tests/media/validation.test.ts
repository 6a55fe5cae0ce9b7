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

/** Asserts `run` throws synchronously (before any request) with `ErrorClass` and a message naming `argument`. */
function rejects(run: () => unknown, ErrorClass: typeof TypeError | typeof RangeError, argument: string): void {
  const before = calls;
  expect(run).toThrow(ErrorClass);
  expect(run).toThrow(`\`${argument}\``);
  expect(calls).toBe(before);
}

const ids = (n: number): string[] => Array.from({ length: n }, (_, i) => `f${i}`);

describe('media input validation (thrown before sending)', () => {
  it('rejects missing, empty, "." and ".." ids', () => {
    rejects(() => media.getFileDetails(context, undefined as never), TypeError, 'fileId');
    rejects(() => media.getFileDetails(context, ''), TypeError, 'fileId');
    rejects(() => media.deleteFile(context, '..'), TypeError, 'fileId');
    rejects(() => media.getFileVersionDetails(context, { fileId: 'f', versionId: '.' }), TypeError, 'versionId');
    rejects(() => media.getBulkJobStatus(context, ''), TypeError, 'jobId');
    rejects(() => media.getPurgeFileCacheStatus(context, ''), TypeError, 'requestId');
    rejects(() => media.deleteCustomMetadataField(context, ''), TypeError, 'fieldId');
    rejects(() => media.getOrigin(context, ''), TypeError, 'originId');
    rejects(() => media.deleteUrlEndpoint(context, '..'), TypeError, 'urlEndpointId');
    rejects(() => media.getSavedExtension(context, ''), TypeError, 'savedExtensionId');
    rejects(() => media.updateNamedTransformation(context, '', { enabled: true }), TypeError, 'namedTransformationId');
  });

  it('bulk delete: fileIds must be an array of 1..100 non-empty strings', () => {
    rejects(() => media.bulkDeleteFiles(context, 'f1' as never), TypeError, 'fileIds');
    rejects(() => media.bulkDeleteFiles(context, [1] as never), TypeError, 'fileIds');
    rejects(() => media.bulkDeleteFiles(context, ['']), TypeError, 'fileIds');
    rejects(() => media.bulkDeleteFiles(context, []), RangeError, 'fileIds');
    rejects(() => media.bulkDeleteFiles(context, ids(101)), RangeError, 'fileIds');
    expect(() => media.bulkDeleteFiles(context, ids(100)).catch(() => {})).not.toThrow();
  });

  it('bulk tags: at most 50 fileIds and a non-empty tag list', () => {
    rejects(() => media.bulkAddTags(context, ids(51), ['t']), RangeError, 'fileIds');
    rejects(() => media.bulkRemoveTags(context, ['f'], []), RangeError, 'tags');
    rejects(() => media.bulkRemoveTags(context, ['f'], 't' as never), TypeError, 'tags');
    rejects(() => media.bulkRemoveAITags(context, ['f'], [3] as never), TypeError, 'AITags');
    rejects(() => media.bulkRemoveAITags(context, ids(51), ['x']), RangeError, 'fileIds');
  });

  it('update: publish cannot be combined with other keys; empty updates are refused', () => {
    rejects(() => media.updateFileDetails(context, 'f', { publish: { isPublished: true }, tags: ['x'] } as never), TypeError, 'update');
    rejects(() => media.updateFileDetails(context, 'f', { publish: { isPublished: 'yes' } } as never), TypeError, 'publish.isPublished');
    rejects(() => media.updateFileDetails(context, 'f', {}), TypeError, 'update');
    rejects(() => media.updateFileDetails(context, 'f', null as never), TypeError, 'update');
    rejects(() => media.updateCustomMetadataField(context, 'c', {}), TypeError, 'update');
    rejects(() => media.updateSavedExtension(context, 's', { name: undefined }), TypeError, 'update');
  });

  it('required body fields', () => {
    rejects(() => media.copyFile(context, { sourceFilePath: '', destinationPath: '/b' }), TypeError, 'sourceFilePath');
    rejects(() => media.moveFile(context, { sourceFilePath: '/a' } as never), TypeError, 'destinationPath');
    rejects(() => media.renameFile(context, { filePath: '/a', newFileName: 'b', purgeCache: 'yes' } as never), TypeError, 'purgeCache');
    rejects(() => media.createFolder(context, { folderName: '' }), TypeError, 'folderName');
    rejects(() => media.deleteFolder(context, ''), TypeError, 'folderPath');
    rejects(() => media.copyFolder(context, { sourceFolderPath: '/a', destinationPath: '/b', includeVersions: true, includeFileVersions: false }), TypeError, 'includeVersions');
    rejects(() => media.renameFolder(context, { folderPath: '/a' } as never), TypeError, 'newFolderName');
    rejects(() => media.createCustomMetadataField(context, { name: 'n', label: 'l' } as never), TypeError, 'schema');
    rejects(() => media.createOrigin(context, { name: 'x' } as never), TypeError, 'origin.type');
    rejects(() => media.createUrlEndpoint(context, {} as never), TypeError, 'urlEndpoint.description');
    rejects(() => media.createSavedExtension(context, { name: 'a', description: 'b', config: { name: 'saved-extension', id: 'x' } }), TypeError, 'config');
    rejects(() => media.createNamedTransformation(context, { name: 'a' } as never), TypeError, 'transformation');
  });

  it('URLs and dates', () => {
    rejects(() => media.purgeFileCache(context, '/relative.jpg'), TypeError, 'url');
    rejects(() => media.getRemoteFileUrlMetadata(context, 'ftp://x'), TypeError, 'url');
    rejects(() => media.getUsage(context, { startDate: '2025-1-1', endDate: '2025-02-01' }), TypeError, 'startDate');
    rejects(() => media.getUsageAnalytics(context, { startDate: '2025-01-01' } as never), TypeError, 'endDate');
  });

  it('list params', () => {
    rejects(() => media.listFiles(context, { limit: 0 }), RangeError, 'limit');
    rejects(() => media.listFiles(context, { limit: 1001 }), RangeError, 'limit');
    rejects(() => media.listFiles(context, { skip: -1 }), RangeError, 'skip');
    rejects(() => media.listFiles(context, { tags: [1] } as never), TypeError, 'tags');
    rejects(() => media.listFiles(context, { path: 5 } as never), TypeError, 'path');
  });
});
