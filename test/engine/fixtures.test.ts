import { readFileSync } from "node:fs";
import path from "node:path";
import { latePayment, type ClientType } from "../../src/engine";
import { engineError, lateInput, vendor } from "./helpers";

interface Scenario {
  readonly name: string;
  readonly vendor: string;
  readonly client?: ClientType;
  readonly amount: string;
  readonly due: string;
  readonly paid: string;
  readonly recoveryCosts?: string;
  readonly working: string;
  readonly expect?: { daysLate: number; interest: string; fee: string; total: string };
  readonly error?: { kind: string; message: string };
}

const file = path.resolve(__dirname, "../fixtures/engine/late-payment-scenarios.json");
const { scenarios } = JSON.parse(readFileSync(file, "utf8")) as { scenarios: Scenario[] };

describe("late-payment scenarios from test/fixtures/engine", () => {
  test.each(scenarios.map((s) => [s.name, s] as const))("%s", (_name, s) => {
    const { profile, settings } = vendor(s.vendor);
    const input = lateInput(s.amount, s.due, s.paid, {
      ...(s.client ? { client: s.client } : {}),
      ...(s.recoveryCosts ? { recoveryCosts: s.recoveryCosts } : {}),
    });
    if (s.error) {
      const e = engineError(() => latePayment(profile, input, settings));
      expect(e.kind).toBe(s.error.kind);
      expect(e.text.en).toContain(s.error.message);
      return;
    }
    const r = latePayment(profile, input, settings);
    expect({
      daysLate: r.daysLate,
      interest: r.interest.toFixed(2),
      fee: r.recoveryFee.toFixed(2),
      total: r.total.toFixed(2),
    }).toEqual(s.expect);
  });
});
