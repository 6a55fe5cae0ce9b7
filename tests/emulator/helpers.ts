// Shared helpers for the emulator tests. node:crypto is the independent oracle for every
// signature the emulator checks (docs/testing.md, "Oracles").
import { createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createEmulator, type Emulator, type EmulatorOptions } from '../../src/testing.js';

export const api = 'https://api.imagekit.io';
export const uploadV1 = 'https://upload.imagekit.io/api/v1/files/upload';
export const uploadV2 = 'https://upload.imagekit.io/api/v2/files/upload';

/** Reads a committed sample image. */
export function asset(name: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(readFileSync(new URL(`../../examples/assets/${name}`, import.meta.url)));
}

export function basic(key: string, password = ''): string {
  return 'Basic ' + Buffer.from(`${key}:${password}`).toString('base64');
}

/** hex HMAC-SHA1(privateKey, token + expire), computed with node:crypto. */
export function clientSignature(privateKey: string, token: string, expire: number | string): string {
  return createHmac('sha1', privateKey).update(`${token}${expire}`).digest('hex');
}

/** HS256 JWT built with node:crypto. */
export function jwt(privateKey: string, header: Record<string, unknown>, payload: Record<string, unknown>): string {
  const enc = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const head = `${enc(header)}.${enc(payload)}`;
  return `${head}.${createHmac('sha256', privateKey).update(head).digest('base64url')}`;
}

export function newToken(): string {
  return randomUUID();
}

/** A test emulator with a fixed clock (ms) unless `now` is given. */
export function emulatorAt(options: EmulatorOptions = {}): Emulator & { clock: { now: number } } {
  const clock = { now: Date.parse('2025-01-01T00:00:00Z') };
  const emulator = createEmulator({ now: () => clock.now, ...options });
  return Object.assign(emulator, { clock });
}

export interface UploadFields {
  [key: string]: string | Blob | Uint8Array | undefined;
}

export function form(fields: UploadFields): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (value instanceof Uint8Array) data.append(key, new Blob([value as Uint8Array<ArrayBuffer>]), 'blob');
    else if (value instanceof Blob) data.append(key, value, 'blob');
    else data.append(key, value);
  }
  return data;
}

/** Server-side upload through `emulator.handle`. */
export async function upload(emulator: Emulator, fields: UploadFields, url = uploadV1): Promise<Response> {
  return emulator.handle(new Request(url, { method: 'POST', body: form(fields), headers: { authorization: basic(emulator.privateKey) } }));
}

/** Server-side upload that must succeed; returns the JSON. */
export async function uploadOk(emulator: Emulator, fields: UploadFields): Promise<Record<string, any>> {
  const response = await upload(emulator, { file: new Uint8Array([1, 2, 3]), ...fields });
  const body = await response.json();
  if (response.status !== 200) throw new Error(`upload failed ${response.status}: ${JSON.stringify(body)}`);
  return body;
}

/** An authenticated API call through `emulator.handle`. */
export async function call(
  emulator: Emulator,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: any; headers: Headers }> {
  const init: RequestInit = { method, headers: { authorization: basic(emulator.privateKey) } };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)['content-type'] = 'application/json';
  }
  const response = await emulator.handle(new Request(api + path, init));
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : JSON.parse(text), headers: response.headers };
}

export { createEmulator };
