// One box to open an account by its number. The check digit catches a mistyped number here,
// before anything is looked up.
import { useId, useState, type FormEvent } from 'react';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useCreatePath, useDataProvider } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { ACCOUNT_NUMBER_MESSAGES, accountNumberProblem } from '../../../config/account-numbers';

export function OpenByNumber() {
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const dataProvider = useDataProvider();
  const navigate = useNavigate();
  const createPath = useCreatePath();
  const inputId = useId();

  const open = async (event: FormEvent) => {
    event.preventDefault();
    const number = value.replace(/[\s-]/g, '');
    const why = accountNumberProblem(number);
    if (why) {
      setProblem(ACCOUNT_NUMBER_MESSAGES[why]);
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      // One sequence numbers both kinds, so the number names exactly one account.
      for (const resource of ['customers', 'billing-accounts'] as const) {
        const { data } = await dataProvider.getList(resource, {
          filter: { accountNumber: number },
          pagination: { page: 1, perPage: 1 },
          sort: { field: 'accountNumber', order: 'ASC' },
        });
        if (data.length > 0) {
          navigate(createPath({ resource, id: data[0].id, type: 'show' }));
          return;
        }
      }
      setProblem(`No account has the number ${number}.`);
    } catch {
      setProblem('The account could not be looked up; try again.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void open(e)} noValidate aria-label="Open an account by number">
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: 'flex-start' }}>
        <TextField
          id={inputId}
          label="Account number"
          value={value}
          onChange={(e) => {
            setValue(e.target.value);
            setProblem(null);
          }}
          error={Boolean(problem)}
          helperText={problem ?? 'Customer or billing account, 9 digits.'}
          slotProps={{ htmlInput: { inputMode: 'numeric', autoComplete: 'off' } }}
          size="small"
        />
        <Button type="submit" variant="contained" disabled={busy}>
          Open
        </Button>
      </Stack>
    </form>
  );
}
