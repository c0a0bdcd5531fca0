// The Authorizer's queue: submitted drafts waiting for activation or return.
import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useCreatePath, useGetIdentity, useGetList, type RaRecord } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { RESOURCE_KIND } from '../accounts/labels';

const QUEUE_SIZE = 10;
const SEE_ALL = (resource: string) => `/${resource}?filter=${encodeURIComponent(JSON.stringify({ submitted: 'true' }))}`;

function when(at: unknown): string {
  const d = new Date(String(at));
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });
}

export function AuthorizerQueue() {
  const params = { filter: { submitted: true }, pagination: { page: 1, perPage: QUEUE_SIZE }, sort: { field: 'submittedAt', order: 'ASC' as const } };
  const customers = useGetList<RaRecord>('customers', params);
  const billing = useGetList<RaRecord>('billing-accounts', params);
  const { identity } = useGetIdentity();
  const createPath = useCreatePath();
  if (customers.isPending || billing.isPending) return <Typography>Loading the queue…</Typography>;
  const rows = [
    ...(customers.data ?? []).map((r) => ({ resource: 'customers', record: r, name: String(r.name ?? '') })),
    ...(billing.data ?? []).map((r) => ({ resource: 'billing-accounts', record: r, name: String(r.billingName ?? '') })),
  ];
  if (rows.length === 0) return <Typography color="text.secondary">Nothing is waiting for authorization.</Typography>;
  return (
    <>
    <Typography sx={{ mb: 1 }}>
      {customers.total ?? 0} customer account{customers.total === 1 ? '' : 's'} and {billing.total ?? 0} billing account{billing.total === 1 ? '' : 's'} are waiting, oldest first.{' '}
      <Link component={RouterLink} to={SEE_ALL('customers')}>All waiting customer accounts</Link>
      {' · '}
      <Link component={RouterLink} to={SEE_ALL('billing-accounts')}>All waiting billing accounts</Link>
    </Typography>
    <Table size="small" aria-label="Waiting for authorization">
      <TableHead>
        <TableRow>
          <TableCell>Number</TableCell>
          <TableCell>Name</TableCell>
          <TableCell>Kind</TableCell>
          <TableCell>Submitted</TableCell>
          <TableCell>Note</TableCell>
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
            <TableCell>{when(record.submittedAt)}</TableCell>
            <TableCell>{identity && record.submittedById === identity.id ? 'You submitted it: another Authorizer activates it.' : ''}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
    </>
  );
}
