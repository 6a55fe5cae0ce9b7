// Type tests of `ImageKit#url`: a string when the options do not sign, a promise when
// they do. Checked by `tsc -p tests/types/tsconfig.json` (part of `npm test`);
// `expectTypeOf` is a no-op at run time.
import { expectTypeOf } from 'vitest';
import { ImageKit, type ClientUrlOptions } from '../../src/server.js';

declare const imagekit: ImageKit;
declare const maybeSigned: boolean;
declare const options: ClientUrlOptions;

// Unsigned: a string, as `imagekit` v6 returned.
expectTypeOf(imagekit.url({ path: '/a.jpg' })).toEqualTypeOf<string>();
expectTypeOf(imagekit.url({ path: '/a.jpg', transformation: [{ width: 300 }] })).toEqualTypeOf<string>();
expectTypeOf(imagekit.url({ path: '/a.jpg', signed: false })).toEqualTypeOf<string>();
expectTypeOf(imagekit.url({ path: '/a.jpg', signed: undefined, expireSeconds: undefined })).toEqualTypeOf<string>();
const html: string = `<img src="${imagekit.url({ path: '/a.jpg' })}">`;
void html;

// Signed (`signed: true` or any `expireSeconds`): a promise.
expectTypeOf(imagekit.url({ path: '/a.jpg', signed: true })).toEqualTypeOf<Promise<string>>();
expectTypeOf(imagekit.url({ path: '/a.jpg', expireSeconds: 600 })).toEqualTypeOf<Promise<string>>();
expectTypeOf(imagekit.url({ path: '/a.jpg', signed: true, expireSeconds: 600 })).toEqualTypeOf<Promise<string>>();
expectTypeOf(imagekit.url({ path: '/a.jpg', signed: false, expireSeconds: 600 })).toEqualTypeOf<Promise<string>>();

// Not known until run time: either.
expectTypeOf(imagekit.url({ path: '/a.jpg', signed: maybeSigned })).toEqualTypeOf<string | Promise<string>>();
expectTypeOf(imagekit.url(options)).toEqualTypeOf<string | Promise<string>>();

// @ts-expect-error a signed URL is a promise: it cannot be used as a string without `await`
const notAString: string = imagekit.url({ path: '/a.jpg', signed: true });
void notAString;
// @ts-expect-error an unsigned URL is a string, not a promise
void imagekit.url({ path: '/a.jpg' }).then;

// The signing calls are promises.
expectTypeOf(imagekit.getAuthenticationParameters()).toEqualTypeOf<Promise<{ token: string; expire: number; signature: string }>>();
