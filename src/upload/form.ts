/**
 * @module upload/form
 * Validates upload options and builds the upload form: the file part and the text fields.
 * Which options are fields, how each is checked and the text it is sent as are written once,
 * in `internal/upload-fields.ts`, the same code that makes the claims of a v2 upload JWT.
 * Every caller mistake is a `TypeError` / `RangeError` thrown before any byte is sent.
 */
import type { UploadOptions } from './types.js';
import { checkOptionKeys } from '../internal/options.js';
import { isPlainObject, optionError, uploadFieldKinds, uploadFormFields, uploadNonFieldOptions } from '../internal/upload-fields.js';

export { optionError };

/** The binary content of the `file` part. */
export type FileContent =
  { readonly kind: 'blob'; readonly blob: Blob } | { readonly kind: 'stream'; readonly stream: ReadableStream<Uint8Array>; readonly size: number };

/** Validated, serialized upload form: text fields in order, then the file part (unless `file` was a string). */
export interface UploadForm {
  /** Text fields, `[name, value]`, already serialized. A string `file` is one of them. */
  readonly fields: ReadonlyArray<readonly [string, string]>;
  /** The binary file part, or `undefined` when `file` is a URL / base64 string. */
  readonly file: { readonly fileName: string; readonly contentType: string; readonly content: FileContent } | undefined;
}

const tagOf = (value: unknown): string => Object.prototype.toString.call(value);

/** Returns `options` when it is a plain object, else throws a `TypeError`. */
export function checkOptionsObject<T>(options: T): T {
  if (!isPlainObject(options)) throw new TypeError('The upload options must be an object with `file` and `fileName`');
  return options;
}

/**
 * Throws a `TypeError` for an option name that is not an upload option (entry points
 * remove their own options first and name them in `entryKeys`, for the suggestion).
 * @param where the entry point, for the message (`uploadFile`, `upload`).
 */
export function checkKnownKeys(options: object, where: string, entryKeys: readonly string[]): void {
  checkOptionKeys(options, [...uploadNonFieldOptions, ...Object.keys(uploadFieldKinds), ...entryKeys], where);
}

/** The file part's content; `undefined` for a string `file` (a URL or base64, sent as a text field). */
function fileContent(file: unknown, size: number | undefined): FileContent | undefined {
  const fileError = (what: string): Error => optionError('file', what);
  let blob: Blob;
  if (typeof file === 'string') {
    if (!/^(https?:\/\/|data:)/i.test(file) && !/^[\w+/\-\s]*={0,2}\s*$/.test(file)) {
      throw fileError('an http(s) URL, a data: URI or base64');
    }
    return undefined;
  }
  // Brand tags, so that a Blob or ArrayBuffer from another realm is accepted too.
  if (/^\[object (Blob|File)\]$/.test(tagOf(file))) blob = file as Blob;
  else if (ArrayBuffer.isView(file) || tagOf(file) === '[object ArrayBuffer]') blob = new Blob([file as ArrayBuffer]);
  else if (typeof (file as { getReader?: unknown } | null)?.getReader === 'function') {
    const stream = file as ReadableStream<Uint8Array>;
    if (size === undefined) throw optionError('fileSize', 'given for a `ReadableStream` `file`');
    if (stream.locked) throw fileError('an unlocked stream');
    return { kind: 'stream', stream, size };
  } else if (typeof (file as { pipe?: unknown } | null)?.pipe === 'function') {
    throw fileError('a web stream: pass `await fs.openAsBlob(path)`, or `Readable.toWeb(stream)` with `fileSize`');
  } else {
    throw fileError('a Blob, bytes, a ReadableStream, a URL or base64');
  }
  if (size !== undefined && size !== blob.size) throw optionError('fileSize', `the size of \`file\` (${blob.size})`, RangeError);
  return { kind: 'blob', blob };
}

/**
 * Validates `options` and serializes every form field.
 * @param extraFields auth fields (`publicKey`, `signature`, …) appended after the options.
 * @throws {TypeError} for a missing `file`/`fileName`, a wrong type, a tag containing `,` or `%`,
 *   a `ReadableStream` without `fileSize`, or an invalid `transformation`.
 * @throws {RangeError} for a bad `fileSize`.
 */
export function buildUploadForm(options: UploadOptions, extraFields: ReadonlyArray<readonly [string, string]> = []): UploadForm {
  const { file, fileName, fileSize, onProgress } = checkOptionsObject(options);
  if (file === undefined || file === null || file === '') throw optionError('file', 'given (and not empty)');
  if (typeof fileName !== 'string' || fileName === '') throw optionError('fileName', 'a non-empty string');
  if (onProgress !== undefined && typeof onProgress !== 'function') throw optionError('onProgress', 'a function');
  if (fileSize !== undefined && !(Number.isSafeInteger(fileSize) && fileSize >= 0)) {
    throw optionError('fileSize', 'a non-negative integer (bytes)', RangeError);
  }
  const content = fileContent(file, fileSize);
  const fields: Array<readonly [string, string]> = content ? [] : [['file', file as string]];
  fields.push(...uploadFormFields(options as unknown as Record<string, unknown>), ...extraFields);
  if (content === undefined) return { fields, file: undefined };
  const contentType = (content.kind === 'blob' && content.blob.type) || 'application/octet-stream';
  return { fields, file: { fileName, contentType, content } };
}
