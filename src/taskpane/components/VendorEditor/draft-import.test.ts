import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { importTermsText } from "../../../terms-import";
import { draftFromProfile, emptyDraftNamed, profileFromDraft } from "./draft";

/**
 * « Créer le fournisseur » opens an imported draft in the vendor form (issue 23): what the form shows
 * must give back the terms the import proposed — every kind's payment term (its start included:
 * receipt, delivery), the names the invoices use — so that saving the form unchanged stores the draft.
 */

const TERMS = path.resolve(__dirname, "../../../../test/fixtures/terms");
const texts = readdirSync(TERMS).filter((f) => f.endsWith(".txt"));

describe("an imported draft goes through the vendor form unchanged", () => {
  test.each(texts)("%s: the form's draft gives back the proposed kinds, terms and invoice names", (file) => {
    const imported = importTermsText(readFileSync(path.join(TERMS, file), "utf8"), { fileName: file });
    if (!imported.ok) throw new Error(imported.message.en);
    const proposed = imported.profile;
    const back = profileFromDraft(draftFromProfile(proposed), proposed);
    expect(back.issues).toEqual([]);
    expect(back.profile?.invoiceKinds.map((k) => [k.id, k.term])).toEqual(
      proposed.invoiceKinds.map((k) => [k.id, k.term]),
    );
    expect(back.profile?.invoiceNames).toEqual(proposed.invoiceNames);
    expect(back.profile?.latePayment.rate).toEqual(proposed.latePayment.rate);
  });

  test("the names on invoices are edited as one line, « ; » between them", () => {
    const imported = importTermsText(readFileSync(path.join(TERMS, "agence-pixel-nord.txt"), "utf8"));
    if (!imported.ok) throw new Error(imported.message.en);
    const draft = draftFromProfile(imported.profile);
    expect(draft.invoiceNames).toBe("PIXEL NORD ; PIXEL NORD SARL ; Pixel Nord Studio");
    const edited = profileFromDraft(
      { ...draft, invoiceNames: " Pixel Nord ;; Studio Pixel ; " },
      imported.profile,
    );
    expect(edited.profile?.invoiceNames).toEqual(["Pixel Nord", "Studio Pixel"]);
    const none = profileFromDraft({ ...draft, invoiceNames: "" }, imported.profile);
    expect(none.profile && "invoiceNames" in none.profile).toBe(false);
  });

  test("a vendor the register names opens the form with that name and an id made from it", () => {
    const draft = emptyDraftNamed("Menuiserie Roux");
    expect([draft.name, draft.id]).toEqual(["Menuiserie Roux", "menuiserie-roux"]);
  });
});
