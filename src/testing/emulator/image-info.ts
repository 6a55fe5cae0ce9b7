/**
 * @module testing/emulator/image-info
 * Reads format, dimensions and alpha from the first bytes of PNG, JPEG, GIF and WebP
 * files; other content is classified by file extension only.
 */

/** What the emulator knows about stored content. */
export interface ContentInfo {
  format: string;
  mime: string;
  fileType: 'image' | 'non-image';
  width?: number;
  height?: number;
  hasAlpha: boolean;
}

const u16be = (b: Uint8Array, o: number): number => ((b[o] ?? 0) << 8) | (b[o + 1] ?? 0);
const u16le = (b: Uint8Array, o: number): number => (b[o] ?? 0) | ((b[o + 1] ?? 0) << 8);
const u24le = (b: Uint8Array, o: number): number => u16le(b, o) | ((b[o + 2] ?? 0) << 16);
const u32be = (b: Uint8Array, o: number): number => ((u16be(b, o) << 16) >>> 0) + u16be(b, o + 2);
const ascii = (b: Uint8Array, o: number, n: number): string => String.fromCharCode(...b.subarray(o, o + n));

function png(bytes: Uint8Array): ContentInfo | undefined {
  if (bytes.length < 33 || u32be(bytes, 0) !== 0x89504e47 || ascii(bytes, 12, 4) !== 'IHDR') return undefined;
  const colorType = bytes[25] ?? 0;
  let hasAlpha = colorType === 4 || colorType === 6;
  for (let offset = 8; offset + 8 <= bytes.length && !hasAlpha;) {
    const type = ascii(bytes, offset + 4, 4);
    if (type === 'tRNS') hasAlpha = true;
    if (type === 'IDAT' || type === 'IEND') break;
    offset += 12 + u32be(bytes, offset);
  }
  return { format: 'png', mime: 'image/png', fileType: 'image', width: u32be(bytes, 16), height: u32be(bytes, 20), hasAlpha };
}

function jpeg(bytes: Uint8Array): ContentInfo | undefined {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  let offset = 2;
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 0xff) return undefined;
    const marker = bytes[offset + 1] ?? 0;
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof) {
      return {
        format: 'jpg',
        mime: 'image/jpeg',
        fileType: 'image',
        height: u16be(bytes, offset + 5),
        width: u16be(bytes, offset + 7),
        hasAlpha: false,
      };
    }
    if (marker === 0xd9 || marker === 0xda) break;
    offset += 2 + u16be(bytes, offset + 2);
  }
  return { format: 'jpg', mime: 'image/jpeg', fileType: 'image', hasAlpha: false };
}

function gif(bytes: Uint8Array): ContentInfo | undefined {
  const magic = ascii(bytes, 0, 6);
  if (magic !== 'GIF87a' && magic !== 'GIF89a') return undefined;
  return { format: 'gif', mime: 'image/gif', fileType: 'image', width: u16le(bytes, 6), height: u16le(bytes, 8), hasAlpha: false };
}

function webp(bytes: Uint8Array): ContentInfo | undefined {
  if (bytes.length < 30 || ascii(bytes, 0, 4) !== 'RIFF' || ascii(bytes, 8, 4) !== 'WEBP') return undefined;
  const chunk = ascii(bytes, 12, 4);
  const base = { format: 'webp', mime: 'image/webp', fileType: 'image' as const };
  if (chunk === 'VP8 ') {
    // Frame tag (3 bytes) + start code 9d 01 2a, then 14-bit width and height.
    return { ...base, width: u16le(bytes, 26) & 0x3fff, height: u16le(bytes, 28) & 0x3fff, hasAlpha: false };
  }
  if (chunk === 'VP8L') {
    const b = (i: number): number => bytes[21 + i] ?? 0;
    const width = 1 + (((b(1) & 0x3f) << 8) | b(0));
    const height = 1 + (((b(3) & 0x0f) << 10) | (b(2) << 2) | ((b(1) & 0xc0) >> 6));
    return { ...base, width, height, hasAlpha: ((b(3) >> 4) & 1) === 1 };
  }
  if (chunk === 'VP8X') {
    return { ...base, width: 1 + u24le(bytes, 24), height: 1 + u24le(bytes, 27), hasAlpha: ((bytes[20] ?? 0) & 0x10) !== 0 };
  }
  return { ...base, hasAlpha: false };
}

const byExtension: Record<string, [mime: string, image: boolean]> = {
  svg: ['image/svg+xml', true],
  avif: ['image/avif', true],
  bmp: ['image/bmp', true],
  ico: ['image/x-icon', true],
  tiff: ['image/tiff', true],
  heic: ['image/heic', true],
  pdf: ['application/pdf', false],
  txt: ['text/plain', false],
  json: ['application/json', false],
  csv: ['text/csv', false],
  mp4: ['video/mp4', false],
  webm: ['video/webm', false],
  mp3: ['audio/mpeg', false],
  zip: ['application/zip', false],
  html: ['text/html', false],
  css: ['text/css', false],
  js: ['text/javascript', false],
};

/** Classifies content by its magic bytes, falling back to the file-name extension. */
export function contentInfo(bytes: Uint8Array, fileName: string): ContentInfo {
  const sniffed = png(bytes) ?? jpeg(bytes) ?? gif(bytes) ?? webp(bytes);
  if (sniffed !== undefined) return sniffed;
  const dot = fileName.lastIndexOf('.');
  const extension = dot === -1 ? '' : fileName.slice(dot + 1).toLowerCase();
  const known = byExtension[extension];
  if (known === undefined) return { format: extension, mime: 'application/octet-stream', fileType: 'non-image', hasAlpha: false };
  return { format: extension, mime: known[0], fileType: known[1] ? 'image' : 'non-image', hasAlpha: false };
}
