// One check for the numeric call options and the base URLs: the client, a call, `uploadFile`
// and the root `upload()` refuse the same values with the same words (src/internal/options.ts).
import { describe, expect, it } from 'vitest';
import { ImageKit } from '../../src/client/imagekit.js';
import { upload } from '../../src/upload/client-upload.js';

const privateKey = 'private_options_key';
const file = { file: new Uint8Array([1]), fileName: 'a.bin' };
const auth = { token: 't', signature: 's', expire: 1, publicKey: 'public_k' };

describe('numeric call options', () => {
  const cases = [
    ...[-1, 0.5, Number.NaN, Number.POSITIVE_INFINITY, '3'].map((value) => ['maxRetries', value, 'a non-negative integer'] as const),
    ...[-1, Number.NaN, Number.POSITIVE_INFINITY, '3'].map((value) => ['timeout', value, 'a non-negative finite number'] as const),
  ];
  it.each(cases)('%s %s is the same RangeError on the client, a call, uploadFile and upload()', async (name, value, what) => {
    const error = new RangeError(`The \`${name}\` option must be ${what}`);
    const option = { [name]: value as number };
    expect(() => new ImageKit({ privateKey, ...option })).toThrow(error);
    const imagekit = new ImageKit({ privateKey, fetch: () => Promise.reject(new Error('no request expected')) });
    await expect(imagekit.getFileDetails('f', option)).rejects.toThrow(error);
    await expect(imagekit.uploadFile({ ...file, ...option })).rejects.toThrow(error);
    await expect(upload({ ...file, ...auth, ...option })).rejects.toThrow(error);
  });

  it('0 and fractions of a millisecond are valid timeouts; 0 retries is valid', () => {
    expect(() => new ImageKit({ privateKey, timeout: 0, maxRetries: 0 })).not.toThrow();
    expect(() => new ImageKit({ privateKey, timeout: 1.5 })).not.toThrow();
  });
});

describe('base URLs', () => {
  it.each([
    ['ftp://x', 'must be an absolute http(s) URL'],
    ['api.example.com', 'must be an absolute http(s) URL'],
    ['', 'must be an absolute http(s) URL'],
    ['https://user:secret@api.example.com', 'must not contain credentials, a query or a fragment'],
    ['https://api.example.com/?x=1', 'must not contain credentials, a query or a fragment'],
    ['https://api.example.com/#x', 'must not contain credentials, a query or a fragment'],
  ])('%s is refused the same way for baseUrl, uploadBaseUrl and upload()', async (value, words) => {
    expect(() => new ImageKit({ privateKey, baseUrl: value })).toThrow(new TypeError(`The \`baseUrl\` option ${words}`));
    expect(() => new ImageKit({ privateKey, uploadBaseUrl: value })).toThrow(new TypeError(`The \`uploadBaseUrl\` option ${words}`));
    await expect(upload({ ...file, ...auth, uploadBaseUrl: value })).rejects.toThrow(new TypeError(`The \`uploadBaseUrl\` option ${words}`));
  });

  it('a path prefix is kept and trailing slashes are dropped', async () => {
    const urls: string[] = [];
    const fetch = (input: Request | string | URL) => {
      urls.push(String(input instanceof Request ? input.url : input));
      return Promise.resolve(Response.json({}));
    };
    await new ImageKit({ privateKey, baseUrl: 'https://proxy.example.com/imagekit//', fetch }).getUsage({
      startDate: '2026-01-01',
      endDate: '2026-01-02',
    });
    expect(urls[0]).toMatch(/^https:\/\/proxy\.example\.com\/imagekit\/v1\/accounts\/usage\?/);
  });
});
