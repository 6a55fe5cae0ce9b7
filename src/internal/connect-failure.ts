/**
 * @module internal/connect-failure
 * Reads a failed request's platform error: whether no byte of the request was sent (so a
 * retry cannot duplicate anything), which code names the failure, and the one
 * {@link ConnectionError} message every transport uses. Not public API.
 */
import { ConnectionError } from '../errors.js';

/** Connect-phase error codes of Node (undici) and Bun. */
const connectCodes = /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|EADDRNOTAVAIL|UND_ERR_CONNECT_TIMEOUT|ConnectionRefused)$/;

/**
 * Connect-phase messages of runtimes whose errors carry no code. Deno 2 wraps every
 * failure of its connect step (TCP, DNS, TLS handshake) as `client error (Connect)`, e.g.
 * `error sending request for url (…): client error (Connect): tcp connect error: Connection refused (os error 111)`.
 */
const connectMessages = /client error \(Connect\)|connection refused|dns error|failed to lookup|name resolution/i;

/** Deno's errors when the program lacks `--allow-net`: nothing was sent, and a retry cannot help. */
const deniedNames = /^(NotCapable|PermissionDenied)$/;

type ErrorFacts = { code?: unknown; name?: unknown; message?: unknown; cause?: unknown; errors?: unknown };

/** True when `test` holds for `error`, an error in its `cause` chain, or a member of an `AggregateError` in it. */
function inChain(error: unknown, test: (facts: ErrorFacts) => boolean, depth = 0): boolean {
  if (depth > 6 || typeof error !== 'object' || error === null) return false;
  const facts = error as ErrorFacts;
  return (
    test(facts) ||
    inChain(facts.cause, test, depth + 1) ||
    (Array.isArray(facts.errors) && facts.errors.some((inner: unknown) => inChain(inner, test, depth + 1)))
  );
}

/** True when the runtime refused network access (Deno without `--allow-net`). */
export function permissionDenied(error: unknown): boolean {
  return inChain(error, (facts) => deniedNames.test(String(facts.name)));
}

/** True when `error` (a fetch or socket failure) says the connection was never made, so nothing was sent. */
export function neverConnected(error: unknown): boolean {
  return permissionDenied(error) || inChain(error, (facts) => connectCodes.test(String(facts.code)) || connectMessages.test(String(facts.message)));
}

/** The code that names a failure: a `code` (ECONNREFUSED, ENOTFOUND, …) or Deno's error name, else one read from a message. */
function failureCode(error: unknown): string | undefined {
  let code: string | undefined;
  inChain(error, (facts) => {
    code =
      (typeof facts.code === 'string' && facts.code) ||
      (deniedNames.test(String(facts.name)) && String(facts.name)) ||
      (/connection refused/i.test(String(facts.message)) && 'ECONNREFUSED') ||
      (/dns error|failed to lookup|name resolution/i.test(String(facts.message)) && 'ENOTFOUND') ||
      undefined;
    return code !== undefined;
  });
  return code;
}

/**
 * The {@link ConnectionError} for a request that got no response, e.g.
 * `Connection failed (ECONNREFUSED): GET api.imagekit.io/v1/files`. The message names the
 * host and the path, never the query string or user info.
 */
export function connectionError(method: string, url: string, cause: unknown, what = 'Connection failed'): ConnectionError {
  const { host, pathname } = new URL(url);
  const code = failureCode(cause);
  const target = `${method} ${host}${pathname}`;
  return new ConnectionError(
    permissionDenied(cause)
      ? `Network access denied by the runtime (${code}), so nothing was sent: ${target} (on Deno, grant it with --allow-net)`
      : `${what}${code ? ` (${code})` : ''}: ${target}`,
    { cause },
  );
}
