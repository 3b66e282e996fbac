import { Caption1, Dropdown, makeStyles, Option, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { WriteMode } from "../../../write";
import { useCatalogue } from "../../i18n/LanguageContext";
import { APPLY_STRINGS } from "./strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  // The heading and the choice on one line: « Écrire [des valeurs (recommandé)] ».
  line: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  // Fluent's dropdown is at least 250 px wide: here it is as wide as the mode chosen, beside the
  // heading where that fits, under it where not, and never wider than the pane.
  mode: { minWidth: 0, maxWidth: "100%", flexGrow: 1, flexShrink: 1, flexBasis: "auto" },
  value: {
    display: "block",
    minWidth: 0,
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
  },
});

/**
 * How the results are written — values, live CGV.* formulas or native formulas — as the end of the
 * section's heading (« Écrire des valeurs (recommandé) »), and the hint of the mode chosen.
 */
export function WriteChoices({
  heading,
  headingId,
  writeMode,
  setWriteMode,
  formulasAllowed,
}: {
  /** The section's heading, which the choice completes. */
  heading: React.ReactNode;
  /** Its id: the choice is named by it. */
  headingId: string;
  writeMode: WriteMode;
  setWriteMode: (mode: WriteMode) => void;
  /** The result columns are side by side, as formulas need them. */
  formulasAllowed: boolean;
}) {
  const s = useCatalogue(APPLY_STRINGS);
  const styles = useStyles();
  const modes: readonly { mode: WriteMode; label: string; hint?: string; formulas: boolean }[] = [
    { mode: "values", label: s.writeValues, formulas: false },
    { mode: "formulas", label: s.writeFormulas, hint: s.formulasHint, formulas: true },
    { mode: "portable", label: s.writePortable, hint: s.portableHint, formulas: true },
  ];
  const chosen = modes.find((m) => m.mode === writeMode);
  return (
    <div className={styles.root}>
      <div className={styles.line}>
        {heading}
        <Dropdown
          className={styles.mode}
          aria-labelledby={headingId}
          value={chosen?.label ?? ""}
          button={{ children: <span className={styles.value}>{chosen?.label ?? ""}</span> }}
          selectedOptions={[writeMode]}
          onOptionSelect={(_, data) => data.optionValue && setWriteMode(data.optionValue as WriteMode)}
          data-testid="write-mode"
        >
          {modes.map((m) => (
            <Option key={m.mode} value={m.mode} disabled={m.formulas && !formulasAllowed}>
              {m.label}
            </Option>
          ))}
        </Dropdown>
      </div>
      {chosen?.hint !== undefined && <Caption1>{chosen.hint}</Caption1>}
      {!formulasAllowed && <Caption1>{s.formulasUnavailable}</Caption1>}
    </div>
  );
}
