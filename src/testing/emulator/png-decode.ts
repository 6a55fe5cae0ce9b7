/**
 * @module testing/emulator/png-decode
 * Decodes non-interlaced PNGs (8- or 16-bit gray, gray+alpha, RGB, RGBA; 8-bit palette)
 * into grayscale luminance, using only `DecompressionStream`. Enough for pHash.
 */

/** A grayscale image: `width × height` luminance values 0..255. */
export interface GrayImage {
  width: number;
  height: number;
  pixels: Float64Array;
}

const u32 = (b: Uint8Array, o: number): number => (((b[o] ?? 0) << 24) >>> 0) + ((b[o + 1] ?? 0) << 16) + ((b[o + 2] ?? 0) << 8) + (b[o + 3] ?? 0);

async function inflate(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

const channelsOf: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/** Decodes a PNG to grayscale; `undefined` for unsupported or corrupt input. */
export async function decodePngGray(bytes: Uint8Array): Promise<GrayImage | undefined> {
  if (bytes.length < 33 || u32(bytes, 0) !== 0x89504e47) return undefined;
  const width = u32(bytes, 16);
  const height = u32(bytes, 20);
  const depth = bytes[24] ?? 0;
  const colorType = bytes[25] ?? 0;
  const interlace = bytes[28] ?? 0;
  const channels = channelsOf[colorType];
  if (channels === undefined || interlace !== 0 || width === 0 || height === 0 || width * height > 4e7) return undefined;
  if (!(depth === 8 || (depth === 16 && colorType !== 3))) return undefined;
  const idat: Uint8Array[] = [];
  let palette: Uint8Array | undefined;
  for (let offset = 8; offset + 12 <= bytes.length;) {
    const length = u32(bytes, offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === 'IDAT') idat.push(data);
    if (type === 'PLTE') palette = data;
    if (type === 'IEND') break;
    offset += 12 + length;
  }
  if (colorType === 3 && palette === undefined) return undefined;
  const joined = new Uint8Array(idat.reduce((sum, part) => sum + part.length, 0));
  let position = 0;
  for (const part of idat) {
    joined.set(part, position);
    position += part.length;
  }
  let raw: Uint8Array;
  try {
    raw = await inflate(joined);
  } catch {
    return undefined;
  }
  const bpp = (channels * depth) / 8;
  const stride = width * bpp;
  if (raw.length < height * (stride + 1)) return undefined;
  const current = new Uint8Array(stride);
  let previous = new Uint8Array(stride);
  const pixels = new Float64Array(width * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)] ?? 0;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const left = i >= bpp ? (current[i - bpp] ?? 0) : 0;
      const up = previous[i] ?? 0;
      const upLeft = i >= bpp ? (previous[i - bpp] ?? 0) : 0;
      const x = line[i] ?? 0;
      let value: number;
      if (filter === 0) value = x;
      else if (filter === 1) value = x + left;
      else if (filter === 2) value = x + up;
      else if (filter === 3) value = x + ((left + up) >> 1);
      else if (filter === 4) value = x + paeth(left, up, upLeft);
      else return undefined;
      current[i] = value & 0xff;
    }
    for (let x = 0; x < width; x++) {
      const sample = (channel: number): number => current[x * bpp + channel * (depth / 8)] ?? 0;
      let gray: number;
      if (colorType === 0 || colorType === 4) gray = sample(0);
      else if (colorType === 3) {
        const index = sample(0) * 3;
        gray = 0.299 * (palette?.[index] ?? 0) + 0.587 * (palette?.[index + 1] ?? 0) + 0.114 * (palette?.[index + 2] ?? 0);
      } else gray = 0.299 * sample(0) + 0.587 * sample(1) + 0.114 * sample(2);
      pixels[y * width + x] = gray;
    }
    previous = Uint8Array.from(current);
  }
  return { width, height, pixels };
}
