// Search both kinds of accounts at once: number, name, kind, status, invoice method.
import { useState, type FormEvent } from 'react';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useCreatePath, useGetList, type RaRecord } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { INVOICE_METHOD_LABELS, type InvoiceMethod } from '../../../config/vocabulary';
import { RESOURCE_KIND } from '../accounts/labels';
import { StatusChip } from './StatusChip';

const PER_KIND = 25;

export function AccountSearch() {
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const enabled = q.length > 0;
  const params = { filter: { q }, pagination: { page: 1, perPage: PER_KIND }, sort: { field: 'accountNumber', order: 'ASC' as const } };
  const customers = useGetList<RaRecord>('customers', params, { enabled });
  const billing = useGetList<RaRecord>('billing-accounts', params, { enabled });
  const createPath = useCreatePath();

  const search = (event: FormEvent) => {
    event.preventDefault();
    setQ(text.trim());
  };
  const rows = [
    ...(customers.data ?? []).map((r) => ({ resource: 'customers', record: r, name: String(r.name ?? '') })),
    ...(billing.data ?? []).map((r) => ({ resource: 'billing-accounts', record: r, name: String(r.billingName ?? '') })),
  ];
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
        <Table size="small" aria-label="Search results" sx={{ mt: 2 }}>
          <TableHead>
            <TableRow>
              <TableCell>Number</TableCell>
              <TableCell>Name</TableCell>
              <TableCell>Kind</TableCell>
              <TableCell>Status</TableCell>
              <TableCell>Invoice method</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map(({ resource, record, name }) => (
              <TableRow key={`${resource}-${record.id}`}>
                <TableCell>
                  <Link component={RouterLink} to={createPath({ resource, id: record.id, type: 'show' })}>
                    {String(record.accountNumber ?? '')}
                  </Link>
                </TableCell>
                <TableCell>{name}</TableCell>
                <TableCell>{RESOURCE_KIND[resource]}</TableCell>
                <TableCell><StatusChip record={record} /></TableCell>
                <TableCell>{resource === 'billing-accounts' ? (INVOICE_METHOD_LABELS[record.invoiceMethod as InvoiceMethod] ?? '') : ''}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
      {more ? <Typography variant="body2" color="text.secondary">Showing the first {PER_KIND} of each kind; narrow the search or use the lists.</Typography> : null}
    </div>
  );
}
