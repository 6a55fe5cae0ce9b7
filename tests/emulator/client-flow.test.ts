// Dogfooding (docs/testing.md, "Three ways to fake the network"): a full media flow through our own `ImageKit` client
// against the loopback emulator server.
import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { ImageKit } from '../../src/server.js';
import { startEmulator, type RunningEmulator } from '../../src/testing.js';
import { asset } from './helpers.js';

let server: RunningEmulator;
let imagekit: ImageKit;
beforeAll(async () => {
  server = await startEmulator();
  imagekit = new ImageKit({
    privateKey: server.privateKey,
    publicKey: server.publicKey,
    urlEndpoint: server.urlEndpoint,
    baseUrl: server.url,
    uploadBaseUrl: server.url,
  });
});
afterAll(async () => {
  await server.close();
});

describe('ImageKit client against startEmulator', () => {
  it('upload → list → tags → metadata → copy/move → purge → delete', async () => {
    const uploaded = await imagekit.uploadFile({ file: asset('waves.png'), fileName: 'flow.png', folder: '/flow', tags: ['one'] });
    expect(uploaded).toMatchObject({ width: 64, height: 48, filePath: expect.stringMatching(/^\/flow\/flow_.+\.png$/) });
    const fileId = uploaded.fileId as string;

    const listed = await imagekit.listFiles({ path: '/flow' });
    expect(listed.map((item: any) => item.fileId)).toEqual([fileId]);

    await imagekit.bulkAddTags([fileId], ['two']);
    const updated = await imagekit.updateFileDetails(fileId, { tags: ['one', 'two', 'three'], customCoordinates: '1,1,10,10' });
    expect(updated).toMatchObject({ tags: ['one', 'two', 'three'], customCoordinates: '1,1,10,10' });

    const metadata = await imagekit.getFileMetadata(fileId);
    expect(metadata).toMatchObject({ width: 64, height: 48, format: 'png' });
    const edited = await imagekit.uploadFile({ file: asset('waves-edited.png'), fileName: 'edited.png', folder: '/flow' });
    const editedMetadata = await imagekit.getRemoteFileUrlMetadata(edited.url as string);
    expect(imagekit.phashDistance(metadata.pHash as string, editedMetadata.pHash as string)).toBeLessThanOrEqual(10);

    const filePath = uploaded.filePath as string;
    await imagekit.copyFile({ sourceFilePath: filePath, destinationPath: '/copies' });
    expect((await imagekit.listFiles({ path: '/copies' })).map((item: any) => item.name)).toEqual([uploaded.name]);
    await imagekit.moveFile({ sourceFilePath: filePath, destinationPath: '/moved' });
    expect((await imagekit.getFileDetails(fileId)).filePath).toBe(`/moved/${uploaded.name}`);

    const purge = await imagekit.purgeFileCache(`${server.urlEndpoint}/moved/${uploaded.name}`);
    expect(purge.requestId).toEqual(expect.any(String));
    const status = await imagekit.getPurgeFileCacheStatus(purge.requestId as string);
    expect(['Pending', 'Completed']).toContain(status.status);

    await imagekit.deleteFile(fileId);
    await expect(imagekit.getFileDetails(fileId)).rejects.toMatchObject({ status: 404 });
    const bulk = await imagekit.bulkFileDelete([edited.fileId as string]);
    expect(bulk.successfullyDeletedFileIds).toEqual([edited.fileId]);
  });

  it('folder jobs and bulk-job status through the client', async () => {
    await imagekit.createFolder({ folderName: 'jobs', parentFolderPath: '/' });
    await imagekit.uploadFile({ file: asset('tiny.gif'), fileName: 'j.gif', folder: '/jobs' });
    const job = await imagekit.copyFolder({ sourceFolderPath: '/jobs', destinationPath: '/jobs-copy' });
    const first = await imagekit.getBulkJobStatus(job.jobId as string);
    const second = await imagekit.getBulkJobStatus(job.jobId as string);
    expect([first.status, second.status]).toEqual(['Pending', 'Completed']);
    await imagekit.deleteFolder('/jobs');
    expect(await imagekit.listFiles({ path: '/jobs' })).toEqual([]);
  });

  it('surfaces API errors with status, reason and request id', async () => {
    const error = await imagekit.copyFile({ sourceFilePath: '/nope.png', destinationPath: '/x' }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 404, reason: 'SOURCE_FILE_MISSING' });
    expect((error as { requestId?: string }).requestId).toEqual(expect.any(String));
  });
});
