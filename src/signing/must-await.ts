/**
 * @module signing/must-await
 * Signing is asynchronous (Web Crypto), while `imagekit` v6 signed synchronously, so the
 * v6 line `res.send(imagekit.getAuthenticationParameters())` would now send `{}`. The
 * promises of the signing calls therefore refuse to be serialized or turned into a string.
 */

/**
 * Marks `promise` so that `JSON.stringify`, `String()` and template literals throw a
 * `TypeError` telling the caller to `await` it. `await` and `.then` are unaffected; the
 * added properties are non-enumerable (and configurable, so a wrapper may mark the same
 * promise with its own name). Returns the same promise.
 * @param call what the caller wrote, e.g. "getAuthenticationParameters()".
 */
export function mustAwait<T>(call: string, promise: Promise<T>): Promise<T> {
  const refuse = (): never => {
    throw new TypeError(`\`${call}\` returns a Promise: \`await\` it before serializing it or using it as a string`);
  };
  return Object.defineProperties(promise, {
    toJSON: { value: refuse, configurable: true },
    toString: { value: refuse, configurable: true },
    [Symbol.toPrimitive]: { value: refuse, configurable: true },
  });
}
