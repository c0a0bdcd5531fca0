// Register a permit system as an API client (POST /api/api-clients). The answer carries the
// token once; it goes straight to the token dialog and is not kept in any cache.
import { useId, useState, type FormEvent } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import AddIcon from '@mui/icons-material/Add';
import { useDataProvider, useRefresh } from 'react-admin';
import { describeError } from '../accounts/errors';
import { PERMIT_SYSTEM_CHOICES } from '../accounts/labels';
import { TokenDialog } from './TokenDialog';

export function RegisterClientButton() {
  const dataProvider = useDataProvider();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [permitSystem, setPermitSystem] = useState(PERMIT_SYSTEM_CHOICES[0]?.id ?? 'HOP');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [issued, setIssued] = useState<{ name: string; token: string } | null>(null);
  const titleId = useId();

  const close = () => {
    setOpen(false);
    setErrors({});
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setErrors({ name: 'Name the system, e.g. EPS.' });
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      const { data } = await dataProvider.create('api-clients', { data: { name: name.trim(), permitSystem } });
      const token = typeof data.token === 'string' ? data.token : '';
      setIssued({ name: String(data.name ?? name.trim()), token });
      setName('');
      close();
      refresh();
    } catch (error) {
      const body = (error as { body?: { errors?: Record<string, string> } })?.body;
      setErrors(body?.errors && Object.keys(body.errors).length ? body.errors : { root: describeError(error, 'The client could not be registered.') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button size="small" startIcon={<AddIcon />} onClick={() => setOpen(true)}>Register a permit system</Button>
      <Dialog open={open} onClose={close} aria-labelledby={titleId} fullWidth maxWidth="sm">
        <form onSubmit={(e) => void submit(e)} noValidate>
          <DialogTitle id={titleId}>Register a permit system</DialogTitle>
          <DialogContent>
            <DialogContentText sx={{ mb: 2 }}>
              The permit system gets a token to call the CIMS interface. The token is shown once, right after this step.
            </DialogContentText>
            <TextField
              autoFocus
              required
              fullWidth
              label="Name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              error={Boolean(errors.name)}
              helperText={errors.name ?? 'The calling system, e.g. EPS.'}
              slotProps={{ htmlInput: { maxLength: 120 } }}
              sx={{ mb: 2 }}
            />
            <TextField
              select
              fullWidth
              label="Permit system"
              value={permitSystem}
              onChange={(e) => setPermitSystem(e.target.value)}
              error={Boolean(errors.permitSystem)}
              helperText={errors.permitSystem}
            >
              {PERMIT_SYSTEM_CHOICES.map((c) => (
                <MenuItem key={c.id} value={c.id}>{c.name}</MenuItem>
              ))}
            </TextField>
            {errors.root ? <DialogContentText role="alert" color="error" sx={{ mt: 2 }}>{errors.root}</DialogContentText> : null}
          </DialogContent>
          <DialogActions>
            <Button onClick={close}>Cancel</Button>
            <Button type="submit" variant="contained" disabled={busy}>Register and show token</Button>
          </DialogActions>
        </form>
      </Dialog>
      <TokenDialog clientName={issued?.name ?? ''} token={issued ? issued.token : null} onClose={() => setIssued(null)} />
    </>
  );
}
