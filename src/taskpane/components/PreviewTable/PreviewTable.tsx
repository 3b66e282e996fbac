import {
  Caption1,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  Text,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import type { SourceBlock } from "../../../workbook/gateway";
import { describeError, formatOutput } from "../../apply-adapter";
import { useCatalogue, useLanguage } from "../../i18n/LanguageContext";
import { PREVIEW_STRINGS } from "./strings";
import type { Preview } from "./usePreviewRows";

/**
 * The first rows as cards, one per register row, each value under its column's header: seven
 * columns do not fit a 320 px task pane, and a table there scrolls sideways. Where the pane is
 * wider, the cards sit side by side.
 */
const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(min(100%, 15em), 1fr))",
    gap: tokens.spacingHorizontalS,
  },
  card: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  values: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, auto)",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  value: { margin: 0, textAlign: "end", fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  // A row's error is a sentence: it takes the card's width and wraps.
  status: {
    gridColumnStart: 1,
    gridColumnEnd: 3,
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: "anywhere",
  },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/** The first rows with the values that would be written. */
export function PreviewTable({
  source,
  preview,
  referenceColumn,
}: {
  source: SourceBlock;
  preview: Preview;
  referenceColumn: number | undefined;
}) {
  const s = useCatalogue(PREVIEW_STRINGS);
  const { lang } = useLanguage();
  const styles = useStyles();
  if (!preview) return null;
  const { result } = preview;
  if (!result)
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>{describeError(preview.error, lang)}</MessageBarBody>
      </MessageBar>
    );
  const refIndex = referenceColumn ?? 0;
  const refHeader = source.headers[refIndex] ?? s.rowHeader;
  return (
    <div className={styles.root}>
      <Caption1>{s.caption(result.rows.length, source.rows.length)}</Caption1>
      <ul className={styles.list} aria-label={s.region} data-testid="preview-table">
        {result.rows.map((row, i) => {
          const reference = String(source.rows[i]?.[refIndex] ?? "");
          const error = result.results[i]?.state === "error";
          return (
            <li key={i} className={styles.card} data-testid="preview-row">
              <Text weight="semibold" title={refHeader}>
                {reference === "" ? s.row(String(source.startRow + 2 + i)) : reference}
              </Text>
              <dl className={styles.values}>
                {result.columns.map((c, j) => {
                  const text = formatOutput(row[j], c.format, lang);
                  // The status is a sentence: under its header, the card's full width.
                  if (c.id === "status")
                    return (
                      <React.Fragment key={c.id}>
                        <dt className={styles.term}>{c.header[lang]}</dt>
                        <dd className={mergeClasses(styles.status, error && styles.error)}>{text}</dd>
                      </React.Fragment>
                    );
                  return (
                    <React.Fragment key={c.id}>
                      <dt className={styles.term}>{c.header[lang]}</dt>
                      <dd className={styles.value}>{text}</dd>
                    </React.Fragment>
                  );
                })}
              </dl>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
