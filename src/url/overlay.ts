/**
 * @module url/overlay
 * Renders one layer object (`overlay` key) as
 * `l-<type>,<input>,[lm-…],[position…],[timing…],[nested],l-end` (url-rules §4).
 * Pure; base64 via `TextEncoder` + `btoa`, never `Buffer`. Not public API.
 */
import { encodeComponent } from './encode.js';
import { fail, noSlash, record, text } from './values.js';

/** Renders a nested transformation array; passed in to avoid an import cycle. */
export type RenderSteps = (steps: unknown, label: string, depth: number) => string;

/**
 * The facets written after the input, in Node v7 order (lx, ly, lxc, lyc, lfo, lap; JS v5
 * swaps the last two): `group name key name key …` per `|`-separated part, where group
 * `-` is the layer itself.
 */
const facets = '- layerMode lm|position x lx y ly xCenter lxc yCenter lyc focus lfo anchorPoint lap|timing start lso end leo duration ldu';
/** {@link facets} split, on first use. */
let facetList: string[][] | undefined;

/**
 * Renders a layer object, or returns `undefined` when the layer is dropped (no `type`,
 * or its required `text`/`input`/`color` is missing or empty).
 * @throws {TypeError} The layer is not an object, has an unknown `type` or a field of the wrong type.
 * @throws {RangeError} A number is not finite.
 */
export function renderOverlay(overlay: unknown, label: string, renderSteps: RenderSteps, depth: number): string | undefined {
  const layer = record(overlay, label);
  const type = layer?.['type'];
  if (type == null || type === '') return undefined;
  const field =
    type === 'text'
      ? type
      : type === 'solidColor'
        ? 'color'
        : type === 'image' || type === 'video' || type === 'subtitle'
          ? 'input'
          : fail(label + '.type', '"text", "image", "video", "subtitle" or "solidColor"');
  const value = layer![field];
  if (value == null || value === '') return undefined;
  let input = text(value, label + '.' + field);
  let out: string;
  if (field === 'color') {
    out = 'l-image,i-ik_canvas,bg-' + noSlash(input, label, field);
  } else {
    const encoding = layer!['encoding'] ?? 'auto';
    if (encoding !== 'auto' && encoding !== 'plain' && encoding !== 'base64') {
      fail(label + '.encoding', '"auto", "plain" or "base64"');
    }
    const path = field === 'input';
    // An input path loses one leading and one trailing "/"; inside it "/" is allowed plainly.
    if (path) input = input.replace(/^\/|\/$/g, '');
    const plain = encoding === 'plain' || (encoding === 'auto' && /^[\w\-. ]*$/.test(path ? input.replaceAll('/', '') : input));
    // `subtitle` → `l-subtitles` (the layer name changed on 2026-01-29; url-rules §4).
    out =
      'l-' + (type === 'subtitle' ? 'subtitles' : type) + ',i' +
      (!plain
        ? 'e-' + encodeComponent(btoa(String.fromCharCode(...new TextEncoder().encode(input))))
        : '-' + (path ? input.replaceAll('/', '@@') : encodeComponent(input)));
  }
  for (const [name, ...spec] of (facetList ??= facets.split('|').map((part) => part.split(' ')))) {
    const at = name === '-' ? label : label + '.' + name;
    const group = name === '-' ? layer : record(layer![name!], at);
    for (let i = 0; group && i < spec.length; i += 2) {
      const facet = group[spec[i]!];
      // Falsy values are skipped (as Node v7); NaN still throws.
      if (facet || facet !== facet) out += ',' + spec[i + 1]! + '-' + noSlash(text(facet, at + '.' + spec[i]!), at, spec[i]);
    }
  }
  const inner = renderSteps(layer!['transformation'] ?? undefined, label + '.transformation', depth + 1);
  return out + (inner && ',' + inner) + ',l-end';
}
