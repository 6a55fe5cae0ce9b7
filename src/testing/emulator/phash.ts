/**
 * @module testing/emulator/phash
 * A 64-bit DCT perceptual hash (box-resize to 32×32 gray, 2-D DCT-II, top-left 8×8
 * block, median threshold) for PNGs the emulator can decode. For anything else the
 * emulator falls back to the first 16 hex characters of SHA-256 of the bytes:
 * deterministic, but not similarity-preserving.
 */
import { decodePngGray, type GrayImage } from './png-decode.js';
import { hex, sha256 } from './crypto.js';

const size = 32;

function resize(image: GrayImage): Float64Array {
  const out = new Float64Array(size * size);
  for (let ty = 0; ty < size; ty++) {
    const y0 = Math.floor((ty * image.height) / size);
    const y1 = Math.max(y0 + 1, Math.floor(((ty + 1) * image.height) / size));
    for (let tx = 0; tx < size; tx++) {
      const x0 = Math.floor((tx * image.width) / size);
      const x1 = Math.max(x0 + 1, Math.floor(((tx + 1) * image.width) / size));
      let sum = 0;
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) sum += image.pixels[y * image.width + x] ?? 0;
      out[ty * size + tx] = sum / ((y1 - y0) * (x1 - x0));
    }
  }
  return out;
}

function cosineTable(): Float64Array {
  const table = new Float64Array(8 * size);
  for (let u = 0; u < 8; u++) for (let x = 0; x < size; x++) table[u * size + x] = Math.cos(((2 * x + 1) * u * Math.PI) / (2 * size));
  return table;
}

/** The 16-hex-char pHash of a decoded grayscale image. */
export function phashOfGray(image: GrayImage): string {
  const pixels = resize(image);
  const cos = cosineTable();
  const coefficients: number[] = [];
  for (let u = 0; u < 8; u++) {
    for (let v = 0; v < 8; v++) {
      let sum = 0;
      for (let y = 0; y < size; y++) {
        let row = 0;
        for (let x = 0; x < size; x++) row += (pixels[y * size + x] ?? 0) * (cos[v * size + x] ?? 0);
        sum += row * (cos[u * size + y] ?? 0);
      }
      coefficients.push(sum);
    }
  }
  const sorted = [...coefficients].sort((a, b) => a - b);
  const median = ((sorted[31] ?? 0) + (sorted[32] ?? 0)) / 2;
  let bits = 0n;
  for (const value of coefficients) bits = (bits << 1n) | (value > median ? 1n : 0n);
  return bits.toString(16).padStart(16, '0');
}

/** pHash of stored bytes: real DCT hash for decodable PNGs, SHA-256 prefix otherwise. */
export async function computePhash(bytes: Uint8Array): Promise<string> {
  const image = await decodePngGray(bytes);
  if (image !== undefined) return phashOfGray(image);
  return hex(await sha256(bytes)).slice(0, 16);
}
