// Add or edit one record of an account in a dialog, without leaving the account's page.
// Pessimistic, so that the server's field errors (422) and version conflicts (409) show here.
import { useId, useRef } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import {
  CreateBase, EditBase, Form, RecordContextProvider, SaveButton, useEditContext, useNotify, useRefresh, type Identifier, type RaRecord,
} from 'react-admin';
import { describeError } from '../accounts/errors';

export interface RecordDialogProps {
  resource: string;
  open: boolean;
  onClose: () => void;
  title: string;
  /** Edit this record; without it, create one. */
  id?: Identifier;
  /** Values of a new record, e.g. its owner. */
  defaults?: Partial<RaRecord>;
  /** Said after a successful save, e.g. "Contact saved." */
  savedMessage: string;
  /** Extra values sent on save (and fields left out). */
  transform?: (data: RaRecord) => RaRecord;
  children: React.ReactNode;
}

function DialogForm({ onClose, children, saveLabel, alwaysEnable }: { onClose: () => void; children: React.ReactNode; saveLabel: string; alwaysEnable?: boolean }) {
  return (
    <Form noValidate>
      <DialogContent dividers>{children}</DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        {/* A new record can be saved at once, to be told what is missing; a change only once made. */}
        <SaveButton label={saveLabel} alwaysEnable={alwaysEnable} />
      </DialogActions>
    </Form>
  );
}

/** The form opens on the record as fetched now, not on the list's copy, so no refetch resets what is typed. */
function WhenLoaded({ children }: { children: React.ReactNode }) {
  const { record, isFetching } = useEditContext();
  const ready = useRef(false);
  if (record && !isFetching) ready.current = true;
  if (!ready.current) return <DialogContent><Typography>Loading…</Typography></DialogContent>;
  return <>{children}</>;
}

export function RecordDialog({ resource, open, onClose, title, id, defaults, savedMessage, transform, children }: RecordDialogProps) {
  const titleId = useId();
  const notify = useNotify();
  const refresh = useRefresh();
  const mutationOptions = {
    onSuccess: () => {
      notify(savedMessage, { type: 'success' });
      onClose();
      refresh();
    },
    // Field errors (422) also show under their inputs; conflicts (409) and refusals (403) only here.
    onError: (error: unknown) => notify(describeError(error, 'The record could not be saved.'), { type: 'error', multiLine: true }),
  };
  return (
    <Dialog open={open} onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth="md">
      <DialogTitle id={titleId}>{title}</DialogTitle>
      {/* Not under the account's record: react-admin's access checks would test it in place of this one. */}
      <RecordContextProvider value={undefined}>
      {open ? (
        id === undefined ? (
          <CreateBase resource={resource} record={defaults} redirect={false} transform={transform} mutationOptions={mutationOptions}>
            <DialogForm onClose={onClose} saveLabel="Save" alwaysEnable>{children}</DialogForm>
          </CreateBase>
        ) : (
          <EditBase resource={resource} id={id} mutationMode="pessimistic" redirect={false} transform={transform} mutationOptions={mutationOptions}>
            <WhenLoaded>
              <DialogForm onClose={onClose} saveLabel="Save changes">{children}</DialogForm>
            </WhenLoaded>
          </EditBase>
        )
      ) : null}
      </RecordContextProvider>
    </Dialog>
  );
}
