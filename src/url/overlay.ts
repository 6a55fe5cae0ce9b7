/**
 * @module url/overlay
 * Renders one layer object (`overlay` key) as
 * `l-<type>,<input>,[lm-…],[position…],[timing…],[nested],l-end` (url-rules §4).
 * Pure; base64 via `TextEncoder` + `btoa`, never `Buffer`. Not public API.
 */
import { toBase64, utf8 } from '../internal/encoding.js';
import { encodeComponent } from './encode.js';

/** Renders a nested transformation array; passed in to avoid an import cycle. */
export type RenderSteps = (steps: unknown, label: string) => string;

const plainText = /^[a-zA-Z0-9\-._ ]*$/;
const plainPath = /^[a-zA-Z0-9\-._/ ]*$/;

function base64Input(text: string): string {
  return 'ie-' + encodeComponent(toBase64(utf8(text)));
}

function textInput(text: string, encoding: string): string {
  if (encoding === 'base64' || (encoding === 'auto' && !plainText.test(text))) return base64Input(text);
  return 'i-' + encodeComponent(text);
}

function pathInput(input: string, encoding: string): string {
  let path = input;
  if (path.startsWith('/')) path = path.slice(1);
  if (path.endsWith('/')) path = path.slice(0, -1);
  if (encoding === 'base64' || (encoding === 'auto' && !plainPath.test(path))) return base64Input(path);
  return 'i-' + path.replaceAll('/', '@@');
}

function readEncoding(value: unknown, label: string): string {
  if (value === undefined || value === null) return 'auto';
  if (value === 'auto' || value === 'plain' || value === 'base64') return value;
  throw new TypeError(`\`${label}.encoding\` must be "auto", "plain" or "base64"`);
}

/** A required string field; `undefined` when it is missing or empty (the layer is then dropped). */
function readInput(value: unknown, label: string): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`\`${label}\` must be a finite number`);
    return String(value);
  }
  throw new TypeError(`\`${label}\` must be a string`);
}

function readGroup(value: unknown, label: string): Record<string, unknown> | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw new TypeError(`\`${label}\` must be an object`);
  return value as Record<string, unknown>;
}

/** `key-value` for a truthy position/timing value; falsy values are skipped (as Node v7). */
function appendFacet(out: string, group: Record<string, unknown>, name: string, key: string, label: string): string {
  const value = group[name];
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new RangeError(`\`${label}.${name}\` must be a finite number`);
  }
  if (!value) return out;
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw new TypeError(`\`${label}.${name}\` must be a string or a number`);
  }
  return out + ',' + key + '-' + String(value);
}

/**
 * Renders a layer object, or returns `undefined` when the layer is dropped (no `type`,
 * or its required `text`/`input`/`color` is missing or empty).
 * @throws {TypeError} The layer is not an object, has an unknown `type` or a field of the wrong type.
 * @throws {RangeError} A number is not finite.
 */
export function renderOverlay(overlay: unknown, label: string, renderSteps: RenderSteps): string | undefined {
  const layer = readGroup(overlay, label);
  if (layer === undefined) return undefined;
  const type = layer['type'];
  if (type === undefined || type === null || type === '') return undefined;
  let out: string;
  switch (type) {
    case 'text': {
      const text = readInput(layer['text'], `${label}.text`);
      if (text === undefined) return undefined;
      out = 'l-text,' + textInput(text, readEncoding(layer['encoding'], label));
      break;
    }
    case 'image':
    case 'video':
    case 'subtitle': {
      const input = readInput(layer['input'], `${label}.input`);
      if (input === undefined) return undefined;
      // `subtitle` → `l-subtitles` (the layer name changed on 2026-01-29; url-rules §4).
      const name = type === 'subtitle' ? 'l-subtitles' : `l-${type}`;
      out = name + ',' + pathInput(input, readEncoding(layer['encoding'], label));
      break;
    }
    case 'solidColor': {
      const color = readInput(layer['color'], `${label}.color`);
      if (color === undefined) return undefined;
      out = 'l-image,i-ik_canvas,bg-' + color;
      break;
    }
    default:
      throw new TypeError(
        `\`${label}.type\` must be "text", "image", "video", "subtitle" or "solidColor"`,
      );
  }
  out = appendFacet(out, layer, 'layerMode', 'lm', label);
  const position = readGroup(layer['position'], `${label}.position`);
  if (position !== undefined) {
    const at = `${label}.position`;
    // Node v7 order: lx, ly, lxc, lyc, lfo, lap (JS v5 swaps the last two).
    out = appendFacet(out, position, 'x', 'lx', at);
    out = appendFacet(out, position, 'y', 'ly', at);
    out = appendFacet(out, position, 'xCenter', 'lxc', at);
    out = appendFacet(out, position, 'yCenter', 'lyc', at);
    out = appendFacet(out, position, 'focus', 'lfo', at);
    out = appendFacet(out, position, 'anchorPoint', 'lap', at);
  }
  const timing = readGroup(layer['timing'], `${label}.timing`);
  if (timing !== undefined) {
    const at = `${label}.timing`;
    out = appendFacet(out, timing, 'start', 'lso', at);
    out = appendFacet(out, timing, 'end', 'leo', at);
    out = appendFacet(out, timing, 'duration', 'ldu', at);
  }
  const nested = layer['transformation'];
  if (nested !== undefined && nested !== null) {
    const inner = renderSteps(nested, `${label}.transformation`);
    if (inner !== '') out += ',' + inner;
  }
  return out + ',l-end';
}
