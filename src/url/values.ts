/**
 * @module url/values
 * Option values and the caller-mistake errors of the URL builder, shared by every file so
 * each message is written once. Pure. Not public API.
 */

/**
 * Throws "`label` must `what`" (or "`label.name` must `what`": the name is joined only
 * here, off the hot path) as a `TypeError` (or `Kind`). `what` starts with "be" or "not".
 * @throws {TypeError} Always (or `Kind`).
 */
export function fail(label: string, what: string, Kind: new (message: string) => Error = TypeError, name?: string): never {
  throw new Kind('`' + (name === undefined ? label : label + '.' + name) + '` must ' + what);
}

/**
 * A scalar value as URL text: a string as it is, a finite number via `String`, a boolean
 * as `true`/`false` when `booleans` is set. Errors name `label`, or `label.name` when
 * `name` is given (built only then: this is the hot path).
 * @throws {RangeError} A number that is not finite.
 * @throws {TypeError} Any other type.
 */
export function text(value: unknown, label: string, booleans?: boolean, name?: string): string {
  if (typeof value === 'string') return value;
  if ((typeof value === 'number' && isFinite(value)) || (booleans && typeof value === 'boolean')) return '' + value;
  return typeof value === 'number'
    ? fail(label, 'be a finite number', RangeError, name)
    : fail(label, booleans ? 'be a string, a number or a boolean' : 'be a string or a number', TypeError, name);
}

/**
 * `written` (the text of value `label`, or `label.name`) when it has no `/`: a `/` would
 * split the `tr` path segment, and a `..` after it would drop the segment.
 * @throws {TypeError} It contains `/`.
 */
export function noSlash(written: string, label: string, name?: string): string {
  return written.includes('/') ? fail(label, "not contain '/'", TypeError, name) : written;
}

/** URL keys whose negative values ImageKit writes with an `N` prefix (`rt-N90`, `lx-N20`). */
const negativeAsN = /^(?:rt|lx|ly|lxc|lyc)$/;

/**
 * `written`, the text of the value of URL key `key` (option `label`, or `label.name`),
 * checked so that ImageKit neither refuses it nor drops it silently: a negative number
 * becomes `N…` where ImageKit documents negatives (rotation, layer offsets); an empty
 * value and a `/` are refused.
 * @throws {RangeError} A negative number for any other key (`width: -5` would be `w--5`).
 * @throws {TypeError} Empty or blank (`width: ''` would be `w-`), or a `/`.
 */
export function checkedValue(written: string, key: string, label: string, name?: string): string {
  if (/^-[\d.]/.test(written)) {
    return negativeAsN.test(key) ? 'N' + written.slice(1) : fail(label, 'not be negative', RangeError, name);
  }
  return written.trim() ? noSlash(written, label, name) : fail(label, 'not be empty', TypeError, name);
}

/**
 * `value` when it is a plain object, `undefined` when it is `null`/`undefined`.
 * @throws {TypeError} Anything else (including an array).
 */
export function record(value: unknown, label: string): Record<string, unknown> | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : fail(label, 'be an object');
}
