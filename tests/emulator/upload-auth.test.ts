import { describe, it, expect } from 'vitest';
import { basic, clientSignature, emulatorAt, form, jwt, newToken, upload, uploadV1, uploadV2 } from './helpers.js';

const file = new Uint8Array([1, 2, 3, 4]);

describe('server-side upload auth (Basic)', () => {
  it('accepts the private key as username with any password', async () => {
    const emulator = emulatorAt();
    const response = await emulator.handle(
      new Request(uploadV1, {
        method: 'POST',
        body: form({ file, fileName: 'a.txt' }),
        headers: { authorization: basic(emulator.privateKey, 'anything') },
      }),
    );
    expect(response.status).toBe(200);
  });

  it('answers 401 without any credentials', async () => {
    const emulator = emulatorAt();
    const response = await emulator.handle(new Request(uploadV1, { method: 'POST', body: form({ file, fileName: 'a.txt' }) }));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ message: expect.any(String), help: expect.any(String) });
  });

  it('answers 401 for a wrong private key and never echoes it', async () => {
    const emulator = emulatorAt();
    const response = await emulator.handle(
      new Request(uploadV1, { method: 'POST', body: form({ file, fileName: 'a.txt' }), headers: { authorization: basic('private_wrong') } }),
    );
    expect(response.status).toBe(401);
    expect(await response.text()).not.toContain('private_wrong');
  });

  it('answers 401 on API paths without a key', async () => {
    const emulator = emulatorAt();
    const response = await emulator.handle(new Request('https://api.imagekit.io/v1/files'));
    expect(response.status).toBe(401);
  });
});

describe('client-side upload auth (v1 signature)', () => {
  const clientUpload = (emulator: ReturnType<typeof emulatorAt>, extra: Record<string, string>) =>
    emulator.handle(new Request(uploadV1, { method: 'POST', body: form({ file, fileName: 'c.png', ...extra }) }));

  function fields(emulator: ReturnType<typeof emulatorAt>, overrides: Partial<Record<'token' | 'expire' | 'signature' | 'publicKey', string>> = {}) {
    const token = overrides.token ?? newToken();
    const expire = overrides.expire ?? String(Math.floor(emulator.clock.now / 1000) + 1800);
    return {
      publicKey: overrides.publicKey ?? emulator.publicKey,
      token,
      expire,
      signature: overrides.signature ?? clientSignature(emulator.privateKey, token, expire),
    };
  }

  it('accepts a node:crypto HMAC-SHA1 signature', async () => {
    const emulator = emulatorAt();
    const response = await clientUpload(emulator, fields(emulator));
    expect(response.status).toBe(200);
  });

  it('rejects a bad signature with 400', async () => {
    const emulator = emulatorAt();
    const response = await clientUpload(emulator, fields(emulator, { signature: 'ab'.repeat(20) }));
    expect(response.status).toBe(400);
    expect((await response.json()).message).toMatch(/signature/i);
  });

  it('rejects a signature made with another key', async () => {
    const emulator = emulatorAt();
    const token = newToken();
    const expire = String(Math.floor(emulator.clock.now / 1000) + 60);
    const response = await clientUpload(emulator, fields(emulator, { token, expire, signature: clientSignature('private_other', token, expire) }));
    expect(response.status).toBe(400);
  });

  it.each([
    ['in the past', -1, 400],
    ['equal to now', 0, 400],
    ['3600 s ahead (allowed)', 3600, 200],
    ['3601 s ahead', 3601, 400],
  ])('expire %s → %i', async (_label, offset, status) => {
    const emulator = emulatorAt();
    const expire = String(Math.floor(emulator.clock.now / 1000) + offset);
    const response = await clientUpload(emulator, fields(emulator, { expire }));
    expect(response.status).toBe(status);
  });

  it('rejects a reused token even when the first request failed', async () => {
    const emulator = emulatorAt();
    const token = newToken();
    const first = await clientUpload(emulator, fields(emulator, { token, signature: '00'.repeat(20) }));
    expect(first.status).toBe(400);
    const second = await clientUpload(emulator, fields(emulator, { token }));
    expect(second.status).toBe(400);
    expect((await second.json()).message).toMatch(/token/i);
  });

  it('rejects a reused token after a success', async () => {
    const emulator = emulatorAt();
    const token = newToken();
    expect((await clientUpload(emulator, fields(emulator, { token }))).status).toBe(200);
    expect((await clientUpload(emulator, fields(emulator, { token }))).status).toBe(400);
    expect(emulator.usedTokens()).toContain(token);
  });

  it('answers 401 for an unknown public key', async () => {
    const emulator = emulatorAt();
    const response = await clientUpload(emulator, fields(emulator, { publicKey: 'public_other' }));
    expect(response.status).toBe(401);
  });

  it('answers 400 when token, expire or signature is missing', async () => {
    const emulator = emulatorAt();
    const { signature: _s, ...rest } = fields(emulator);
    const response = await clientUpload(emulator, rest);
    expect(response.status).toBe(400);
  });
});

