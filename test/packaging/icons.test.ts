/** The committed icons in assets/ are the ones scripts/make-icons.js draws, at every size it draws. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { encodePng, render, SIZES } from "../../scripts/make-icons";
import { readPngSize } from "./png";

const ASSETS = path.resolve(__dirname, "../../assets");

describe("add-in icons", () => {
  test("assets/ holds icon-16, -32, -64, -80 and -128.png, byte for byte what make-icons.js writes", () => {
    expect([...SIZES]).toEqual([16, 32, 64, 80, 128]);
    for (const size of SIZES) {
      const committed = readFileSync(path.join(ASSETS, `icon-${size}.png`));
      expect(readPngSize(committed)).toEqual({ width: size, height: size });
      expect(committed.equals(encodePng(size, render(size)))).toBe(true);
    }
  });

  test("each icon is a rounded square: transparent corners, an opaque centre", () => {
    for (const size of SIZES) {
      const pixels = render(size);
      const alpha = (x: number, y: number) => pixels[(y * size + x) * 4 + 3];
      for (const [x, y] of [
        [0, 0],
        [size - 1, 0],
        [0, size - 1],
        [size - 1, size - 1],
      ] as const) {
        // The corner arc has radius r = 0.18 × size around (r, r). At 16 px, r = 2.88 and the corner
        // pixel's inner point (1, 1) is 1.88 × √2 ≈ 2.66 < r from it: a sliver is covered (< 1/4). From
        // 32 px on (r = 5.76, distance 4.76 × √2 ≈ 6.73 > r) the corner pixel is wholly outside.
        if (size >= 32) expect(alpha(x, y)).toBe(0);
        else expect(alpha(x, y)).toBeLessThan(64);
      }
      expect(alpha(size >> 1, size >> 1)).toBe(255);
      expect(alpha(size >> 1, 0)).toBe(255); // the middle of an edge is inside the square
    }
  });
});
