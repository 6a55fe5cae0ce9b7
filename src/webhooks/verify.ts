/**
 * @module webhooks/verify
 * Verifies ImageKit webhook deliveries (docs/url-and-signing-rules.md, rule 11), both schemes:
 * Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`) and the
 * legacy `x-ik-signature: t=<ms>,v1=<hex>`. The HMAC-SHA256 key is the UTF-8 bytes of the
 * whole secret, `whsec_` prefix included. The timestamp is checked first, then the
 * signature: one HMAC per call (Web Crypto), compared in constant time with each
 * well-formed candidate of the header. No network.
 */
import { WebhookVerificationError } from '../errors.js';
import { fromBase64, utf8 } from '../internal/encoding.js';
import { hmacWebCrypto } from '../signing/hmac.js';
import type { WebhookEvent } from './events.js';
import { checkOptionKeys } from '../internal/options.js';

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
    return headerValue((headers as Record<string, unknown>)[key]);
  }
  return undefined;
}

/**
 * A header's value from a plain object. Repeated header lines may arrive as an array (e.g.
 * Node's `headersDistinct`); they are joined with ", " as `Headers.get` joins them, which
 * both signature parsers accept.
 */
function headerValue(value: unknown): string | undefined {
  return typeof value === 'string' ? value : Array.isArray(value) ? value.join(', ') : undefined;
}

function checkSecret(secret: unknown): string {
  if (typeof secret !== 'string' || secret === '') {
    throw new TypeError('`secret` must be a non-empty string (the webhook secret, `whsec_…`)');
  }
  return secret;
}

const missingHeaders = (): WebhookVerificationError =>
  new WebhookVerificationError(
    'missing_header',
    'Webhook signature headers are missing: expected `webhook-id`, `webhook-timestamp` and `webhook-signature` (or the legacy `x-ik-signature`)',
  );

