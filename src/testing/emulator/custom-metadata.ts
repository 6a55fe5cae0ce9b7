/**
 * @module testing/emulator/custom-metadata
 * Custom metadata field schemas: validating a schema, and validating asset values
 * against the live fields.
 */
import type { CustomMetadataFieldRecord } from './types.js';
import { badRequest } from './responses.js';

/** Schema types the API accepts (`TextArea` is the 2024 OpenAPI spelling, accepted too). */
export const fieldTypes = ['Text', 'Textarea', 'TextArea', 'Number', 'Date', 'Boolean', 'SingleSelect', 'MultiSelect'] as const;

const isDate = (value: unknown): value is string => typeof value === 'string' && !Number.isNaN(Date.parse(value));

/** Why `value` does not satisfy `schema`, or undefined when it does. */
export function valueProblem(schema: Record<string, unknown>, value: unknown): string | undefined {
  const type = schema['type'];
  const min = schema['minValue'];
  const max = schema['maxValue'];
  const options = Array.isArray(schema['selectOptions']) ? (schema['selectOptions'] as unknown[]) : [];
  switch (type) {
    case 'Text':
    case 'Textarea':
    case 'TextArea': {
      if (typeof value !== 'string') return 'must be a string';
      const minLength = schema['minLength'];
      const maxLength = schema['maxLength'];
      if (typeof minLength === 'number' && value.length < minLength) return `must be at least ${minLength} characters long`;
      if (typeof maxLength === 'number' && value.length > maxLength) return `must be at most ${maxLength} characters long`;
      return undefined;
    }
    case 'Number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a number';
      if (typeof min === 'number' && value < min) return `must be at least ${min}`;
      if (typeof max === 'number' && value > max) return `must be at most ${max}`;
      return undefined;
    case 'Date':
      if (!isDate(value)) return 'must be an ISO-8601 date';
      if (isDate(min) && Date.parse(value) < Date.parse(min)) return `must not be before ${min}`;
      if (isDate(max) && Date.parse(value) > Date.parse(max)) return `must not be after ${max}`;
      return undefined;
    case 'Boolean':
      return typeof value === 'boolean' ? undefined : 'must be a boolean';
    case 'SingleSelect':
      return options.includes(value as never) ? undefined : 'must be one of the select options';
    case 'MultiSelect':
      if (!Array.isArray(value)) return 'must be an array';
      return value.every((item) => options.includes(item as never)) ? undefined : 'must contain only select options';
    default:
      return 'has an unknown field type';
  }
}

/**
 * Validates a field schema; returns an `errors` map keyed by schema property (empty when valid).
 * `type` is the effective type (on update it cannot change).
 */
export function schemaErrors(schema: Record<string, unknown>, type: string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!(fieldTypes as readonly string[]).includes(type)) errors['type'] = `must be one of ${fieldTypes.join(', ')}`;
  const isText = type === 'Text' || type === 'Textarea' || type === 'TextArea';
  const isRange = type === 'Number' || type === 'Date';
  const isSelect = type === 'SingleSelect' || type === 'MultiSelect';
  for (const key of ['minLength', 'maxLength'] as const) {
    if (schema[key] === undefined) continue;
    if (!isText) errors[key] = `is only allowed for Text and Textarea fields`;
    else if (!Number.isInteger(schema[key]) || (schema[key] as number) < 0) errors[key] = 'must be a non-negative integer';
  }
  if (typeof schema['minLength'] === 'number' && typeof schema['maxLength'] === 'number' && schema['minLength'] > schema['maxLength']) {
    errors['minLength'] = 'must not be greater than maxLength';
  }
  for (const key of ['minValue', 'maxValue'] as const) {
    const value = schema[key];
    if (value === undefined) continue;
    if (!isRange) errors[key] = 'is only allowed for Number and Date fields';
    else if (type === 'Number' && typeof value !== 'number') errors[key] = 'must be a number';
    else if (type === 'Date' && !isDate(value)) errors[key] = 'must be an ISO-8601 date';
  }
  const min = schema['minValue'];
  const max = schema['maxValue'];
  if (errors['minValue'] === undefined && errors['maxValue'] === undefined && min !== undefined && max !== undefined) {
    const a = type === 'Date' ? Date.parse(String(min)) : Number(min);
    const b = type === 'Date' ? Date.parse(String(max)) : Number(max);
    if (a > b) errors['minValue'] = 'must not be greater than maxValue';
  }
  const options = schema['selectOptions'];
  if (isSelect) {
    if (!Array.isArray(options) || options.length === 0) errors['selectOptions'] = 'is required for select fields and must be a non-empty array';
    else if (options.some((option) => !['string', 'number', 'boolean'].includes(typeof option))) {
      errors['selectOptions'] = 'must contain only strings, numbers or booleans';
    }
  } else if (options !== undefined) errors['selectOptions'] = 'is only allowed for SingleSelect and MultiSelect fields';
  if (schema['isValueRequired'] !== undefined && typeof schema['isValueRequired'] !== 'boolean') {
    errors['isValueRequired'] = 'must be a boolean';
  }
  if (schema['isValueRequired'] === true && schema['defaultValue'] === undefined) {
    errors['defaultValue'] = 'is required when isValueRequired is true';
  }
  if (schema['defaultValue'] !== undefined && Object.keys(errors).length === 0) {
    const problem = valueProblem({ ...schema, type }, schema['defaultValue']);
    if (problem !== undefined) errors['defaultValue'] = problem;
  }
  return errors;
}

/**
 * Validates asset custom metadata against the live fields; 400 for unknown keys or bad
 * values. `null` values are allowed when `allowNull` (update: unset the key).
 */
export function validateCustomMetadata(fields: readonly CustomMetadataFieldRecord[], values: Record<string, unknown>, allowNull: boolean): void {
  for (const [key, value] of Object.entries(values)) {
    const field = fields.find((candidate) => !candidate.deleted && candidate.name === key);
    if (field === undefined) {
      badRequest(`Invalid customMetadata: "${key}" is not a defined custom metadata field.`, {
        errors: { [key]: 'is not a defined custom metadata field' },
      });
    }
    if (value === null && allowNull) {
      if (field.schema['isValueRequired'] === true) badRequest(`Invalid customMetadata: "${key}" is required and cannot be unset.`);
      continue;
    }
    const problem = valueProblem(field.schema, value);
    if (problem !== undefined) badRequest(`Invalid customMetadata: "${key}" ${problem}.`, { errors: { [key]: problem } });
  }
}

/** Default values of live fields that have one (applied to new uploads). */
export function defaultValues(fields: readonly CustomMetadataFieldRecord[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) if (!field.deleted && field.schema['defaultValue'] !== undefined) out[field.name] = field.schema['defaultValue'];
  return out;
}
