import { readFileSync } from "node:fs";
import path from "node:path";
import {
  DEFAULT_SETTINGS,
  Decimal,
  dueDate,
  endDate,
  formatCitation,
  formatIsoDay,
  iso,
  latePayment,
  noticeDeadline,
  renewalDate,
  SHIPPED_REGISTRY,
  type ClientType,
  type Settings,
  type VendorProfile,
} from "../../src/engine";
import { importTermsText } from "../../src/terms-import";

/**
 * Issue 23, Done-when: the five seed texts, imported, give profiles whose due dates, late fees,
 * renewal dates and notice deadlines equal the shipped profiles' (docs/terms.md, the product owner's
 * reading) on a set of dates, per invoice kind and plan the import found; each test names the
 * article the rule came from. What the import cannot read is listed as not found.
 */

const SEEDS = path.resolve(__dirname, "../fixtures/seeds");
const FILES: Readonly<Record<string, string>> = {
  omi: "000_c8a5dff9dfa2a55d.txt",
  sillage: "001_b5b57cd92b7db28d.txt",
  xiahdeh: "002_71f49a9e1aa64013.txt",
  injenius: "003_74085667897c81b6.txt",
  digitalli: "004_42db4045a621ad17.txt",
};

/** The import's plan ids and the shipped ones where they differ (one plan, named otherwise). */
const SHIPPED_PLAN: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  omi: { subscription: "standard" },
};

function imported(id: string): VendorProfile {
  const r = importTermsText(readFileSync(path.join(SEEDS, FILES[id] as string), "utf8"), { id });
  if (!r.ok) throw new Error(r.message.en);
  return r.profile;
}

const PROFILES = new Map(Object.keys(FILES).map((id) => [id, imported(id)]));
const shipped = (id: string) => SHIPPED_REGISTRY.get(id) as VendorProfile;
const articles = (clause: readonly { document: string; article: string }[]) =>
  clause.map(formatCitation).join(", ");

const INVOICE_DATES = [
  "2024-01-30",
  "2024-01-31",
  "2024-02-29",
  "2024-12-31",
  "2025-01-31",
  "2025-02-15",
  "2025-02-28",
  "2025-06-20",
  "2025-10-31",
  "2025-12-25",
];
const EOM = {
  "days-then-eom": DEFAULT_SETTINGS,
  "eom-then-days": { ...DEFAULT_SETTINGS, endOfMonthMethod: "eom-then-days" } as Settings,
};

const kindCases = [...PROFILES].flatMap(([id, p]) =>
  p.invoiceKinds.map((k) => [id, k.id, articles(k.clause)] as const),
);

describe("the seeds imported: due dates equal the shipped profiles' for every kind found", () => {
  test.each(kindCases)("%s, invoice kind %s (%s)", (id, kind) => {
    const mine = PROFILES.get(id) as VendorProfile;
    for (const [method, settings] of Object.entries(EOM))
      for (const day of INVOICE_DATES) {
        const a = formatIsoDay(dueDate(mine, iso(day), kind, settings));
        const b = formatIsoDay(dueDate(shipped(id), iso(day), kind, settings));
        expect([method, day, a]).toEqual([method, day, b]);
      }
  });

  test("the default kind is the shipped one for every vendor", () => {
    for (const [id, p] of PROFILES)
      expect([id, p.defaultInvoiceKind]).toEqual([id, shipped(id).defaultInvoiceKind]);
  });

  test("every kind the shipped profiles hold is found, except OMI's subscription invoice, which its general term covers", () => {
    // OMI CGA 6.3: « le Client doit payer les factures émises par le Prestataire sous trente (30) jours
    // date de facture » — every invoice, the subscription's included; the shipped profile lists both.
    for (const [id, p] of PROFILES) {
      const missing = shipped(id)
        .invoiceKinds.map((k) => k.id)
        .filter((k) => !p.invoiceKinds.some((m) => m.id === k));
      expect([id, missing]).toEqual([id, id === "omi" ? ["subscription"] : []]);
    }
  });
});

