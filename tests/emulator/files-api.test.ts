import { describe, it, expect } from 'vitest';
import { asset, call, emulatorAt, uploadOk } from './helpers.js';

async function library() {
  const emulator = emulatorAt();
  const names = ['delta.png', 'alpha.gif', 'charlie.jpg', 'bravo.webp'];
  const files = [asset('waves.png'), asset('tiny.gif'), asset('tiny.jpg'), asset('tiny.webp')];
  const ids: string[] = [];
  for (let i = 0; i < names.length; i++) {
    emulator.clock.now += 60_000;
    const body = await uploadOk(emulator, {
      file: files[i],
      fileName: names[i],
      useUniqueFileName: 'false',
      tags: i % 2 === 0 ? 'even' : 'odd',
      folder: i < 2 ? '/' : '/sub',
    });
    ids.push(body.fileId);
  }
  emulator.clock.now += 60_000;
  await uploadOk(emulator, { file: new TextEncoder().encode('doc'), fileName: 'readme.txt', useUniqueFileName: 'false', isPrivateFile: 'true' });
  return { emulator, ids };
}

const names = (body: any[]) => body.map((item) => item.name);

describe('GET /v1/files', () => {
  it('lists files in creation order with every folder by default', async () => {
    const { emulator } = await library();
    const { status, body } = await call(emulator, 'GET', '/v1/files');
    expect(status).toBe(200);
    expect(names(body)).toEqual(['delta.png', 'alpha.gif', 'charlie.jpg', 'bravo.webp', 'readme.txt']);
    expect(body.every((item: any) => item.type === 'file')).toBe(true);
  });

  it('paginates with skip and limit', async () => {
    const { emulator } = await library();
    const page1 = await call(emulator, 'GET', '/v1/files?limit=2&skip=0');
    const page2 = await call(emulator, 'GET', '/v1/files?limit=2&skip=2');
    const page3 = await call(emulator, 'GET', '/v1/files?limit=2&skip=4');
    expect([...names(page1.body), ...names(page2.body), ...names(page3.body)]).toEqual(names((await call(emulator, 'GET', '/v1/files')).body));
    expect(page3.body).toHaveLength(1);
  });

  it.each(['0', '1001', '-1', 'x'])('rejects limit=%s', async (limit) => {
    const { emulator } = await library();
    expect((await call(emulator, 'GET', `/v1/files?limit=${limit}`)).status).toBe(400);
  });

  it.each([
    ['ASC_NAME', ['alpha.gif', 'bravo.webp', 'charlie.jpg', 'delta.png', 'readme.txt']],
    ['DESC_NAME', ['readme.txt', 'delta.png', 'charlie.jpg', 'bravo.webp', 'alpha.gif']],
    ['DESC_CREATED', ['readme.txt', 'bravo.webp', 'charlie.jpg', 'alpha.gif', 'delta.png']],
    ['DESC_WIDTH', ['delta.png', 'charlie.jpg', 'bravo.webp', 'alpha.gif', 'readme.txt']],
    ['ASC_SIZE', ['readme.txt', 'bravo.webp', 'alpha.gif', 'charlie.jpg', 'delta.png']],
  ])('sorts by %s', async (sort, expected) => {
    const { emulator } = await library();
    expect(names((await call(emulator, 'GET', `/v1/files?sort=${sort}`)).body)).toEqual(expected);
  });

  it('rejects an unknown sort', async () => {
    const { emulator } = await library();
    expect((await call(emulator, 'GET', '/v1/files?sort=ASC_COLOUR')).status).toBe(400);
  });

  it('restricts path to that folder only, and filters type and fileType', async () => {
    const { emulator } = await library();
    expect(names((await call(emulator, 'GET', '/v1/files?path=/sub')).body)).toEqual(['charlie.jpg', 'bravo.webp']);
    expect(names((await call(emulator, 'GET', '/v1/files?path=/&type=all')).body)).toEqual(['delta.png', 'alpha.gif', 'sub', 'readme.txt']);
    expect(names((await call(emulator, 'GET', '/v1/files?type=folder')).body)).toEqual(['sub']);
    expect(names((await call(emulator, 'GET', '/v1/files?fileType=non-image')).body)).toEqual(['readme.txt']);
    expect(names((await call(emulator, 'GET', '/v1/files?tags=odd')).body)).toEqual(['alpha.gif', 'bravo.webp']);
  });

  it.each([
    ['name = "alpha.gif"', ['alpha.gif']],
    ['name : "b"', ['bravo.webp']],
    ['name IN ["alpha.gif", "delta.png"]', ['delta.png', 'alpha.gif']],
    ['name NOT IN ["alpha.gif", "delta.png", "sub"]', ['charlie.jpg', 'bravo.webp', 'readme.txt']],
    ['tags IN ["odd"]', ['alpha.gif', 'bravo.webp']],
    ['format = "jpeg"', ['charlie.jpg']],
    ['width > 10 AND height <= 8', ['charlie.jpg']],
    ['size < "1kb" AND type = "file"', ['alpha.gif', 'charlie.jpg', 'bravo.webp', 'readme.txt']],
    ['private = true', ['readme.txt']],
    ['type = "folder"', ['sub']],
    ['(format = "gif" OR format = "webp") AND tags IN ["odd"]', ['alpha.gif', 'bravo.webp']],
    ['createdAt > "2025-01-01T00:02:30Z"', ['sub', 'charlie.jpg', 'bravo.webp', 'readme.txt']],
    ['createdAt > "1h" AND type = "file"', ['delta.png', 'alpha.gif', 'charlie.jpg', 'bravo.webp', 'readme.txt']],
  ])('searchQuery %s', async (query, expected) => {
    const { emulator } = await library();
    const { status, body } = await call(emulator, 'GET', `/v1/files?searchQuery=${encodeURIComponent(query)}`);
    expect(status).toBe(200);
    expect(names(body)).toEqual(expected);
  });

  it.each(['colour = "red"', 'name ~ "x"', 'name = ', '(name = "a"', '"embeddedMetadata.LocationTaken" IN GEO'])(
    'answers 400 with a clear message for unsupported query %s',
    async (query) => {
      const { emulator } = await library();
      const { status, body } = await call(emulator, 'GET', `/v1/files?searchQuery=${encodeURIComponent(query)}`);
      expect(status).toBe(400);
      expect(body.message).toMatch(/searchQuery/);
    },
  );
});

