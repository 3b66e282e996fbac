import type { Text } from "../../engine";

export { Printer, Stop } from "../printer";

/** --all: a remembered register left as it is, and why. */
export class Skipped extends Error {
  constructor(readonly reason: Text) {
    super(reason.en);
  }
}
