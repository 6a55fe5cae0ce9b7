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
 * replaced by `[redacted]`, in strings at any depth (object keys included). Matching
 * ignores case (a proxy may upper- or lower-case what it echoes), and each secret is also
 * found percent-encoded (`encodeURIComponent`, and with `+` for a space) and, when it ends
 * in base64 padding, without its `=`. Secrets shorter than 6 characters are ignored: they
 * cannot be told from ordinary text.
 */
export function redact<T>(value: T, secrets: ReadonlyArray<string | undefined>): T {
  const spellings = new Set<string>();
  for (const secret of secrets) {
    if (secret && secret.length > 5) {
      const encoded = encodeURIComponent(secret);
      for (const spelling of [secret, secret.replace(/=+$/, ''), encoded, encoded.replace(/%20/g, '+')]) {
        if (spelling.length > 5) spellings.add(spelling);
      }
    }
  }
  if (spellings.size === 0) return value;
  // Longest first, so a secret inside a longer one (the key inside a header) never leaves the rest behind.
  const pattern = new RegExp(
    [...spellings]
      .sort((a, b) => b.length - a.length)
      .map((spelling) => spelling.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('|'),
    'gi',
  );
  const clean = (item: unknown): unknown => {
    if (typeof item === 'string') {
      return (item as string).replace(pattern, '[redacted]');
    }
    if (typeof item !== 'object' || !item) return item;
    // Keys and values alike.
    return Array.isArray(item) ? item.map(clean) : Object.fromEntries(Object.entries(item).map((entry) => entry.map(clean)));
  };
  return clean(value) as T;
}
