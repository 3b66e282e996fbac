import * as React from "react";
import { parseIsoDay } from "../../../engine";

/** Today's calendar date in the user's time zone, as YYYY-MM-DD: the one place the pane reads the clock. */
export function todayIso(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, "0");
  const d = String(now.getDate()).padStart(2, "0");
  return `${y}-${m}-${d}`;
}

export interface AsOf {
  readonly text: string;
  readonly setText: (text: string) => void;
  /** The date when the text is a valid calendar date, else undefined. */
  readonly iso: string | undefined;
}

export function useAsOf(): AsOf {
  const [text, setText] = React.useState(() => todayIso());
  const iso = parseIsoDay(text) === undefined ? undefined : text;
  return { text, setText, iso };
}
