/**
 * @module internal/redact
 * Removes the secrets a request carried from what a server answered, before a result or an
 * error is built from the answer: a proxy or a faulty server may echo the request (its
 * `Authorization` header, the private key, an upload's `signature` or `token`) back in a
 * body or a header, and `ApiError` shows the body's `message` and keeps `body` and
 * `headers`, as `$ResponseMetadata` keeps the headers. Not public API.
 */

/**
 * `value` (parsed JSON, text, or a header record) with every occurrence of each secret
 * replaced by `[redacted]`, in strings at any depth (object keys included). Each secret is
 * also found percent-encoded (`encodeURIComponent`, with upper- or lower-case hex, and
 * with `+` for a space). Secrets shorter than 6 characters are ignored: they cannot be
 * told from ordinary text.
 */
export function redact<T>(value: T, secrets: ReadonlyArray<string | undefined>): T {
  const spellings: string[] = [];
  for (const secret of secrets) {
    if (secret && secret.length > 5) {
      const encoded = encodeURIComponent(secret);
      const lower = encoded.replace(/%../g, (escape) => escape.toLowerCase());
      spellings.push(secret, encoded, lower, encoded.replace(/%20/g, '+'), lower.replace(/%20/g, '+'));
    }
  }
  // Longest first, so a secret inside a longer one (the key inside a header) never leaves the rest behind.
  spellings.sort((a, b) => b.length - a.length);
  const clean = (item: unknown): unknown => {
    if (typeof item === 'string') {
      for (const spelling of spellings) item = (item as string).split(spelling).join('[redacted]');
      return item;
    }
    if (typeof item !== 'object' || !item) return item;
    // Keys and values alike.
    return Array.isArray(item) ? item.map(clean) : Object.fromEntries(Object.entries(item).map((entry) => entry.map(clean)));
  };
  return clean(value) as T;
}
