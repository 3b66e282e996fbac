import {
  Checkbox,
  Dropdown,
  Field,
  makeStyles,
  Option,
  Radio,
  RadioGroup,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import type { ClientType, EndOfMonthMethod, Language, VendorProfile } from "../../../engine";
import { useCatalogue, useLanguage } from "../../i18n/LanguageContext";
import { VENDOR_PICKER_STRINGS } from "./strings";
import { usesEndOfMonth } from "../VendorSummary/describe-vendor";
import type { VendorChoice } from "./useVendorChoice";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  options: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  // Fluent's dropdown is at least 250 px wide; in a 320 px pane it takes the pane's width and wraps.
  dropdown: { minWidth: 0, width: "100%" },
});

/** The vendor dropdown, and the options that apply to the chosen vendor and register type. */
/** "Sillage — Conseil, formation…"; a custom vendor without a business line shows its name alone. */
function vendorLabel(v: VendorProfile, lang: Language): string {
  const business = v.business[lang].trim();
  return business === "" ? v.name : `${v.name} — ${business}`;
}

export function VendorPicker({
  choice,
  mode,
}: {
  choice: VendorChoice;
  mode: "invoices" | "subscriptions" | undefined;
}) {
  const s = useCatalogue(VENDOR_PICKER_STRINGS);
  const { lang } = useLanguage();
  const styles = useStyles();
  const profile = choice.profile;
  const kind = profile ? (choice.kind ?? profile.defaultInvoiceKind) : undefined;
  const plans = profile?.subscription.kind === "plans" ? profile.subscription : undefined;
  const plan = plans ? (choice.plan ?? plans.defaultPlan) : undefined;
  const kindLabel = profile?.invoiceKinds.find((k) => k.id === kind)?.label[lang] ?? "";
  const planLabel = plans?.plans.find((p) => p.id === plan)?.label[lang] ?? "";
  const clientLabel = choice.clientType === "pro" ? s.clientPro : s.clientConsumer;

  return (
    <div className={styles.root}>
      <Field label={s.label}>
        <Dropdown
          className={styles.dropdown}
          placeholder={s.placeholder}
          value={profile ? vendorLabel(profile, lang) : ""}
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
      </Field>
      {profile && (
        <div className={styles.options}>
          {choice.readingOptions.map((option) => {
            const interp = profile.interpretations.find((i) => i.option === option);
            return (
              <Checkbox
                key={option}
                checked={choice.readings.includes(option)}
                onChange={(_, data) => choice.setReading(option, data.checked === true)}
                label={interp?.alternative?.[lang] ?? option}
              />
            );
          })}
          {usesEndOfMonth(profile) && mode !== "subscriptions" && (
            <Field label={s.eomMethod}>
              <RadioGroup
                value={choice.eomMethod}
                onChange={(_, data) => choice.setEomMethod(data.value as EndOfMonthMethod)}
              >
                <Radio value="days-then-eom" label={s.eomDaysThenEom} />
                <Radio value="eom-then-days" label={s.eomEomThenDays} />
              </RadioGroup>
            </Field>
          )}
          {mode !== "subscriptions" && profile.invoiceKinds.length > 1 && (
            <Field label={s.defaultKind}>
              <Dropdown
                className={styles.dropdown}
                value={kindLabel}
                selectedOptions={kind ? [kind] : []}
                onOptionSelect={(_, d) => d.optionValue && choice.setKind(d.optionValue)}
              >
                {profile.invoiceKinds.map((k) => (
                  <Option key={k.id} value={k.id} text={k.label[lang]}>
                    {k.label[lang]}
                  </Option>
                ))}
              </Dropdown>
            </Field>
          )}
          {mode === "subscriptions" && plans && plans.plans.length > 1 && (
            <Field label={s.defaultPlan}>
              <Dropdown
                className={styles.dropdown}
                value={planLabel}
                selectedOptions={plan ? [plan] : []}
                onOptionSelect={(_, d) => d.optionValue && choice.setPlan(d.optionValue)}
              >
                {plans.plans.map((p) => (
                  <Option key={p.id} value={p.id} text={p.label[lang]}>
                    {p.label[lang]}
                  </Option>
                ))}
              </Dropdown>
            </Field>
          )}
          {profile.clients.length > 1 && (
            <Field label={s.clientType}>
              <Dropdown
                className={styles.dropdown}
                value={clientLabel}
                selectedOptions={[choice.clientType]}
                onOptionSelect={(_, d) => d.optionValue && choice.setClientType(d.optionValue as ClientType)}
              >
                {profile.clients.map((c) => (
                  <Option key={c} value={c} text={c === "pro" ? s.clientPro : s.clientConsumer}>
                    {c === "pro" ? s.clientPro : s.clientConsumer}
                  </Option>
                ))}
              </Dropdown>
            </Field>
          )}
        </div>
      )}
    </div>
  );
}
