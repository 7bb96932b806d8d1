/**
 * Writes public/icon/{16,32,48,128}.png: a lens (ring + handle) with a key-hole dot, drawn by
 * sampling a signed-distance shape, so the extension needs no binary design assets.
 * Run: node --import tsx test/support/make-icons.ts
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { lightToken } from '../../lib/format/palette-token';

/** The lens in the accent blue, the key-hole in the error red: the panel's own colours. */
const palette = readFileSync(join(import.meta.dirname, '..', '..', 'components', 'palette.css'), 'utf8');
const rgb = (hex: string): [number, number, number] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
const LENS = rgb(lightToken(palette, '--accent'));
const KEYHOLE = rgb(lightToken(palette, '--err'));

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function coverage(x: number, y: number): { a: number; accent: boolean } {
  // Shape in unit space [0,1]²: ring centred (0.42, 0.42), handle towards bottom-right.
  const dx = x - 0.42;
  const dy = y - 0.42;
  const r = Math.hypot(dx, dy);
  const ring = Math.abs(r - 0.27) - 0.075;
  const t = Math.max(0, Math.min(1, ((x - 0.6) * 0.7071 + (y - 0.6) * 0.7071) / 0.42));
  const hx = 0.6 + t * 0.297;
  const hy = 0.6 + t * 0.297;
  const handle = Math.hypot(x - hx, y - hy) - 0.085;
  const dot = Math.hypot(dx, dy) - 0.09;
  const d = Math.min(ring, handle);
  return d < 0 ? { a: 1, accent: false } : dot < 0 ? { a: 1, accent: true } : { a: 0, accent: false };
}

function png(size: number): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  const samples = 4;
  for (let py = 0; py < size; py++) {
    raw[py * (size * 4 + 1)] = 0;
    for (let px = 0; px < size; px++) {
      let a = 0;
      let accent = 0;
      for (let sy = 0; sy < samples; sy++)
        for (let sx = 0; sx < samples; sx++) {
          const c = coverage((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          a += c.a;
          if (c.accent) accent += 1;
        }
      const n = samples * samples;
      const o = py * (size * 4 + 1) + 1 + px * 4;
      const isAccent = accent > n / 2;
      const [r, g, b] = isAccent ? KEYHOLE : LENS;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
      raw[o + 3] = Math.round((a / n) * 255);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

const dir = join(import.meta.dirname, '..', '..', 'public', 'icon');
mkdirSync(dir, { recursive: true });
for (const size of [16, 32, 48, 128]) writeFileSync(join(dir, `${size}.png`), png(size));