// Late payments worked by the engine for both profiles: across half-years, 2024's binding floor,
// a partial payment, justified costs, a consumer where the vendor serves them.
const LATE_CASES: readonly (readonly [
  number,
  string,
  string,
  ClientType,
  (string | undefined)?,
  [string, number][]?,
])[] = [
  [2500, "2025-01-31", "2025-03-02", "pro"],
  [8000, "2024-06-15", "2024-07-15", "pro"],
  [10000, "2025-05-31", "2025-08-14", "pro"],
  [1000, "2025-03-31", "2025-04-01", "pro"],
  [2000, "2025-03-01", "2025-03-31", "pro", undefined, [["2025-03-11", 1000]]],
  [2500, "2025-01-31", "2025-03-02", "pro", "55"],
  [1500, "2023-11-30", "2024-02-14", "pro"],
  [1500, "2023-11-30", "2024-02-14", "consumer"],
];

function fee(profile: VendorProfile, c: (typeof LATE_CASES)[number], settings: Settings): string {
  const [amount, due, paid, client, costs, payments] = c;
  if (client === "consumer" && !profile.clients.includes("consumer")) return "not for consumers";
  const r = latePayment(
    profile,
    {
      amount: new Decimal(amount),
      dueDate: iso(due),
      paidDate: iso(paid),
      payments: (payments ?? []).map(([date, a]) => ({ date: iso(date), amount: new Decimal(a) })),
      recoveryCosts: costs === undefined ? undefined : new Decimal(costs),
      client,
    },
    settings,
  );
  return `${r.daysLate} days, interest ${r.interest.toFixed(2)}, fee ${r.recoveryFee.toFixed(2)}`;
}

describe("the seeds imported: late fees equal the shipped profiles'", () => {
  test.each([...PROFILES].map(([id, p]) => [id, articles(p.latePayment.clause)] as const))(
    "%s (%s)",
    (id) => {
      const mine = PROFILES.get(id) as VendorProfile;
      const readings = id === "xiahdeh" ? [[], ["flat"]] : [[]];
      for (const r of readings) {
        const settings = { ...DEFAULT_SETTINGS, readings: new Set(r) };
        for (const c of LATE_CASES)
          expect([r, c, fee(mine, c, settings)]).toEqual([r, c, fee(shipped(id), c, settings)]);
      }
      expect(mine.clients).toEqual(shipped(id).clients);
    },
  );
});

const STARTS = ["2023-09-01", "2024-02-29", "2024-10-15", "2025-01-31", "2025-05-31"];
const AS_OF = ["2024-06-01", "2025-04-12", "2025-07-02", "2025-09-01", "2026-05-20", "2026-12-31"];

const planCases = [...PROFILES].flatMap(([id, p]) =>
  p.subscription.kind === "plans"
    ? p.subscription.plans.map((plan) => [id, plan.id, articles(plan.clause)] as const)
    : [],
);

