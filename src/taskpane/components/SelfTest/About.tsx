import { Body1, Button, Caption1, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import * as React from "react";
import { useLanguage } from "../../i18n/LanguageContext";
import { addinVersion } from "./setup";
import { SELF_TEST_STRINGS } from "./strings";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  wrap: { overflowWrap: "anywhere" },
});

/** The pane's « À propos »: the add-in's version, and the way to the self-test. */
export function About({ onSelfTest }: { onSelfTest: () => void }) {
  const styles = useStyles();
  const { lang } = useLanguage();
  const s = SELF_TEST_STRINGS[lang];
  return (
    <section className={styles.section} aria-labelledby="about-title" data-testid="about">
      <Subtitle2 as="h2" id="about-title">
        {s.aboutSection}
      </Subtitle2>
      <Body1>{s.aboutVersion(addinVersion())}</Body1>
      <Caption1 className={styles.wrap}>{s.aboutSelfTestHint}</Caption1>
      <div>
        <Button onClick={onSelfTest} data-testid="open-selftest">
          {s.openSelfTest}
        </Button>
      </div>
    </section>
  );
}
