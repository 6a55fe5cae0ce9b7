// The redaction of request secrets from error answers (src/internal/redact.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redact } from '../../src/internal/redact.js';

describe('redact', () => {
  it('replaces every occurrence of each secret in strings at any depth, keys included', () => {
    const body = {
      message: 'bad key private_abc123 in Basic cHJpdmF0ZV9hYmMxMjM6 (private_abc123)',
      nested: [{ echo: 'x private_abc123 y' }, 42, null, true],
      private_abc123: 'as a key',
    };
    expect(redact(body, ['private_abc123', 'cHJpdmF0ZV9hYmMxMjM6'])).toEqual({
      message: 'bad key [redacted] in Basic [redacted] ([redacted])',
      nested: [{ echo: 'x [redacted] y' }, 42, null, true],
      '[redacted]': 'as a key',
    });
  });

  it('leaves values alone when no secret is long enough to tell from text (≤ 5 characters)', () => {
    const body = { message: 'abc 12345' };
    expect(redact(body, ['abc', '12345', undefined])).toEqual(body);
  });

  it('never leaves a secret behind (property)', () => {
    fc.assert(
      // A secret overlapping the marker itself (brackets, or a part of "redacted") is not a real key, token or signature.
      fc.property(
        fc.string({ minLength: 6 }).filter((secret) => !/[[\]]/.test(secret) && !'redacted'.includes(secret)),
        fc.array(fc.string()),
        (secret, parts) => {
          const text = parts.join(secret);
          expect(redact({ message: text, list: [text] }, [secret]).message.includes(secret)).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });
});
