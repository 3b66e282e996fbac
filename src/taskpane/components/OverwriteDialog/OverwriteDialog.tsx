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
import { useCatalogue } from "../../i18n/LanguageContext";
import { OVERWRITE_STRINGS } from "./strings";

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
  const s = useCatalogue(OVERWRITE_STRINGS);
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_, data) => !data.open && onKeep()}>
      <DialogSurface data-testid="overwrite-dialog">
        <DialogBody>
          <DialogTitle>{s.title}</DialogTitle>
          <DialogContent>{s.body(count, address)}</DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onKeep}>
              {s.keep}
            </Button>
            <Button appearance="primary" onClick={onReplace}>
              {s.replace}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
