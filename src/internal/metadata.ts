/**
 * @module internal/metadata
 * Attaches the non-enumerable `$ResponseMetadata` to API results. Not public API.
 */
import { responseMetadata, type ResponseMetadata } from '../errors.js';

/** A parsed API result with its response facts attached (non-enumerable, so JSON stays clean). */
export type WithMetadata<T> = T & { readonly $ResponseMetadata: ResponseMetadata };

/** Attaches `$ResponseMetadata` to an object or array result and returns it. */
export function withMetadata<T extends object>(value: T, status: number, headers: Record<string, string>): WithMetadata<T> {
  Object.defineProperty(value, '$ResponseMetadata', {
    value: responseMetadata(status, headers),
    enumerable: false,
    configurable: true,
  });
  return value as WithMetadata<T>;
}
