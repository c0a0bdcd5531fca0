// A District viewer's district on the portal: how many accounts serve it, the first customer
// accounts by name, and the lists filtered to it (the filter can be cleared there).
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useGetList, type RaRecord } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { DISTRICTS } from '../../../config/districts';
import { StatusChip } from './StatusChip';
import { AccountTable } from './AccountTable';

const SHOWN = 10;

export function districtName(code: string): string {
  const d = DISTRICTS.find((x) => x.code === code);
  return d ? `${d.name} (${d.headquarters})` : `District ${code}`;
}

const listOf = (resource: string, district: string) => `/${resource}?filter=${encodeURIComponent(JSON.stringify({ district }))}`;

export function DistrictAccounts({ district }: { district: string }) {
  const customers = useGetList<RaRecord>('customers', { filter: { district }, sort: { field: 'name', order: 'ASC' }, pagination: { page: 1, perPage: SHOWN } });
  const billing = useGetList<RaRecord>('billing-accounts', { filter: { district }, sort: { field: 'billingName', order: 'ASC' }, pagination: { page: 1, perPage: 1 } });
  if (customers.isPending || billing.isPending) return <Typography color="text.secondary">Loading…</Typography>;
  const count = (n: number | undefined, kind: string) => `${(n ?? 0).toLocaleString('en-US')} ${kind}${n === 1 ? '' : 's'}`;
  return (
    <>
      <Typography sx={{ mb: 1 }}>
        {count(customers.total, 'customer account')} and {count(billing.total, 'billing account')} serve {districtName(district)}.
      </Typography>
      {customers.data && customers.data.length > 0 ? (
        <AccountTable
          label={`Customer accounts in ${districtName(district)}`}
          columns={['Status']}
          rows={customers.data.map((record) => ({ resource: 'customers', record, cells: [<StatusChip key="status" record={record} />] }))}
        />
      ) : null}
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mt: 1 }}>
        <Link component={RouterLink} to={listOf('customers', district)}>All customer accounts in {district}</Link>
        <Link component={RouterLink} to={listOf('billing-accounts', district)}>All billing accounts in {district}</Link>
      </Stack>
    </>
  );
}
