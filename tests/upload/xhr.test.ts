// The XHR transport (browsers), driven in Node by a scripted XMLHttpRequest.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { upload } from '../../src/upload/client-upload.js';
import { ApiError } from '../../src/errors.js';
import { FakeXhr } from './fake-xhr.js';

const auth = { publicKey: 'public_x', token: 'tok-123456', signature: 'sig-123456', expire: 1 };
const base = 'https://upload.example.test';

beforeEach(() => {
  FakeXhr.instances = [];
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('XHR transport', () => {
  it("a redirect the browser followed is an ApiError (status 0), not the other location's answer", async () => {
    FakeXhr.onSend = (xhr) => queueMicrotask(() => xhr.respond(200, '{"fileId":"from-elsewhere"}', 'https://elsewhere.test/x'));
    const error = await upload({ file: new Uint8Array([1]), fileName: 'a', uploadBaseUrl: base, ...auth }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(0);
    expect((error as ApiError).message).toContain('redirect not followed');
    expect(FakeXhr.instances).toHaveLength(1);
  });

  it('the same URL answering is a success', async () => {
    FakeXhr.onSend = (xhr) => queueMicrotask(() => xhr.respond(200, '{"fileId":"f1"}'));
    const result = await upload({ file: new Uint8Array([1]), fileName: 'a', uploadBaseUrl: base, ...auth });
    expect(result.fileId).toBe('f1');
  });
});
