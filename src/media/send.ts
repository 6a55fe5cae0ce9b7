/**
 * @module media/send
 * The one door from the media functions to the HTTP core: it checks the caller's
 * `RequestOptions` argument (a v6 callback, a non-object or an unknown key is a
 * `TypeError`) and keeps only the known options, so an options object can never set
 * the endpoint's method, path, body, host or retry policy.
 */
import type { ClientContext } from '../core/context.js';
import { apiRequest, type ApiRequest, type RequestOptions } from '../core/request.js';
import type { WithMetadata } from '../internal/metadata.js';
import { requestOptions } from './validate.js';

/** What an endpoint decides itself: everything of an `ApiRequest` but the caller's options. */
export type EndpointRequest = Omit<ApiRequest, keyof RequestOptions>;

/**
 * Sends one API request with the caller's checked `options`.
 * @throws {TypeError} for a bad `options` argument (before anything is sent).
 */
export function send<T>(
  context: ClientContext,
  options: RequestOptions | undefined,
  request: EndpointRequest,
): Promise<WithMetadata<T>> {
  return apiRequest(context, { ...requestOptions(options), ...request });
}
