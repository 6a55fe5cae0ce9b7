import { describe, it, expect } from 'vitest';
import { asset, call, emulatorAt, upload, uploadOk } from './helpers.js';

describe('upload: names, folders and content', () => {
  it('sanitises fileName (anything but letters, digits, . - _ becomes _)', async () => {
    const emulator = emulatorAt();
    const body = await uploadOk(emulator, { fileName: 'my photo (1)+é.png', useUniqueFileName: 'false' });
    expect(body.name).toBe('my_photo__1___.png');
  });

  it('adds a unique suffix before the extension by default, deterministic for a seed', async () => {
    const a = await uploadOk(emulatorAt({ seed: 7 }), { fileName: 'pic.png' });
    const b = await uploadOk(emulatorAt({ seed: 7 }), { fileName: 'pic.png' });
    const c = await uploadOk(emulatorAt({ seed: 8 }), { fileName: 'pic.png' });
    expect(a.name).toMatch(/^pic_[A-Za-z0-9]{9}\.png$/);
    expect(a.name).toBe(b.name);
    expect(a.fileId).toBe(b.fileId);
    expect(c.name).not.toBe(a.name);
  });

  it('creates the target folder and its parents', async () => {
    const emulator = emulatorAt();
    const body = await uploadOk(emulator, { fileName: 'x.txt', folder: 'a/b/c/', useUniqueFileName: 'false' });
    expect(body.filePath).toBe('/a/b/c/x.txt');
    expect(emulator.folders().map((folder) => folder['folderPath'])).toEqual(['/a', '/a/b', '/a/b/c']);
  });

  it.each([
    ['waves.png', 'png', 64, 48],
    ['tiny.jpg', 'jpg', 16, 8],
    ['tiny.gif', 'gif', 3, 2],
    ['tiny.webp', 'webp', 5, 3],
  ])('reads %s dimensions from the bytes', async (name, format, width, height) => {
    const emulator = emulatorAt();
    const bytes = asset(name);
    const body = await uploadOk(emulator, { file: bytes, fileName: name, useUniqueFileName: 'false', responseFields: 'metadata' });
    expect(body).toMatchObject({ width, height, size: bytes.length, fileType: 'image' });
    expect(body.metadata.format).toBe(format);
    const details = await call(emulator, 'GET', `/v1/files/${body.fileId}/details`);
    expect(details.body.mime).toBe(`image/${format === 'jpg' ? 'jpeg' : format}`);
  });

  it('classifies other content as non-image without dimensions', async () => {
    const body = await uploadOk(emulatorAt(), { file: new TextEncoder().encode('hello'), fileName: 'notes.txt' });
    expect(body.fileType).toBe('non-image');
    expect(body).not.toHaveProperty('width');
  });

  it('accepts a base64 string and a data URI', async () => {
    const emulator = emulatorAt();
    const png = asset('checker.png');
    const plain = await uploadOk(emulator, { file: Buffer.from(png).toString('base64'), fileName: 'b64.png' });
    const dataUri = await uploadOk(emulator, { file: `data:image/png;base64,${Buffer.from(png).toString('base64')}`, fileName: 'uri.png' });
    expect(plain.size).toBe(png.length);
    expect(dataUri.width).toBe(64);
  });

  it('copies from a URL on its own urlEndpoint and refuses remote URLs', async () => {
    const emulator = emulatorAt();
    const first = await uploadOk(emulator, { file: asset('tiny.gif'), fileName: 'g.gif' });
    const copy = await uploadOk(emulator, { file: first.url, fileName: 'copy.gif' });
    expect(copy.size).toBe(first.size);
    const remote = await upload(emulator, { file: 'https://example.com/a.png', fileName: 'r.png' });
    expect(remote.status).toBe(400);
  });

  it('requires file and fileName', async () => {
    const emulator = emulatorAt();
    expect((await upload(emulator, { fileName: 'a.txt' })).status).toBe(400);
    expect((await upload(emulator, { file: new Uint8Array([1]) })).status).toBe(400);
  });

  it('rejects unknown form fields and malformed booleans', async () => {
    const emulator = emulatorAt();
    expect((await upload(emulator, { file: new Uint8Array([1]), fileName: 'a', colour: 'red' })).status).toBe(400);
    expect((await upload(emulator, { file: new Uint8Array([1]), fileName: 'a', isPrivateFile: 'yes' })).status).toBe(400);
  });
});

