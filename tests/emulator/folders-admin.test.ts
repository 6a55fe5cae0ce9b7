import { describe, it, expect } from 'vitest';
import { call, emulatorAt, uploadOk } from './helpers.js';

async function tree() {
  const emulator = emulatorAt();
  await uploadOk(emulator, { fileName: 'a.txt', folder: '/src', useUniqueFileName: 'false' });
  await uploadOk(emulator, { fileName: 'b.txt', folder: '/src/inner', useUniqueFileName: 'false' });
  await uploadOk(emulator, { fileName: 'a.txt', folder: '/src', useUniqueFileName: 'false', file: new Uint8Array([7, 7]) });
  return emulator;
}
const paths = (emulator: ReturnType<typeof emulatorAt>) =>
  emulator
    .files()
    .map((file) => file['filePath'])
    .sort();

describe('folders', () => {
  it('creates a folder (201 {}), sanitising the name and creating parents', async () => {
    const emulator = emulatorAt();
    const { status, body } = await call(emulator, 'POST', '/v1/folder', { folderName: 'new folder!', parentFolderPath: '/p/q' });
    expect(status).toBe(201);
    expect(body).toEqual({});
    expect(emulator.folders().map((folder) => folder['folderPath'])).toEqual(['/p', '/p/q', '/p/q/new_folder_']);
  });

  it('deletes a folder with its contents (204); a missing one is 404 FOLDER_NOT_FOUND', async () => {
    const emulator = await tree();
    expect((await call(emulator, 'DELETE', '/v1/folder', { folderPath: '/src' })).status).toBe(204);
    expect(emulator.files()).toEqual([]);
    const missing = await call(emulator, 'DELETE', '/v1/folder', { folderPath: '/src' });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ reason: 'FOLDER_NOT_FOUND', help: expect.any(String) });
  });

  it('copyFolder job: Pending on the first read, then Completed; versions only when asked', async () => {
    const emulator = await tree();
    const job = await call(emulator, 'POST', '/v1/bulkJobs/copyFolder', {
      sourceFolderPath: '/src',
      destinationPath: '/dst',
      includeVersions: false,
    });
    expect(job.status).toBe(200);
    expect(job.body).toEqual({ jobId: expect.any(String) });
    expect((await call(emulator, 'GET', `/v1/bulkJobs/${job.body.jobId}`)).body).toEqual({
      jobId: job.body.jobId,
      type: 'COPY_FOLDER',
      status: 'Pending',
    });
    expect((await call(emulator, 'GET', `/v1/bulkJobs/${job.body.jobId}`)).body.status).toBe('Completed');
    expect(paths(emulator)).toEqual(['/dst/src/a.txt', '/dst/src/inner/b.txt', '/src/a.txt', '/src/inner/b.txt']);
    const copied = emulator.files().find((file) => file['filePath'] === '/dst/src/a.txt');
    expect((await call(emulator, 'GET', `/v1/files/${copied?.['fileId']}/versions`)).body).toHaveLength(1);
    await call(emulator, 'POST', '/v1/bulkJobs/copyFolder', { sourceFolderPath: '/src', destinationPath: '/all', includeFileVersions: true });
    const all = emulator.files().find((file) => file['filePath'] === '/all/src/a.txt');
    expect((await call(emulator, 'GET', `/v1/files/${all?.['fileId']}/versions`)).body).toHaveLength(2);
  });

  it('moveFolder and renameFolder move everything and keep file ids', async () => {
    const emulator = await tree();
    const before = emulator
      .files()
      .map((file) => file['fileId'])
      .sort();
    await call(emulator, 'POST', '/v1/bulkJobs/moveFolder', { sourceFolderPath: '/src', destinationPath: '/archive' });
    expect(paths(emulator)).toEqual(['/archive/src/a.txt', '/archive/src/inner/b.txt']);
    const rename = await call(emulator, 'POST', '/v1/bulkJobs/renameFolder', { folderPath: '/archive/src', newFolderName: 'old', purgeCache: true });
    const status = await call(emulator, 'GET', `/v1/bulkJobs/${rename.body.jobId}`);
    expect(status.body).toMatchObject({ type: 'RENAME_FOLDER', purgeRequestId: expect.any(String) });
    expect(paths(emulator)).toEqual(['/archive/old/a.txt', '/archive/old/inner/b.txt']);
    expect(
      emulator
        .files()
        .map((file) => file['fileId'])
        .sort(),
    ).toEqual(before);
  });

  it('folder jobs on a missing source are 404; unknown job ids are 404', async () => {
    const emulator = await tree();
    expect((await call(emulator, 'POST', '/v1/bulkJobs/copyFolder', { sourceFolderPath: '/none', destinationPath: '/x' })).status).toBe(404);
    expect((await call(emulator, 'GET', '/v1/bulkJobs/nope')).status).toBe(404);
    expect((await call(emulator, 'POST', '/v1/bulkJobs/moveFolder', { sourceFolderPath: '/src', destinationPath: '/src/inner' })).status).toBe(400);
  });
});

