/**
 * @module internal/connect-failure
 * Tells whether a failed `fetch` never reached the server, so no byte of the request was
 * sent and a retry cannot duplicate anything. Shared by the HTTP core and the fetch upload
 * transport. Not public API.
 */

/** Connect-phase error codes of Node (undici) and Bun. */
const connectCodes = /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|EADDRNOTAVAIL|UND_ERR_CONNECT_TIMEOUT|ConnectionRefused)$/;

/**
 * Connect-phase messages of runtimes whose errors carry no code. Deno 2 wraps every
 * failure of its connect step (TCP, DNS, TLS handshake) as `client error (Connect)`, e.g.
 * `error sending request for url (…): client error (Connect): tcp connect error: Connection refused (os error 111)`.
 */
const connectMessages = /client error \(Connect\)|connection refused|dns error|failed to lookup|name resolution/i;

/**
 * True when `error` (a fetch rejection), any error in its `cause` chain or any member of
 * an `AggregateError` in it says the connection was never made.
 */
export function neverConnected(error: unknown, depth = 0): boolean {
  if (depth > 6 || typeof error !== 'object' || error === null) return false;
  const { code, message, cause, errors } = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  return (
    connectCodes.test(String(code)) ||
    connectMessages.test(String(message)) ||
    neverConnected(cause, depth + 1) ||
    (Array.isArray(errors) && errors.some((inner: unknown) => neverConnected(inner, depth + 1)))
  );
}
