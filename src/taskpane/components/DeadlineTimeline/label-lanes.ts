/**
 * Where the timeline's date labels go so that none overlaps another (issue 21: at 320 px, three
 * deadlines within a week drew their labels on top of each other). Each label is centred over its
 * point — pushed inside at the drawing's edges — and placed in the lowest lane, counted upwards from
 * the axis, where it clears the labels already there. Pure: positions in the drawing's units.
 */

export interface LabelPlace {
  /** Where the text is anchored, and how (SVG text-anchor). */
  readonly x: number;
  readonly anchor: "start" | "middle" | "end";
  /** 0 is the lane next to the axis; each lane above it one label's height higher. */
  readonly lane: number;
  /** The label's extent along the axis. */
  readonly left: number;
  readonly right: number;
}

export interface LabelGeometry {
  /** The drawing's width: labels stay between 0 and it. */
  readonly width: number;
  /** One label's width (the same for every "dd/mm" label). */
  readonly labelWidth: number;
  /** The space kept between two labels of a lane. */
  readonly gap: number;
}

/** The labels' places, in the order of `xs` (the points' positions along the axis, sorted or not). */
export function labelLanes(xs: readonly number[], geometry: LabelGeometry): LabelPlace[] {
  const { width, labelWidth, gap } = geometry;
  const half = labelWidth / 2;
  const placed: LabelPlace[] = new Array<LabelPlace>(xs.length);
  /** The right end of the last label in each lane. */
  const laneEnds: number[] = [];
  const order = xs.map((x, i) => ({ x, i })).sort((a, b) => a.x - b.x);
  for (const { x, i } of order) {
    const anchor = x + half > width ? "end" : x - half < 0 ? "start" : "middle";
    const left = anchor === "end" ? x - labelWidth : anchor === "start" ? x : x - half;
    const right = left + labelWidth;
    let lane = laneEnds.findIndex((end) => end + gap <= left);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = right;
    placed[i] = { x, anchor, lane, left, right };
  }
  return placed;
}
