// Types of scripts/make-icons.js for the tests.
export const SIZES: readonly number[];
/** size × size RGBA pixels of the icon. */
export function render(size: number): Buffer;
export function encodePng(size: number, pixels: Buffer): Buffer;
