// Generates the tiny sample images in this folder. Run: node examples/assets/generate.mjs
// Every file is hand-built (no image library): three PNGs (two near-duplicates and one
// different pattern) for pHash tests, plus a minimal baseline JPEG, GIF and lossless WebP
// so format/dimension sniffing can be tested on real bytes. Output is deterministic.
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (name) => fileURLToPath(new URL(name, import.meta.url));

// ---- PNG ---------------------------------------------------------------------------
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
/** RGB PNG from a pixel function (x, y) => [r, g, b]. Rows use filter 0 except every third row (Sub) to exercise unfiltering. */
function png(width, height, pixel) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type RGB
  const raw = Buffer.alloc(height * (1 + width * 3));
  for (let y = 0; y < height; y++) {
    const row = y * (1 + width * 3);
    const filter = y % 3 === 2 ? 1 : 0;
    raw[row] = filter;
    for (let x = 0; x < width; x++) {
      const rgb = pixel(x, y).map((v) => Math.max(0, Math.min(255, Math.round(v))));
      for (let c = 0; c < 3; c++) {
        const left = filter === 1 && x > 0 ? pixel(x - 1, y).map((v) => Math.max(0, Math.min(255, Math.round(v))))[c] : 0;
        raw[row + 1 + x * 3 + c] = (rgb[c] - left) & 0xff;
      }
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
// "waves": a smooth two-dimensional pattern with large-scale structure, so its DCT pHash is
// stable; the edited copy is 6 levels brighter with a faint 4×4 mark (a near-duplicate).
const waves = (x, y) => {
  const v = 128 + 60 * Math.sin(x / 5 + 1) * Math.sin(y / 4) + 50 * Math.cos(x / 13 - y / 7) + 30 * Math.sin((x * y) / 300);
  return [v, v * 0.8 + 30, 255 - v];
};
const edited = (x, y) => waves(x, y).map((v) => v + 6 + (x >= 40 && x < 44 && y >= 8 && y < 12 ? 40 : 0));
const pattern = (x, y) => (((x >> 3) + (y >> 3)) % 2 === 0 ? [20, 20, 20] : [235, 235, 235]);

// ---- JPEG (baseline, grayscale, 16×8 = two flat 8×8 blocks; DC-only Huffman coding) -----
function jpeg() {
  const seg = (marker, body) => Buffer.concat([Buffer.from([0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff]), Buffer.from(body)]);
  const dqt = seg(0xdb, [0x00, ...new Array(64).fill(1)]);
  const sof = seg(0xc0, [8, 0, 8, 0, 16, 1, 1, 0x11, 0]); // precision 8, height 8, width 16, 1 component
  // DC table 0: symbol 0 → "0", symbol 9 → "10". AC table 0: symbol 0x00 (EOB) → "0".
  const dht = seg(0xc4, [0x00, 1, 1, ...new Array(14).fill(0), 0, 9, 0x10, 1, ...new Array(15).fill(0), 0x00]);
  const sos = seg(0xda, [1, 1, 0x00, 0, 63, 0]);
  // Block 1: value 128 → DC 0 (cat 0) + EOB. Block 2: value 160 → DC diff 256 (cat 9, bits 100000000) + EOB.
  const bits = '0' + '0' + '10' + '100000000' + '0';
  const padded = bits.padEnd(Math.ceil(bits.length / 8) * 8, '1');
  const data = [];
  for (let i = 0; i < padded.length; i += 8) {
    const byte = parseInt(padded.slice(i, i + 8), 2);
    data.push(byte);
    if (byte === 0xff) data.push(0);
  }
  return Buffer.concat([Buffer.from([0xff, 0xd8]), dqt, sof, dht, sos, Buffer.from(data), Buffer.from([0xff, 0xd9])]);
}

// ---- GIF (3×2, 4-colour palette; a CLEAR before every literal keeps codes 3 bits wide) ----
function gif() {
  const width = 3;
  const height = 2;
  const pixels = [0, 1, 2, 3, 2, 1];
  const codes = [];
  for (const p of pixels) codes.push(4, p); // CLEAR = 4, then the literal
  codes.push(5); // END
  const bytes = [];
  let acc = 0;
  let n = 0;
  for (const code of codes) {
    acc |= code << n;
    n += 3;
    while (n >= 8) {
      bytes.push(acc & 0xff);
      acc >>= 8;
      n -= 8;
    }
  }
  if (n > 0) bytes.push(acc & 0xff);
  return Buffer.concat([
    Buffer.from('GIF89a', 'latin1'),
    Buffer.from([width, 0, height, 0, 0xf1, 0, 0]), // global colour table, 4 entries
    Buffer.from([0, 0, 0, 255, 0, 0, 0, 255, 0, 0, 0, 255]),
    Buffer.from([0x2c, 0, 0, 0, 0, width, 0, height, 0, 0]),
    Buffer.from([2, bytes.length, ...bytes, 0]),
    Buffer.from([0x3b]),
  ]);
}

// ---- WebP (lossless VP8L, 5×3 solid colour: five single-symbol "simple" prefix codes) ----
function webp() {
  const width = 5;
  const height = 3;
  const out = [];
  let acc = 0;
  let n = 0;
  const put = (value, count) => {
    for (let i = 0; i < count; i++) {
      acc |= ((value >> i) & 1) << n;
      n += 1;
      if (n === 8) {
        out.push(acc);
        acc = 0;
        n = 0;
      }
    }
  };
  put(width - 1, 14);
  put(height - 1, 14);
  put(0, 1); // alpha_is_used
  put(0, 3); // version
  put(0, 1); // no transform
  put(0, 1); // no colour cache
  put(0, 1); // no meta prefix codes
  const simple = (symbol) => {
    put(1, 1); // simple code
    put(0, 1); // one symbol
    put(1, 1); // 8-bit symbol
    put(symbol, 8);
  };
  simple(200); // green
  simple(40); // red
  simple(90); // blue
  simple(255); // alpha
  simple(0); // distance
  if (n > 0) out.push(acc);
  const payload = Buffer.from([0x2f, ...out.slice(0)]);
  const body = payload.length % 2 === 1 ? Buffer.concat([payload, Buffer.from([0])]) : payload;
  const vp8l = Buffer.concat([Buffer.from('VP8L', 'latin1'), Buffer.alloc(4), body]);
  vp8l.writeUInt32LE(payload.length, 4);
  const riff = Buffer.concat([Buffer.from('RIFF', 'latin1'), Buffer.alloc(4), Buffer.from('WEBP', 'latin1'), vp8l]);
  riff.writeUInt32LE(riff.length - 8, 4);
  return riff;
}

const files = {
  'waves.png': png(64, 48, waves),
  'waves-edited.png': png(64, 48, edited),
  'checker.png': png(64, 48, pattern),
  'tiny.jpg': jpeg(),
  'tiny.gif': gif(),
  'tiny.webp': webp(),
};
for (const [name, bytes] of Object.entries(files)) {
  writeFileSync(here(name), bytes);
  console.log(`${name}\t${bytes.length} bytes`);
}
