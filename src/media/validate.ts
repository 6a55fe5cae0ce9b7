/**
 * @module media/validate
 * Input checks shared by the media functions. Caller mistakes throw native
 * `TypeError` / `RangeError` naming the argument, before anything is sent. The media
 * functions are `async`, so each of these reaches the caller as a rejection.
 */
import type { RequestOptions } from '../core/request.js';
import { checkOptionKeys } from '../internal/options.js';

/** Throws unless `value` is a non-empty string. */
export function requireString(name: string, value: unknown): string {
  if (typeof value !== 'string' || value === '') {
    throw new TypeError(`The \`${name}\` argument must be a non-empty string`);
  }
  return value;
}

/** Throws unless `value` is `undefined` or a string. */
export function optionalString(name: string, value: unknown): string | undefined {
  if (value !== undefined && typeof value !== 'string') {
    throw new TypeError(`The \`${name}\` argument must be a string`);
  }
  return value;
}

/** Throws unless `value` is `undefined` or a boolean. */
export function optionalBoolean(name: string, value: unknown): boolean | undefined {
  if (value !== undefined && typeof value !== 'boolean') {
    throw new TypeError(`The \`${name}\` argument must be a boolean`);
  }
  return value;
}

/** Throws unless `value` is a plain object (not null, not an array). */
export function requireObject<T extends object>(name: string, value: unknown): T {
  if (typeof value === 'function') throw callbackError();
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError(`The \`${name}\` argument must be an object`);
  }
  return value as T;
}

/**
 * Throws unless `value` is an array of 1..`max` non-empty strings.
 * @throws {TypeError} not an array, or an element is not a non-empty string.
 * @throws {RangeError} empty, or longer than `max`.
 */
export function requireStringArray(name: string, value: unknown, max?: number): string[] {
  if (!Array.isArray(value)) throw new TypeError(`The \`${name}\` argument must be an array of strings`);
  if (value.length === 0) throw new RangeError(`The \`${name}\` argument must not be empty`);
  if (max !== undefined && value.length > max) {
    throw new RangeError(`The \`${name}\` argument accepts at most ${max} items (got ${value.length})`);
  }
  for (const item of value) {
    if (typeof item !== 'string' || item === '') {
      throw new TypeError(`The \`${name}\` argument must be an array of non-empty strings`);
    }
  }
  return value as string[];
}

/**
 * Throws unless `value` is `undefined` or an integer in `[min, max]`.
 * @throws {RangeError}
 */
export function optionalInteger(name: string, value: unknown, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`The \`${name}\` argument must be an integer from ${min} to ${max}`);
  }
  return value;
}

/** Throws unless `value` is a `YYYY-MM-DD` date string. */
export function requireDate(name: string, value: unknown): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    throw new TypeError(`The \`${name}\` argument must be a date in YYYY-MM-DD format`);
  }
  return value;
}

/** Returns a copy of `record` without its `undefined` values (so they are not sent). */
export function definedOnly<T extends object>(record: T): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) if (value !== undefined) out[key] = value;
  return out as Partial<T>;
}

/**
 * The error for a function passed where `imagekit` v6 took a callback: this SDK never
 * calls one, so it must not be ignored silently.
 */
export function callbackError(): TypeError {
  return new TypeError(
    'Callbacks are not supported: this method returns a promise. Use `await` or `.then()` on the returned promise instead of passing a callback',
  );
}

/** Rejects a function anywhere in `args` (a v6-style callback). */
export function refuseCallbacks(args: ArrayLike<unknown>): void {
  for (let i = 0; i < args.length; i++) if (typeof args[i] === 'function') throw callbackError();
}

const requestOptionKeys = ['signal', 'timeout', 'maxRetries', 'maxRateLimitWait', 'headers', 'hooks'];

/**
 * Checks the `options` argument of an API call and returns its known keys, so an options
 * object can never set the endpoint's method, path, body, host or retry policy.
 * @param where the call's name, for the message.
 * @throws {TypeError} a function (a v6 callback), a non-object, or an unknown key.
 */
export function requestOptions(value: unknown, where: string): RequestOptions {
  if (value === undefined) return {};
  if (typeof value === 'function') throw callbackError();
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError('The `options` argument must be an object such as `{ signal, timeout, maxRetries, headers }`');
  }
  checkOptionKeys(value, requestOptionKeys, where);
  const { signal, timeout, maxRetries, maxRateLimitWait, headers, hooks } = value as RequestOptions;
  return { signal, timeout, maxRetries, maxRateLimitWait, headers, hooks };
}

/** Checks one value and returns it; `name` is used in the error message. */
export type Check = (name: string, value: unknown) => unknown;

/** A check for every key of `T`: the keys of a parameters object, and how each is validated. */
export type Checks<T> = { readonly [K in keyof T]-?: Check };

/** Accepts any value (the API validates it). */
export const anything: Check = (_name, value) => value;

/** A check for `undefined` or an integer in `[min, max]` (no upper bound when `max` is absent). */
export function integerIn(min: number, max = Number.MAX_SAFE_INTEGER): Check {
  return (name, value) => optionalInteger(name, value, min, max);
}

/** Throws unless `value` is a boolean. */
export function requireBoolean(name: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw new TypeError(`The \`${name}\` argument must be a boolean`);
  return value;
}

/** Throws unless `value` is `undefined` or a plain object. */
export function optionalObject(name: string, value: unknown): object | undefined {
  return value === undefined ? undefined : requireObject(name, value);
}

/**
 * Validates a parameters object: it must be an object (or `undefined` when `optional`),
 * with no key outside `checks`; each value passes its check. Returns the checked values
 * without the `undefined` ones.
 * @param where the call's name, for the unknown-key message.
 * @param name the argument's name, for the not-an-object message.
 */
export function fields<T extends object>(where: string, value: T | undefined, checks: Checks<T>, name = 'params', optional = false): Partial<T> {
  if (value === undefined && optional) return {};
  const record = requireObject<Record<string, unknown>>(name, value);
  checkOptionKeys(record, Object.keys(checks), where);
  const out: Record<string, unknown> = {};
  for (const [key, check] of Object.entries(checks) as [string, Check][]) {
    const checked = check(key, record[key]);
    if (checked !== undefined) out[key] = checked;
  }
  return out as Partial<T>;
}

/** True for an absolute `http:` / `https:` URL. */
export function isHttpUrl(value: string): boolean {
  return /^https?:\/\//i.test(value);
}

/** Throws unless `value` is an absolute http(s) URL. */
export function requireHttpUrl(name: string, value: unknown): string {
  if (!isHttpUrl(requireString(name, value))) throw new TypeError(`The \`${name}\` argument must be an absolute http(s) URL`);
  return value as string;
}
