/**
 * @module testing/emulator/upload/fields
 * Parsing and validation of the upload form fields (docs/imagekit-api-notes.md, "Upload fields and serialization").
 */
import { badRequest } from '../responses.js';
import { gatedUploadFields } from '../serialize.js';

/** Every field an upload form may carry. */
export const uploadFieldNames = [
  'file',
  'fileName',
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
  'publicKey',
  'signature',
  'expire',
  'token',
] as const;

/** Extension names the API knows. */
export const extensionNames = ['remove-bg', 'google-auto-tagging', 'aws-auto-tagging', 'ai-auto-description', 'ai-tasks', 'saved-extension'];

/** A text form field, or undefined when absent. */
export function text(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  if (value === null) return undefined;
  if (typeof value !== 'string') badRequest(`\`${name}\` must be a text field.`);
  return value;
}

/** A `"true"`/`"false"` form field with a default. */
export function bool(form: FormData, name: string, fallback: boolean): boolean {
  const value = text(form, name);
  if (value === undefined) return fallback;
  if (value !== 'true' && value !== 'false') badRequest(`\`${name}\` must be "true" or "false".`);
  return value === 'true';
}

/** Comma-joined tags → array; 400 for `%` or over 500 characters. */
export function parseTags(value: string): string[] {
  if (value.includes('%')) badRequest('Tags cannot contain the "%" character.');
  if (value.length > 500) badRequest('Tags can be at most 500 characters in total.');
  return value
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
}

/** Validates a tag array (bulk and update APIs). */
export function validateTagArray(tags: readonly string[]): void {
  if (tags.some((tag) => tag.includes('%'))) badRequest('Tags cannot contain the "%" character.');
  if (tags.join(',').length > 500) badRequest('Tags can be at most 500 characters in total.');
}

/** Validates `x,y,width,height`. */
export function validateCoordinates(value: string): void {
  if (!/^\d+,\d+,\d+,\d+$/.test(value)) badRequest('customCoordinates must be "x,y,width,height" with non-negative integers.');
}

/** `responseFields` → set; 400 for unknown names. */
export function parseResponseFields(value: string | undefined): Set<string> {
  const out = new Set<string>();
  if (value === undefined || value === '') return out;
  for (const field of value.split(',').map((item) => item.trim())) {
    if (!(gatedUploadFields as readonly string[]).includes(field)) badRequest(`Invalid responseFields value "${field}".`);
    out.add(field);
  }
  return out;
}

/** A JSON form field that must parse to the given shape. */
export function jsonField(form: FormData, name: string): unknown {
  const value = text(form, name);
  if (value === undefined) return undefined;
  try {
    return JSON.parse(value);
  } catch {
    badRequest(`\`${name}\` must be valid JSON.`);
  }
}

/** Validates an `extensions` array (shape only; options are not checked in depth). */
export function validateExtensions(value: unknown, savedExtensionExists: (id: string) => boolean): Array<Record<string, unknown>> {
  if (!Array.isArray(value)) badRequest('`extensions` must be an array.');
  return value.map((item: unknown) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) badRequest('Each extension must be an object.');
    const extension = item as Record<string, unknown>;
    const name = extension['name'];
    if (typeof name !== 'string' || !extensionNames.includes(name)) badRequest(`Unknown extension "${String(name)}".`);
    if (name === 'saved-extension') {
      const id = extension['id'];
      if (typeof id !== 'string' || !savedExtensionExists(id)) badRequest('The referenced saved extension does not exist.');
    }
    if (
      (name === 'google-auto-tagging' || name === 'aws-auto-tagging') &&
      (typeof extension['maxTags'] !== 'number' || typeof extension['minConfidence'] !== 'number')
    ) {
      badRequest(`Extension "${name}" requires numeric maxTags and minConfidence.`);
    }
    return extension;
  });
}

/** Validates the `transformation` object (`pre` non-empty string, `post` array of typed steps). */
export function validateTransformation(value: unknown): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) badRequest('`transformation` must be an object.');
  const { pre, post } = value as Record<string, unknown>;
  if (pre === undefined && post === undefined) badRequest('`transformation` must contain `pre` or `post`.');
  if (pre !== undefined && (typeof pre !== 'string' || pre === '')) badRequest('`transformation.pre` must be a non-empty string.');
  if (post === undefined) return;
  if (!Array.isArray(post)) badRequest('`transformation.post` must be an array.');
  for (const step of post as unknown[]) {
    const type = (step as Record<string, unknown> | null)?.['type'];
    const stepValue = (step as Record<string, unknown> | null)?.['value'];
    if (!['transformation', 'gif-to-video', 'thumbnail', 'abs'].includes(type as string)) badRequest('Invalid `transformation.post` step type.');
    if ((type === 'transformation' || type === 'abs') && typeof stepValue !== 'string')
      badRequest(`A "${String(type)}" post step requires a string value.`);
    if (type === 'abs' && !['hls', 'dash'].includes((step as Record<string, unknown>)['protocol'] as string))
      badRequest('An "abs" post step requires protocol "hls" or "dash".');
  }
}
