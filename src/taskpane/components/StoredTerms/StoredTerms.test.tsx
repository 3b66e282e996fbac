import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import * as React from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { SHIPPED_VENDORS, type VendorProfile } from "../../../engine";
import { captureState, compareWithShipped } from "../../../storage";
import { StoredTermsDifferences } from "./StoredTermsDialog";

const omi = SHIPPED_VENDORS.find((v) => v.id === "omi")!;

function render(node: React.ReactElement): string {
  return renderToStaticMarkup(<FluentProvider theme={webLightTheme}>{node}</FluentProvider>);
}

describe("the stored-vs-shipped differences", () => {
  test("list each changed field with both values and offer both choices", () => {
    // A workbook's OMI with 45 days where the shipped profile says 30 (CGA 6.3).
    const edited: VendorProfile = {
      ...omi,
      invoiceKinds: omi.invoiceKinds.map((k, i) =>
        i === 0 ? { ...k, term: { kind: "days", days: 45 } } : k,
      ),
    };
    const diffs = compareWithShipped(captureState({ profiles: [edited] }).profiles);
    const html = render(
      <StoredTermsDifferences differences={diffs} choices={new Map()} onChoose={() => undefined} lang="fr" />,
    );
    expect(html).toContain("$.invoiceKinds[0].term.days");
    expect(html).toMatch(/>45<.*>30</s);
    expect(html).toContain("Garder la version du classeur");
    expect(html).toContain("Utiliser la version livrée");
  });

  test("a script in a stored profile is shown as text, never as markup", () => {
    const hostile: VendorProfile = {
      ...omi,
      name: '<img src=x onerror="alert(1)">',
      legalName: "<script>alert(1)</script>",
    };
    const diffs = compareWithShipped(captureState({ profiles: [hostile] }).profiles);
    const html = render(
      <StoredTermsDifferences differences={diffs} choices={new Map()} onChoose={() => undefined} lang="en" />,
    );
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });
});
