/**
 * @module internal/connect-failure
 * Reads a failed request's platform error: whether no byte of the request was sent (so a
 * retry cannot duplicate anything), which code names the failure, and the one
 * {@link ConnectionError} message every transport uses. Not public API.
 */
import { ConnectionError } from '../errors.js';

type ErrorFacts = { code?: unknown; name?: unknown; message?: unknown; cause?: unknown; errors?: unknown };

/** `error`, the errors in its `cause` chain and the members of any `AggregateError` in it. */
function chain(error: unknown, depth = 0): ErrorFacts[] {
  if (depth > 6 || typeof error !== 'object' || error === null) return [];
  const { cause, errors } = error as ErrorFacts;
  return [error as ErrorFacts, ...chain(cause, depth + 1), ...(Array.isArray(errors) ? errors.flatMap((inner: unknown) => chain(inner, depth + 1)) : [])];
}

/**
 * The code of a connect-phase failure, or of a denied permission, found in the chain:
 * Node (undici) and Bun codes; Deno's `NotCapable`/`PermissionDenied` (no `--allow-net`);
 * for runtimes whose errors carry no code (Deno 2 wraps its connect step as
 * `client error (Connect): tcp connect error: Connection refused …`), one read from the message.
 */
function connectCode(facts: ErrorFacts): string | undefined {
  const found =
    /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|EADDRNOTAVAIL|UND_ERR_CONNECT_TIMEOUT|ConnectionRefused)$/.exec(String(facts.code)) ??
    /^(NotCapable|PermissionDenied)$/.exec(String(facts.name));
  if (found) return found[0];
  const message = String(facts.message);
  if (/connection refused/i.test(message)) return 'ECONNREFUSED';
  if (/dns error|failed to lookup|name resolution/i.test(message)) return 'ENOTFOUND';
  // A connect-step failure without a known cause: not sent, but no code to name.
  return /client error \(Connect\)/.test(message) ? '' : undefined;
}

/** True when the runtime refused network access (Deno without `--allow-net`): nothing was sent, and a retry cannot help. */
export function permissionDenied(error: unknown): boolean {
  return chain(error).some((facts) => /^(NotCapable|PermissionDenied)$/.test(String(facts.name)));
}

/** True when `error` (a fetch or socket failure) says the connection was never made, so nothing was sent. */
export function neverConnected(error: unknown): boolean {
  return chain(error).some((facts) => connectCode(facts) !== undefined);
}

/**
 * The {@link ConnectionError} for a request that got no response, e.g.
 * `Connection failed (ECONNREFUSED): GET api.imagekit.io/v1/files`. The message names the
 * host and the path, never the query string or user info.
 */
export function connectionError(method: string, url: string, cause: unknown): ConnectionError {
  const { host, pathname } = new URL(url);
  const facts = chain(cause);
  const code = facts.map((item) => (typeof item.code === 'string' ? item.code : connectCode(item))).find(Boolean);
  const what = permissionDenied(cause) ? 'Network access denied by the runtime, nothing was sent' : 'Connection failed';
  return new ConnectionError(`${what}${code ? ` (${code})` : ''}: ${method} ${host}${pathname}`, { cause });
}
