import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import * as React from "react";
import { renderToStaticMarkup } from "react-dom/server";
import {
  DEFAULT_RATE_TABLE,
  dueDate,
  formatIsoDay,
  iso,
  resolveVendor,
  SHIPPED_VENDORS,
  VendorRegistry,
} from "../../../engine";
import { exportProfileJson, importProfileJson } from "../../../storage";
import {
  CHOOSE_METHOD,
  draftFromProfile,
  emptyDraft,
  emptyPlan,
  profileFromDraft,
  type VendorDraft,
} from "./draft";
import { fieldOfPath, formIssues, issueSentence, schemaMessage } from "./issues";
import { VendorEditor } from "./VendorEditor";

function acmeDraft(over: Partial<VendorDraft> = {}): VendorDraft {
  return { ...emptyDraft(), id: "acme", name: "ACME", documentShort: "ACME CGV", ...over };
}

describe("the custom-vendor form's model", () => {
  test("a term typed as “60 jours date de facture” becomes a 60-day term and a valid profile", () => {
    const r = profileFromDraft(
      acmeDraft({
        kinds: [{ ...emptyDraft().kinds[0]!, termText: "60 jours date de facture", clause: "7.1; 7.2" }],
      }),
    );
    expect(r.issues).toEqual([]);
    expect(r.profile?.invoiceKinds[0]?.term).toEqual({ kind: "days", days: 60 });
    expect(r.profile?.invoiceKinds[0]?.clause).toEqual([
      { document: "ACME CGV", article: "7.1" },
      { document: "ACME CGV", article: "7.2" },
    ]);
  });

  test("“30 jours fin de mois” is not saved until the user says which method applies", () => {
    const kind = { ...emptyDraft().kinds[0]!, termText: "30 jours fin de mois" };
    const open = profileFromDraft(acmeDraft({ kinds: [kind] }));
    expect(open.profile).toBeUndefined();
    expect(open.issues).toEqual([{ path: "$.invoiceKinds[0].term", message: CHOOSE_METHOD }]);
    const chosen = profileFromDraft(acmeDraft({ kinds: [{ ...kind, reading: 1 }] }));
    expect(chosen.profile?.invoiceKinds[0]?.term).toEqual({ kind: "days-end-of-month", days: 30 });
    // The end-of-month-first reading is recorded as an interpretation naming the option to use.
    expect(chosen.profile?.interpretations.map((i) => i.id)).toEqual(["eom-method-facture"]);
    expect(chosen.profile?.interpretations[0]?.text.en).toContain('"acme+eom-then-days"');
  });

  test("a term the parser does not understand is an issue at its path, with the examples", () => {
    const r = profileFromDraft(
      acmeDraft({ kinds: [{ ...emptyDraft().kinds[0]!, termText: "à la Saint-Glinglin" }] }),
    );
    expect(r.profile).toBeUndefined();
    expect(r.issues[0]?.path).toBe("$.invoiceKinds[0].term");
    expect(r.issues[0]?.message.fr).toContain("30 jours fin de mois");
  });

  test("the schema's messages reach the form: a bad id, a notice that is not a number", () => {
    const r = profileFromDraft(
      acmeDraft({ id: "Not An Id", plans: [{ ...emptyPlan(), noticeAmount: "two" }] }),
    );
    expect(r.issues.map((i) => i.path)).toEqual([
      "$.id",
      "$.subscription.plans[0].notice.amount",
      "$.subscription.plans",
    ]);
  });

  test("a form-made vendor with a plan works in the engine: due date, renewal and notice", () => {
    const r = profileFromDraft(acmeDraft({ plans: [emptyPlan("annual")], defaultPlan: "annual" }));
    expect(r.issues).toEqual([]);
    const registry = new VendorRegistry([...SHIPPED_VENDORS, r.profile!]);
    const { profile, settings } = resolveVendor("acme", registry);
    // Default term "30 jours date de facture": 10 Mar 2025 + 30 = 9 Apr 2025.
    expect(formatIsoDay(dueDate(profile, iso("2025-03-10"), undefined, settings))).toBe("2025-04-09");
  });

  test("flags are computed for what the contract says, and the profile is still valid (warnings, not refusals)", () => {
    const r = profileFromDraft(
      acmeDraft({
        kinds: [{ ...emptyDraft().kinds[0]!, termText: "90 jours" }],
        rateKind: "fixed",
        rateValue: "5",
        feeAmount: "0",
      }),
    );
    expect(r.profile?.invoiceKinds[0]?.term).toEqual({ kind: "days", days: 90 });
    expect(r.profile?.latePayment.recoveryFee.amount).toBe("0");
  });

  test("every shipped profile goes through the form and back without losing what the form does not show", () => {
    for (const v of SHIPPED_VENDORS) {
      const r = profileFromDraft(draftFromProfile(v), v);
      // Terms with several readings need the user's choice again; every other field validates.
      const open = r.issues.filter((i) => i.message !== CHOOSE_METHOD);
      expect([v.id, open]).toEqual([v.id, []]);
    }
    const omi = SHIPPED_VENDORS[0]!;
    const back = profileFromDraft(draftFromProfile(omi), omi).profile!;
    expect(back.amounts).toEqual(omi.amounts);
    expect(back.contradictions).toEqual(omi.contradictions);
    expect(back.invoiceKinds.map((k) => k.term)).toEqual(omi.invoiceKinds.map((k) => k.term));
  });

  test("export then import gives the same profile", () => {
    const p = profileFromDraft(acmeDraft()).profile!;
    const r = importProfileJson(exportProfileJson(p).text);
    expect(r.ok && r.profile).toEqual(p);
  });
});

