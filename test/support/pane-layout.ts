import type { Page } from "playwright-core";

/**
 * The pane's layout checks at Excel's narrowest task pane (320 px), shared by the browser tests
 * (narrow pane, recovery, vendor import): nothing sticks out sideways, no visible text is drawn over
 * another.
 */

/** Excel's narrowest task pane. */
export const PANE_WIDTH = 320;

export interface Overflow {
  readonly scrollWidth: number;
  readonly clientWidth: number;
  /** Visible elements reaching past the viewport's right (or left) edge: tag, test id or class, and extent. */
  readonly wide: string[];
}

/**
 * What sticks out sideways: the page's scroll width against its client width, and every visible
 * element whose box goes past the viewport's edges (an element clipped inside a container that hides
 * its overflow is not seen, so it does not count, but the container itself does).
 */
export function sideways(page: Page): Promise<Overflow> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    const width = document.documentElement.clientWidth;
    const wide: string[] = [];
    const clipped = (el: Element): boolean => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const style = getComputedStyle(p);
        if (style.overflowX !== "visible") {
          const box = p.getBoundingClientRect();
          if (box.right <= width + 0.5 && box.left >= -0.5) return true;
        }
      }
      return false;
    };
    for (const el of Array.from(document.body.querySelectorAll("*"))) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const style = getComputedStyle(el);
      if (style.visibility === "hidden" || style.position === "fixed") continue;
      // Fluent's visually hidden texts (screen readers only) are 1 px boxes clipped to nothing.
      if (style.clip === "rect(0px, 0px, 0px, 0px)" || style.clipPath === "inset(50%)") continue;
      // A box may fit while its text runs out of it (a line that does not wrap): its scroll width
      // counts what it lets overflow.
      const right =
        style.overflowX === "visible" ? Math.max(box.right, box.left + el.scrollWidth) : box.right;
      if (right <= width + 0.5 && box.left >= -0.5) continue;
      if (clipped(el)) continue;
      const name =
        el.getAttribute("data-testid") ??
        (el.getAttribute("aria-label") || el.className.toString().split(" ")[0] || "");
      wide.push(`${el.tagName.toLowerCase()}[${name}] ${Math.round(box.left)}..${Math.round(right)}`);
    }
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide: wide.slice(0, 12) };
  });
}

/**
 * Every piece of visible text whose box overlaps another's: each text node's line boxes (a Range's
 * client rects; an SVG text's box), cut to the boxes of the ancestors that clip their overflow, and
 * compared two by two. Boxes that share less than 2 px either way only touch (a line's box and the
 * next line's). Hidden text (display none, visibility hidden, Fluent's screen-reader texts) is left
 * out. Only the texts inside `within` (a CSS selector) when given: a dialog over the pane. Returns
 * "« text » × « text »" pairs.
 */
export function overlappingTexts(page: Page, within = "body"): Promise<string[]> {
  return page.evaluate((rootSelector) => {
    interface Box {
      readonly node: Node;
      readonly text: string;
      readonly left: number;
      readonly top: number;
      readonly right: number;
      readonly bottom: number;
    }
    const hidden = (el: Element): boolean => {
      for (let e: Element | null = el; e; e = e.parentElement) {
        const style = getComputedStyle(e);
        if (style.display === "none" || style.visibility === "hidden" || style.opacity === "0") return true;
        if (style.clip === "rect(0px, 0px, 0px, 0px)" || style.clipPath === "inset(50%)") return true;
      }
      return false;
    };
    const clipped = (el: Element, r: DOMRect): Omit<Box, "node" | "text"> => {
      let { left, top, right, bottom } = r;
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const style = getComputedStyle(p);
        if (style.overflowX === "visible" && style.overflowY === "visible") continue;
        const c = p.getBoundingClientRect();
        left = Math.max(left, c.left);
        top = Math.max(top, c.top);
        right = Math.min(right, c.right);
        bottom = Math.min(bottom, c.bottom);
      }
      return { left, top, right, bottom };
    };
    const boxes: Box[] = [];
    const root = document.querySelector(rootSelector) ?? document.body;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? "";
      const parent = node.parentElement;
      if (text === "" || !parent || parent.closest("script, style") || hidden(parent)) continue;
      let rects: DOMRect[];
      if (parent instanceof SVGElement) rects = [parent.getBoundingClientRect()];
      else {
        const range = document.createRange();
        range.selectNodeContents(node);
        rects = Array.from(range.getClientRects());
      }
      for (const r of rects) {
        const box = clipped(parent, r);
        if (box.right - box.left < 1 || box.bottom - box.top < 1) continue;
        boxes.push({ node, text, ...box });
      }
    }
    const found: string[] = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i] as Box;
        const b = boxes[j] as Box;
        if (a.node === b.node) continue;
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (w > 2 && h > 2) found.push(`« ${a.text.slice(0, 40)} » × « ${b.text.slice(0, 40)} »`);
      }
    return found.slice(0, 12);
  }, within);
}

export async function expectNoTextOverlapping(page: Page, view: string, within?: string): Promise<void> {
  expect({ view, overlapping: await overlappingTexts(page, within) }).toEqual({ view, overlapping: [] });
}

export async function expectNothingSideways(page: Page, view: string): Promise<void> {
  const o = await sideways(page);
  // document.scrollingElement.scrollWidth <= clientWidth: the page has nothing to scroll sideways.
  expect({ view, fits: o.scrollWidth <= o.clientWidth, ...o }).toEqual({
    view,
    fits: true,
    scrollWidth: o.scrollWidth,
    clientWidth: PANE_WIDTH,
    wide: [],
  });
}
