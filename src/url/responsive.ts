/**
 * @module url/responsive
 * `getResponsiveImageAttributes()`: `src`, `srcSet` and `sizes` for an `<img>`, built
 * with {@link buildUrl}. Pure and synchronous; runs everywhere.
 */
import { buildUrl } from './build-url.js';
import type { ResponsiveImageAttributes, ResponsiveImageOptions } from './types.js';
import { fail, record } from './values.js';

/** Default device-width breakpoints, in px. */
const defaultDeviceBreakpoints = [640, 750, 828, 1080, 1200, 1920, 2048, 3840];
/** Default small-image breakpoints, in px. */
const defaultImageBreakpoints = [16, 32, 48, 64, 96, 128, 256, 384];

/** `value` when it is a finite number > 0. */
function positive(value: unknown, option: string): number {
  if (typeof value !== 'number') fail(option, 'be a number');
  return value > 0 && value < Infinity ? value : fail(option, 'be a finite number > 0', RangeError);
}

/** The breakpoints of `value` (or `fallback`), validated, ascending and without repeats. */
function breakpoints(value: unknown, fallback: number[], option: string, more: number[] = []): number[] {
  if (value !== undefined && !Array.isArray(value)) fail(option, 'be an array of numbers');
  const list = ((value as unknown[] | undefined) ?? fallback).map((item, i) => positive(item, option + '[' + i + ']'));
  return [...new Set(list.concat(more))].sort((a, b) => a - b);
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
  if (!record(options, 'options')) fail('options', 'be an object');
  const { width, sizes, maxWidth, deviceBreakpoints, imageBreakpoints, transformation = [], ...rest } = options;
  if (width !== undefined) positive(width, 'width');
  if (maxWidth !== undefined) positive(maxWidth, 'maxWidth');
  if (sizes !== undefined && typeof sizes !== 'string') fail('sizes', 'be a string');
  if (!Array.isArray(transformation)) fail('transformation', 'be an array');
  const device = breakpoints(deviceBreakpoints, defaultDeviceBreakpoints, 'deviceBreakpoints');
  const all = breakpoints(imageBreakpoints, defaultImageBreakpoints, 'imageBreakpoints', device);
  // Candidate widths and descriptors, as @imagekit/javascript chooses them.
  const density = !sizes && width !== undefined;
  let widths = device;
  if (sizes) {
    // `vw` shares drop breakpoints below that share of the smallest device width.
    const percents = Array.from(sizes.matchAll(/(?:^|\s)(1?\d{1,2})vw/g), (match) => Number(match[1]));
    const minimum = (device[0] ?? 0) * (Math.min(...percents) / 100);
    widths = percents.length ? all.filter((w) => w >= minimum) : all;
  } else if (density) {
    const nearest = (target: number): number => all.find((w) => w >= target) ?? all[all.length - 1] ?? target;
    widths = [nearest(width), nearest(width * 2)];
  }
  widths = [...new Set(maxWidth === undefined ? widths : widths.map((w) => Math.min(w, maxWidth)))];
  const urlFor = (w?: number): string =>
    buildUrl({ ...rest, transformation: w ? [...transformation, { width: w, crop: 'at_max' }] : transformation });
  // Only an empty breakpoint list leaves no candidate; then the plain URL is the src.
  const result: ResponsiveImageAttributes = { src: urlFor(widths[widths.length - 1]) };
  if (widths.length) result.srcSet = widths.map((w, i) => urlFor(w) + ' ' + (density ? i + 1 + 'x' : w + 'w')).join(', ');
  if (sizes || !density) result.sizes = sizes || '100vw';
  if (width !== undefined) result.width = width;
  return result;
}
