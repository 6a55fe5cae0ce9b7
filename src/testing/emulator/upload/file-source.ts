/**
 * @module testing/emulator/upload/file-source
 * Resolves the upload `file` field: a binary part, a base64 string, a data URI, or an
 * http(s) URL. The emulator never reaches the network: URLs on its own `urlEndpoint`
 * are read from the store, loopback URLs (127.0.0.0/8, localhost, [::1]) are fetched,
 * and every other URL is refused with a 400.
 */
import type { RequestContext } from '../context.js';
import { badRequest } from '../responses.js';
import { decodeBase64 } from '../crypto.js';
import { findByUrl } from '../serve-file.js';

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

async function fromUrl(context: RequestContext, text: string): Promise<Uint8Array> {
  const own = findByUrl(context.core, text);
  if (own !== undefined) {
    const bytes = context.core.blobs.get(own.version.blobKey);
    if (bytes !== undefined) return bytes;
  }
  const url = new URL(text);
  if (!isLoopback(url.hostname)) {
    badRequest('The emulator does not fetch remote URLs: only loopback URLs and URLs on its own urlEndpoint can be uploaded.');
  }
  const doFetch = context.core.options.fetch ?? globalThis.fetch;
  let response: Response;
  try {
    // No redirects: a loopback URL must not lead the emulator anywhere else.
    response = await doFetch(url, { signal: AbortSignal.timeout(8000), redirect: 'error' });
  } catch {
    badRequest('The file URL could not be fetched.');
  }
  if (!response.ok) badRequest(`The file URL could not be fetched (status ${response.status}).`);
  return readCapped(response, context.core.options.maxBodyBytes);
}

/** The response body, or a 400 once it passes `max` bytes (the rest is not read). */
async function readCapped(response: Response, max: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body?.getReader();
  while (reader !== undefined) {
    let step: ReadableStreamReadResult<Uint8Array>;
    try {
      step = await reader.read();
    } catch {
      badRequest('The file URL could not be fetched.');
    }
    if (step.done) break;
    total += step.value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => undefined);
      badRequest(`The file URL is larger than the emulator accepts (${max} bytes; see \`maxBodyBytes\`).`);
    }
    chunks.push(step.value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** The bytes of the `file` field; 400 when missing or unreadable. */
export async function readFileField(context: RequestContext, value: FormDataEntryValue | null): Promise<Uint8Array> {
  if (value === null) badRequest('Missing file parameter for upload');
  if (typeof value !== 'string') return new Uint8Array(await value.arrayBuffer());
  if (/^https?:\/\//i.test(value)) return fromUrl(context, value);
  const dataUri = /^data:[^,]*?;base64,(.*)$/s.exec(value);
  const bytes = decodeBase64(dataUri?.[1] ?? value);
  if (bytes === undefined || value === '') badRequest('Invalid file parameter: expected binary data, a base64 string, a data URI or a URL.');
  return bytes;
}
