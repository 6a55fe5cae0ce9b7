/**
 * @module url/responsive
 * `getResponsiveImageAttributes()`: `src`, `srcSet` and `sizes` for an `<img>`, built
 * with {@link buildUrl}. Pure and synchronous; runs everywhere.
 */
import { buildUrl } from './build-url.js';
import type { ResponsiveImageAttributes, ResponsiveImageOptions, Transformation } from './types.js';
import { fail, record } from './values.js';

/** Default device-width breakpoints, in px. */
export const defaultDeviceBreakpoints: readonly number[] = [640, 750, 828, 1080, 1200, 1920, 2048, 3840];
/** Default small-image breakpoints, in px. */
export const defaultImageBreakpoints: readonly number[] = [16, 32, 48, 64, 96, 128, 256, 384];

const vwToken = /(?:^|\s)(1?\d{1,2})vw/g;

function positive(value: unknown, option: string): number {
  if (typeof value !== 'number') fail(option, 'a number');
  if (!(value > 0 && value < Infinity)) fail(option, 'a finite number > 0', RangeError);
  return value;
}

function breakpoints(value: unknown, fallback: readonly number[], option: string): number[] {
  if (value === undefined) return [...fallback];
  if (!Array.isArray(value)) fail(option, 'an array of numbers');
  return value.map((item: unknown, i) => positive(item, option + '[' + i + ']'));
}

function ascendingUnique(values: number[]): number[] {
  return [...new Set(values)].sort((a, b) => a - b);
}

/** Candidate widths and their descriptor kind, as @imagekit/javascript chooses them. */
function candidates(
  all: number[],
  device: number[],
  width: number | undefined,
  sizes: string | undefined,
): { widths: number[]; kind: 'w' | 'x' } {
  if (sizes) {
    const percents = [...sizes.matchAll(vwToken)].map((match) => Number(match[1]));
    if (percents.length === 0) return { widths: all, kind: 'w' };
    const minimum = (device[0] ?? 0) * (Math.min(...percents) / 100);
    return { widths: all.filter((w) => w >= minimum), kind: 'w' };
  }
  if (width === undefined) return { widths: device, kind: 'w' };
  const nearest = (target: number): number => all.find((w) => w >= target) ?? all[all.length - 1] ?? target;
  return { widths: [...new Set([nearest(width), nearest(width * 2)])], kind: 'x' };
}

/**
 * Builds `src`, `srcSet` and `sizes` for a responsive `<img>`.
 *
 * - `sizes` given: `w` descriptors over all breakpoints; `vw` percentages drop
 *   breakpoints smaller than that share of the smallest device width.
 * - `width` given (no `sizes`): `1x`/`2x` descriptors at the nearest breakpoints.
 * - neither: `w` descriptors over the device breakpoints, `sizes: "100vw"`.
 *
 * Each candidate URL adds a `{ width, crop: 'at_max' }` step after your steps; `src` is
 * the largest candidate. With `maxWidth` (the original width) no candidate is wider.
 * @param options - {@link ResponsiveImageOptions}: the {@link buildUrl} options plus breakpoints.
 * @returns `{ src, srcSet?, sizes?, width? }`.
 * @throws {TypeError} As {@link buildUrl}, or a breakpoint/width is not a number.
 * @throws {RangeError} A width or breakpoint is not a finite number > 0.
 * @example
 * getResponsiveImageAttributes({ urlEndpoint: 'https://ik.imagekit.io/demo', src: '/a.jpg', width: 400 });
 * // { src: '…/tr:w-828,c-at_max/a.jpg', srcSet: '…w-640… 1x, …w-828… 2x', width: 400 }
 */
export function getResponsiveImageAttributes(options: ResponsiveImageOptions): ResponsiveImageAttributes {
  if (!record(options, 'options')) fail('options', 'an object with `urlEndpoint` and `src` or `path`');
  const { width, sizes, maxWidth, deviceBreakpoints, imageBreakpoints, transformation, ...rest } = options;
  if (width !== undefined) positive(width, 'width');
  if (maxWidth !== undefined) positive(maxWidth, 'maxWidth');
  if (sizes !== undefined && typeof sizes !== 'string') fail('sizes', 'a string');
  if (transformation !== undefined && !Array.isArray(transformation)) fail('transformation', 'an array of transformation steps');
  const device = ascendingUnique(breakpoints(deviceBreakpoints, defaultDeviceBreakpoints, 'deviceBreakpoints'));
  const image = breakpoints(imageBreakpoints, defaultImageBreakpoints, 'imageBreakpoints');
  const all = ascendingUnique([...image, ...device]);
  const chosen = candidates(all, device, width, sizes);
  let widths = chosen.widths;
  if (maxWidth !== undefined) widths = [...new Set(widths.map((w) => Math.min(w, maxWidth)))];

  const steps: Transformation[] = transformation ?? [];
  const urlFor = (w: number): string => buildUrl({ ...rest, transformation: [...steps, { width: w, crop: 'at_max' }] });
  const largest = widths[widths.length - 1];
  const result: ResponsiveImageAttributes = {
    // Only an empty breakpoint list leaves no candidate; then the plain URL is the src.
    src: largest === undefined ? buildUrl({ ...rest, ...(transformation ? { transformation } : {}) }) : urlFor(largest),
  };
  if (widths.length > 0) {
    result.srcSet = widths
      .map((w, i) => `${urlFor(w)} ${chosen.kind === 'w' ? w : i + 1}${chosen.kind}`)
      .join(', ');
  }
  const finalSizes = sizes || (chosen.kind === 'w' ? '100vw' : undefined);
  if (finalSizes !== undefined) result.sizes = finalSizes;
  if (width !== undefined) result.width = width;
  return result;
}
