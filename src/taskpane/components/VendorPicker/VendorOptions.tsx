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
import type { ClientType, EndOfMonthMethod } from "../../../engine";
import { useCatalogue, useLanguage } from "../../i18n/LanguageContext";
import { usesEndOfMonth } from "../VendorSummary/describe-vendor";
import { VENDOR_PICKER_STRINGS } from "./strings";
import type { VendorChoice } from "./useVendorChoice";

const useStyles = makeStyles({
  options: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  dropdown: { minWidth: 0, width: "100%" },
});

/**
 * The options of the chosen vendor that apply to the register type: its readings (Xiahdeh's
 * « flat »), the « jours fin de mois » method, and the defaults for rows that do not say their invoice
 * kind, plan or client type.
 */
export function VendorOptions({
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
  if (!profile) return null;
  const kind = choice.kind ?? profile.defaultInvoiceKind;
  const plans = profile.subscription.kind === "plans" ? profile.subscription : undefined;
  const plan = plans ? (choice.plan ?? plans.defaultPlan) : undefined;
  const kindLabel = profile.invoiceKinds.find((k) => k.id === kind)?.label[lang] ?? "";
  const planLabel = plans?.plans.find((p) => p.id === plan)?.label[lang] ?? "";
  const clientLabels: Readonly<Record<ClientType, string>> = { pro: s.clientPro, consumer: s.clientConsumer };

  return (
    <div className={styles.options} data-testid="vendor-options">
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
            value={clientLabels[choice.clientType]}
            selectedOptions={[choice.clientType]}
            onOptionSelect={(_, d) => d.optionValue && choice.setClientType(d.optionValue as ClientType)}
          >
            {profile.clients.map((c) => (
              <Option key={c} value={c} text={clientLabels[c]}>
                {clientLabels[c]}
              </Option>
            ))}
          </Dropdown>
        </Field>
      )}
    </div>
  );
}