describe('file details', () => {
  it('gets details, 404 for a missing id and 400 for a malformed one', async () => {
    const { emulator, ids } = await library();
    const ok = await call(emulator, 'GET', `/v1/files/${ids[0]}/details`);
    expect(ok.body).toMatchObject({
      fileId: ids[0],
      type: 'file',
      name: 'delta.png',
      filePath: '/delta.png',
      width: 64,
      height: 48,
      hasAlpha: false,
    });
    expect((await call(emulator, 'GET', '/v1/files/ffffffffffffffffffffffff/details')).status).toBe(404);
    expect((await call(emulator, 'GET', '/v1/files/bad%20id/details')).status).toBe(400);
  });

  it('updates tags, coordinates, custom metadata and description', async () => {
    const { emulator, ids } = await library();
    await call(emulator, 'POST', '/v1/customMetadataFields', { name: 'sku', label: 'SKU', schema: { type: 'Text' } });
    const { status, body } = await call(emulator, 'PATCH', `/v1/files/${ids[0]}/details`, {
      tags: ['x', 'y'],
      customCoordinates: '0,0,10,10',
      customMetadata: { sku: 'A1' },
      description: 'hello',
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ tags: ['x', 'y'], customCoordinates: '0,0,10,10', customMetadata: { sku: 'A1' }, description: 'hello' });
    const cleared = await call(emulator, 'PATCH', `/v1/files/${ids[0]}/details`, { tags: null, customMetadata: { sku: null } });
    expect(cleared.body).toMatchObject({ tags: null, customMetadata: {} });
  });

  it('publishes and unpublishes; publish with another key is 400', async () => {
    const { emulator, ids } = await library();
    const off = await call(emulator, 'PATCH', `/v1/files/${ids[0]}/details`, { publish: { isPublished: false } });
    expect(off.body.isPublished).toBe(false);
    const mixed = await call(emulator, 'PATCH', `/v1/files/${ids[0]}/details`, { publish: { isPublished: true }, tags: ['a'] });
    expect(mixed.status).toBe(400);
    expect(mixed.body.message).toMatch(/publish/);
  });

  it('deletes with 204 and then answers 404', async () => {
    const { emulator, ids } = await library();
    const deleted = await call(emulator, 'DELETE', `/v1/files/${ids[0]}`);
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeUndefined();
    expect((await call(emulator, 'DELETE', `/v1/files/${ids[0]}`)).status).toBe(404);
  });
});

