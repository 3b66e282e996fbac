import { Field, makeStyles } from "@fluentui/react-components";
import { DatePicker } from "@fluentui/react-datepicker-compat";
import * as React from "react";
import { parseDateText } from "../../../input/cell-values";
import { parseIsoDay, ymdFromDay, type Day, type Language } from "../../../engine";
import { useCatalogue, useLanguage } from "../../i18n/LanguageContext";
import { CALENDAR_STRINGS, DATE_FIELD_STRINGS } from "./strings";

/**
 * A date field that shows and reads dd/mm/yyyy whatever the browser's locale. A native
 * `<input type="date">` follows the browser's locale instead: an en-US webview shows 12/03/2026 for
 * 3 December 2026, the date an accountant reads as 12 March. This is Fluent's date picker with its
 * text formatted and parsed here (typed dates as the custom functions read them: 03/12/2026,
 * 3.12.26, 2026-12-03), its calendar in the pane's language, weeks starting on Monday.
 */

const useStyles = makeStyles({
  // Fluent's input has a minimum width of its own; a date needs about 11 characters and a button.
  picker: { maxWidth: "12em", minWidth: 0 },
});

/** A calendar date as a local-midnight Date, the picker's currency (Date is the picker's API only). */
function dateOfDay(day: Day): Date {
  const { y, m, d } = ymdFromDay(day);
  const date = new Date(y, m - 1, d);
  // Years 0–99 would be read as 1900–1999 by the constructor.
  date.setFullYear(y);
  return date;
}

function isoOfDate(date: Date): string {
  const y = String(date.getFullYear()).padStart(4, "0");
  return `${y}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
}

/** dd/mm/yyyy, the form every date of the pane and the workbook takes. */
export function formatDayMonthYear(date: Date | undefined): string {
  if (!date || Number.isNaN(date.getTime())) return "";
  const [y, m, d] = isoOfDate(date).split("-");
  return `${d}/${m}/${y}`;
}

/** A typed date, read as the custom functions read a date typed in a cell; null when it is none. */
export function parseDayMonthYear(text: string): Date | null {
  const day = parseDateText(text);
  return typeof day === "number" ? dateOfDay(day) : null;
}

/** "3 décembre 2026" / "December 3, 2026": how the calendar reads a day out to a screen reader. */
function dateTimeFormatter(lang: Language) {
  const s = DATE_FIELD_STRINGS[lang];
  const month = (date: Date) => s.months[date.getMonth()] ?? "";
  return {
    formatDay: (date: Date) => String(date.getDate()),
    formatYear: (date: Date) => String(date.getFullYear()),
    formatMonth: month,
    formatMonthYear: (date: Date) => `${month(date)} ${date.getFullYear()}`,
    formatMonthDayYear: (date: Date) => s.longDate(date.getDate(), month(date), date.getFullYear()),
  };
}

const FORMATTERS = { fr: dateTimeFormatter("fr"), en: dateTimeFormatter("en") };

export interface DateFieldProps {
  readonly label: string;
  readonly hint?: string;
  /** The date as YYYY-MM-DD, or "" for none. */
  readonly iso: string;
  readonly onChange: (iso: string) => void;
  /** A date is needed: an empty field is an error. */
  readonly required?: boolean;
  readonly testId?: string;
  /** The label beside the field rather than above it (where a line of the pane is to be saved). */
  readonly orientation?: "horizontal" | "vertical";
}

/** A labelled date field: dd/mm/yyyy typed or picked on a calendar, the value handed on as YYYY-MM-DD. */
export function DateField({
  label,
  hint,
  iso,
  onChange,
  required = false,
  testId,
  orientation = "vertical",
}: DateFieldProps) {
  const s = useCatalogue(DATE_FIELD_STRINGS);
  const { lang } = useLanguage();
  const styles = useStyles();
  const [invalidText, setInvalidText] = React.useState(false);
  // The picker resets its text whenever `value` or `formatDate` changes identity: both are kept stable.
  const day = parseIsoDay(iso);
  const value = React.useMemo(() => (day === undefined ? null : dateOfDay(day)), [day]);
  const onSelectDate = React.useCallback(
    (date: Date | null | undefined) => {
      setInvalidText(false);
      onChange(date && !Number.isNaN(date.getTime()) ? isoOfDate(date) : "");
    },
    [onChange],
  );
  const missing = required && day === undefined;
  const message = invalidText ? s.notADate : missing ? s.missing : undefined;
  return (
    <Field
      label={label}
      orientation={orientation}
      {...(hint !== undefined ? { hint } : {})}
      validationState={message !== undefined ? "error" : "none"}
      {...(message !== undefined ? { validationMessage: message } : {})}
    >
      <DatePicker
        className={styles.picker}
        allowTextInput
        value={value}
        onSelectDate={onSelectDate}
        formatDate={formatDayMonthYear}
        parseDateFromString={parseDayMonthYear}
        onValidationResult={(r) => setInvalidText(r.error === "invalid-input")}
        placeholder={s.placeholder}
        strings={CALENDAR_STRINGS[lang]}
        dateTimeFormatter={FORMATTERS[lang]}
        firstDayOfWeek={1}
        showMonthPickerAsOverlay
        popupSurface={{ "aria-label": s.calendarLabel }}
        {...(testId !== undefined ? { "data-testid": testId } : {})}
      />
    </Field>
  );
}