describe("the seeds imported: renewal dates, notice deadlines and end dates equal the shipped profiles'", () => {
  test.each(planCases)("%s, plan %s (%s)", (id, plan) => {
    const mine = PROFILES.get(id) as VendorProfile;
    const theirs = SHIPPED_PLAN[id]?.[plan] ?? plan;
    for (const start of STARTS)
      for (const asOf of AS_OF) {
        if (asOf < start) continue;
        const q = (planId: string) => ({ start: iso(start), planId });
        const a = [
          formatIsoDay(renewalDate(mine, q(plan), iso(asOf))),
          formatIsoDay(noticeDeadline(mine, q(plan), iso(asOf)).deadline),
          formatIsoDay(endDate(mine, q(plan), iso(asOf)).end),
        ];
        const b = [
          formatIsoDay(renewalDate(shipped(id), q(theirs), iso(asOf))),
          formatIsoDay(noticeDeadline(shipped(id), q(theirs), iso(asOf)).deadline),
          formatIsoDay(endDate(shipped(id), q(theirs), iso(asOf)).end),
        ];
        expect([start, asOf, a]).toEqual([start, asOf, b]);
      }
  });

  test("the default plan, and no subscription for Xiahdeh (13.3) and Digitalli", () => {
    const plan = (p: VendorProfile) =>
      p.subscription.kind === "plans" ? p.subscription.defaultPlan : "none";
    expect(Object.fromEntries([...PROFILES].map(([id, p]) => [id, plan(p)]))).toEqual({
      omi: "subscription",
      sillage: "subscription",
      xiahdeh: "none",
      injenius: "commitment-monthly",
      digitalli: "none",
    });
    const x = PROFILES.get("xiahdeh")?.subscription;
    expect(x?.kind === "none" && x.clause.map((c) => c.article)).toEqual(["13.3"]);
  });
});

describe("what the import cannot read from a seed is listed as not found, not guessed", () => {
  const report = (id: string) => {
    const r = importTermsText(readFileSync(path.join(SEEDS, FILES[id] as string), "utf8"), { id });
    if (!r.ok) throw new Error(r.message.en);
    return r.report;
  };

  test("OMI's module-addition rule (6.2, 7.2) is quoted as not read, and OMI's profile has no addition rule", () => {
    const r = report("omi");
    const other = r.notFound.find((n) => n.id === "subscription:other-rules");
    expect(other?.unread.map((s) => s.article)).toEqual(expect.arrayContaining(["6.2", "7.2"]));
    expect(other?.unread.some((s) => /ajout d’un \(ou plusieurs\) produit/.test(s.sentence))).toBe(true);
    const sub = PROFILES.get("omi")?.subscription;
    expect(sub?.kind === "plans" && sub.additionRule).toBeUndefined();
    // And the text, six times over, is read once.
    expect(r.notes.map((n) => n.en)).toContain("The text holds the same articles 6 times over: read once.");
  });

  test("Sillage's monthly subscription has no term of its own: the legal default, listed with L441-10 I", () => {
    const n = report("sillage").notFound.find((x) => x.id === "payment:subscription");
    expect(n?.law.map(formatCitation)).toEqual(["Code de commerce art. L441-10 I"]);
    expect(PROFILES.get("sillage")?.invoiceKinds.find((k) => k.id === "subscription")?.term).toEqual({
      kind: "legal-default",
    });
  });

  test("Injenius states no notice period: « a notice received before the renewal date stops it » (1 day)", () => {
    const n = report("injenius").notFound.find((x) => x.id === "subscription:notice");
    expect(n?.instead.fr).toBe(
      "aucun stipulé : une dénonciation reçue avant la date de renouvellement l'arrête (1 jour)",
    );
  });

  test("Xiahdeh's « 10 % du montant de la facture » is a question, the yearly reading held (16.4)", () => {
    const q = report("xiahdeh").questions.find((x) => x.id === "penalty-rate-period");
    expect(q?.chosen).toBe("yearly");
    expect(q?.sources.map((s) => s.article)).toEqual(["16.4"]);
    expect(PROFILES.get("xiahdeh")?.latePayment.flatAlternative?.option).toBe("flat");
  });

  test("the vendors' names are proposed from the text", () => {
    expect(Object.fromEntries([...PROFILES].map(([id, p]) => [id, p.invoiceNames]))).toEqual({
      omi: ["OMI", "OMI SAS", "Plateforme OMI"],
      sillage: ["HORIZON SAAS", "HORIZON SAAS SAS", "Sillage.ai"],
      xiahdeh: ["Xiahdeh", "Quentin KLYMYK"],
      injenius: ["THE LANDSKAPERS AND CO", "INJENIUS"],
      digitalli: ["DIGITALLI", "DIGITALLI SAS"],
    });
  });
});