describe('bulk operations', () => {
  it('bulk delete: 200 with the deleted ids', async () => {
    const { emulator, ids } = await library();
    const { status, body } = await call(emulator, 'POST', '/v1/files/batch/deleteByFileIds', { fileIds: ids.slice(0, 2) });
    expect(status).toBe(200);
    expect(body).toEqual({ successfullyDeletedFileIds: ids.slice(0, 2) });
    expect(emulator.files()).toHaveLength(3);
  });

  it('bulk delete: 404 with missingFileIds and nothing deleted', async () => {
    const { emulator, ids } = await library();
    const missing = 'ffffffffffffffffffffffff';
    const { status, body } = await call(emulator, 'POST', '/v1/files/batch/deleteByFileIds', { fileIds: [ids[0], missing] });
    expect(status).toBe(404);
    expect(body).toMatchObject({ message: expect.any(String), help: expect.any(String), missingFileIds: [missing] });
    expect(emulator.files()).toHaveLength(5);
  });

  it('bulk delete: 207 with errors for failing ids', async () => {
    const { emulator, ids } = await library();
    emulator.setFaults({ failFileIds: [ids[1] as string] });
    const { status, body } = await call(emulator, 'POST', '/v1/files/batch/deleteByFileIds', { fileIds: ids.slice(0, 2) });
    expect(status).toBe(207);
    expect(body.successfullyDeletedFileIds).toEqual([ids[0]]);
    expect(body.errors).toEqual([{ fileId: ids[1], error: expect.any(String) }]);
  });

  it('bulk delete: more than 100 ids is 400', async () => {
    const { emulator } = await library();
    const fileIds = Array.from({ length: 101 }, (_, i) => `id${i}`);
    expect((await call(emulator, 'POST', '/v1/files/batch/deleteByFileIds', { fileIds })).status).toBe(400);
  });

  it('adds and removes tags; removes AI tags; 404 lists missing ids', async () => {
    const { emulator, ids } = await library();
    const added = await call(emulator, 'POST', '/v1/files/addTags', { fileIds: ids.slice(0, 2), tags: ['new', 'even'] });
    expect(added.body).toEqual({ successfullyUpdatedFileIds: ids.slice(0, 2) });
    expect(emulator.getFile(ids[0] as string)?.['tags']).toEqual(['even', 'new']);
    await call(emulator, 'POST', '/v1/files/removeTags', { fileIds: [ids[0]], tags: ['even', 'new'] });
    expect(emulator.getFile(ids[0] as string)?.['tags']).toBeNull();
    await call(emulator, 'PATCH', `/v1/files/${ids[0]}/details`, { extensions: [{ name: 'google-auto-tagging', maxTags: 1, minConfidence: 1 }] });
    await call(emulator, 'POST', '/v1/files/removeAITags', { fileIds: [ids[0]], AITags: ['Emulated'] });
    expect(emulator.getFile(ids[0] as string)?.['AITags']).toBeNull();
    const missing = await call(emulator, 'POST', '/v1/files/addTags', { fileIds: ['ffffffffffffffffffffffff'], tags: ['a'] });
    expect(missing.status).toBe(404);
    expect(missing.body.missingFileIds).toEqual(['ffffffffffffffffffffffff']);
    const tooMany = await call(emulator, 'POST', '/v1/files/addTags', { fileIds: Array.from({ length: 51 }, (_, i) => `x${i}`), tags: ['a'] });
    expect(tooMany.status).toBe(400);
  });
});

