/**
 * @module url/overlay
 * Renders one layer object (`overlay` key) as
 * `l-<type>,<input>,[lm-…],[position…],[timing…],[nested],l-end`.
 * Pure; base64 via `TextEncoder` + `btoa`, never `Buffer`. Not public API.
 */
import { encodeComponent } from './encode.js';
import { checkedValue, fail, record, text } from './values.js';

/** Renders a nested transformation array; passed in to avoid an import cycle. */
export type RenderSteps = (steps: unknown, label: string, depth: number) => string;

/** The encodings a text or path input may ask for. */
type Encoding = 'auto' | 'plain' | 'base64';

/** Base64 (standard alphabet, padded) of the UTF-8 bytes of `value`, percent-encoded. */
function base64(value: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(value)) binary += String.fromCharCode(byte);
  return encodeComponent(btoa(binary));
}

/**
 * The required input of a layer (`text`, `input` or `color`) as text.
 * @throws {TypeError} It is missing, empty or of the wrong type: the layer would vanish.
 */
function requiredInput(layer: Record<string, unknown>, label: string, field: string): string {
  const value = layer[field];
  return (value != null && text(value, label, false, field)) || fail(label + '.' + field, 'be a non-empty string');
}

/** `,key-value` for one position, timing or mode field; `""` when it is absent or falsy. */
function facet(group: Record<string, unknown>, at: string, name: string, key: string): string {
  const value = group[name];
  // Falsy values are skipped, as Node v7 does (`x: 0` writes nothing); NaN still throws.
  if (!value && value === value) return '';
  return ',' + key + '-' + checkedValue(text(value, at, false, name), key, at, name);
}

/**
 * Renders a layer object.
 * @param depth - How deep this layer sits (its own steps are rendered at `depth + 1`).
 * @throws {TypeError} The layer is not an object; `type` is missing or unknown; its
 *   `text`/`input`/`color` is missing or empty; a field has the wrong type or a `/`.
 * @throws {RangeError} A number is not finite, or negative where ImageKit has no negatives.
 */
export function renderOverlay(overlay: unknown, label: string, renderSteps: RenderSteps, depth: number): string {
  const layer = record(overlay, label)!;
  const type = layer['type'];
  let out: string;
  if (type === 'solidColor') {
    out = 'l-image,i-ik_canvas,bg-' + checkedValue(requiredInput(layer, label, 'color'), 'bg', label, 'color');
  } else if (type === 'text' || type === 'image' || type === 'video' || type === 'subtitle') {
    const encoding = (layer['encoding'] ?? 'auto') as Encoding;
    if (encoding !== 'auto' && encoding !== 'plain' && encoding !== 'base64') {
      fail(label + '.encoding', 'be "auto", "plain" or "base64"');
    }
    if (type === 'text') {
      const value = requiredInput(layer, label, 'text');
      const plain = encoding === 'plain' || (encoding === 'auto' && /^[\w\-. ]*$/.test(value));
      out = 'l-text,' + (plain ? 'i-' + encodeComponent(value) : 'ie-' + base64(value));
    } else {
      // A path loses one leading and one trailing "/"; plainly written, "/" becomes "@@".
      const path = requiredInput(layer, label, 'input').replace(/^\/|\/$/g, '');
      if (!path) fail(label + '.input', 'be a non-empty path');
      const plain = encoding === 'plain' || (encoding === 'auto' && /^[\w\-. /]*$/.test(path));
      // `subtitle` is written `l-subtitles` (the layer name ImageKit uses since 2026-01-29).
      const name = type === 'subtitle' ? 'subtitles' : type;
      out = 'l-' + name + ',' + (plain ? 'i-' + path.replaceAll('/', '@@') : 'ie-' + base64(path));
    }
  } else {
    fail(label + '.type', 'be "text", "image", "video", "subtitle" or "solidColor"');
  }
  out += facet(layer, label, 'layerMode', 'lm');
  // Node v7's order: lx, ly, lxc, lyc, lfo, lap (JS v5 swaps the last two).
  const position = record(layer['position'], label + '.position');
  if (position) {
    const at = label + '.position';
    out +=
      facet(position, at, 'x', 'lx') +
      facet(position, at, 'y', 'ly') +
      facet(position, at, 'xCenter', 'lxc') +
      facet(position, at, 'yCenter', 'lyc') +
      facet(position, at, 'focus', 'lfo') +
      facet(position, at, 'anchorPoint', 'lap');
  }
  const timing = record(layer['timing'], label + '.timing');
  if (timing) {
    const at = label + '.timing';
    out += facet(timing, at, 'start', 'lso') + facet(timing, at, 'end', 'leo') + facet(timing, at, 'duration', 'ldu');
  }
  const inner = renderSteps(layer['transformation'] ?? undefined, label + '.transformation', depth + 1);
  return out + (inner && ',' + inner) + ',l-end';
}
