// Register a permit system as an API client (POST /api/api-clients). The answer carries the
// token once; it goes straight to the token dialog and is not kept in any cache.
import { useState } from 'react';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import AddIcon from '@mui/icons-material/Add';
import { useDataProvider, useRefresh } from 'react-admin';
import { PERMIT_SYSTEM_CHOICES } from '../accounts/labels';
import { NameAndSaveDialog, useNameAndSave } from '../records/NameAndSaveDialog';
import { TokenDialog } from './TokenDialog';

export function RegisterClientButton() {
  const dataProvider = useDataProvider();
  const refresh = useRefresh();
  const naming = useNameAndSave('Name the system, e.g. EPS.');
  const [permitSystem, setPermitSystem] = useState(PERMIT_SYSTEM_CHOICES[0]?.id ?? 'HOP');
  const [busy, setBusy] = useState(false);
  const [issued, setIssued] = useState<{ name: string; token: string } | null>(null);

  const register = async () => {
    const name = naming.takeName();
    if (!name) return;
    setBusy(true);
    try {
      const { data } = await dataProvider.create('api-clients', { data: { name, permitSystem } });
      const token = typeof data.token === 'string' ? data.token : '';
      setIssued({ name: String(data.name ?? name), token });
      naming.saved();
      refresh();
    } catch (error) {
      naming.refused(error, 'The client could not be registered.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <NameAndSaveDialog
        title="Register a permit system"
        icon={<AddIcon />}
        intro="The permit system gets a token to call the CIMS interface. The token is shown once, right after this step."
        nameHint="The calling system, e.g. EPS."
        saveLabel="Register and show token"
        busy={busy}
        naming={naming}
        problem={naming.problems.root}
        onSave={() => void register()}
      >
        <TextField
          select
          fullWidth
          label="Permit system"
          value={permitSystem}
          onChange={(e) => setPermitSystem(e.target.value)}
          error={Boolean(naming.problems.permitSystem)}
          helperText={naming.problems.permitSystem}
        >
          {PERMIT_SYSTEM_CHOICES.map((c) => (
            <MenuItem key={c.id} value={c.id}>{c.name}</MenuItem>
          ))}
        </TextField>
      </NameAndSaveDialog>
      <TokenDialog clientName={issued?.name ?? ''} token={issued ? issued.token : null} onClose={() => setIssued(null)} />
    </>
  );
}
