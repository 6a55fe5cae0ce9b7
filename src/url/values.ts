/**
 * @module url/values
 * Option values and the caller-mistake errors of the URL builder, shared by every file so
 * each message is written once. Pure. Not public API.
 */

/**
 * Throws "`label` must be `what`" as a `TypeError` (or `Kind`).
 * @throws {TypeError} Always (or `Kind`).
 */
export function fail(label: string, what: string, Kind: new (message: string) => Error = TypeError): never {
  throw new Kind('`' + label + '` must be ' + what);
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
  if (name !== undefined) label += '.' + name;
  return typeof value === 'number'
    ? fail(label, 'a finite number', RangeError)
    : fail(label, booleans ? 'a string, a number or a boolean' : 'a string or a number');
}

/**
 * Throws "`label` must not `what`" (or "`label.name` …") as a `TypeError` (or `Kind`).
 * @throws {TypeError} Always (or `Kind`).
 */
export function refuse(label: string, name: string | undefined, what: string, Kind: new (message: string) => Error = TypeError): never {
  throw new Kind('`' + (name === undefined ? label : label + '.' + name) + '` must not ' + what);
}

/**
 * `written` (the text of value `label`, or `label.name`) when it has no `/`: a `/` would
 * split the `tr` path segment, and a `..` after it would drop the segment.
 * @throws {TypeError} It contains `/`.
 */
export function noSlash(written: string, label: string, name?: string): string {
  return written.includes('/') ? refuse(label, name, "contain '/'") : written;
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
    return negativeAsN.test(key) ? 'N' + written.slice(1) : refuse(label, name, 'be negative', RangeError);
  }
  return written.trim() ? noSlash(written, label, name) : refuse(label, name, 'be empty');
}

/**
 * `value` when it is a plain object, `undefined` when it is `null`/`undefined`.
 * @throws {TypeError} Anything else (including an array).
 */
export function record(value: unknown, label: string): Record<string, unknown> | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : fail(label, 'an object');
}
