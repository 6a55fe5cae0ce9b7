/**
 * @module webhooks/verify
 * Verifies ImageKit webhook deliveries (url-rules.md Part A rule 11), both schemes:
 * Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`) and the
 * legacy `x-ik-signature: t=<ms>,v1=<hex>`. The HMAC-SHA256 key is the UTF-8 bytes of the
 * whole secret, `whsec_` prefix included. The timestamp is checked first, then the
 * signature, in constant time (`crypto.subtle.verify`). Web Crypto only; no network.
 */
import { WebhookVerificationError } from '../errors.js';
import { fromBase64, utf8 } from '../internal/encoding.js';
import { hmacVerify } from '../signing/hmac.js';
import type { WebhookEvent } from './events.js';

/** A raw webhook delivery: the body exactly as received (do not re-serialize parsed JSON) and its headers. */
export interface WebhookInput {
  /** The raw request body. */
  body: string | Uint8Array | ArrayBuffer;
  /** The request headers: a `Headers` object or a plain object (names are matched case-insensitively). */
  headers: Headers | Readonly<Record<string, string | readonly string[] | undefined>>;
}

/** Options of {@link verifyWebhook}. */
export interface VerifyWebhookOptions {
  /** The webhook secret from the ImageKit dashboard (`whsec_…`), used whole as the key. */
  secret: string;
  /**
   * How far the delivery's timestamp may be from now, in either direction.
   * @default 300
   * @unit seconds
   */
  toleranceSeconds?: number | undefined;
}

/** A verified delivery. */
export interface VerifiedWebhook {
  /** The parsed event. Narrow it with `isWebhookEvent(event, 'file.created')`. */
  event: WebhookEvent;
  /** When ImageKit sent the delivery (its signed timestamp). A `Date`, so the unit question (s vs ms) never arises. */
  timestamp: Date;
  /** The `webhook-id` (Standard Webhooks; use it to drop duplicate deliveries), or `undefined` for the legacy scheme. */
  id: string | undefined;
  /** Which scheme the delivery used. */
  scheme: 'standard' | 'legacy';
}

/** The defaults of {@link VerifyWebhookOptions}. */
export const verifyWebhookDefaults = { toleranceSeconds: 300 } as const;

function readHeader(headers: WebhookInput['headers'], name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function' && typeof (headers as Headers).forEach === 'function') {
    return (headers as Headers).get(name) ?? undefined;
  }
  for (const key of Object.keys(headers)) {
    if (key.toLowerCase() !== name) continue;
    const value = (headers as Record<string, string | readonly string[] | undefined>)[key];
    // Repeated header lines may arrive as an array (Node's IncomingHttpHeaders); a space joins
    // them, which suits the space-separated `webhook-signature` list.
    return typeof value === 'string' ? value : Array.isArray(value) ? value.join(' ') : undefined;
  }
  return undefined;
}

function bodyBytes(body: unknown): Uint8Array<ArrayBuffer> {
  if (typeof body === 'string') return utf8(body);
  if (body instanceof ArrayBuffer) return new Uint8Array(body.slice(0));
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer);
  throw new TypeError('`body` must be the raw body: a string, Uint8Array or ArrayBuffer (not parsed JSON)');
}

function concat(head: string, body: Uint8Array): Uint8Array<ArrayBuffer> {
  const prefix = utf8(head);
  const out = new Uint8Array(prefix.length + body.length);
  out.set(prefix);
  out.set(body, prefix.length);
  return out;
}

/** `value`, `now` and `tolerance` in the same unit (seconds for Standard Webhooks, ms for legacy). */
function checkTimestamp(value: number, now: number, tolerance: number, toleranceSeconds: number): void {
  if (value < now - tolerance) {
    throw new WebhookVerificationError('timestamp_too_old', `Webhook timestamp is more than ${toleranceSeconds} s old`);
  }
  if (value > now + tolerance) {
    throw new WebhookVerificationError('timestamp_too_new', `Webhook timestamp is more than ${toleranceSeconds} s in the future`);
  }
}

function decodeHex(hex: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^(?:[\da-f]{2})+$/i.test(hex)) return undefined;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

function decodeBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  try {
    return fromBase64(text);
  } catch {
    return undefined;
  }
}

async function anyMatches(
  secret: string,
  signatures: ReadonlyArray<Uint8Array<ArrayBuffer> | undefined>,
  data: Uint8Array<ArrayBuffer>,
): Promise<boolean> {
  // Every candidate is checked (no early exit), so timing does not reveal which one matched.
  const results = await Promise.all(
    signatures.map((signature) => (signature === undefined ? false : hmacVerify(secret, 'SHA-256', signature, data))),
  );
  return results.includes(true);
}

const mismatch = (): WebhookVerificationError =>
  new WebhookVerificationError('signature_mismatch', 'Webhook signature does not match (wrong secret, or the body was changed)');

async function verifyStandard(
  headers: WebhookInput['headers'],
  body: Uint8Array,
  secret: string,
  toleranceSeconds: number,
): Promise<{ timestamp: Date; id: string }> {
  const id = readHeader(headers, 'webhook-id');
  const timestamp = readHeader(headers, 'webhook-timestamp');
  const signature = readHeader(headers, 'webhook-signature');
  for (const [name, value] of [['webhook-id', id], ['webhook-timestamp', timestamp], ['webhook-signature', signature]] as const) {
    if (!value) throw new WebhookVerificationError('missing_header', `Webhook header \`${name}\` is missing`);
  }
  if (!/^\d{1,12}$/.test(timestamp!.trim())) {
    throw new WebhookVerificationError('malformed', 'Webhook header `webhook-timestamp` must be Unix seconds');
  }
  const seconds = Number(timestamp!.trim());
  // Whole seconds, like the Standard Webhooks libraries.
  checkTimestamp(seconds, Math.floor(Date.now() / 1000), toleranceSeconds, toleranceSeconds);
  const candidates = signature!
    .split(/\s+/)
    .filter((entry) => entry.startsWith('v1,'))
    .map((entry) => decodeBase64(entry.slice(3)));
  if (candidates.length === 0) {
    throw new WebhookVerificationError('malformed', 'Webhook header `webhook-signature` has no `v1,<base64>` entry');
  }
  if (!(await anyMatches(secret, candidates, concat(`${id}.${timestamp!.trim()}.`, body)))) throw mismatch();
  return { timestamp: new Date(seconds * 1000), id: id! };
}

