import * as React from "react";
import { parseIsoDay } from "../../../engine";
import type { AsOfKind } from "../../../write";

/**
 * `?today=2026-12-03` in the page's address pins today (the preview's tests and demos: a run « as of
 * today » on a known day, and a later day by changing the address). In Excel the manifest fixes the
 * pane's address, so no user meets it there.
 */
function pinnedToday(): string | undefined {
  if (typeof window === "undefined") return undefined;
  const pinned = new URLSearchParams(window.location.search).get("today");
  return pinned !== null && parseIsoDay(pinned) !== undefined ? pinned : undefined;
}

/** Today's calendar date in the user's time zone, as YYYY-MM-DD: the one place the pane reads the clock. */
export function todayIso(now?: Date): string {
  if (now === undefined) {
    const pinned = pinnedToday();
    if (pinned !== undefined) return pinned;
  }
  return isoOf(now ?? new Date());
}

function isoOf(now: Date): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, "0");
  const d = String(now.getDate()).padStart(2, "0");
  return `${y}-${m}-${d}`;
}

export interface AsOf {
  readonly text: string;
  /** A date typed or picked; another day than today makes the date fixed. */
  readonly setText: (text: string) => void;
  /** The date when the text is a valid calendar date, else undefined. */
  readonly iso: string | undefined;
  /**
   * How the workbook remembers the date for « Tout recalculer »: « aujourd'hui » follows the day of
   * each recalculation, a fixed date stays. The user says which (AsOfPicker); the date typed is not
   * taken as a guess.
   */
  readonly kind: AsOfKind;
  /** « aujourd'hui » puts today's date back in the field. */
  readonly setKind: (kind: AsOfKind) => void;
}

export function useAsOf(): AsOf {
  const [text, setRawText] = React.useState(() => todayIso());
  const [kind, setRawKind] = React.useState<AsOfKind>("today");
  const setText = React.useCallback((next: string) => {
    setRawText(next);
    if (next !== todayIso()) setRawKind("fixed");
  }, []);
  const setKind = React.useCallback((next: AsOfKind) => {
    setRawKind(next);
    if (next === "today") setRawText(todayIso());
  }, []);
  const iso = parseIsoDay(text) === undefined ? undefined : text;
  return { text, setText, iso, kind, setKind };
}
