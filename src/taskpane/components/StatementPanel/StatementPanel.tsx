import {
  Button,
  Caption1,
  Dropdown,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Option,
  Radio,
  RadioGroup,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { formatMoney } from "../../../engine";
import { bookTotals } from "../../../recovery";
import type { StatementLayout } from "../../recovery-adapter";
import { COMMON } from "../../i18n/common";
import { useCatalogue, useLanguage } from "../../i18n/LanguageContext";
import { DateField } from "../DateField/DateField";
import { LeftOut, ReadingProblems } from "../RecoveryCommon/LeftOut";
import { STATEMENT_STRINGS } from "./strings";
import type { StatementState } from "./useStatement";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  // Fluent's dropdown is at least 250 px wide: in a 320 px pane it takes the pane's width instead.
  dropdown: { minWidth: 0, width: "100%" },
  actions: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  wrap: { overflowWrap: "anywhere" },
});

/**
 * « Rapports > Relevé par client »: the date d'arrêté, all clients or one, a sheet per client or one
 * for all; writes new sheets (the statement `echeance report --kind statement` writes), never the register.
 */
export function StatementPanel({ state, invoices }: { state: StatementState; invoices: boolean }) {
  const s = useCatalogue(STATEMENT_STRINGS);
  const common = useCatalogue(COMMON);
  const { lang } = useLanguage();
  const styles = useStyles();
  const { reading, book, run } = state;
  const clients = reading?.ok ? reading.book.clients : [];
  const chosen = clients.find((c) => c.key === state.client);
  const canBuild = invoices && book !== undefined && book.clients.length > 0 && run.phase !== "writing";
  return (
    <div className={styles.root} data-testid="statement-panel">
      <Caption1>{s.intro}</Caption1>
      {!invoices && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{s.notInvoices}</MessageBarBody>
        </MessageBar>
      )}
      <DateField
        label={s.asOf}
        iso={state.asOfText}
        onChange={state.setAsOfText}
        required
        testId="statement-as-of"
      />
      <Field label={s.client}>
        <Dropdown
          className={styles.dropdown}
          value={chosen?.name ?? s.allClients}
          selectedOptions={[state.client]}
          onOptionSelect={(_, data) => state.setClient(data.optionValue ?? "")}
          data-testid="statement-client"
        >
          <Option value="">{s.allClients}</Option>
          {clients.map((c) => (
            <Option key={c.key} value={c.key}>
              {c.name}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={s.layout}>
        <RadioGroup
          value={state.layout}
          onChange={(_, data) => state.setLayout(data.value as StatementLayout)}
          data-testid="statement-layout"
        >
          <Radio value="per-client" label={s.perClient} />
          <Radio value="one-sheet" label={s.oneSheet} />
        </RadioGroup>
      </Field>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={!canBuild}
          onClick={() => void state.build()}
          data-testid="build-statement"
        >
          {s.build}
        </Button>
        {run.phase === "writing" && <Spinner size="tiny" />}
      </div>
      <ReadingProblems reading={reading} />
      {book && (
        <Caption1 data-testid="statement-clients">
          {book.clients.length === 0
            ? s.nothingLate
            : s.clientsFound(book.clients.length, formatMoney(bookTotals(book).claimed, lang))}
        </Caption1>
      )}
      {run.phase === "done" && (
        <MessageBar intent="success" layout="multiline" data-testid="statement-result">
          <MessageBarBody className={styles.wrap}>
            <div>{s.written(run.sheets.join(", "))}</div>
            {!run.printSetup && <div>{common.printSetupNotMade}</div>}
          </MessageBarBody>
        </MessageBar>
      )}
      {run.phase === "error" && (
        <MessageBar intent="error" layout="multiline" data-testid="statement-error">
          <MessageBarBody>{run.message}</MessageBarBody>
        </MessageBar>
      )}
      <LeftOut reading={reading} />
    </div>
  );
}
