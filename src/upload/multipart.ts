/**
 * @module upload/multipart
 * Builds a `multipart/form-data` body by hand, with an exact length known up front and
 * without reading the file: the body is `new Blob([head, file, tail])`, which stays lazy
 * for disk-backed blobs (e.g. `fs.openAsBlob()`), or, for a one-shot `ReadableStream`
 * file, a stream that emits head, the file's chunks and tail.
 */
import { utf8 } from '../internal/encoding.js';
import type { UploadBody } from '../transport/upload-types.js';
import type { FileContent, UploadForm } from './form.js';

/** A multipart request body whose byte length is known before sending. */
export type MultipartBody = UploadBody;

/**
 * Escapes a field name or file name for a `Content-Disposition` parameter the way
 * browsers do (WHATWG multipart/form-data): `"` → `%22`, CR → `%0D`, LF → `%0A`.
 */
export function escapeDispositionValue(value: string): string {
  return value.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function randomHex(bytes: number): string {
  const buffer = new Uint8Array(bytes);
  const cryptoObject = (globalThis as { crypto?: { getRandomValues?: (array: Uint8Array) => Uint8Array } }).crypto;
  if (typeof cryptoObject?.getRandomValues === 'function') cryptoObject.getRandomValues(buffer);
  else for (let i = 0; i < bytes; i++) buffer[i] = Math.floor(Math.random() * 256);
  let out = '';
  for (const byte of buffer) out += byte.toString(16).padStart(2, '0');
  return out;
}

function newBoundary(fields: UploadForm['fields']): string {
  for (;;) {
    const boundary = `----ImageKitUniversalBoundary${randomHex(16)}`;
    if (!fields.some(([name, value]) => name.includes(boundary) || value.includes(boundary))) return boundary;
  }
}

function fileSize(content: FileContent): number {
  if (content.kind === 'blob') return content.blob.size;
  if (content.kind === 'bytes') return content.bytes.byteLength;
  return content.size;
}

/** Streams `head`, then the file stream (checking it yields exactly `size` bytes), then `tail`. */
function oneShotStream(head: Uint8Array, file: ReadableStream<Uint8Array>, size: number, tail: Uint8Array): ReadableStream<Uint8Array> {
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  let stage: 'head' | 'file' | 'done' = 'head';
  let seen = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (stage === 'head') {
          stage = 'file';
          reader = file.getReader();
          controller.enqueue(head);
          return;
        }
        if (stage === 'done' || reader === undefined) return;
        const { done, value } = await reader.read();
        if (done) {
          stage = 'done';
          if (seen !== size) {
            controller.error(new RangeError(`The \`file\` stream ended after ${seen} bytes, but \`fileSize\` is ${size}`));
            return;
          }
          controller.enqueue(tail);
          controller.close();
          return;
        }
        const chunk = value instanceof Uint8Array ? value : new Uint8Array(value as ArrayBufferLike);
        seen += chunk.byteLength;
        if (seen > size) {
          stage = 'done';
          void reader.cancel().catch(() => undefined);
          controller.error(new RangeError(`The \`file\` stream is longer than \`fileSize\` (${size} bytes)`));
          return;
        }
        if (chunk.byteLength > 0) controller.enqueue(chunk);
      },
      async cancel(reason) {
        stage = 'done';
        await (reader ? reader.cancel(reason) : file.cancel(reason)).catch(() => undefined);
      },
    },
    { highWaterMark: 0 },
  );
}

/** Builds the multipart body of a validated form. The file part comes last. */
export function buildMultipart(form: UploadForm): MultipartBody {
  const boundary = newBoundary(form.fields);
  let headText = '';
  for (const [name, value] of form.fields) {
    headText += `--${boundary}\r\nContent-Disposition: form-data; name="${escapeDispositionValue(name)}"\r\n\r\n${value}\r\n`;
  }
  const contentType = `multipart/form-data; boundary=${boundary}`;
  if (form.file === undefined) {
    const bytes = utf8(`${headText}--${boundary}--\r\n`);
    return {
      contentType,
      length: bytes.byteLength,
      replayable: true,
      blob: new Blob([bytes]),
      stream: () => new Blob([bytes]).stream(),
    };
  }
  const { fileName, contentType: fileType, content } = form.file;
  headText +=
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${escapeDispositionValue(fileName)}"\r\n` +
    `Content-Type: ${fileType.replace(/[\r\n]/g, '')}\r\n\r\n`;
  const head = utf8(headText);
  const tail = utf8(`\r\n--${boundary}--\r\n`);
  const length = head.byteLength + fileSize(content) + tail.byteLength;
  if (content.kind === 'stream') {
    let used = false;
    return {
      contentType,
      length,
      replayable: false,
      blob: undefined,
      stream() {
        if (used) throw new TypeError('A `ReadableStream` `file` can be sent only once');
        used = true;
        return oneShotStream(head, content.stream, content.size, tail);
      },
    };
  }
  const middle: BlobPart = content.kind === 'blob' ? content.blob : (content.bytes as Uint8Array<ArrayBuffer>);
  const blob = new Blob([head, middle, tail]);
  if (blob.size !== length) throw new TypeError('The `file` option is not a Blob this runtime can compose');
  return { contentType, length, replayable: true, blob, stream: () => blob.stream() };
}