/** The signed body as an event: JSON with a string `type`. */
function parseEvent(body: Uint8Array): WebhookEvent {
  let event: WebhookEvent;
  try {
    event = JSON.parse(new TextDecoder().decode(body)) as WebhookEvent;
  } catch (error) {
    throw new WebhookVerificationError('invalid_json', 'Webhook body is signed but is not valid JSON', { cause: error });
  }
  if (typeof event !== 'object' || event === null || typeof (event as { type?: unknown }).type !== 'string') {
    throw new WebhookVerificationError('invalid_json', 'Webhook body is signed but is not an event object with a `type`');
  }
  return event;
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

/**
 * At most this many well-formed signatures of one header are compared with the expected
 * MAC; later ones are ignored. ImageKit sends one (two while a secret is being rotated).
 */
const maxCandidates = 8;

// The patterns below match only well-formed entries, so a header stuffed with malformed
// ones is scanned once and nothing is allocated for them. Each is anchored on a literal
// (`v1`) and bounded in length, so the scan stays linear in the header's length.
/**
 * A Standard Webhooks entry `v1,<32 bytes in padded standard base64>`, delimited by
 * whitespace (a `Headers` object joins repeated lines with ", ", hence the optional comma).
 */
const standardEntry = /(?<!\S)v1,([A-Za-z\d+/]{42}[AEIMQUYcgkosw048]=),?(?!\S)/g;
/** A legacy comma-separated part `v1=<64 hex digits>`. */
const legacyEntry = /(?:^|,)\s*v1\s*=\s*([\da-f]{64})\s*(?![^,])/gi;

/** The decoded MACs of the first {@link maxCandidates} matches of `pattern` (group 1) in `header`. */
function candidates(header: string, pattern: RegExp, decode: (text: string) => Uint8Array): Uint8Array[] {
  const macs: Uint8Array[] = [];
  for (const match of header.matchAll(pattern)) {
    if (macs.push(decode(match[1]!)) === maxCandidates) break;
  }
  return macs;
}

const fromHex = (hex: string): Uint8Array => Uint8Array.from(hex.match(/../g)!, (pair) => parseInt(pair, 16));

/** 1 when the two MACs are equal, else 0; the time taken does not depend on where they differ. */
function sameMac(a: Uint8Array, b: Uint8Array): number {
  let difference = a.length ^ b.length;
  for (let i = 0; i < a.length; i++) difference |= a[i]! ^ (b[i] ?? 0);
  return difference === 0 ? 1 : 0;
}

/**
 * Computes the MAC of `data` once and compares it with every candidate in constant time
 * (no early exit, so the timing does not tell which candidate matched).
 */
async function anyMatches(secret: string, macs: readonly Uint8Array[], data: Uint8Array<ArrayBuffer>): Promise<boolean> {
  const expected = await hmacWebCrypto(secret, 'SHA-256', data);
  let matched = 0;
  for (const mac of macs) matched |= sameMac(expected, mac);
  return matched === 1;
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
  for (const [name, value] of [
    ['webhook-id', id],
    ['webhook-timestamp', timestamp],
    ['webhook-signature', signature],
  ] as const) {
    if (!value) throw new WebhookVerificationError('missing_header', `Webhook header \`${name}\` is missing`);
  }
  if (!/^\d{1,12}$/.test(timestamp!.trim())) {
    throw new WebhookVerificationError('malformed', 'Webhook header `webhook-timestamp` must be Unix seconds');
  }
  const seconds = Number(timestamp!.trim());
  // Whole seconds, like the Standard Webhooks libraries.
  checkTimestamp(seconds, Math.floor(Date.now() / 1000), toleranceSeconds, toleranceSeconds);
  if (!/(?<!\S)v1,/.test(signature!))
    throw new WebhookVerificationError('malformed', 'Webhook header `webhook-signature` has no `v1,<base64>` entry');
  const macs = candidates(signature!, standardEntry, fromBase64);
  if (!(await anyMatches(secret, macs, concat(`${id}.${timestamp!.trim()}.`, body)))) throw mismatch();
  return { timestamp: new Date(seconds * 1000), id: id! };
}

async function verifyLegacy(header: string, body: Uint8Array, secret: string, toleranceSeconds: number): Promise<Date> {
  // The first `t` counts: when a `Headers` object joined two lines, the first line's
  // signature is then checked against its own timestamp.
  const t = /(?:^|,)\s*t\s*=([^,]*)/.exec(header)?.[1]!.trim();
  if (t === undefined || !/^\d{1,15}$/.test(t)) {
    throw new WebhookVerificationError('malformed', 'Webhook header `x-ik-signature` has no valid `t=<milliseconds>`');
  }
  const ms = Number(t);
  checkTimestamp(ms, Date.now(), toleranceSeconds * 1000, toleranceSeconds);
  if (!/(?:^|,)\s*v1\s*=/.test(header)) {
    throw new WebhookVerificationError('malformed', 'Webhook header `x-ik-signature` has no `v1=<hex>` entry');
  }
  if (!(await anyMatches(secret, candidates(header, legacyEntry, fromHex), concat(`${t}.`, body)))) throw mismatch();
  return new Date(ms);
}

/**
 * Verifies a webhook delivery and returns its parsed event. Pass the **raw** body: the
 * signature covers the exact bytes, so a re-serialized `JSON.stringify(req.body)` fails.
 * Standard Webhooks headers are used when present, else the legacy `x-ik-signature`.
 * The timestamp must be within `toleranceSeconds` of now (both schemes) and is checked
 * before the signature; several signatures in one header pass if any one matches.
 *
 * Candidates: the HMAC is computed once per call and compared in constant time with each
 * well-formed candidate, so a header stuffed with candidates costs what one costs.
 * Well-formed means `v1,<padded standard base64 of 32 bytes>` in `webhook-signature`
 * (entries separated by whitespace; a `Headers` object that joined two lines with ", "
 * works) and `v1=<64 hex digits>` in `x-ik-signature` (the first `t=` counts). Other
 * entries are ignored, not errors. Only the first 8 well-formed candidates are compared
 * (ImageKit sends one, two while a secret is rotated). The header is read once, without
 * splitting it, so its length needs no cap of its own (HTTP servers bound header size).
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
  checkOptionKeys(options, ['secret', 'toleranceSeconds'], 'verifyWebhook');
  const { toleranceSeconds = verifyWebhookDefaults.toleranceSeconds } = options;
  const secret = checkSecret(options.secret);
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
  if (!standard && legacy === undefined) throw missingHeaders();
  if (standard) {
    const result = await verifyStandard(headers, body, secret, toleranceSeconds);
    verified = { ...result, scheme: 'standard' };
  } else {
    verified = { timestamp: await verifyLegacy(legacy!, body, secret, toleranceSeconds), id: undefined, scheme: 'legacy' };
  }
  return { event: parseEvent(body), ...verified };
}

/**
 * The legacy scheme alone, with the default tolerance: what `ImageKit#verifyWebhookEvent`
 * (v6's `(payload, signature, secret)`) checks. It fails exactly as
 * `verifyWebhook({ body, headers: { 'x-ik-signature': signature } }, { secret })` would, and
 * a bundle that uses only this carries no Standard Webhooks parser.
 * @internal
 */
export async function verifyLegacyWebhook(
  body: WebhookInput['body'],
  signature: unknown,
  secret: string,
): Promise<{ event: WebhookEvent; timestamp: Date }> {
  checkSecret(secret);
  const bytes = bodyBytes(body);
  const header = headerValue(signature);
  if (header === undefined) throw missingHeaders();
  const timestamp = await verifyLegacy(header, bytes, secret, verifyWebhookDefaults.toleranceSeconds);
  return { event: parseEvent(bytes), timestamp };
}
