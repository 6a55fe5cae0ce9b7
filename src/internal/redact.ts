/**
 * @module internal/redact
 * Removes the secrets a request carried from what a server answered, before an error is
 * built from the answer: a proxy or a faulty server may echo the request (its
 * `Authorization` header, an upload's `signature` or `token`) back in an error body or
 * header, and `ApiError` shows the body's `message` and keeps `body` and `headers`. Not
 * public API.
 */

/**
 * `value` (parsed JSON, text, or a header record) with every occurrence of each secret
 * replaced by `[redacted]`, in strings at any depth (object keys included). Secrets
 * shorter than 6 characters are ignored: they cannot be told from ordinary text.
 */
export function redact<T>(value: T, secrets: ReadonlyArray<string | undefined>): T {
  const clean = (item: unknown): unknown => {
    if (typeof item === 'string') {
      for (const secret of secrets) if (secret && secret.length > 5) item = (item as string).split(secret).join('[redacted]');
      return item;
    }
    if (typeof item !== 'object' || !item) return item;
    // Keys and values alike.
    return Array.isArray(item) ? item.map(clean) : Object.fromEntries(Object.entries(item).map((entry) => entry.map(clean)));
  };
  return clean(value) as T;
}
