/**
 * @module internal/redact
 * Removes the secrets a request carried from what a server answered, before a result or an
 * error is built from the answer: a proxy or a faulty server may echo the request (its
 * `Authorization` header, the private key, an upload's `signature` or `token`) back in a
 * body or a header, and `ApiError` shows the body's `message` and keeps `body` and
 * `headers`, as `$ResponseMetadata` keeps the headers. Not public API.
 */

/** A pattern for one spelling of a secret: regex-escaped, with `%XX` escapes matched in either case. */
function pattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%(\w)(\w)/g, (_, a: string, b: string) => `%[${a}${a.toLowerCase()}][${b}${b.toLowerCase()}]`);
}

/**
 * `value` (parsed JSON, text, or a header record) with every occurrence of each secret
 * replaced by `[redacted]`, in strings at any depth (object keys included). Each secret is
 * also found percent-encoded (`encodeURIComponent`, also with `+` for a space; hex digits
 * in either case). Secrets shorter than 6 characters are ignored: they cannot
 * be told from ordinary text.
 */
export function redact<T>(value: T, secrets: ReadonlyArray<string | undefined>): T {
  const spellings = new Set<string>();
  for (const secret of secrets) {
    if (secret && secret.length > 5) {
      const encoded = encodeURIComponent(secret);
      spellings.add(secret).add(encoded).add(encoded.replace(/%20/g, '+'));
    }
  }
  if (!spellings.size) return value;
  // Longest first, so a secret inside a longer one (the key inside a header) never leaves the rest behind.
  const find = new RegExp([...spellings].sort((a, b) => b.length - a.length).map(pattern).join('|'), 'g');
  const clean = (item: unknown): unknown => {
    if (typeof item === 'string') return item.replace(find, '[redacted]');
    if (typeof item !== 'object' || !item) return item;
    // Keys and values alike.
    return Array.isArray(item) ? item.map(clean) : Object.fromEntries(Object.entries(item).map((entry) => entry.map(clean)));
  };
  return clean(value) as T;
}
