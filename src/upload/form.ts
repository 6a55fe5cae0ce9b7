/**
 * @module upload/form
 * Validates upload options and serializes them to form fields, following the
 * serialization rules of the upload API: arrays comma-joined, `extensions` /
 * `customMetadata` / `transformation` as JSON, booleans as `"true"` / `"false"`.
 * Every caller mistake is a `TypeError` / `RangeError` thrown before any byte is sent.
 */
import type { UploadOptions } from './types.js';

/** The binary content of the `file` part. */
export type FileContent =
  | { readonly kind: 'blob'; readonly blob: Blob }
  | { readonly kind: 'bytes'; readonly bytes: Uint8Array }
  | { readonly kind: 'stream'; readonly stream: ReadableStream<Uint8Array>; readonly size: number };

/** Validated, serialized upload form: text fields in order, then the file part (unless `file` was a string). */
export interface UploadForm {
  /** Text fields, `[name, value]`, already serialized. A string `file` is one of them. */
  readonly fields: ReadonlyArray<readonly [string, string]>;
  /** The binary file part, or `undefined` when `file` is a URL / base64 string. */
  readonly file: { readonly fileName: string; readonly contentType: string; readonly content: FileContent } | undefined;
}

/** Option names every upload accepts (the form fields plus the call options). */
export const uploadOptionKeys: readonly string[] = [
  'file',
  'fileName',
  'fileSize',
  'useUniqueFileName',
  'tags',
  'folder',
  'isPrivateFile',
  'isPublished',
  'customCoordinates',
  'responseFields',
  'extensions',
  'webhookUrl',
  'overwriteFile',
  'overwriteAITags',
  'overwriteTags',
  'overwriteCustomMetadata',
  'customMetadata',
  'transformation',
  'checks',
  'description',
  'onProgress',
  'signal',
  'timeout',
];

const booleanFields = [
  'useUniqueFileName',
  'isPrivateFile',
  'isPublished',
  'overwriteFile',
  'overwriteAITags',
  'overwriteTags',
  'overwriteCustomMetadata',
] as const;

const stringFields = ['folder', 'customCoordinates', 'webhookUrl', 'checks', 'description'] as const;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** True for a `Blob` or `File`, also one from another realm (checked by its brand tag). */
export function isBlobLike(value: unknown): value is Blob {
  if (typeof Blob !== 'undefined' && value instanceof Blob) return true;
  const tag = Object.prototype.toString.call(value);
  return tag === '[object Blob]' || tag === '[object File]';
}

function isReadableStream(value: unknown): value is ReadableStream<Uint8Array> {
  return typeof value === 'object' && value !== null && typeof (value as { getReader?: unknown }).getReader === 'function';
}

function isArrayBuffer(value: unknown): value is ArrayBuffer {
  return value instanceof ArrayBuffer || Object.prototype.toString.call(value) === '[object ArrayBuffer]';
}

const base64Pattern = /^[A-Za-z0-9+/\-_\s]*={0,2}\s*$/;

function checkFileString(file: string): void {
  if (file === '') throw new TypeError('The `file` option must not be an empty string');
  if (/^https?:\/\//i.test(file) || /^data:/i.test(file)) return;
  if (!base64Pattern.test(file)) {
    throw new TypeError('A string `file` option must be an http(s) URL, a data: URI or base64');
  }
}

function checkFileSize(options: UploadOptions): number | undefined {
  const size = options.fileSize;
  if (size === undefined) return undefined;
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) {
    throw new RangeError('The `fileSize` option must be a non-negative integer (bytes)');
  }
  return size;
}

function fileContent(options: UploadOptions): FileContent | undefined {
  const { file } = options;
  const size = checkFileSize(options);
  const mismatch = (actual: number): void => {
    if (size !== undefined && size !== actual) {
      throw new RangeError(`The \`fileSize\` option (${size}) does not match the size of \`file\` (${actual})`);
    }
  };
  if (typeof file === 'string') {
    checkFileString(file);
    return undefined;
  }
  if (isBlobLike(file)) {
    mismatch(file.size);
    return { kind: 'blob', blob: file };
  }
  if (isArrayBuffer(file)) {
    mismatch(file.byteLength);
    return { kind: 'bytes', bytes: new Uint8Array(file) };
  }
  if (ArrayBuffer.isView(file)) {
    mismatch(file.byteLength);
    return { kind: 'bytes', bytes: new Uint8Array(file.buffer as ArrayBuffer, file.byteOffset, file.byteLength) };
  }
  if (isReadableStream(file)) {
    if (size === undefined) {
      throw new TypeError('A `ReadableStream` `file` needs the `fileSize` option (its length in bytes)');
    }
    if (file.locked) throw new TypeError('The `file` stream is locked (already being read)');
    return { kind: 'stream', stream: file, size };
  }
  if (typeof file === 'object' && file !== null && typeof (file as { pipe?: unknown }).pipe === 'function') {
    throw new TypeError(
      'A Node.js stream is not a supported `file`: pass `await fs.openAsBlob(path)`, or `Readable.toWeb(stream)` with `fileSize`',
    );
  }
  if (file === undefined || file === null) throw new TypeError('The `file` option is required');
  throw new TypeError(
    'The `file` option must be a Blob, an ArrayBuffer, a typed array, a ReadableStream, an http(s) URL or base64',
  );
}

