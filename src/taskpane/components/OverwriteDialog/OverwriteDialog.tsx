import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from "@fluentui/react-components";
import * as React from "react";
import { useStrings } from "../../i18n/LanguageContext";

/** Asks before any non-empty cell is replaced, saying how many and where. */
export function OverwriteDialog({
  open,
  count,
  address,
  onReplace,
  onKeep,
}: {
  open: boolean;
  count: number;
  address: string;
  onReplace: () => void;
  onKeep: () => void;
}) {
  const s = useStrings();
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_, data) => !data.open && onKeep()}>
      <DialogSurface data-testid="overwrite-dialog">
        <DialogBody>
          <DialogTitle>{s.confirmTitle}</DialogTitle>
          <DialogContent>{s.confirmBody(count, address)}</DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onKeep}>
              {s.confirmKeep}
            </Button>
            <Button appearance="primary" onClick={onReplace}>
              {s.confirmReplace}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