async function verifyLegacy(header: string, body: Uint8Array, secret: string, toleranceSeconds: number): Promise<Date> {
  let t: string | undefined;
  const candidates: Array<Uint8Array<ArrayBuffer> | undefined> = [];
  for (const part of header.split(',')) {
    const at = part.indexOf('=');
    const key = part.slice(0, at).trim();
    const value = part.slice(at + 1).trim();
    if (at === -1) continue;
    if (key === 't') t = value;
    else if (key === 'v1') candidates.push(decodeHex(value));
  }
  if (t === undefined || !/^\d{1,15}$/.test(t)) {
    throw new WebhookVerificationError('malformed', 'Webhook header `x-ik-signature` has no valid `t=<milliseconds>`');
  }
  const ms = Number(t);
  checkTimestamp(ms, Date.now(), toleranceSeconds * 1000, toleranceSeconds);
  if (candidates.length === 0) {
    throw new WebhookVerificationError('malformed', 'Webhook header `x-ik-signature` has no `v1=<hex>` entry');
  }
  if (!(await anyMatches(secret, candidates, concat(`${t}.`, body)))) throw mismatch();
  return new Date(ms);
}

/**
 * Verifies a webhook delivery and returns its parsed event. Pass the **raw** body: the
 * signature covers the exact bytes, so a re-serialized `JSON.stringify(req.body)` fails.
 * Standard Webhooks headers are used when present, else the legacy `x-ik-signature`.
 * The timestamp must be within `toleranceSeconds` of now (both schemes) and is checked
 * before the signature; several signatures in one header pass if any one matches.
 *
 * @example
 * const { event } = await verifyWebhook(
 *   { body: await request.text(), headers: request.headers },
 *   { secret: env.IMAGEKIT_WEBHOOK_SECRET },
 * );
 * if (isWebhookEvent(event, 'video.transformation.ready')) console.log(event.data.transformation.output?.url);
 * @throws {WebhookVerificationError} `reason` is `missing_header`, `malformed`, `timestamp_too_old`,
 * `timestamp_too_new`, `signature_mismatch` or `invalid_json`. The message never holds a signature or the secret.
 * @throws {TypeError} `secret` is missing, or `body` / `headers` has the wrong type.
 * @throws {RangeError} `toleranceSeconds` is negative or not finite.
 * @throws {ImageKitError} The runtime has no Web Crypto.
 */
export async function verifyWebhook(input: WebhookInput, options: VerifyWebhookOptions): Promise<VerifiedWebhook> {
  if (typeof input !== 'object' || input === null) throw new TypeError('The first argument must be `{ body, headers }`');
  if (typeof options !== 'object' || options === null) throw new TypeError('The options `{ secret, toleranceSeconds? }` are required');
  const { secret, toleranceSeconds = verifyWebhookDefaults.toleranceSeconds } = options;
  if (typeof secret !== 'string' || secret === '') {
    throw new TypeError('`secret` must be a non-empty string (the webhook secret, `whsec_…`)');
  }
  if (typeof toleranceSeconds !== 'number') throw new TypeError('`toleranceSeconds` must be a number of seconds');
  if (!(toleranceSeconds >= 0) || !Number.isFinite(toleranceSeconds)) {
    throw new RangeError('`toleranceSeconds` must be a finite number of seconds, 0 or more');
  }
  const { headers } = input;
  if (typeof headers !== 'object' || headers === null) throw new TypeError('`headers` must be a Headers object or a plain object');
  const body = bodyBytes(input.body);

  let verified: Omit<VerifiedWebhook, 'event'>;
  const legacy = readHeader(headers, 'x-ik-signature');
  const standard = ['webhook-id', 'webhook-timestamp', 'webhook-signature'].some((name) => readHeader(headers, name) !== undefined);
  if (!standard && legacy === undefined) {
    throw new WebhookVerificationError(
      'missing_header',
      'Webhook signature headers are missing: expected `webhook-id`, `webhook-timestamp` and `webhook-signature` (or the legacy `x-ik-signature`)',
    );
  }
  if (standard) {
    const result = await verifyStandard(headers, body, secret, toleranceSeconds);
    verified = { ...result, scheme: 'standard' };
  } else {
    verified = { timestamp: await verifyLegacy(legacy!, body, secret, toleranceSeconds), id: undefined, scheme: 'legacy' };
  }

  let event: WebhookEvent;
  try {
    event = JSON.parse(new TextDecoder().decode(body)) as WebhookEvent;
  } catch (error) {
    throw new WebhookVerificationError('invalid_json', 'Webhook body is signed but is not valid JSON', { cause: error });
  }
  if (typeof event !== 'object' || event === null || typeof (event as { type?: unknown }).type !== 'string') {
    throw new WebhookVerificationError('invalid_json', 'Webhook body is signed but is not an event object with a `type`');
  }
  return { event, ...verified };
}
