/**
 * @module upload/resolve
 * Resolution of the upload call options shared by `upload()` and `uploadFile()`.
 */
import { optionError } from './form.js';

/** Resolves an upload base URL option: absolute http(s), trailing slashes removed. */
export function resolveUploadBaseUrl(value: unknown, fallback: string): string {
  if (value === undefined) return fallback;
  let protocol = '';
  try {
    protocol = new URL(value as string).protocol;
  } catch {
    // not a URL: rejected below
  }
  if (typeof value !== 'string' || !/^https?:$/.test(protocol)) throw optionError('uploadBaseUrl', 'an absolute http(s) URL');
  return value.replace(/\/+$/, '');
}

/** Resolves a `maxRetries` option. */
export function resolveMaxRetries(value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || (value as number) < 0) throw optionError('maxRetries', 'a non-negative integer', RangeError);
  return value as number;
}
