// Draws the add-in's icons (16/32/64/80/128 px) into addin/assets/ with a tiny PNG encoder:
// a red rounded square with four gold bars of falling length, one per grade (好 → 较差).
// Run `node addin/build/make-icons.js` after changing the drawing; the PNGs are committed.
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { Buffer } = require('buffer');

const RED = [200, 16, 46];
const GOLD = [255, 210, 0];
const SIZES = [16, 32, 64, 80, 128];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** RGBA pixels (size × size × 4) → PNG bytes. */
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function draw(size) {
  const px = Buffer.alloc(size * size * 4);
  const r = Math.max(2, Math.round(size * 0.18));
  const set = (x, y, [R, G, B], a = 255) => {
    const i = (y * size + x) * 4;
    px[i] = R;
    px[i + 1] = G;
    px[i + 2] = B;
    px[i + 3] = a;
  };
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // Rounded corners: outside the corner circles stays transparent.
      const cx = x < r ? r - 0.5 : x >= size - r ? size - r - 0.5 : x + 0.5;
      const cy = y < r ? r - 0.5 : y >= size - r ? size - r - 0.5 : y + 0.5;
      const d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
      if (d <= r) set(x, y, RED, d > r - 1 ? Math.round(255 * (r - d)) : 255);
    }
  }
  const pad = Math.round(size * 0.2);
  const inner = size - 2 * pad;
  const barH = Math.max(1, Math.round(inner / 7));
  const gap = (inner - 4 * barH) / 3;
  [1, 0.75, 0.5, 0.3].forEach((len, i) => {
    const y0 = Math.round(pad + i * (barH + gap));
    const x1 = pad + Math.max(1, Math.round(inner * len));
    for (let y = y0; y < y0 + barH; y++) for (let x = pad; x < x1; x++) set(x, y, GOLD);
  });
  return encodePng(size, px);
}

if (require.main === module) {
  const out = path.resolve(__dirname, '..', 'assets');
  fs.mkdirSync(out, { recursive: true });
  for (const s of SIZES) fs.writeFileSync(path.join(out, `icon-${s}.png`), draw(s));
  console.log(`wrote ${SIZES.map((s) => `icon-${s}.png`).join(', ')} to ${out}`);
}

module.exports = { encodePng, draw, SIZES };
