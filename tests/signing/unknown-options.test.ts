// The options objects of the signing, webhook and emulator calls reject a misspelled key
// with the one wording of the SDK (a typo here used to give an unsigned, never-expiring
// or default result without a word).
import { describe, expect, it } from 'vitest';
import { createUploadToken, getAuthenticationParameters, signUrl, signUrls, verifyWebhook } from '../../src/server.js';
import { createEmulator, startEmulator } from '../../src/testing.js';

const privateKey = 'private_key_test';
const urlEndpoint = 'https://ik.imagekit.io/demo';

describe('a misspelled option is a TypeError naming it and the option meant', () => {
  it.each([
    ['signUrl', () => signUrl(`${urlEndpoint}/a.jpg`, { privateKey, urlEndpoint, expiresSeconds: 60 } as never), 'expiresSeconds', 'expireSeconds'],
    ['signUrls', () => signUrls([`${urlEndpoint}/a.jpg`], { privateKey, urlEndpoint, expireSecond: 60 } as never), 'expireSecond', 'expireSeconds'],
    ['getAuthenticationParameters', () => getAuthenticationParameters({ privateKey, expir: 1 } as never), 'expir', 'expire'],
    [
      'createUploadToken',
      () => createUploadToken({ privateKey, publicKey: 'public_x', fields: {}, expiresSeconds: 5 } as never),
      'expiresSeconds',
      'expireSeconds',
    ],
    [
      'verifyWebhook',
      () => verifyWebhook({ body: '{}', headers: {} }, { secret: 'whsec_x', toleranceSecond: 10 } as never),
      'toleranceSecond',
      'toleranceSeconds',
    ],
    ['startEmulator', () => startEmulator({ prot: 0 } as never), 'prot', 'port'],
  ])('%s', async (where, call, key, meant) => {
    let promise: Promise<unknown> | undefined;
    expect(() => (promise = call())).not.toThrow();
    await expect(promise).rejects.toThrow(new TypeError(`\`${key}\` is not an option of ${where}; did you mean \`${meant}\`?`));
  });

  it('createEmulator (synchronous) throws', () => {
    expect(() => createEmulator({ privateKy: 'fixed' } as never)).toThrow(
      new TypeError('`privateKy` is not an option of createEmulator; did you mean `privateKey`?'),
    );
  });
});
