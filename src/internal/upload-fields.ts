/**
 * @module internal/upload-fields
 * The upload form fields, written once: which upload options become form fields, how each
 * is checked, the text it is sent as, and which fields a v2 upload JWT signs. Three places
 * use it, so they cannot drift apart:
 * - the form an upload sends (`upload/form.ts`, `buildUploadForm`);
 * - the claims `createUploadToken` signs (`signing/upload-jwt.ts`);
 * - the browser check that a JWT signs exactly the fields sent (`upload/upload-token.ts`).
 *
 * It lives in `internal/` because `signing/` may not import `upload/` (see docs/architecture.md).
 * Every caller mistake is a `TypeError` naming the option, thrown before any byte is sent.
 */

/**
 * The upload options that are not text fields made from {@link uploadFieldKinds}: the file
 * (its own part, or a text field for a URL / base64 string, never signed) and the options of
 * the call, never form fields.
 */
export const uploadNonFieldOptions = ['file', 'fileSize', 'onProgress', 'signal', 'timeout', 'hooks'] as const;

/**
 * Every upload option sent as a text form field, in the order of the form, with the kind of value it takes:
 * - `boolean`: sent as `"true"` / `"false"`.
 * - `string`: sent as is.
 * - `tags`: a string or an array of strings without `,` or `%`, sent comma-joined.
 * - `list`: a string or an array of strings without `,`, sent comma-joined.
 * - `extensions`: an array of objects with a `name`, sent as JSON.
 * - `object`: a plain object, sent as JSON.
 * - `transformation`: an object with `pre` and/or `post`, sent as JSON.
 *
 * A plain literal, so bundlers drop it when nothing uses it.
 */
export const uploadFieldKinds = {
  fileName: 'string',
  useUniqueFileName: 'boolean',
  isPrivateFile: 'boolean',
  isPublished: 'boolean',
  overwriteFile: 'boolean',
  overwriteAITags: 'boolean',
  overwriteTags: 'boolean',
  overwriteCustomMetadata: 'boolean',
  folder: 'string',
  customCoordinates: 'string',
  webhookUrl: 'string',
  checks: 'string',
  description: 'string',
  tags: 'tags',
  responseFields: 'list',
  extensions: 'extensions',
  customMetadata: 'object',
  transformation: 'transformation',
} as const;

/** The kind of an upload option (see {@link uploadFieldKinds}). */
export type UploadFieldKind = (typeof uploadFieldKinds)[keyof typeof uploadFieldKinds];

/** A `TypeError` (or `RangeError`) saying what the option `name` must be. */
export function optionError(name: string, what: string, Type: ErrorConstructor = TypeError): Error {
  return new Type(`The \`${name}\` option must be ${what}`);
}

/** True for an object literal or an `Object.create(null)` object, from any realm. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  const proto = typeof value === 'object' && value !== null ? (Object.getPrototypeOf(value) as unknown) : 0;
  return proto === Object.prototype || proto === null;
}

/**
 * The form text of the upload option `name` of kind `kind`, or a `TypeError` saying what it must be.
 * @param prefix put before the option's name in messages (`fields.` for `createUploadToken`).
 */
function uploadFieldText(name: string, kind: UploadFieldKind, value: unknown, prefix = ''): string {
  const mustBe = (what: string, option = name): Error => optionError(prefix + option, what);
  if (kind === 'boolean' || kind === 'string') {
    // The kind is the `typeof` of its values.
    if (typeof value !== kind) throw mustBe(`a ${kind}`);
    return String(value);
  }
  if (kind === 'tags' || kind === 'list') {
    // A string is already comma-joined: split it so each item gets the same check.
    const list = typeof value === 'string' ? value.split(',') : value;
    const forbidden = kind === 'tags' ? /[,%]/ : /,/;
    if (!Array.isArray(list) || list.some((item) => typeof item !== 'string' || forbidden.test(item))) {
      throw mustBe(`a string or an array of strings without \`,\`${kind === 'tags' ? ' or `%`' : ''}`);
    }
    return list.join(',');
  }
  if (kind === 'extensions') {
    if (!Array.isArray(value) || !value.every((item) => isPlainObject(item) && typeof item['name'] === 'string' && item['name'] !== '')) {
      throw mustBe('an array of objects with a `name`');
    }
  } else if (kind === 'object') {
    if (!isPlainObject(value)) throw mustBe('a plain object');
  } else {
    // kind === 'transformation'
    if (!isPlainObject(value) || (value['pre'] === undefined && value['post'] === undefined)) {
      throw mustBe('an object with `pre` and/or `post`');
    }
    const { pre, post } = value;
    if (pre !== undefined && (typeof pre !== 'string' || pre === '')) throw mustBe('a non-empty string', 'transformation.pre');
    if (post !== undefined && (!Array.isArray(post) || !post.every((item) => isPlainObject(item) && typeof item['type'] === 'string'))) {
      throw mustBe('an array of objects with a `type`', 'transformation.post');
    }
  }
  return JSON.stringify(value);
}

/**
 * Checks and serializes every upload option of `options` that is a text form field and not
 * `undefined`, as `[name, text]` in the order of {@link uploadFieldKinds}. Other names are
 * ignored: callers check them first, and the form adds the file itself.
 * @param prefix put before option names in messages (`fields.` for `createUploadToken`).
 */
export function uploadFormFields(options: Readonly<Record<string, unknown>>, prefix = ''): Array<readonly [string, string]> {
  const fields: Array<readonly [string, string]> = [];
  for (const [name, kind] of Object.entries(uploadFieldKinds)) {
    const value = options[name];
    if (value !== undefined) fields.push([name, uploadFieldText(name, kind, value, prefix)]);
  }
  return fields;
}

/** Whether a v2 upload JWT signs the form field `name`: every field except the file and the JWT itself (`token`). */
export function isSignedField(name: string): boolean {
  return name !== 'file' && name !== 'token';
}
