// Type tests of the API objects: one closed shape per object, shared by the media
// methods, uploads and webhook events. `tsc -p tests/types/tsconfig.json` checks them
// (part of `npm run typecheck`, so of `npm test`); `expectTypeOf` does nothing at run time.
import { expectTypeOf } from 'vitest';
import type { Extension, ExtensionStatus, FileMetadata, FileObject, FolderObject, UploadedFile, UploadResponse } from '../../src/index.js';
import { isWebhookEvent, type ImageKit, type SavedExtension, type WebhookEvent } from '../../src/server.js';

declare const imagekit: ImageKit;
declare const file: FileObject;
declare const folder: FolderObject;
declare const uploaded: UploadResponse;
declare const metadata: FileMetadata;
declare const event: WebhookEvent;

// Documented fields are typed.
expectTypeOf(file.fileId).toEqualTypeOf<string>();
expectTypeOf(file.type).toEqualTypeOf<'file' | 'file-version'>();
expectTypeOf(file.tags).toEqualTypeOf<string[] | null>();
expectTypeOf(file.versionInfo).toEqualTypeOf<{ id: string; name: string } | undefined>();
expectTypeOf(folder.folderPath).toEqualTypeOf<string>();
expectTypeOf(metadata.pHash).toEqualTypeOf<string | undefined>();

// Closed: a misspelt field is a compile error, on every object.
// @ts-expect-error `fileIdd` is not a field of a file
void file.fileIdd;
// @ts-expect-error a folder has `folderPath`, not `filePath`
void folder.filePath;
// @ts-expect-error an upload answer has `thumbnailUrl`, not `thumbnail`
void uploaded.thumbnail;
// @ts-expect-error `phash` is spelt `pHash`
void metadata.phash;

// A field ImageKit adds later arrives at run time and is read with an `in` check.
if ('newField' in file) expectTypeOf(file.newField).toEqualTypeOf<unknown>();

// The upload answer is a subset of the file object plus its own fields: fileId, name,
// filePath, url, size and fileType always; the others when present.
expectTypeOf<UploadResponse>().toExtend<UploadedFile>();
expectTypeOf(uploaded.fileId).toEqualTypeOf<FileObject['fileId']>();
expectTypeOf(uploaded.size).toEqualTypeOf<number>();
expectTypeOf(uploaded.tags).toEqualTypeOf<FileObject['tags'] | undefined>();
expectTypeOf(uploaded.AITags).toEqualTypeOf<FileObject['AITags']>();
expectTypeOf(uploaded.thumbnailUrl).toEqualTypeOf<string | undefined>();
expectTypeOf(uploaded.metadata).toEqualTypeOf<FileMetadata | undefined>();
expectTypeOf(uploaded.extensionStatus).toEqualTypeOf<ExtensionStatus | undefined>();
expectTypeOf(uploaded.$ResponseMetadata.requestId).toEqualTypeOf<string | undefined>();
// @ts-expect-error an upload answer has no `createdAt`
void uploaded.createdAt;

// One extension status type, keyed by the extension names.
expectTypeOf<ExtensionStatus['remove-bg']>().toEqualTypeOf<'success' | 'pending' | 'failed' | undefined>();
expectTypeOf(file.extensionStatus).toEqualTypeOf<ExtensionStatus | undefined>();

// One extension type, for uploads, updates and saved extensions.
const extensions: Extension[] = [
  { name: 'remove-bg', options: { bg_color: 'white' } },
  { name: 'google-auto-tagging', maxTags: 5, minConfidence: 80 },
  { name: 'ai-auto-description' },
  { name: 'ai-tasks', tasks: [{ type: 'select_tags', instruction: 'Pick', vocabulary: ['a'] }] },
  { name: 'saved-extension', id: 'ext_1' },
];
void imagekit.updateFileDetails('f1', { extensions });
void imagekit.uploadFile({ file: new Blob([]), fileName: 'a.png', extensions });
// @ts-expect-error auto-tagging needs `maxTags` and `minConfidence`
void imagekit.updateFileDetails('f1', { extensions: [{ name: 'aws-auto-tagging' }] });
// @ts-expect-error `remove-bg` has no `maxTags`
void imagekit.uploadFile({ file: new Blob([]), fileName: 'a.png', extensions: [{ name: 'remove-bg', maxTags: 3 }] });
// A saved extension's config is a base extension, never a reference to another one.
expectTypeOf<Extract<SavedExtension['config'], { name: 'saved-extension' }>>().toBeNever();

// The media methods return the same file object.
expectTypeOf(imagekit.getFileDetails('f1')).resolves.toExtend<FileObject>();
expectTypeOf(imagekit.getFileVersions('f1')).resolves.toExtend<FileObject[]>();
expectTypeOf(imagekit.updateFileDetails('f1', { tags: ['a'] })).resolves.toExtend<FileObject>();
expectTypeOf(imagekit.getFileMetadata('f1')).resolves.toExtend<FileMetadata>();

// Webhook file events carry that same file object, pre-transform events the upload answer.
if (isWebhookEvent(event, 'file.created')) expectTypeOf(event.data).toEqualTypeOf<FileObject>();
if (isWebhookEvent(event, 'file-version.created')) expectTypeOf(event.data).toEqualTypeOf<FileObject>();
if (isWebhookEvent(event, 'upload.pre-transform.success')) expectTypeOf(event.data).toEqualTypeOf<UploadedFile>();
