#!/usr/bin/env node
// Draws the add-in icons (a calendar with a euro sign on a teal rounded square) and writes them as
// RGBA PNG files in assets/: icon-16/32/64/80/128.png. Pure Node (zlib + hand-written PNG chunks), no
// image library. The PNGs are committed; run `node scripts/make-icons.js` again only to redraw them.
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");

const SIZES = [16, 32, 64, 80, 128];
const OUT = path.join(__dirname, "..", "assets");

const TEAL = [0x1f, 0x6f, 0x5c, 255];
const WHITE = [255, 255, 255, 255];
const AMBER = [0xe8, 0xa3, 0x3d, 255];
const CLEAR = [0, 0, 0, 0];

function inRoundedRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function inEuro(x, y) {
  const cx = 0.54;
  const cy = 0.61;
  const dx = x - cx;
  const dy = y - cy;
  const d = Math.hypot(dx, dy);
  // A "C": an annulus open on the right (within 40 degrees of the horizontal).
  const ring = d <= 0.155 && d >= 0.105 && !(dx > 0 && Math.abs(dy) < dx * Math.tan((40 * Math.PI) / 180));
  const bar = (y0) => x >= 0.33 && x <= 0.58 && y >= y0 && y <= y0 + 0.03;
  return ring || bar(0.565) || bar(0.625);
}

/** Colour of a point of the unit square (0,0 top left). */
function colourAt(x, y) {
  if (!inRoundedRect(x, y, 0, 0, 1, 1, 0.18)) return CLEAR;
  // Binder rings stand above the page.
  if (
    inRoundedRect(x, y, 0.31, 0.15, 0.38, 0.33, 0.03) ||
    inRoundedRect(x, y, 0.62, 0.15, 0.69, 0.33, 0.03)
  ) {
    return WHITE;
  }
  if (inRoundedRect(x, y, 0.19, 0.24, 0.81, 0.84, 0.07)) {
    if (y < 0.4) return AMBER;
    return inEuro(x, y) ? TEAL : WHITE;
  }
  return TEAL;
}

/** Renders size × size RGBA pixels, 4 × 4 samples a pixel for smooth edges. */
function render(size) {
  const n = 4;
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = colourAt((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size);
          r += c[0] * c[3];
          g += c[1] * c[3];
          b += c[2] * c[3];
          a += c[3];
        }
      }
      const o = (py * size + px) * 4;
      pixels[o] = a ? Math.round(r / a) : 0;
      pixels[o + 1] = a ? Math.round(g / a) : 0;
      pixels[o + 2] = a ? Math.round(b / a) : 0;
      pixels[o + 3] = Math.round(a / (n * n));
    }
  }
  return pixels;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  // A PNG chunk's CRC-32 covers its type and data (PNG §5.3): zlib's (Node 20.15 or later).
  crc.writeUInt32BE(zlib.crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function encodePng(size, pixels) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering
  ihdr[12] = 0; // no interlace
  const rows = [];
  for (let y = 0; y < size; y++) {
    rows.push(Buffer.from([0]), pixels.subarray(y * size * 4, (y + 1) * size * 4));
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

if (require.main === module) {
  fs.mkdirSync(OUT, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(OUT, `icon-${size}.png`);
    fs.writeFileSync(file, encodePng(size, render(size)));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}

module.exports = { encodePng, render, SIZES };
