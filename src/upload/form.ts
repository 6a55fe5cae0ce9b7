/**
 * @module upload/form
 * Validates upload options and serializes them to form fields, following the
 * serialization rules of the upload API: arrays comma-joined, `extensions` /
 * `customMetadata` / `transformation` as JSON, booleans as `"true"` / `"false"`.
 * Every caller mistake is a `TypeError` / `RangeError` thrown before any byte is sent.
 * One table ({@link fieldKinds}) drives both the known-option check and serialization.
 */
import type { UploadOptions } from './types.js';
import { checkOptionKeys } from '../internal/options.js';

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

/**
 * Every option an upload accepts, with how it is checked and sent:
 * `b` boolean, `s` string, `t` tags, `r` responseFields (comma-joined lists), `x`
 * extensions, `m` customMetadata, `p` transformation (JSON); `''` = handled elsewhere
 * (the file, its name and size, and the call options `onProgress`, `signal`, `timeout`).
 * A plain literal, so bundlers drop it when nothing uses it.
 */
const fieldKinds = {
  file: '',
  fileName: '',
  fileSize: '',
  onProgress: '',
  signal: '',
  timeout: '',
  hooks: '',
  useUniqueFileName: 'b',
  isPrivateFile: 'b',
  isPublished: 'b',
  overwriteFile: 'b',
  overwriteAITags: 'b',
  overwriteTags: 'b',
  overwriteCustomMetadata: 'b',
  folder: 's',
  customCoordinates: 's',
  webhookUrl: 's',
  checks: 's',
  description: 's',
  tags: 't',
  responseFields: 'r',
  extensions: 'x',
  customMetadata: 'm',
  transformation: 'p',
} as const;

/** A `TypeError` (or `RangeError`) saying what the option `name` must be. */
export function optionError(name: string, what: string, Type: ErrorConstructor = TypeError): Error {
  return new Type(`The \`${name}\` option must be ${what}`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  const proto = typeof value === 'object' && value !== null ? (Object.getPrototypeOf(value) as unknown) : 0;
  return proto === Object.prototype || proto === null;
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
  checkOptionKeys(options, [...Object.keys(fieldKinds), ...entryKeys], where);
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

/** Serializes one table-driven field, or throws naming it. */
function fieldValue(name: string, kind: string, value: unknown): string {
  if (kind === 'b' || kind === 's') {
    if (typeof value !== (kind === 'b' ? 'boolean' : 'string')) throw optionError(name, kind === 'b' ? 'a boolean' : 'a string');
    return String(value);
  }
  if (kind === 't' || kind === 'r') {
    // A string is already comma-joined: split it so each item gets the same check.
    const list = typeof value === 'string' ? value.split(',') : value;
    const forbidden = kind === 't' ? /[,%]/ : /,/;
    if (!Array.isArray(list) || list.some((item) => typeof item !== 'string' || forbidden.test(item))) {
      throw optionError(name, `a string or an array of strings without \`,\`${kind === 't' ? ' or `%`' : ''}`);
    }
    return list.join(',');
  }
  if (kind === 'x') {
    if (!Array.isArray(value) || !value.every((item) => isPlainObject(item) && typeof item['name'] === 'string' && item['name'] !== '')) {
      throw optionError(name, 'an array of objects with a `name`');
    }
  } else if (kind === 'm') {
    if (!isPlainObject(value)) throw optionError(name, 'a plain object');
  } else {
    if (!isPlainObject(value) || (value['pre'] === undefined && value['post'] === undefined)) {
      throw optionError(name, 'an object with `pre` and/or `post`');
    }
    const { pre, post } = value;
    if (pre !== undefined && (typeof pre !== 'string' || pre === '')) throw optionError('transformation.pre', 'a non-empty string');
    if (post !== undefined && (!Array.isArray(post) || !post.every((item) => isPlainObject(item) && typeof item['type'] === 'string'))) {
      throw optionError('transformation.post', 'an array of objects with a `type`');
    }
  }
  return JSON.stringify(value);
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
  fields.push(['fileName', fileName]);
  const record = options as unknown as Record<string, unknown>;
  for (const [name, kind] of Object.entries(fieldKinds)) {
    const value = record[name];
    if (kind !== '' && value !== undefined) fields.push([name, fieldValue(name, kind, value)]);
  }
  fields.push(...extraFields);
  if (content === undefined) return { fields, file: undefined };
  const contentType = (content.kind === 'blob' && content.blob.type) || 'application/octet-stream';
  return { fields, file: { fileName, contentType, content } };
}