describe('copy, move, rename', () => {
  it('copies (204) into a folder, keeping the source', async () => {
    const { emulator } = await library();
    const { status } = await call(emulator, 'POST', '/v1/files/copy', { sourceFilePath: '/delta.png', destinationPath: '/copies' });
    expect(status).toBe(204);
    expect(names((await call(emulator, 'GET', '/v1/files?path=/copies')).body)).toEqual(['delta.png']);
    expect(emulator.files()).toHaveLength(6);
  });

  it('copy of a missing file is 404 SOURCE_FILE_MISSING', async () => {
    const { emulator } = await library();
    const { status, body } = await call(emulator, 'POST', '/v1/files/copy', { sourceFilePath: '/nope.png', destinationPath: '/x' });
    expect(status).toBe(404);
    expect(body.reason).toBe('SOURCE_FILE_MISSING');
  });

  it('copying onto an existing file appends versions to it', async () => {
    const { emulator } = await library();
    await call(emulator, 'POST', '/v1/files/copy', { sourceFilePath: '/delta.png', destinationPath: '/c' });
    await call(emulator, 'POST', '/v1/files/copy', { sourceFilePath: '/delta.png', destinationPath: '/c' });
    const [copy] = (await call(emulator, 'GET', '/v1/files?path=/c')).body;
    expect(copy.versionInfo.name).toBe('Version 2');
  });

  it('moves (204) keeping the fileId', async () => {
    const { emulator, ids } = await library();
    expect((await call(emulator, 'POST', '/v1/files/move', { sourceFilePath: '/delta.png', destinationPath: '/moved' })).status).toBe(204);
    expect(emulator.getFile(ids[0] as string)?.['filePath']).toBe('/moved/delta.png');
  });

  it('renames (200 {}), 409 FILE_ALREADY_EXISTS, purgeCache gives a purgeRequestId', async () => {
    const { emulator, ids } = await library();
    const renamed = await call(emulator, 'PUT', '/v1/files/rename', { filePath: '/delta.png', newFileName: 'echo.png' });
    expect(renamed).toMatchObject({ status: 200, body: {} });
    expect(emulator.getFile(ids[0] as string)?.['name']).toBe('echo.png');
    const clash = await call(emulator, 'PUT', '/v1/files/rename', { filePath: '/echo.png', newFileName: 'alpha.gif' });
    expect(clash.status).toBe(409);
    expect(clash.body.reason).toBe('FILE_ALREADY_EXISTS');
    const purged = await call(emulator, 'PUT', '/v1/files/rename', { filePath: '/echo.png', newFileName: 'foxtrot.png', purgeCache: true });
    expect(purged.body.purgeRequestId).toEqual(expect.any(String));
    expect((await call(emulator, 'GET', `/v1/files/purge/${purged.body.purgeRequestId}`)).status).toBe(200);
  });

  it('rename with purge over the quota is 207 PURGE_FAILED', async () => {
    const emulator = emulatorAt({ purgeQuota: 0 });
    await uploadOk(emulator, { fileName: 'q.txt', useUniqueFileName: 'false' });
    const { status, body } = await call(emulator, 'PUT', '/v1/files/rename', { filePath: '/q.txt', newFileName: 'r.txt', purgeCache: true });
    expect(status).toBe(207);
    expect(body.reason).toBe('PURGE_FAILED');
  });
});

