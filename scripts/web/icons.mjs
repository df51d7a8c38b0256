// The app icons for the web app manifest (icon-192.png, icon-512.png), drawn as the favicon
// is: a blue rounded square with a yellow span mark. PNGs written with zlib, no image tools.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const BLUE = [0x00, 0x72, 0xb2];
const YELLOW = [0xf0, 0xe4, 0x42];

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
};

/** An RGBA PNG of the icon, `size` pixels square (the favicon's 16-unit drawing, scaled). */
export function iconPng(size) {
  const u = size / 16;
  const radius = 3 * u;
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      // inside the rounded square?
      const cx = Math.min(Math.max(x + 0.5, radius), size - radius);
      const cy = Math.min(Math.max(y + 0.5, radius), size - radius);
      const inside = (x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 <= radius ** 2;
      const mark = x >= 3 * u && x < 13 * u && y >= 7 * u && y < 10 * u;
      const [r, g, b] = mark ? YELLOW : BLUE;
      row.set([r, g, b, inside ? 255 : 0], 1 + x * 4);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Write the manifest's icons into the build folder `dir`. */
export function writeIcons(dir) {
  for (const size of [192, 512]) fs.writeFileSync(path.join(dir, `icon-${size}.png`), iconPng(size));
}