function tagsValue(tags: unknown): string {
  const check = (tag: unknown): string => {
    if (typeof tag !== 'string') throw new TypeError('The `tags` option must be a string or an array of strings');
    if (tag.includes('%')) throw new TypeError('A tag in the `tags` option must not contain `%`');
    return tag;
  };
  if (typeof tags === 'string') return check(tags);
  if (!Array.isArray(tags)) throw new TypeError('The `tags` option must be a string or an array of strings');
  return tags
    .map((tag) => {
      const text = check(tag);
      if (text.includes(',')) throw new TypeError('A tag in the `tags` option must not contain `,` (tags are sent comma-joined)');
      return text;
    })
    .join(',');
}

function responseFieldsValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (!Array.isArray(value) || value.some((field) => typeof field !== 'string' || field.includes(','))) {
    throw new TypeError('The `responseFields` option must be an array of field names');
  }
  return value.join(',');
}

function extensionsValue(value: unknown): string {
  if (!Array.isArray(value)) throw new TypeError('The `extensions` option must be an array');
  for (const extension of value) {
    if (!isPlainObject(extension) || typeof extension['name'] !== 'string' || extension['name'] === '') {
      throw new TypeError('Each item of the `extensions` option must be an object with a `name`');
    }
  }
  return JSON.stringify(value);
}

function transformationValue(value: unknown): string {
  if (!isPlainObject(value)) throw new TypeError('The `transformation` option must be an object with `pre` and/or `post`');
  const { pre, post } = value;
  if (pre === undefined && post === undefined) {
    throw new TypeError('The `transformation` option must have `pre` and/or `post`');
  }
  if (pre !== undefined && (typeof pre !== 'string' || pre === '')) {
    throw new TypeError('The `transformation.pre` option must be a non-empty string');
  }
  if (post !== undefined) {
    if (!Array.isArray(post)) throw new TypeError('The `transformation.post` option must be an array');
    for (const item of post) {
      if (!isPlainObject(item) || typeof item['type'] !== 'string') {
        throw new TypeError('Each item of `transformation.post` must be an object with a `type`');
      }
    }
  }
  return JSON.stringify(value);
}

/** Throws a `TypeError` for an option name that is in none of the `known` lists. */
export function checkKnownKeys(options: object, ...known: ReadonlyArray<readonly string[]>): void {
  for (const key of Object.keys(options)) {
    if (!known.some((list) => list.includes(key))) throw new TypeError(`Unknown upload option \`${key}\``);
  }
}

/**
 * Validates `options` and serializes every form field.
 * @param extraFields auth fields (`publicKey`, `signature`, …) appended after the options.
 * @throws {TypeError} for a missing `file`/`fileName`, a wrong type, a tag containing `,` or `%`,
 *   a `ReadableStream` without `fileSize`, or an invalid `transformation`.
 * @throws {RangeError} for a bad `fileSize`.
 */
export function buildUploadForm(options: UploadOptions, extraFields: ReadonlyArray<readonly [string, string]> = []): UploadForm {
  if (!isPlainObject(options)) throw new TypeError('The upload options must be an object with `file` and `fileName`');
  if (!('file' in options) || options.file === undefined || options.file === null) {
    throw new TypeError('The `file` option is required');
  }
  if (typeof options.fileName !== 'string' || options.fileName === '') {
    throw new TypeError('The `fileName` option is required and must be a non-empty string');
  }
  if (options.onProgress !== undefined && typeof options.onProgress !== 'function') {
    throw new TypeError('The `onProgress` option must be a function');
  }
  const content = fileContent(options);
  const fields: Array<readonly [string, string]> = [];
  if (content === undefined) fields.push(['file', options.file as string]);
  fields.push(['fileName', options.fileName]);
  const record = options as unknown as Record<string, unknown>;
  for (const name of booleanFields) {
    const value = record[name];
    if (value === undefined) continue;
    if (typeof value !== 'boolean') throw new TypeError(`The \`${name}\` option must be a boolean`);
    fields.push([name, value ? 'true' : 'false']);
  }
  for (const name of stringFields) {
    const value = record[name];
    if (value === undefined) continue;
    if (typeof value !== 'string') throw new TypeError(`The \`${name}\` option must be a string`);
    fields.push([name, value]);
  }
  if (options.tags !== undefined) fields.push(['tags', tagsValue(options.tags)]);
  if (options.responseFields !== undefined) fields.push(['responseFields', responseFieldsValue(options.responseFields)]);
  if (options.extensions !== undefined) fields.push(['extensions', extensionsValue(options.extensions)]);
  if (options.customMetadata !== undefined) {
    if (!isPlainObject(options.customMetadata)) throw new TypeError('The `customMetadata` option must be a plain object');
    fields.push(['customMetadata', JSON.stringify(options.customMetadata)]);
  }
  if (options.transformation !== undefined) fields.push(['transformation', transformationValue(options.transformation)]);
  fields.push(...extraFields);
  if (content === undefined) return { fields, file: undefined };
  const contentType = content.kind === 'blob' && content.blob.type !== '' ? content.blob.type : 'application/octet-stream';
  return { fields, file: { fileName: options.fileName, contentType, content } };
}