describe('cache purge', () => {
  it('201 {requestId}; status Pending then Completed; 404 for unknown ids', async () => {
    const emulator = emulatorAt();
    const created = await call(emulator, 'POST', '/v1/files/purge', { url: `${emulator.urlEndpoint}/a.png` });
    expect(created.status).toBe(201);
    const id = created.body.requestId;
    expect((await call(emulator, 'GET', `/v1/files/purge/${id}`)).body).toEqual({ status: 'Pending' });
    expect((await call(emulator, 'GET', `/v1/files/purge/${id}`)).body).toEqual({ status: 'Completed' });
    expect((await call(emulator, 'GET', '/v1/files/purge/unknown')).status).toBe(404);
  });

  it.each([['not a url'], ['https://ik.imagekit.io/*'], ['https://ik.imagekit.io/a*/b']])('rejects purge url %s', async (url) => {
    const emulator = emulatorAt();
    expect((await call(emulator, 'POST', '/v1/files/purge', { url })).status).toBe(400);
  });
});

describe('custom metadata fields', () => {
  const field = { name: 'price', label: 'Price', schema: { type: 'Number', minValue: 0, maxValue: 10 } };

  it('creates (201), lists, updates (200) and deletes (204)', async () => {
    const emulator = emulatorAt();
    const created = await call(emulator, 'POST', '/v1/customMetadataFields', field);
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(String), ...field });
    const updated = await call(emulator, 'PATCH', `/v1/customMetadataFields/${created.body.id}`, {
      label: 'Cost',
      schema: { type: 'Text', maxValue: 20 },
    });
    expect(updated.body).toMatchObject({ label: 'Cost', schema: { type: 'Number', maxValue: 20 } });
    expect((await call(emulator, 'GET', '/v1/customMetadataFields')).body).toHaveLength(1);
    expect((await call(emulator, 'DELETE', `/v1/customMetadataFields/${created.body.id}`)).status).toBe(204);
    expect((await call(emulator, 'GET', '/v1/customMetadataFields')).body).toHaveLength(0);
    expect((await call(emulator, 'GET', '/v1/customMetadataFields?includeDeleted=true')).body).toHaveLength(1);
    expect((await call(emulator, 'DELETE', `/v1/customMetadataFields/${created.body.id}`)).status).toBe(404);
  });

  it('names are unique forever, labels among live fields', async () => {
    const emulator = emulatorAt();
    const { body } = await call(emulator, 'POST', '/v1/customMetadataFields', field);
    expect((await call(emulator, 'POST', '/v1/customMetadataFields', { ...field, label: 'Other' })).status).toBe(400);
    expect((await call(emulator, 'POST', '/v1/customMetadataFields', { ...field, name: 'other' })).status).toBe(400);
    await call(emulator, 'DELETE', `/v1/customMetadataFields/${body.id}`);
    expect((await call(emulator, 'POST', '/v1/customMetadataFields', field)).status).toBe(400);
    expect((await call(emulator, 'POST', '/v1/customMetadataFields', { ...field, name: 'price2' })).status).toBe(201);
  });

  it.each([
    ['unknown type', { type: 'Colour' }, 'type'],
    ['select without options', { type: 'SingleSelect' }, 'selectOptions'],
    ['required without default', { type: 'Text', isValueRequired: true }, 'defaultValue'],
    ['minLength on a Number', { type: 'Number', minLength: 1 }, 'minLength'],
    ['min above max', { type: 'Number', minValue: 5, maxValue: 1 }, 'minValue'],
    ['default outside options', { type: 'SingleSelect', selectOptions: ['a'], defaultValue: 'b' }, 'defaultValue'],
  ])('400 with an errors map for %s', async (_label, schema, key) => {
    const emulator = emulatorAt();
    const { status, body } = await call(emulator, 'POST', '/v1/customMetadataFields', { name: 'f', label: 'F', schema });
    expect(status).toBe(400);
    expect(body.errors).toHaveProperty(key);
  });
});

