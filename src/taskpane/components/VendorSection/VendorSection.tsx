import { makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import * as React from "react";
import { useCatalogue, useLanguage, useStrings } from "../../i18n/LanguageContext";
import { Fold } from "../Fold/Fold";
import type { VendorChoice } from "../VendorPicker/useVendorChoice";
import { VendorOptions } from "../VendorPicker/VendorOptions";
import { VendorPicker } from "../VendorPicker/VendorPicker";
import { termsHeadline } from "../VendorSummary/describe-vendor";
import { VENDOR_SUMMARY_STRINGS } from "../VendorSummary/strings";
import { VendorSummary } from "../VendorSummary/VendorSummary";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
});

/**
 * « Fournisseur »: the vendor, and its terms folded to one line (issue 21: the full terms, some 900 px
 * at 320 px, are reference text the accountant opens on demand, not what stands between the vendor
 * and the register). Opened, the vendor's options come first, then its terms with their clauses.
 */
export function VendorSection({
  choice,
  mode,
}: {
  choice: VendorChoice;
  mode: "invoices" | "subscriptions" | undefined;
}) {
  const pane = useStrings();
  const s = useCatalogue(VENDOR_SUMMARY_STRINGS);
  const { lang } = useLanguage();
  const styles = useStyles();
  const [open, setOpen] = React.useState(false);
  const profile = choice.profile;
  const headline = React.useMemo(() => (profile ? termsHeadline(profile, lang) : ""), [profile, lang]);
  return (
    <section className={styles.section} aria-labelledby="vendor-title">
      <Subtitle2 as="h2" id="vendor-title">
        {pane.vendorSection}
      </Subtitle2>
      <VendorPicker choice={choice} labelledBy="vendor-title" />
      {profile && (
        <Fold
          title={s.terms}
          summary={headline}
          open={open}
          onToggle={() => setOpen((o) => !o)}
          testId="vendor-terms"
        >
          <VendorOptions choice={choice} mode={mode} />
          <VendorSummary profile={profile} />
        </Fold>
      )}
    </section>
  );
}
