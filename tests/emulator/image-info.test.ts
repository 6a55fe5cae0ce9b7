import { describe, it, expect } from 'vitest';
import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import { contentInfo } from '../../src/testing/emulator/image-info.js';
import { computePhash } from '../../src/testing/emulator/phash.js';

// node:zlib's crc32 (Node ≥ 20.15) is the checksum oracle: nothing shared with the emulator or examples/assets.
function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
/** A PNG of the same gray picture v(x, y) in several colour types and depths (node:zlib as the encoder). */
function png(kind: 'gray8' | 'gray16' | 'rgb8' | 'rgba8' | 'palette' | 'graya8', interlace = 0): Uint8Array {
  const width = 40;
  const height = 30;
  const levels = [0, 60, 120, 180, 240];
  const v = (x: number, y: number) => levels[(Math.floor(x / 7) + Math.floor(y / 5) * 2) % 5] as number;
  const [colorType, depth, samples] = {
    gray8: [0, 8, (g: number) => [g]],
    gray16: [0, 16, (g: number) => [g, 0x37]],
    rgb8: [2, 8, (g: number) => [g, g, g]],
    rgba8: [6, 8, (g: number) => [g, g, g, 255]],
    palette: [3, 8, (g: number) => [levels.indexOf(g)]],
    graya8: [4, 8, (g: number) => [g, 200]],
  }[kind] as [number, number, (g: number) => number[]];
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = depth;
  ihdr[9] = colorType;
  ihdr[12] = interlace;
  const rows: number[] = [];
  for (let y = 0; y < height; y++) {
    const filter = y % 5; // exercise all five filter types: encode with filter 0 semantics via raw bytes per type
    const line: number[] = [];
    for (let x = 0; x < width; x++) line.push(...samples(v(x, y)));
    const bpp = Math.max(1, line.length / width);
    const prev: number[] = rows.length === 0 ? new Array(line.length).fill(0) : (rows as any).lastLine;
    const encoded = line.map((byte, i) => {
      const a = i >= bpp ? (line[i - bpp] as number) : 0;
      const b = prev[i] as number;
      const c = i >= bpp ? (prev[i - bpp] as number) : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter] as number;
      return (byte - predictor) & 0xff;
    });
    rows.push(filter, ...encoded);
    (rows as any).lastLine = line;
  }
  const parts = [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr)];
  if (kind === 'palette') parts.push(chunk('PLTE', Buffer.from(levels.flatMap((g) => [g, g, g]))));
  parts.push(chunk('IDAT', deflateSync(Buffer.from(rows))), chunk('IEND', Buffer.alloc(0)));
  return new Uint8Array(Buffer.concat(parts));
}

describe('contentInfo', () => {
  it('reads a lossy VP8 WebP frame header', () => {
    const bytes = new Uint8Array(40);
    bytes.set(Buffer.from('RIFF\0\0\0\0WEBPVP8 '), 0);
    bytes.set([0x9d, 0x01, 0x2a, 300 & 0xff, 300 >> 8, 200 & 0xff, 200 >> 8], 23);
    expect(contentInfo(bytes, 'x')).toMatchObject({ format: 'webp', width: 300, height: 200, hasAlpha: false });
  });

  it('reads an extended VP8X WebP header with the alpha flag', () => {
    const bytes = new Uint8Array(40);
    bytes.set(Buffer.from('RIFF\0\0\0\0WEBPVP8X'), 0);
    bytes[20] = 0x10;
    bytes.set([0xff, 0x03, 0x00, 0x1f, 0x00, 0x00], 24); // width 1024, height 32
    expect(contentInfo(bytes, 'x')).toMatchObject({ width: 1024, height: 32, hasAlpha: true });
  });

  it('reads a progressive (SOF2) JPEG after an APP0 segment', () => {
    const bytes = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xc2, 0, 11, 8, 0x01, 0x2c, 0x02, 0x58, 1, 1, 0x11, 0]);
    expect(contentInfo(new Uint8Array(bytes), 'p.jpg')).toMatchObject({ format: 'jpg', width: 600, height: 300 });
  });

  it('falls back to the extension for unknown bytes', () => {
    expect(contentInfo(new Uint8Array([1, 2, 3]), 'doc.PDF')).toEqual({
      format: 'pdf',
      mime: 'application/pdf',
      fileType: 'non-image',
      hasAlpha: false,
    });
  });

  it('flags PNG alpha from the colour type', () => {
    expect(contentInfo(png('rgba8'), 'a.png').hasAlpha).toBe(true);
    expect(contentInfo(png('rgb8'), 'a.png').hasAlpha).toBe(false);
  });
});

describe('pHash', () => {
  it('is identical for the same picture in every supported colour type, depth and filter', async () => {
    const kinds = ['gray8', 'gray16', 'rgb8', 'rgba8', 'palette', 'graya8'] as const;
    const hashes = await Promise.all(kinds.map((kind) => computePhash(png(kind))));
    expect(new Set(hashes).size).toBe(1);
    expect(hashes[0]).toMatch(/^[0-9a-f]{16}$/);
    expect(hashes[0]).not.toBe('0000000000000000');
  });

  it('falls back to the SHA-256 prefix for undecodable images (interlaced PNG, JPEG)', async () => {
    const interlaced = png('gray8', 1);
    expect(await computePhash(interlaced)).toBe(createHash('sha256').update(interlaced).digest('hex').slice(0, 16));
  });
});