describe("the form's problems, as a French accountant reads them", () => {
  test("an empty id is « Identifiant : à remplir… », naming the field, not « $.id » and the schema's English", () => {
    const r = profileFromDraft({ ...acmeDraft(), id: "" });
    const issues = formIssues(r.issues);
    const id = issues.find((i) => i.field === "id");
    expect(id && issueSentence(id, "fr")).toBe(
      "Identifiant : à remplir (des minuscules sans accent, des chiffres et des tirets, en commençant par une lettre).",
    );
    for (const i of issues) expect(issueSentence(i, "fr")).not.toMatch(/\$\.|is not|expected/);
  });

  test("a problem inside a list names the item by its rank and the field by its label", () => {
    // $.subscription.plans[0].notice.amount is the first plan's notice (« Formule 1, préavis »).
    expect(fieldOfPath("$.subscription.plans[0].notice.amount")).toEqual({
      field: "plan:0:noticeAmount",
      label: { fr: "Formule 1, préavis", en: "Plan 1, notice" },
    });
    expect(fieldOfPath("$.invoiceKinds[1].label.en").label.fr).toBe("Type de facture 2, libellé anglais");
  });

  test("every schema message the form can meet has its French; an unknown one is still said in French", () => {
    expect(schemaMessage("expected a number from 1 to 120, got 0").fr).toBe(
      "un nombre de 1 à 120 est attendu (et non 0).",
    );
    expect(schemaMessage('id "x" appears twice').fr).toBe("l'identifiant « x » est utilisé deux fois.");
    expect(schemaMessage("something new in the schema").fr).toBe("valeur refusée par le contrôle du profil.");
  });
});

describe("the custom-vendor form", () => {
  test("a new, empty form shows no problem before the user has touched a field", () => {
    const html = renderToStaticMarkup(
      <FluentProvider theme={webLightTheme}>
        <VendorEditor
          rates={DEFAULT_RATE_TABLE}
          asOf={iso("2025-03-01")}
          endOfMonthMethod="days-then-eom"
          shippedIds={SHIPPED_VENDORS.map((v) => v.id)}
          workbookIds={[]}
          onSave={() => undefined}
          onCancel={() => undefined}
          onExport={() => undefined}
        />
      </FluentProvider>,
    );
    expect(html).toContain("Identifiant");
    expect(html).not.toContain("à remplir");
    expect(html).not.toContain("$.");
    expect(html).not.toMatch(/is not an id|expected/);
  });

  test("renders the term as understood and the legal flags with their article", () => {
    const xiahdeh = SHIPPED_VENDORS.find((v) => v.id === "xiahdeh")!;
    const html = renderToStaticMarkup(
      <FluentProvider theme={webLightTheme}>
        <VendorEditor
          initial={xiahdeh}
          rates={DEFAULT_RATE_TABLE}
          asOf={iso("2025-03-01")}
          endOfMonthMethod="days-then-eom"
          shippedIds={SHIPPED_VENDORS.map((v) => v.id)}
          workbookIds={[]}
          onSave={() => undefined}
          onCancel={() => undefined}
          onExport={() => undefined}
        />
      </FluentProvider>,
    );
    // Xiahdeh 16.3.1: balance due 30 days after the go-live invoice.
    expect(html).toContain("30 jours date de facture");
    // Xiahdeh 16.4: 10 % a year < 3 × 3.71 % = 11.13 % in 2025-H1.
    expect(html).toContain("Code de commerce art. L441-10 II");
    // A shipped id edited here replaces the shipped profile in this workbook: the form says so.
    expect(html).toContain("identifiant est celui d&#x27;un fournisseur livré");
  });
});
