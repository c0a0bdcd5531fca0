// Search both kinds of accounts at once: number, name, kind, status, invoice method.
import { useState, type FormEvent } from 'react';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { AccountTable, invoiceMethodCell, ownName, useBothKinds } from './AccountTable';
import { StatusChip } from './StatusChip';

const PER_KIND = 25;

export function AccountSearch() {
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const enabled = q.length > 0;
  const params = { filter: { q }, pagination: { page: 1, perPage: PER_KIND }, sort: { field: 'accountNumber', order: 'ASC' as const } };
  const { customers, billing, accounts: rows } = useBothKinds(params, { enabled });

  const search = (event: FormEvent) => {
    event.preventDefault();
    setQ(text.trim());
  };
  const pending = enabled && (customers.isPending || billing.isPending);
  const more = (customers.total ?? 0) > PER_KIND || (billing.total ?? 0) > PER_KIND;

  return (
    <div>
      <form onSubmit={search} role="search" aria-label="Search accounts">
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: 'flex-start' }}>
          <TextField
            label="Search accounts"
            value={text}
            onChange={(e) => setText(e.target.value)}
            helperText="Name, account number, FEIN or BPID"
            size="small"
            sx={{ minWidth: 320 }}
          />
          <Button type="submit" variant="contained">Search</Button>
        </Stack>
      </form>
      {pending ? <Typography sx={{ mt: 2 }}>Searching…</Typography> : null}
      {enabled && !pending && rows.length === 0 ? <Typography sx={{ mt: 2 }}>No account matches “{q}”.</Typography> : null}
      {rows.length > 0 ? (
        <AccountTable
          label="Search results"
          columns={['Status', 'Invoice method']}
          naming={ownName}
          sx={{ mt: 2 }}
          rows={rows.map(({ resource, record }) => ({
            resource,
            record,
            cells: [<StatusChip key="status" record={record} />, invoiceMethodCell(resource, record, '')],
          }))}
        />
      ) : null}
      {more ? <Typography variant="body2" color="text.secondary">Showing the first {PER_KIND} of each kind; narrow the search or use the lists.</Typography> : null}
    </div>
  );
}
