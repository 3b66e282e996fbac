import { makeStyles, MessageBar, MessageBarBody, Spinner, tokens } from "@fluentui/react-components";
import * as React from "react";
import { useCatalogue } from "../../i18n/LanguageContext";
import { OFFICE_LOADING_STRINGS } from "./strings";

/**
 * What the pane shows while Office starts (Office.onReady not answered yet), or when Office answered
 * something the pane cannot run on. It never offers the demo workbook: inside Excel a slow start is
 * still Excel (issue 14, item 5).
 */

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
});

/** After this long without an answer from Office, the pane says it is still waiting and why. */
export const SLOW_OFFICE_MS = 15_000;

export type OfficeLoadingState =
  | { readonly kind: "waiting" }
  | { readonly kind: "unsupported-host"; readonly host: string }
  | { readonly kind: "failed"; readonly message: string };

export function OfficeLoading({
  state,
  slowAfterMs = SLOW_OFFICE_MS,
}: {
  state: OfficeLoadingState;
  slowAfterMs?: number;
}) {
  const s = useCatalogue(OFFICE_LOADING_STRINGS);
  const styles = useStyles();
  const [slow, setSlow] = React.useState(false);
  const waiting = state.kind === "waiting";
  React.useEffect(() => {
    if (!waiting) return undefined;
    const timer = window.setTimeout(() => setSlow(true), slowAfterMs);
    return () => window.clearTimeout(timer);
  }, [waiting, slowAfterMs]);

  if (state.kind !== "waiting") {
    return (
      <div className={styles.root}>
        <MessageBar intent="error" layout="multiline" role="alert" data-testid="office-start-problem">
          <MessageBarBody>
            {state.kind === "unsupported-host" ? s.hostUnsupported(state.host) : s.startFailed(state.message)}
          </MessageBarBody>
        </MessageBar>
      </div>
    );
  }
  return (
    <div className={styles.root} role="status" aria-live="polite" data-testid="office-loading">
      <Spinner label={s.connecting} />
      {slow && (
        <MessageBar intent="warning" layout="multiline" data-testid="office-slow">
          <MessageBarBody>{s.slow}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
