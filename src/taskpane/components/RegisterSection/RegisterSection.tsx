import { makeStyles, MessageBar, MessageBarBody, Subtitle2, tokens } from "@fluentui/react-components";
import * as React from "react";
import { describeError } from "../../apply-adapter";
import { useCatalogue, useLanguage, useStrings } from "../../i18n/LanguageContext";
import { Fold } from "../Fold/Fold";
import { MappingEditor, mappingSummary } from "../MappingEditor/MappingEditor";
import { MAPPING_STRINGS } from "../MappingEditor/strings";
import { SourceKindPicker, sourceKindName, SourcePanel } from "../SourcePanel/SourcePanel";
import type { RegisterSource } from "../SourcePanel/useRegisterSource";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  text: { overflowWrap: "anywhere" },
});

/**
 * « Registre »: the register found, and the button that reads it again; where it is read from and the
 * column mapping folded to one line while every required field has its column (issue 21), open — and
 * not foldable — while one is missing; the mapping's problems always in sight.
 */
export function RegisterSection({ source }: { source: RegisterSource }) {
  const pane = useStrings();
  const s = useCatalogue(MAPPING_STRINGS);
  const { lang } = useLanguage();
  const styles = useStyles();
  const [open, setOpen] = React.useState(false);
  const blocking = source.problems.some((p) => p.kind !== "duplicate");
  return (
    <section className={styles.section} aria-labelledby="source-title">
      <Subtitle2 as="h2" id="source-title">
        {pane.sourceSection}
      </Subtitle2>
      <SourcePanel source={source} />
      {source.error !== undefined && (
        <MessageBar intent="error" layout="multiline" data-testid="source-error">
          <MessageBarBody>{describeError(source.error, lang)}</MessageBarBody>
        </MessageBar>
      )}
      {source.block && source.mode && (
        <Fold
          title={s.foldTitle}
          summary={`${sourceKindName(source.kind, lang)} · ${mappingSummary(source, lang)}`}
          open={open}
          locked={blocking}
          onToggle={() => setOpen((o) => !o)}
          testId="mapping-fold"
        >
          <SourceKindPicker source={source} />
          <MappingEditor source={source} />
        </Fold>
      )}
      {source.problems.map((p, i) => (
        <MessageBar key={i} intent={p.kind === "duplicate" ? "warning" : "error"} layout="multiline">
          <MessageBarBody className={styles.text}>{p.message[lang]}</MessageBarBody>
        </MessageBar>
      ))}
    </section>
  );
}
