/**
 * @module testing/emulator/auth
 * Server-side Basic auth, client-side v1 signatures and v2 JWTs, checked the way
 * docs/imagekit-api-notes.md ("Authentication") describes them.
 */
import type { RequestContext } from './context.js';
import { EmulatorHttpError, badRequest } from './responses.js';
import { decodeBase64, verifyHexHmac, verifyRawHmac } from './crypto.js';

/** Outcome of reading the Authorization header. */
export type BasicAuth = 'absent' | 'valid';

/**
 * Checks `Authorization: Basic base64(privateKey:anything)`. Returns `'absent'` when no
 * header is sent, `'valid'` for the right key; throws 401 for anything else.
 */
export function readBasicAuth(context: RequestContext): BasicAuth {
  const header = context.request.headers.get('authorization');
  if (header === null) return 'absent';
  const match = /^Basic\s+(\S+)\s*$/i.exec(header);
  const decoded = match?.[1] === undefined ? undefined : decodeBase64(match[1]);
  if (decoded === undefined) throw new EmulatorHttpError(401, 'Your request contains an invalid Authorization header.');
  const text = new TextDecoder().decode(decoded);
  const colon = text.indexOf(':');
  const username = colon === -1 ? text : text.slice(0, colon);
  if (username !== context.core.options.privateKey) {
    throw new EmulatorHttpError(401, 'Your account cannot be authenticated.');
  }
  return 'valid';
}

/** Requires valid Basic auth (every `/v1/...` API path). */
export function requireBasicAuth(context: RequestContext): void {
  if (readBasicAuth(context) === 'absent') {
    throw new EmulatorHttpError(401, 'Your request does not contain private API key.');
  }
}

/** Marks a client-upload token used; 400 when it was used before (even by a failed request). */
export function consumeToken(context: RequestContext, token: string): void {
  const used = context.core.state.usedTokens;
  if (used.has(token)) badRequest('The token has already been used in a previous request. Please generate a new token.');
  used.add(token);
}

/**
 * Validates v1 client-upload fields: `publicKey`, `token`, `expire`, `signature` =
 * hex HMAC-SHA1(privateKey, token + expire). The token is consumed before the signature
 * is checked, so a failed request still burns it.
 */
export async function verifyClientSignature(context: RequestContext, form: FormData): Promise<void> {
  const field = (name: string): string | undefined => {
    const value = form.get(name);
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  const publicKey = field('publicKey');
  if (publicKey === undefined) throw new EmulatorHttpError(401, 'Your request does not contain private API key.');
  if (publicKey !== context.core.options.publicKey) throw new EmulatorHttpError(401, 'Your account cannot be authenticated.');
  const token = field('token');
  const expire = field('expire');
  const signature = field('signature');
  if (token === undefined) badRequest('Missing token for upload. The SDK should have sent it.');
  if (signature === undefined) badRequest('Missing signature for upload. The SDK should have sent it.');
  if (expire === undefined) badRequest('Missing expire for upload. The SDK should have sent it.');
  consumeToken(context, token);
  if (!/^\d+$/.test(expire)) badRequest('The expire parameter must be a Unix time in seconds.');
  const nowSeconds = Math.floor(context.core.options.now() / 1000);
  const expireSeconds = Number(expire);
  if (expireSeconds <= nowSeconds) badRequest('Your request contains expired signature.');
  if (expireSeconds - nowSeconds > 3600) badRequest('The expire parameter must be less than 1 hour into the future.');
  if (!(await verifyHexHmac('SHA-1', context.core.options.privateKey, token + expire, signature))) {
    badRequest('Your request contains invalid signature.');
  }
}

function decodeJsonSegment(segment: string): Record<string, unknown> | undefined {
  const bytes = decodeBase64(segment);
  if (bytes === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Validates a v2 upload JWT: HS256, `kid` = public key, signed with the private key,
 * integer `iat`/`exp` with `exp - iat <= 3600` and `exp` in the future, payload fields equal
 * to the form fields (except `file` and `token`), single use.
 */
export async function verifyUploadJwt(context: RequestContext, form: FormData, token: string): Promise<void> {
  consumeToken(context, token);
  const parts = token.split('.');
  if (parts.length !== 3) badRequest('Your request contains an invalid token.');
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  const header = decodeJsonSegment(headerPart);
  const payload = decodeJsonSegment(payloadPart);
  if (header === undefined || payload === undefined) badRequest('Your request contains an invalid token.');
  if (header['alg'] !== 'HS256') badRequest('The token must be signed with HS256.');
  if (header['kid'] !== context.core.options.publicKey) throw new EmulatorHttpError(401, 'Your account cannot be authenticated.');
  const signature = decodeBase64(signaturePart);
  const valid =
    signature !== undefined && (await verifyRawHmac('SHA-256', context.core.options.privateKey, `${headerPart}.${payloadPart}`, signature));
  if (!valid) badRequest('Your request contains invalid signature.');
  const { iat, exp } = payload;
  if (!Number.isInteger(iat) || !Number.isInteger(exp)) badRequest('The token must contain integer `iat` and `exp` claims.');
  const nowSeconds = Math.floor(context.core.options.now() / 1000);
  if ((exp as number) <= nowSeconds) badRequest('Your request contains an expired token.');
  if ((exp as number) - (iat as number) > 3600) badRequest('The token lifetime (`exp - iat`) must not exceed 3600 seconds.');
  const formKeys = new Set<string>();
  for (const [key, value] of form.entries()) {
    if (key === 'file' || key === 'token') continue;
    formKeys.add(key);
    if (typeof value !== 'string' || payload[key] !== value) {
      badRequest(`The request field \`${key}\` does not match the signed token payload.`);
    }
  }
  for (const key of Object.keys(payload)) {
    if (key !== 'iat' && key !== 'exp' && !formKeys.has(key)) {
      badRequest(`The signed token payload contains \`${key}\`, which the request does not carry.`);
    }
  }
}
