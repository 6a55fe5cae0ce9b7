/**
 * @module transport/fetch
 * The one place in the SDK that calls `fetch`. Network failures become
 * `ConnectionError`s naming the host and the failure's code; an abort is passed through unchanged so callers can tell a
 * user abort from a timeout by looking at their own signals. Redirects are never
 * followed (`redirect: 'manual'`): a 3xx comes back as it is, and in a browser as an
 * `opaqueredirect` response with status 0; callers turn both into an `ApiError`.
 */
import { connectionError } from '../internal/connect-failure.js';

/** A `fetch`-compatible function (the global one, or one injected by the caller). */
export type FetchLike = (input: Request | string | URL, init?: RequestInit) => Promise<Response>;

/**
 * Calls the injected `fetch` (read now, not at module load) or `globalThis.fetch`, with
 * `undefined` as `this` (browsers and workerd reject other receivers).
 * @throws {ConnectionError} when the platform reports a network failure (see `connectionError`).
 */
export async function sendFetch(fetchImpl: FetchLike | undefined, url: string, init: RequestInit): Promise<Response> {
  const doFetch = fetchImpl ?? (globalThis.fetch as FetchLike | undefined);
  if (typeof doFetch !== 'function') {
    throw new TypeError('No `fetch` is available in this runtime: pass the `fetch` option');
  }
  try {
    return await doFetch.call(undefined, url, { ...init, redirect: 'manual' });
  } catch (error) {
    if (init.signal?.aborted) throw init.signal.reason ?? error;
    throw connectionError(init.method ?? 'GET', url, error);
  }
}