describe('client-side upload auth (v2 JWT)', () => {
  const nowSeconds = (emulator: ReturnType<typeof emulatorAt>) => Math.floor(emulator.clock.now / 1000);
  const send = (emulator: ReturnType<typeof emulatorAt>, fieldsWithoutFile: Record<string, string>) =>
    emulator.handle(new Request(uploadV2, { method: 'POST', body: form({ file, ...fieldsWithoutFile }) }));

  function signed(
    emulator: ReturnType<typeof emulatorAt>,
    payloadFields: Record<string, string>,
    claims: Record<string, unknown> = {},
    header: Record<string, unknown> = {},
  ) {
    const iat = nowSeconds(emulator);
    return jwt(
      emulator.privateKey,
      { alg: 'HS256', typ: 'JWT', kid: emulator.publicKey, ...header },
      { ...payloadFields, iat, exp: iat + 600, ...claims },
    );
  }

  it('accepts a node:crypto HS256 token whose payload equals the form fields', async () => {
    const emulator = emulatorAt();
    const fields = { fileName: 'j.png', folder: '/jwt', tags: 'a,b' };
    const response = await send(emulator, { ...fields, token: signed(emulator, fields) });
    expect(response.status).toBe(200);
    expect((await response.json()).filePath).toMatch(/^\/jwt\/j_.+\.png$/);
  });

  it('rejects a form field that differs from the signed payload', async () => {
    const emulator = emulatorAt();
    const token = signed(emulator, { fileName: 'j.png', folder: '/a' });
    const response = await send(emulator, { fileName: 'j.png', folder: '/b', token });
    expect(response.status).toBe(400);
  });

  it('rejects a payload key the form does not carry', async () => {
    const emulator = emulatorAt();
    const token = signed(emulator, { fileName: 'j.png', tags: 'x' });
    expect((await send(emulator, { fileName: 'j.png', token })).status).toBe(400);
  });

  it('rejects exp - iat over 3600', async () => {
    const emulator = emulatorAt();
    const iat = nowSeconds(emulator);
    const token = signed(emulator, { fileName: 'j.png' }, { iat, exp: iat + 3601 });
    expect((await send(emulator, { fileName: 'j.png', token })).status).toBe(400);
  });

  it('rejects an expired token', async () => {
    const emulator = emulatorAt();
    const iat = nowSeconds(emulator) - 100;
    const token = signed(emulator, { fileName: 'j.png' }, { iat, exp: iat + 50 });
    expect((await send(emulator, { fileName: 'j.png', token })).status).toBe(400);
  });

  it('rejects a token signed with another key', async () => {
    const emulator = emulatorAt();
    const iat = nowSeconds(emulator);
    const token = jwt('private_other', { alg: 'HS256', typ: 'JWT', kid: emulator.publicKey }, { fileName: 'j.png', iat, exp: iat + 60 });
    expect((await send(emulator, { fileName: 'j.png', token })).status).toBe(400);
  });

  it('answers 401 for a kid that is not the public key', async () => {
    const emulator = emulatorAt();
    const token = signed(emulator, { fileName: 'j.png' }, {}, { kid: 'public_other' });
    expect((await send(emulator, { fileName: 'j.png', token })).status).toBe(401);
  });

  it('rejects a reused JWT', async () => {
    const emulator = emulatorAt();
    const token = signed(emulator, { fileName: 'j.png' });
    expect((await send(emulator, { fileName: 'j.png', token })).status).toBe(200);
    expect((await send(emulator, { fileName: 'j.png', token })).status).toBe(400);
  });

  it('refuses v1 client fields on v2', async () => {
    const emulator = emulatorAt();
    const token = signed(emulator, { fileName: 'j.png', publicKey: emulator.publicKey });
    expect((await send(emulator, { fileName: 'j.png', publicKey: emulator.publicKey, token })).status).toBe(400);
  });

  it('accepts server-side Basic auth on v2 without a token', async () => {
    const emulator = emulatorAt();
    const response = await upload(emulator, { file, fileName: 'server.txt' }, uploadV2);
    expect(response.status).toBe(200);
  });
});