describe('upload: tags, response fields and options', () => {
  it('gates tags/customCoordinates/isPrivateFile/isPublished behind responseFields', async () => {
    const emulator = emulatorAt();
    const plain = await uploadOk(emulator, { fileName: 'a.txt', tags: 't1, t2', customCoordinates: '1,2,3,4' });
    expect(plain).not.toHaveProperty('tags');
    expect(plain).not.toHaveProperty('customCoordinates');
    expect(plain).toHaveProperty('AITags', null);
    const asked = await uploadOk(emulator, {
      fileName: 'b.txt',
      tags: 't1, t2',
      customCoordinates: '1,2,3,4',
      isPrivateFile: 'true',
      isPublished: 'false',
      responseFields: 'tags,customCoordinates,isPrivateFile,isPublished,customMetadata,embeddedMetadata',
    });
    expect(asked).toMatchObject({ tags: ['t1', 't2'], customCoordinates: '1,2,3,4', isPrivateFile: true, isPublished: false, customMetadata: {} });
  });

  it('rejects tags containing % and unknown responseFields', async () => {
    const emulator = emulatorAt();
    expect((await upload(emulator, { file: new Uint8Array([1]), fileName: 'a', tags: '50%' })).status).toBe(400);
    expect((await upload(emulator, { file: new Uint8Array([1]), fileName: 'a', responseFields: 'everything' })).status).toBe(400);
    expect((await upload(emulator, { file: new Uint8Array([1]), fileName: 'a', customCoordinates: '1,2' })).status).toBe(400);
  });

  it('records extension status and a deterministic auto-tag', async () => {
    const emulator = emulatorAt();
    const body = await uploadOk(emulator, {
      fileName: 'e.png',
      extensions: JSON.stringify([{ name: 'google-auto-tagging', maxTags: 5, minConfidence: 90 }, { name: 'remove-bg' }]),
    });
    expect(body.extensionStatus).toEqual({ 'google-auto-tagging': 'success', 'remove-bg': 'pending' });
    expect(body.AITags).toEqual([{ name: 'Emulated', confidence: 99, source: 'google-auto-tagging' }]);
    expect((await upload(emulator, { file: new Uint8Array([1]), fileName: 'a', extensions: '[{"name":"magic"}]' })).status).toBe(400);
  });

  it('validates the transformation object shape', async () => {
    const emulator = emulatorAt();
    expect((await upload(emulator, { file: new Uint8Array([1]), fileName: 'a', transformation: '{}' })).status).toBe(400);
    expect(
      (await upload(emulator, { file: new Uint8Array([1]), fileName: 'a', transformation: '{"pre":"w-100","post":[{"type":"thumbnail"}]}' })).status,
    ).toBe(200);
  });
});

describe('upload: overwrite and versions', () => {
  it('refuses an overwrite when overwriteFile and useUniqueFileName are false', async () => {
    const emulator = emulatorAt();
    await uploadOk(emulator, { fileName: 'same.txt', useUniqueFileName: 'false' });
    const response = await upload(emulator, { file: new Uint8Array([9]), fileName: 'same.txt', useUniqueFileName: 'false', overwriteFile: 'false' });
    expect(response.status).toBe(400);
    expect((await response.json()).message).toMatch(/already exists/);
  });

  it('overwriting creates a new version with the same fileId', async () => {
    const emulator = emulatorAt();
    const first = await uploadOk(emulator, { fileName: 'v.txt', useUniqueFileName: 'false' });
    const second = await uploadOk(emulator, { file: new Uint8Array([4, 5, 6, 7]), fileName: 'v.txt', useUniqueFileName: 'false' });
    expect(second.fileId).toBe(first.fileId);
    expect(second.versionInfo.name).toBe('Version 2');
    expect(second.versionInfo.id).not.toBe(first.versionInfo.id);
    const versions = await call(emulator, 'GET', `/v1/files/${first.fileId}/versions`);
    expect(versions.body.map((version: any) => version.type)).toEqual(['file-version', 'file']);
  });

  it('drops tags on overwrite unless overwriteTags=false', async () => {
    const emulator = emulatorAt();
    const first = await uploadOk(emulator, { fileName: 't.txt', useUniqueFileName: 'false', tags: 'keep' });
    await uploadOk(emulator, { fileName: 't.txt', useUniqueFileName: 'false' });
    expect(emulator.getFile(first.fileId)?.['tags']).toBeNull();
    await uploadOk(emulator, { fileName: 't.txt', useUniqueFileName: 'false', tags: 'again' });
    await uploadOk(emulator, { fileName: 't.txt', useUniqueFileName: 'false', overwriteTags: 'false' });
    expect(emulator.getFile(first.fileId)?.['tags']).toEqual(['again']);
  });

  it('keeps AI tags only with overwriteAITags=false', async () => {
    const emulator = emulatorAt();
    const ext = JSON.stringify([{ name: 'aws-auto-tagging', maxTags: 3, minConfidence: 50 }]);
    const first = await uploadOk(emulator, { fileName: 'ai.png', useUniqueFileName: 'false', extensions: ext });
    await uploadOk(emulator, { fileName: 'ai.png', useUniqueFileName: 'false', overwriteAITags: 'false' });
    expect(emulator.getFile(first.fileId)?.['AITags']).toHaveLength(1);
    await uploadOk(emulator, { fileName: 'ai.png', useUniqueFileName: 'false' });
    expect(emulator.getFile(first.fileId)?.['AITags']).toBeNull();
  });
});

describe('upload: custom metadata', () => {
  async function withFields() {
    const emulator = emulatorAt();
    const fields = [
      { name: 'price', label: 'Price', schema: { type: 'Number', minValue: 1, maxValue: 100 } },
      { name: 'brand', label: 'Brand', schema: { type: 'SingleSelect', selectOptions: ['acme', 'globex'] } },
      { name: 'code', label: 'Code', schema: { type: 'Text', maxLength: 3 } },
    ];
    for (const field of fields) expect((await call(emulator, 'POST', '/v1/customMetadataFields', field)).status).toBe(201);
    return emulator;
  }

  it('stores values that satisfy the schema', async () => {
    const emulator = await withFields();
    const body = await uploadOk(emulator, {
      fileName: 'm.txt',
      customMetadata: JSON.stringify({ price: 10, brand: 'acme' }),
      responseFields: 'customMetadata',
    });
    expect(body.customMetadata).toEqual({ price: 10, brand: 'acme' });
  });

  it.each([
    ['an unknown key', { colour: 'red' }],
    ['a number above maxValue', { price: 101 }],
    ['a string for a Number field', { price: '10' }],
    ['a value outside selectOptions', { brand: 'initech' }],
    ['text longer than maxLength', { code: 'ABCD' }],
  ])('rejects %s with 400', async (_label, value) => {
    const emulator = await withFields();
    const response = await upload(emulator, { file: new Uint8Array([1]), fileName: 'm.txt', customMetadata: JSON.stringify(value) });
    expect(response.status).toBe(400);
    expect(await response.json()).toHaveProperty('message');
  });
});
