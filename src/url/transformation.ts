/**
 * @module url/transformation
 * Transformation steps → the `tr` string (rules 6–7).
 * Rule numbers refer to docs/url-and-signing-rules.md.
 * Pure and synchronous; runs everywhere.
 */
import { renderOverlay } from './overlay.js';
import { lookupKey } from './transformation-names.js';
import type { Transformation } from './types.js';
import { checkedValue, fail, noSlash, record, text } from './values.js';

/**
 * How deep overlays may nest (an overlay's `transformation` holding an overlay, …).
 * ImageKit layers rarely go past two or three; the limit turns a cyclic or runaway
 * input into a `TypeError`.
 */
export const MAX_NESTING = 16;

/** Effects that take no value (group 1) and effects with an optional value (rule 7). */
const effect = /^e-(?:(grayscale|contrast|removedotbg|bgremove|upscale|retouch|genvar)|sharpen|shadow|gradient|usm|dropshadow)$/;

/**
 * Renders one parameter (`value` is neither `null` nor `undefined`) of step `at`, or
 * returns `""` when rule 7 omits it.
 */
function renderParam(name: string, value: unknown, at: string): string {
  const key = lookupKey(name);
  // `raw` is inserted as it is, but never with a "/" (rule 7).
  if (key === 'raw') return noSlash(typeof value === 'string' ? value : fail(at + '.' + name, 'be a string'), at, name);
  // A "/" in a name would split the tr segment like one in a value.
  noSlash(key, at, name);
  if (key === 'sr' && Array.isArray(value)) {
    return 'sr-' + value.map((item: unknown, i) => noSlash(text(item, at + '.' + name + '[' + i + ']'), at, name)).join('_');
  }
  let written = text(value, at, true, name);
  // "-" renders the bare key, for any parameter (rule 7).
  if (written === '-') return key;
  const kind = key[1] === '-' && effect.exec(key);
  if (kind) {
    // Flag-only: true → bare key; false/empty → omitted. Optional-value: true/empty → bare key.
    if (written === 'true') return key;
    if ((kind[1] && written === 'false') || !written.trim()) return kind[1] ? '' : key;
  } else if (key === 'di' || key === 'oi' || key === 'ff') {
    // Path values: one leading and one trailing "/" removed, every other "/" → "@@".
    written = written.replace(/^\/|\/$/g, '').replaceAll('/', '@@');
  } else if (key === 't' && !written.trim()) {
    written = 'true';
  }
  // Path values have no "/" left; any other "/" would split the tr segment (rule 7).
  return key + '-' + checkedValue(written, key, at, name);
}

/**
 * Renders an array of steps (`undefined` gives `""`); `prefix` names the array in error
 * messages. Internal: also used for the nested `transformation` of a layer.
 * @throws {TypeError} Not an array, a step is not an object, a value has the wrong type,
 *   or overlays nest deeper than {@link MAX_NESTING} levels (`depth` counts them).
 * @throws {RangeError} A number is not finite.
 */
export function renderSteps(steps: unknown, prefix: string, depth = 0): string {
  if (steps === undefined) return '';
  if (!Array.isArray(steps)) fail(prefix, 'be an array');
  // A cyclic or absurdly deep input ends here, not in "Maximum call stack size exceeded".
  if (depth > MAX_NESTING) fail(prefix, 'not nest overlays deeper than ' + MAX_NESTING + ' levels (is it cyclic?)');
  let out = '';
  for (let index = 0; index < steps.length; index++) {
    const at = prefix + '[' + index + ']';
    // A missing step (e.g. `cond ? {...} : undefined`) is skipped like a missing value.
    const step = record(steps[index], at);
    let part = '';
    // Own keys only: an inherited enumerable property is not a transformation.
    for (const name in step) {
      const value = step[name];
      if (!Object.hasOwn(step, name) || value == null || name === '') continue;
      const rendered = name === 'overlay' ? renderOverlay(value, at + '.overlay', renderSteps, depth) : renderParam(name, value, at);
      if (rendered) part += (part && ',') + rendered;
    }
    if (part) out += (out && ':') + part;
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
 * @throws {TypeError} `transformation` is not an array, a step is not an object, a value has
 *   the wrong type or contains `/` (except the path-like keys), or overlays nest deeper than
 *   16 levels (a cyclic transformation included).
 * @throws {RangeError} A number is `NaN` or infinite.
 * @example
 * buildTransformationString([{ width: 300, height: 200 }, { rotation: 90 }]); // "w-300,h-200:rt-90"
 */
export function buildTransformationString(transformation?: Transformation[]): string {
  return renderSteps(transformation, 'transformation');
}
