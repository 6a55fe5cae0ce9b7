/**
 * @module upload/multipart
 * Builds a `multipart/form-data` body by hand, with an exact length known up front and
 * without reading the file: the body is `new Blob([head, file, tail])`, which stays lazy
 * for disk-backed blobs (e.g. `fs.openAsBlob()`), or, for a one-shot `ReadableStream`
 * file, a stream that emits head, the file's chunks and tail.
 */
import { utf8 } from '../internal/encoding.js';
import type { RequestBody } from '../transport/types.js';
import type { UploadForm } from './form.js';

/** A multipart request body whose byte length is known before sending. */
export type MultipartBody = RequestBody;

/**
 * Escapes a field name or file name for a `Content-Disposition` parameter the way
 * browsers do (WHATWG multipart/form-data): `"` → `%22`, CR → `%0D`, LF → `%0A`.
 */
export function escapeDispositionValue(value: string): string {
  return value.replace(/["\r\n]/g, encodeURIComponent);
}

/** Streams `head`, then the file stream (checking it yields exactly `size` bytes), then `tail`. */
function oneShotStream(head: Uint8Array, file: ReadableStream<Uint8Array>, size: number, tail: Uint8Array): ReadableStream<Uint8Array> {
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  let seen = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!reader) {
          reader = file.getReader();
          controller.enqueue(head);
          return;
        }
        const { done, value } = await reader.read();
        const chunk = done ? tail : value instanceof Uint8Array ? value : new Uint8Array(value as ArrayBufferLike);
        if (!done) seen += chunk.byteLength;
        if (done ? seen !== size : seen > size) {
          if (!done) void reader.cancel().catch(() => undefined);
          controller.error(new RangeError(`The \`file\` stream ${done ? `ended after ${seen} bytes` : 'is longer'}, but \`fileSize\` is ${size}`));
          return;
        }
        if (chunk.byteLength) controller.enqueue(chunk);
        if (done) controller.close();
      },
      cancel: (reason) => (reader ?? file).cancel(reason).catch(() => undefined),
    },
    { highWaterMark: 0 },
  );
}

/** Builds the multipart body of a validated form. The file part comes last. */
export function buildMultipart(form: UploadForm): MultipartBody {
  let boundary: string;
  do {
    boundary = `----IKUploadBoundary${crypto.getRandomValues(new Uint32Array(4)).join('x')}`;
  } while (form.fields.some((field) => field.join('').includes(boundary)));
  const part = (name: string, extra = ''): string =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${escapeDispositionValue(name)}"${extra}\r\n\r\n`;
  let head = '';
  for (const [name, value] of form.fields) head += `${part(name)}${value}\r\n`;
  const contentType = `multipart/form-data; boundary=${boundary}`;
  const end = `--${boundary}--\r\n`;
  const file = form.file;
  if (!file) {
    const blob = new Blob([utf8(head + end)]);
    return { contentType, length: blob.size, replayable: true, blob, stream: () => blob.stream() };
  }
  const content = file.content;
  const headBytes = utf8(
    head + part('file', `; filename="${escapeDispositionValue(file.fileName)}"\r\nContent-Type: ${file.contentType.replace(/[\r\n]/g, '')}`),
  );
  const tail = utf8(`\r\n${end}`);
  if (content.kind === 'stream') {
    let used = false;
    return {
      contentType,
      length: headBytes.byteLength + content.size + tail.byteLength,
      replayable: false,
      blob: undefined,
      stream() {
        if (used) throw new TypeError('A `ReadableStream` `file` can be sent only once');
        used = true;
        return oneShotStream(headBytes, content.stream, content.size, tail);
      },
    };
  }
  const blob = new Blob([headBytes, content.blob, tail]);
  if (blob.size !== headBytes.byteLength + content.blob.size + tail.byteLength) {
    throw new TypeError('The `file` option is not a Blob this runtime can compose');
  }
  return { contentType, length: blob.size, replayable: true, blob, stream: () => blob.stream() };
}