describe('versions and metadata', () => {
  async function versioned() {
    const emulator = emulatorAt();
    const v1 = await uploadOk(emulator, { file: asset('waves.png'), fileName: 'v.png', useUniqueFileName: 'false' });
    const v2 = await uploadOk(emulator, { file: asset('checker.png'), fileName: 'v.png', useUniqueFileName: 'false' });
    return { emulator, fileId: v1.fileId as string, v1: v1.versionInfo.id as string, v2: v2.versionInfo.id as string };
  }

  it('gets one version, refuses to delete the current one, deletes an old one', async () => {
    const { emulator, fileId, v1, v2 } = await versioned();
    expect((await call(emulator, 'GET', `/v1/files/${fileId}/versions/${v1}`)).body).toMatchObject({ type: 'file-version', versionInfo: { id: v1 } });
    const current = await call(emulator, 'DELETE', `/v1/files/${fileId}/versions/${v2}`);
    expect(current.status).toBe(400);
    expect((await call(emulator, 'DELETE', `/v1/files/${fileId}/versions/${v1}`)).status).toBe(204);
    expect((await call(emulator, 'GET', `/v1/files/${fileId}/versions/${v1}`)).status).toBe(404);
  });

  it('restores an old version as current', async () => {
    const { emulator, fileId, v1 } = await versioned();
    const { status, body } = await call(emulator, 'PUT', `/v1/files/${fileId}/versions/${v1}/restore`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ fileId, versionInfo: { id: v1 }, width: 64 });
    expect(Buffer.from(emulator.getFileBytes(fileId) as Uint8Array)).toEqual(Buffer.from(asset('waves.png')));
  });

  it('metadata: similar PNGs have a small pHash distance, different ones a large one', async () => {
    const emulator = emulatorAt();
    const hashes: Record<string, string> = {};
    for (const name of ['waves.png', 'waves-edited.png', 'checker.png']) {
      const { fileId } = await uploadOk(emulator, { file: asset(name), fileName: name });
      const { body } = await call(emulator, 'GET', `/v1/files/${fileId}/metadata`);
      expect(body).toMatchObject({ width: 64, height: 48, format: 'png', pHash: expect.stringMatching(/^[0-9a-f]{16}$/) });
      hashes[name] = body.pHash;
    }
    const distance = (a: string, b: string) => {
      let x = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
      let bits = 0;
      for (; x > 0n; x >>= 1n) bits += Number(x & 1n);
      return bits;
    };
    const similar = distance(hashes['waves.png'] as string, hashes['waves-edited.png'] as string);
    const different = distance(hashes['waves.png'] as string, hashes['checker.png'] as string);
    expect(similar).toBeLessThanOrEqual(10);
    expect(different).toBeGreaterThan(20);
  });

  it('metadata from a URL on the endpoint; 404 for unknown, 400 for foreign URLs', async () => {
    const emulator = emulatorAt();
    const { url } = await uploadOk(emulator, { file: asset('tiny.jpg'), fileName: 'u.jpg' });
    const ok = await call(emulator, 'GET', `/v1/metadata?url=${encodeURIComponent(url)}`);
    expect(ok.body).toMatchObject({ width: 16, height: 8, format: 'jpg' });
    const transformed = url.replace('/emulator/', '/emulator/tr:w-10/');
    expect((await call(emulator, 'GET', `/v1/metadata?url=${encodeURIComponent(transformed)}`)).status).toBe(200);
    expect((await call(emulator, 'GET', `/v1/metadata?url=${encodeURIComponent(emulator.urlEndpoint + '/none.jpg')}`)).status).toBe(404);
    expect((await call(emulator, 'GET', `/v1/metadata?url=${encodeURIComponent('https://example.com/a.jpg')}`)).status).toBe(400);
  });
});
