import { Dropdown, makeStyles, Option } from "@fluentui/react-components";
import * as React from "react";
import type { Language, VendorProfile } from "../../../engine";
import { useCatalogue, useLanguage } from "../../i18n/LanguageContext";
import { VENDOR_PICKER_STRINGS } from "./strings";
import type { VendorChoice } from "./useVendorChoice";

const useStyles = makeStyles({
  // Fluent's dropdown is at least 250 px wide; in a 320 px pane it takes the pane's width and wraps.
  dropdown: { minWidth: 0, width: "100%" },
  // The chosen vendor on one line, its business line cut with an ellipsis (whole in the list).
  value: {
    display: "block",
    minWidth: 0,
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
  },
});

/** "Sillage — Conseil, formation…"; a custom vendor without a business line shows its name alone. */
function vendorLabel(v: VendorProfile, lang: Language): string {
  const business = v.business[lang].trim();
  return business === "" ? v.name : `${v.name} — ${business}`;
}

/** The vendor dropdown, named by the heading above it (`labelledBy`). */
export function VendorPicker({ choice, labelledBy }: { choice: VendorChoice; labelledBy: string }) {
  const s = useCatalogue(VENDOR_PICKER_STRINGS);
  const { lang } = useLanguage();
  const styles = useStyles();
  const profile = choice.profile;
  const chosen = profile ? vendorLabel(profile, lang) : "";
  return (
    <Dropdown
      className={styles.dropdown}
      aria-labelledby={labelledBy}
      placeholder={s.placeholder}
      value={chosen}
      button={{
        ...(chosen !== "" ? { children: <span className={styles.value}>{chosen}</span> } : {}),
        title: chosen,
      }}
      selectedOptions={profile ? [profile.id] : []}
      onOptionSelect={(_, data) => data.optionValue && choice.setVendorId(data.optionValue)}
      data-testid="vendor-picker"
    >
      {choice.vendors.map((v) => (
        <Option key={v.id} value={v.id} text={vendorLabel(v, lang)}>
          {vendorLabel(v, lang)}
        </Option>
      ))}
    </Dropdown>
  );
}
