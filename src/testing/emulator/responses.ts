/**
 * @module testing/emulator/responses
 * JSON and error responses in the ImageKit shape: `{ message, help, reason?, missingFileIds?, errors? }`.
 */

/** The boilerplate `help` text ImageKit sends with errors. */
export const helpText = 'For support kindly contact us at support@imagekit.io .';

/** Extra fields an error body may carry. */
export interface ErrorExtras {
  reason?: string;
  missingFileIds?: string[];
  errors?: unknown;
}

/** A thrown error that the router turns into an ImageKit error response. */
export class EmulatorHttpError extends Error {
  override readonly name = 'EmulatorHttpError';
  constructor(
    readonly status: number,
    message: string,
    readonly extras: ErrorExtras = {},
  ) {
    super(message);
  }
}

/** Throws a 400. */
export function badRequest(message: string, extras?: ErrorExtras): never {
  throw new EmulatorHttpError(400, message, extras);
}

/** Throws a 404. */
export function notFound(message: string, extras?: ErrorExtras): never {
  throw new EmulatorHttpError(404, message, extras);
}

/** A JSON response. */
export function json(status: number, body: unknown, headers?: Record<string, string>): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}

/** An empty response (204). */
export function empty(status = 204): Response {
  return new Response(null, { status });
}

/** The error response for a status, message and extras. */
export function errorResponse(status: number, message: string, extras: ErrorExtras = {}): Response {
  return json(status, { message, help: helpText, ...extras });
}

/** Reads a JSON object body; 400 when it is missing or not an object. */
export async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  const text = await request.text();
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    badRequest('Your request contains invalid JSON.');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) badRequest('Your request body must be a JSON object.');
  return value as Record<string, unknown>;
}

/** Rejects keys not in `allowed`. */
export function rejectUnknownKeys(body: Record<string, unknown>, allowed: readonly string[]): void {
  for (const key of Object.keys(body)) {
    if (!allowed.includes(key)) badRequest(`Your request contains an unknown parameter \`${key}\`.`);
  }
}

/** A required non-empty string field, or 400. */
export function requireString(body: Record<string, unknown>, key: string): string {
  const value = body[key];
  if (typeof value !== 'string' || value === '') badRequest(`Missing or invalid \`${key}\` parameter.`);
  return value;
}

/** An optional boolean field, or 400 when present and not a boolean. */
export function optionalBoolean(body: Record<string, unknown>, key: string): boolean | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') badRequest(`\`${key}\` must be a boolean.`);
  return value;
}

/** A string[] field of at most `max` entries, or 400. */
export function requireStringArray(body: Record<string, unknown>, key: string, max: number): string[] {
  const value = body[key];
  if (!Array.isArray(value) || value.length === 0 || value.some((item) => typeof item !== 'string')) {
    badRequest(`\`${key}\` must be a non-empty array of strings.`);
  }
  if (value.length > max) badRequest(`\`${key}\` can contain at most ${max} items.`);
  return value as string[];
}