describe('accounts, saved extensions, named transformations', () => {
  it('usage requires a valid range under 90 days', async () => {
    const emulator = emulatorAt();
    await uploadOk(emulator, { fileName: 'u.txt', file: new Uint8Array(10) });
    const ok = await call(emulator, 'GET', '/v1/accounts/usage?startDate=2025-01-01&endDate=2025-01-31');
    expect(ok.body).toEqual({
      bandwidthBytes: 0,
      mediaLibraryStorageBytes: 10,
      originalCacheStorageBytes: 0,
      videoProcessingUnitsCount: 0,
      extensionUnitsCount: 0,
    });
    expect((await call(emulator, 'GET', '/v1/accounts/usage?startDate=2025-01-01&endDate=2025-06-01')).status).toBe(400);
    expect((await call(emulator, 'GET', '/v1/accounts/usage?startDate=2025-01-01')).status).toBe(400);
    expect((await call(emulator, 'GET', '/v1/accounts/usage-analytics?startDate=2025-01-01&endDate=2025-01-01')).body).toMatchObject({
      cache: { hitCount: 0 },
    });
  });

  it('origins CRUD drops secrets; an origin in use cannot be deleted; default endpoint cannot be deleted', async () => {
    const emulator = emulatorAt();
    const created = await call(emulator, 'POST', '/v1/accounts/origins', {
      type: 'S3',
      name: 'media',
      bucket: 'b',
      accessKey: 'AK',
      secretKey: 'SK',
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(String), type: 'S3', name: 'media', bucket: 'b', prefix: '', includeCanonicalHeader: false });
    expect((await call(emulator, 'POST', '/v1/accounts/origins', { type: 'S3', name: 'x', bucket: 'b' })).status).toBe(400);
    const endpoint = await call(emulator, 'POST', '/v1/accounts/url-endpoints', { description: 'cdn', origins: [created.body.id], urlPrefix: 'cdn' });
    expect(endpoint.status).toBe(201);
    expect((await call(emulator, 'GET', '/v1/accounts/url-endpoints')).body.map((item: any) => item.id)).toEqual(['default', endpoint.body.id]);
    expect((await call(emulator, 'DELETE', `/v1/accounts/origins/${created.body.id}`)).status).toBe(400);
    expect(
      (await call(emulator, 'PUT', `/v1/accounts/url-endpoints/${endpoint.body.id}`, { description: 'cdn2', urlPrefix: 'cdn' })).body,
    ).toMatchObject({ description: 'cdn2', origins: [] });
    expect((await call(emulator, 'DELETE', `/v1/accounts/origins/${created.body.id}`)).status).toBe(204);
    expect((await call(emulator, 'DELETE', '/v1/accounts/url-endpoints/default')).status).toBe(400);
    expect((await call(emulator, 'GET', `/v1/accounts/origins/${created.body.id}`)).status).toBe(404);
  });

  it('saved extensions CRUD and use from upload', async () => {
    const emulator = emulatorAt();
    const created = await call(emulator, 'POST', '/v1/saved-extensions', {
      name: 'tagger',
      description: 'd',
      config: { name: 'aws-auto-tagging', maxTags: 2, minConfidence: 10 },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: expect.any(String), createdAt: expect.any(String), updatedAt: expect.any(String) });
    const patched = await call(emulator, 'PATCH', `/v1/saved-extensions/${created.body.id}`, { description: 'e' });
    expect(patched.body).toMatchObject({ name: 'tagger', description: 'e' });
    const uploaded = await uploadOk(emulator, { fileName: 's.png', extensions: JSON.stringify([{ name: 'saved-extension', id: created.body.id }]) });
    expect(uploaded.extensionStatus).toEqual({ 'aws-auto-tagging': 'success' });
    expect(
      (await call(emulator, 'POST', '/v1/saved-extensions', { name: 'x', description: 'd', config: { name: 'saved-extension', id: 'y' } })).status,
    ).toBe(400);
    expect((await call(emulator, 'DELETE', `/v1/saved-extensions/${created.body.id}`)).status).toBe(204);
  });

  it('named transformations CRUD with unique names', async () => {
    const emulator = emulatorAt();
    const created = await call(emulator, 'POST', '/v1/named-transformations', { name: 'thumb', transformation: 'w-100,h-100' });
    expect(created.body).toMatchObject({ name: 'thumb', transformation: 'w-100,h-100', enabled: true });
    expect((await call(emulator, 'POST', '/v1/named-transformations', { name: 'thumb', transformation: 'w-1' })).status).toBe(400);
    expect((await call(emulator, 'PATCH', `/v1/named-transformations/${created.body.id}`, { enabled: false })).body.enabled).toBe(false);
    expect((await call(emulator, 'GET', '/v1/named-transformations')).body).toHaveLength(1);
    expect((await call(emulator, 'DELETE', `/v1/named-transformations/${created.body.id}`)).status).toBe(204);
  });

  it('unknown API routes are 404 with an error body', async () => {
    const emulator = emulatorAt();
    const { status, body } = await call(emulator, 'GET', '/v1/nothing');
    expect(status).toBe(404);
    expect(body).toMatchObject({ message: expect.any(String), help: expect.any(String) });
  });
});
