// The Authorizer's queue: submitted drafts waiting for activation or return.
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { useGetIdentity } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { formatDateTime } from '../records/dates';
import { AccountTable, ownName, useBothKinds } from './AccountTable';

const QUEUE_SIZE = 10;
const SEE_ALL = (resource: string) => `/${resource}?filter=${encodeURIComponent(JSON.stringify({ submitted: 'true' }))}`;

export function AuthorizerQueue() {
  const params = { filter: { submitted: true }, pagination: { page: 1, perPage: QUEUE_SIZE }, sort: { field: 'submittedAt', order: 'ASC' as const } };
  const { customers, billing, accounts } = useBothKinds(params);
  const { identity } = useGetIdentity();
  if (customers.isPending || billing.isPending) return <Typography>Loading the queue…</Typography>;
  if (accounts.length === 0) return <Typography color="text.secondary">Nothing is waiting for authorization.</Typography>;
  return (
    <>
      <Typography sx={{ mb: 1 }}>
        {customers.total ?? 0} customer account{customers.total === 1 ? '' : 's'} and {billing.total ?? 0} billing account{billing.total === 1 ? '' : 's'} are waiting, oldest first.{' '}
        <Link component={RouterLink} to={SEE_ALL('customers')}>All waiting customer accounts</Link>
        {' · '}
        <Link component={RouterLink} to={SEE_ALL('billing-accounts')}>All waiting billing accounts</Link>
      </Typography>
      <AccountTable
        label="Waiting for authorization"
        columns={['Submitted', 'Note']}
        naming={ownName}
        rows={accounts.map(({ resource, record }) => ({
          resource,
          record,
          cells: [
            formatDateTime(record.submittedAt),
            // Four eyes: the server refuses to let the one who submitted activate.
            identity && record.submittedById === identity.id ? 'You submitted it: another Authorizer activates it.' : '',
          ],
        }))}
      />
    </>
  );
}
