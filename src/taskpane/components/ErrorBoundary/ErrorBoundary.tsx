import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import * as React from "react";
import type { Strings } from "../../i18n/strings";

interface Props {
  readonly strings: Strings;
  readonly onReset: () => void;
  readonly children: React.ReactNode;
}

/** Catches a rendering failure and offers to reload the pane instead of leaving it blank. */
export class ErrorBoundary extends React.Component<Props, { error: Error | undefined }> {
  override state: { error: Error | undefined } = { error: undefined };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const s = this.props.strings;
    return (
      <MessageBar intent="error" layout="multiline" role="alert">
        <MessageBarBody>
          <MessageBarTitle>{s.errorTitle}</MessageBarTitle>
          {s.errorBoundaryBody} ({error.message})
        </MessageBarBody>
        <MessageBarActions>
          <Button
            onClick={() => {
              this.setState({ error: undefined });
              this.props.onReset();
            }}
          >
            {s.errorRecover}
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
}
