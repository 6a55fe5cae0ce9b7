// Type tests of listFiles / iterateFiles: the result is typed by the params (folders for
// `type: 'folder'`, files for `file`/`file-version` or no type, either otherwise).
// Checked by `tsc -p tests/types/tsconfig.json` (part of `npm test`).
import { expectTypeOf } from 'vitest';
import { listFiles, type ClientContext, type FileObject, type FolderObject, type ImageKit, type ListFilesParams } from '../../src/server.js';

declare const imagekit: ImageKit;
declare const context: ClientContext;
declare const params: ListFilesParams;

expectTypeOf(imagekit.listFiles()).resolves.toExtend<FileObject[]>();
expectTypeOf(imagekit.listFiles({ path: '/a', limit: 10 })).resolves.toExtend<FileObject[]>();
expectTypeOf(imagekit.listFiles({ type: 'file' })).resolves.toExtend<FileObject[]>();
expectTypeOf(imagekit.listFiles({ type: 'file-version' })).resolves.toExtend<FileObject[]>();
expectTypeOf(imagekit.listFiles({ type: 'folder' })).resolves.toExtend<FolderObject[]>();
expectTypeOf(listFiles(context, { type: 'folder' })).resolves.toExtend<FolderObject[]>();
expectTypeOf(listFiles(context, { type: 'file' })).resolves.toExtend<FileObject[]>();

// Either: `all`, a search (which ignores `type`), the legacy includeFolder, or params not known until run time.
type Either = Array<FileObject | FolderObject>;
expectTypeOf(imagekit.listFiles({ type: 'all' })).resolves.toExtend<Either>();
expectTypeOf(imagekit.listFiles({ type: 'all' })).resolves.not.toExtend<FileObject[]>();
expectTypeOf(imagekit.listFiles({ searchQuery: 'size > "1mb"' })).resolves.not.toExtend<FileObject[]>();
expectTypeOf(imagekit.listFiles({ type: 'file', searchQuery: 'x' })).resolves.not.toExtend<FileObject[]>();
expectTypeOf(imagekit.listFiles({ type: 'folder', searchQuery: 'x' })).resolves.not.toExtend<FolderObject[]>();
expectTypeOf(imagekit.listFiles({ includeFolder: true })).resolves.not.toExtend<FileObject[]>();
expectTypeOf(imagekit.listFiles(params)).resolves.toExtend<Either>();
expectTypeOf(imagekit.listFiles(params)).resolves.not.toExtend<FileObject[]>();

// A file listing's items are files: a typo is an error; a folder listing has no file fields.
const files = await imagekit.listFiles({ type: 'file' });
expectTypeOf(files[0]!.fileId).toEqualTypeOf<string>();
// @ts-expect-error `fileIdd` is not a field of a file
void files[0]!.fileIdd;
const folders = await imagekit.listFiles({ type: 'folder' });
// @ts-expect-error a folder has no `fileId`
void folders[0]!.fileId;

// iterateFiles follows the same rule.
for await (const file of imagekit.iterateFiles({ path: '/a' })) expectTypeOf(file).toEqualTypeOf<FileObject>();
for await (const folder of imagekit.iterateFiles({ type: 'folder' })) expectTypeOf(folder).toEqualTypeOf<FolderObject>();
for await (const item of imagekit.iterateFiles({ searchQuery: 'x' })) expectTypeOf(item).toEqualTypeOf<FileObject | FolderObject>();
