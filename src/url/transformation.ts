/**
 * @module url/transformation
 * Transformation steps → the `tr` string (url-rules Part A rules 6–7, §3–§5).
 * Pure and synchronous; runs everywhere.
 */
import { renderOverlay } from './overlay.js';
import {
  isFlagOnlyEffect,
  isOptionalValueEffect,
  isPathValueKey,
  lookupKey,
  rawKey,
} from './transformation-names.js';
import type { Transformation } from './types.js';

function label(prefix: string, index: number, name: string): string {
  return `${prefix}[${index}].${name}`;
}

/** `di`/`oi`/`ff`: one leading and one trailing `/` removed, every other `/` → `@@`. */
function pathValue(value: string): string {
  let path = value;
  if (path.startsWith('/')) path = path.slice(1);
  if (path.endsWith('/')) path = path.slice(0, -1);
  return path.includes('/') ? path.replaceAll('/', '@@') : path;
}

function isBlank(text: string): boolean {
  return text === '' || text.trim() === '';
}

/**
 * Renders one parameter, or returns `undefined` when rule 7 omits it.
 * `key` is the resolved URL key; `value` is neither `null` nor `undefined`.
 */
function renderParam(key: string, value: unknown, prefix: string, index: number, name: string): string | undefined {
  let text: string;
  switch (typeof value) {
    case 'string':
      text = value;
      break;
    case 'number':
      if (!Number.isFinite(value)) {
        throw new RangeError(`\`${label(prefix, index, name)}\` must be a finite number, got ${String(value)}`);
      }
      text = String(value);
      break;
    case 'boolean':
      text = value ? 'true' : 'false';
      break;
    default:
      if (key === 'sr' && Array.isArray(value)) return 'sr-' + resolutions(value, prefix, index, name);
      throw new TypeError(`\`${label(prefix, index, name)}\` must be a string, a number or a boolean`);
  }
  // The seed's rule: "-" renders the bare key, for any parameter.
  if (text === '-') return key;
  if (isFlagOnlyEffect(key)) {
    if (text === 'true') return key;
    if (text === 'false' || isBlank(text)) return undefined;
    return key + '-' + text;
  }
  if (isOptionalValueEffect(key)) {
    if (text === 'true' || isBlank(text)) return key;
    return key + '-' + text;
  }
  if (isPathValueKey(key)) return key + '-' + pathValue(text);
  if (key === 't' && isBlank(text)) return 't-true';
  return key + '-' + text;
}

function resolutions(values: unknown[], prefix: string, index: number, name: string): string {
  let out = '';
  for (let i = 0; i < values.length; i++) {
    const item = values[i];
    if (typeof item === 'number' && !Number.isFinite(item)) {
      throw new RangeError(`\`${label(prefix, index, name)}[${i}]\` must be a finite number`);
    }
    if (typeof item !== 'string' && typeof item !== 'number') {
      throw new TypeError(`\`${label(prefix, index, name)}[${i}]\` must be a string or a number`);
    }
    out += (i === 0 ? '' : '_') + String(item);
  }
  return out;
}

/**
 * Renders an array of steps; `prefix` names the array in error messages.
 * Internal: also used for the nested `transformation` of a layer.
 */
export function renderSteps(steps: unknown, prefix: string): string {
  if (!Array.isArray(steps)) {
    throw new TypeError(`\`${prefix}\` must be an array of transformation steps`);
  }
  let out = '';
  for (let index = 0; index < steps.length; index++) {
    const step: unknown = steps[index];
    // A missing step (e.g. `cond ? {...} : undefined`) is skipped like a missing value.
    if (step === undefined || step === null) continue;
    if (typeof step !== 'object' || Array.isArray(step)) {
      throw new TypeError(`\`${prefix}[${index}]\` must be an object`);
    }
    const record = step as Record<string, unknown>;
    let part = '';
    for (const name in record) {
      // Own keys only: an inherited enumerable property is not a transformation.
      if (!Object.prototype.hasOwnProperty.call(record, name)) continue;
      const value = record[name];
      if (value === undefined || value === null || name === '') continue;
      let rendered: string | undefined;
      if (name === 'overlay') {
        rendered = renderOverlay(value, label(prefix, index, name), renderSteps);
      } else {
        const key = lookupKey(name);
        if (key === rawKey) {
          if (typeof value !== 'string') {
            throw new TypeError(`\`${label(prefix, index, name)}\` must be a string`);
          }
          rendered = value === '' ? undefined : value;
        } else {
          rendered = renderParam(key, value, prefix, index, name);
        }
      }
      if (rendered !== undefined) part = part === '' ? rendered : part + ',' + rendered;
    }
    if (part !== '') out = out === '' ? part : out + ':' + part;
  }
  return out;
}

/**
 * Builds the transformation string (the value of `tr`, unencoded) from steps: parameters
 * of a step are joined with `,`, steps with `:`. Known names map to their URL keys
 * (exact match, then lower-cased), unknown keys pass through verbatim, `null`/`undefined`
 * values and empty steps are skipped, `"-"` renders the bare key, and `overlay` objects
 * become `l-…,l-end` layers.
 * @param transformation - The steps; `undefined` gives `""`.
 * @returns The string, e.g. `"w-300,h-200:rt-90"`; `""` when nothing renders.
 * @throws {TypeError} `transformation` is not an array, a step is not an object, or a value has the wrong type.
 * @throws {RangeError} A number is `NaN` or infinite.
 * @example
 * buildTransformationString([{ width: 300, height: 200 }, { rotation: 90 }]); // "w-300,h-200:rt-90"
 */
export function buildTransformationString(transformation?: Transformation[]): string {
  if (transformation === undefined) return '';
  return renderSteps(transformation, 'transformation');
}
