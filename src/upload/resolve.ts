/**
 * @module upload/resolve
 * Resolution of the upload call options shared by `upload()` and `uploadFile()`.
 */

/** Resolves an upload base URL option: absolute http(s), trailing slashes removed. */
export function resolveUploadBaseUrl(value: unknown, fallback: string): string {
  if (value === undefined) return fallback;
  let parsed: URL | undefined;
  try {
    parsed = typeof value === 'string' ? new URL(value) : undefined;
  } catch {
    parsed = undefined;
  }
  if (parsed === undefined || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) {
    throw new TypeError('The `uploadBaseUrl` option must be an absolute http(s) URL');
  }
  return (value as string).replace(/\/+$/, '');
}

/** Resolves a `maxRetries` option. */
export function resolveMaxRetries(value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new RangeError('The `maxRetries` option must be a non-negative integer');
  }
  return value;
}
