// A button that opens a short form whose first field is a name, e.g. "Register a permit system"
// or "Save this search": the name is required, the server's refusals show under their fields
// (or below them, for a problem with no field), and Cancel forgets the problems but keeps what
// was typed.
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { describeError } from '../accounts/errors';

/** Problems by field; `root` for one that belongs to no field. */
export type Problems = Record<string, string>;

/** The server's field errors, or else the whole error in words under `root`. */
export function problemsOf(error: unknown, fallback: string): Problems {
  const body = (error as { body?: { errors?: Problems } } | null)?.body;
  return body?.errors && Object.keys(body.errors).length ? body.errors : { root: describeError(error, fallback) };
}

export interface NameAndSave {
  open: boolean;
  name: string;
  setName: (name: string) => void;
  problems: Problems;
  show: () => void;
  close: () => void;
  /** The name as it will be saved; null, and the name field says `missingName`, when it is blank. */
  takeName: () => string | null;
  /** After a save: the dialog closes and starts empty next time. */
  saved: () => void;
  refused: (error: unknown, fallback: string) => void;
}

export function useNameAndSave(missingName: string): NameAndSave {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const close = () => {
    setOpen(false);
    setProblems({});
  };
  return {
    open,
    name,
    setName,
    problems,
    show: () => setOpen(true),
    close,
    takeName: () => {
      const taken = name.trim();
      setProblems(taken ? {} : { name: missingName });
      return taken || null;
    },
    saved: () => {
      setName('');
      close();
    },
    refused: (error, fallback) => setProblems(problemsOf(error, fallback)),
  };
}

export interface NameAndSaveDialogProps {
  /** The button's label and the dialog's title. */
  title: string;
  icon: ReactNode;
  /** What saving does, said first in the dialog. */
  intro: ReactNode;
  /** Under the name field until there is a problem with it. */
  nameHint: string;
  saveLabel: string;
  busy: boolean;
  naming: NameAndSave;
  /** A problem that belongs to no field. */
  problem?: string;
  onSave: () => void;
  /** The fields after the name. */
  children?: ReactNode;
}

export function NameAndSaveDialog({ title, icon, intro, nameHint, saveLabel, busy, naming, problem, onSave, children }: NameAndSaveDialogProps) {
  const titleId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave();
  };
  return (
    <>
      <Button size="small" startIcon={icon} onClick={naming.show}>{title}</Button>
      <Dialog open={naming.open} onClose={naming.close} aria-labelledby={titleId} fullWidth maxWidth="sm">
        <form onSubmit={submit} noValidate>
          <DialogTitle id={titleId}>{title}</DialogTitle>
          <DialogContent>
            <DialogContentText sx={{ mb: 2 }}>{intro}</DialogContentText>
            <TextField
              autoFocus
              required
              fullWidth
              label="Name"
              value={naming.name}
              onChange={(e) => naming.setName(e.target.value)}
              error={Boolean(naming.problems.name)}
              helperText={naming.problems.name ?? nameHint}
              slotProps={{ htmlInput: { maxLength: 120 } }}
              sx={{ mb: 2 }}
            />
            {children}
            {problem ? <DialogContentText role="alert" color="error" sx={{ mt: 2 }}>{problem}</DialogContentText> : null}
          </DialogContent>
          <DialogActions>
            <Button onClick={naming.close}>Cancel</Button>
            <Button type="submit" variant="contained" disabled={busy}>{saveLabel}</Button>
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
}
