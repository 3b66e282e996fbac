import { Button, Caption1, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import { prepareApply, type ApplyOptions } from "../../../apply";
import { buildIcs, icsTimestamp, registerEvents } from "../../../calendar";
import type { SourceBlock } from "../../../workbook/gateway";
import { describeError } from "../../apply-adapter";
import { offerFile, type TextFile } from "../../download";
import { useCatalogue, useLanguage } from "../../i18n/LanguageContext";
import { CALENDAR_EXPORT_STRINGS } from "./strings";
import { ExportedText } from "../ExportedText/ExportedText";

/**
 * Exports the register's coming deadlines — unpaid invoices' due dates, subscriptions' notice
 * deadlines or end dates, on or after the as-of date — as an .ics file for Outlook or any calendar.
 * Where the webview cannot download (Excel for Mac), the calendar's text is shown to copy instead.
 */

const useStyles = makeStyles({
  root: { display: "flex", alignItems: "flex-end", columnGap: tokens.spacingHorizontalM, flexWrap: "wrap" },
});

/** The current UTC time as an iCalendar DTSTAMP (the pane reads the clock; the calendar module never does). */
function nowStamp(): string {
  const d = new Date();
  return icsTimestamp(
    d.getUTCFullYear(),
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
  );
}

export function CalendarExport({
  source,
  options,
}: {
  source: SourceBlock | undefined;
  options: ApplyOptions | undefined;
}) {
  const s = useCatalogue(CALENDAR_EXPORT_STRINGS);
  const { lang } = useLanguage();
  const styles = useStyles();
  const [alarmText, setAlarmText] = React.useState("7");
  const [message, setMessage] = React.useState<string>();
  const [exported, setExported] = React.useState<{ file: TextFile; how: "downloaded" | "text" }>();
  const alarm = /^\d{1,3}$/.test(alarmText.trim()) ? Number(alarmText) : undefined;

  const exportIcs = () => {
    if (!source || !options) return;
    try {
      const events = registerEvents(prepareApply(options), source.rows, { source: source.sheet });
      const text = buildIcs(events, {
        dtstamp: nowStamp(),
        ...(alarm !== undefined && alarm > 0 ? { alarmDaysBefore: alarm } : {}),
        calendarName: `${s.calendarName} — ${source.sheet}`,
      });
      const file = { fileName: `echeances-${source.sheet}.ics`, text, type: "text/calendar" };
      const how = offerFile(file);
      setExported({ file, how });
      setMessage(how === "downloaded" ? s.exported(events.length) : s.asText(events.length));
    } catch (e) {
      setMessage(describeError(e, lang));
    }
  };

  return (
    <div>
      <div className={styles.root}>
        <Field
          label={s.alarmDays}
          validationState={alarm === undefined ? "error" : "none"}
          {...(alarm === undefined ? { validationMessage: s.alarmDaysInvalid } : {})}
        >
          <Input
            value={alarmText}
            onChange={(_, d) => setAlarmText(d.value)}
            type="number"
            min={0}
            max={365}
          />
        </Field>
        <Button
          onClick={exportIcs}
          disabled={!source || !options || alarm === undefined}
          data-testid="export-ics"
        >
          {s.export}
        </Button>
      </div>
      {message !== undefined && (
        <Caption1 block data-testid="ics-result">
          {message}
        </Caption1>
      )}
      {exported && <ExportedText file={exported.file} how={exported.how} />}
    </div>
  );
}
