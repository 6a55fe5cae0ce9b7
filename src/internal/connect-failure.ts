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
  return [
    error as ErrorFacts,
    ...chain(cause, depth + 1),
    ...(Array.isArray(errors) ? errors.flatMap((inner: unknown) => chain(inner, depth + 1)) : []),
  ];
}

/** Deno's errors when the program lacks `--allow-net`. */
const denied = /^(NotCapable|PermissionDenied)$/;

/** True when the runtime refused network access (Deno without `--allow-net`): nothing was sent, and a retry cannot help. */
export function permissionDenied(error: unknown): boolean {
  return chain(error).some((facts) => denied.test(String(facts.name)));
}

/**
 * True when `error` (a fetch or socket failure) says the connection was never made, so
 * nothing was sent: a connect-phase code of Node (undici) or Bun, a denied permission, or,
 * for runtimes whose errors carry no code, a connect-phase message (Deno 2 wraps its
 * connect step as `client error (Connect): tcp connect error: Connection refused …`).
 */
export function neverConnected(error: unknown): boolean {
  return (
    permissionDenied(error) ||
    chain(error).some(
      (facts) =>
        /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|EADDRNOTAVAIL|UND_ERR_CONNECT_TIMEOUT|ConnectionRefused)$/.test(
          String(facts.code),
        ) || /client error \(Connect\)|connection refused|dns error|failed to lookup|name resolution/i.test(String(facts.message)),
    )
  );
}

/**
 * The {@link ConnectionError} for a request that got no response, e.g.
 * `Connection failed (ECONNREFUSED): GET api.imagekit.io/v1/files`: the first error code
 * in the cause chain (or Deno's `NotCapable`/`PermissionDenied`, or one read from Deno's
 * message), the host and the path,
 * never the query string or user info.
 */
export function connectionError(method: string, url: string, cause: unknown): ConnectionError {
  const { host, pathname } = new URL(url);
  // Deno's errors carry no code: its connect failures are named from the message.
  const code = chain(cause)
    .map((facts) =>
      typeof facts.code === 'string'
        ? facts.code
        : denied.test(String(facts.name))
          ? String(facts.name)
          : /connection refused/i.test(String(facts.message))
            ? 'ECONNREFUSED'
            : /dns error|failed to lookup/i.test(String(facts.message))
              ? 'ENOTFOUND'
              : '',
    )
    .find(Boolean);
  const what = permissionDenied(cause) ? 'Network access denied by the runtime, nothing was sent' : 'Connection failed';
  return new ConnectionError(`${what}${code ? ` (${code})` : ''}: ${method} ${host}${pathname}`, { cause });
}
