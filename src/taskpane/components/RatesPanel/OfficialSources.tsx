import { Caption1, Link, makeStyles, Text, tokens } from "@fluentui/react-components";
import * as React from "react";
import { OFFICIAL_RATE_SOURCES } from "../../../engine";
import { COMMON } from "../../i18n/common";
import { useCatalogue, useLanguage } from "../../i18n/LanguageContext";
import { RATES_STRINGS } from "./strings";

const useStyles = makeStyles({
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  // Long addresses wrap inside a 320 px pane rather than widen it.
  url: { overflowWrap: "anywhere", wordBreak: "break-word" },
});

/**
 * Where the official figures are published (the engine's `OFFICIAL_RATE_SOURCES`, as `echeance rates`
 * prints them): the arrêté at Légifrance, the ECB's key rates page. Links the user opens: the pane
 * itself never requests them.
 */
export function OfficialSources({ compact = false }: { compact?: boolean }) {
  const s = useCatalogue(RATES_STRINGS);
  const common = useCatalogue(COMMON);
  const { lang } = useLanguage();
  const styles = useStyles();
  const items = [
    { id: "legal", what: s.legalWord, source: OFFICIAL_RATE_SOURCES.legal },
    { id: "ecb", what: s.ecbWord, source: OFFICIAL_RATE_SOURCES.ecb },
  ] as const;
  const Words = compact ? Caption1 : Text;
  return (
    <div data-testid="rate-sources">
      <Words weight="semibold">{s.whereTitle}</Words>
      <ul className={styles.list}>
        {items.map((item) => (
          <li key={item.id}>
            <Words>
              {item.what} — {item.source.where[lang]}
              {common.colon}
              <Link
                className={styles.url}
                href={item.source.url}
                target="_blank"
                rel="noopener noreferrer"
                inline
              >
                {item.source.url}
              </Link>
            </Words>
          </li>
        ))}
      </ul>
    </div>
  );
}
