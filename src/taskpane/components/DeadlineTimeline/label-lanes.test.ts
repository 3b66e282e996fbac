import { labelLanes, type LabelPlace } from "./label-lanes";

/** The timeline as DeadlineTimeline draws it: 300 units wide, "dd/mm" labels 36 units wide, 4 apart. */
const GEOMETRY = { width: 300, labelWidth: 36, gap: 4 };

const overlap = (a: LabelPlace, b: LabelPlace) => a.lane === b.lane && a.left < b.right && b.left < a.right;

describe("the timeline's date labels", () => {
  test("three deadlines within a week, far from the as-of date, get three lanes and never overlap", () => {
    // As of 30/06/2026, deadlines on 01/12, 03/12 and 05/12/2026 (Sillage's demo register): 154, 156
    // and 158 days on an axis of 158 days from x = 12 to 288, so 2 days apart is 276 × 2/158 ≈ 3.5
    // units — far less than a label's 36.
    const x = (days: number) => 12 + (days / 158) * 276;
    const places = labelLanes([x(154), x(156), x(158)], GEOMETRY);
    expect(places.map((p) => p.lane).sort()).toEqual([0, 1, 2]);
    for (const a of places) for (const b of places) if (a !== b) expect(overlap(a, b)).toBe(false);
    // Near the right edge no label runs past the drawing: the last one (x = 288, 18 units from the
    // edge, less than half a label) ends at its point.
    for (const p of places) expect(p.right).toBeLessThanOrEqual(300);
    expect(places[2]).toMatchObject({ anchor: "end", right: 288 });
  });

  test("deadlines far apart share the lane next to the axis", () => {
    const places = labelLanes([40, 120, 200, 280], GEOMETRY);
    expect(places.map((p) => p.lane)).toEqual([0, 0, 0, 0]);
  });

  test("a label goes back down as soon as the lane next to the axis is clear again", () => {
    // 100 and 110 collide (36 wide); 200 is clear of both: lane 0 again.
    const places = labelLanes([100, 110, 200], GEOMETRY);
    expect(places.map((p) => p.lane)).toEqual([0, 1, 0]);
  });

  test("a label at the left edge starts at its point, inside the drawing", () => {
    const [first] = labelLanes([5], GEOMETRY);
    expect(first).toMatchObject({ anchor: "start", left: 5, right: 41, lane: 0 });
  });

  test("the places come back in the order of the points given, sorted or not", () => {
    const places = labelLanes([280, 100, 104], GEOMETRY);
    expect(places.map((p) => p.x)).toEqual([280, 100, 104]);
    expect(places[1]?.lane).toBe(0);
    expect(places[2]?.lane).toBe(1);
  });
});
