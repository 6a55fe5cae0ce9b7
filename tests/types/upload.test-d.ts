// Type tests of uploads: options, progress, client authentication and the answer.
// Checked by `tsc -p tests/types/tsconfig.json` (part of `npm test`).
import { expectTypeOf } from 'vitest';
import { upload, type UploadProgress, type UploadResponse } from '../../src/index.js';
import { ImageKit } from '../../src/server.js';

declare const imagekit: ImageKit;
declare const file: Blob;

expectTypeOf(upload).returns.toEqualTypeOf<Promise<UploadResponse>>();
expectTypeOf(imagekit.uploadFile).returns.toEqualTypeOf<Promise<UploadResponse>>();

// `total` is always known (the body's exact length), so a ratio needs no guard.
expectTypeOf<UploadProgress>().toEqualTypeOf<{ loaded: number; total: number }>();
void upload({
  file,
  fileName: 'a.png',
  uploadToken: 'jwt',
  onProgress: ({ loaded, total }) => expectTypeOf(loaded / total).toEqualTypeOf<number>(),
});

// Every optional option also takes `undefined` (exactOptionalPropertyTypes).
void upload({ file, fileName: 'a.png', uploadToken: 'jwt', folder: undefined, tags: undefined, signal: undefined });
void imagekit.uploadFile({ file, fileName: 'a.png', useUniqueFileName: undefined, timeout: undefined });

// Mistakes are compile errors.
// @ts-expect-error `fileName` is required
void imagekit.uploadFile({ file });
// @ts-expect-error `filename` is spelt `fileName`
void imagekit.uploadFile({ file, fileName: 'a.png', filename: 'a.png' });
// @ts-expect-error `responseFields` takes the documented names
void imagekit.uploadFile({ file, fileName: 'a.png', responseFields: ['tagz'] });
// @ts-expect-error a post transformation of type `abs` needs a `protocol`
void imagekit.uploadFile({ file, fileName: 'a.png', transformation: { post: [{ type: 'abs', value: 'sr-240' }] } });

// An authenticator returns v1 parameters or a v2 upload token, never both.
void upload({ file, fileName: 'a.png', authenticator: async () => ({ token: 't', signature: 's', expire: 1 }) });
void upload({ file, fileName: 'a.png', authenticator: async () => ({ uploadToken: 'jwt' }) });
// @ts-expect-error `token` and `uploadToken` together
void upload({ file, fileName: 'a.png', authenticator: async () => ({ token: 't', signature: 's', expire: 1, uploadToken: 'jwt' }) });
