// The Account Manager's own work on the portal: accounts an Authorizer returned to them, and
// their drafts. Both come from the history (who submitted, who created), then the accounts as
// they stand now, so that one resubmitted or activated since drops out.
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { useGetIdentity, useGetList, type Identifier, type RaRecord } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import type { AccountResource } from '../providers/dataProvider';
import { formatDateTime } from '../records/dates';
import { AccountTable } from './AccountTable';
import { ACCOUNT_RESOURCES, isOpenDraft, refKey, refsOf, returnedTo, type AccountRef, type ReturnedAccount } from './returns';

/** How far back the history is read: enough for a manager's open work, small enough to be quick. */
const EVENTS_READ = 200;
const ALL_DRAFTS = `/customers?filter=${encodeURIComponent(JSON.stringify({ status: 'preliminary', submitted: 'false' }))}`;

function useEvents(filter: Record<string, unknown>, enabled = true) {
  return useGetList<RaRecord>(
    'events',
    { filter, sort: { field: 'id', order: 'DESC' }, pagination: { page: 1, perPage: EVENTS_READ } },
    { enabled },
  );
}

/** The accounts of one kind among `refs` that are still drafts, as they stand now. */
function useDraftsOf(resource: AccountResource, refs: AccountRef[], enabled: boolean) {
  const ids = refs.filter((r) => r.resource === resource).map((r) => r.id);
  const result = useGetList<RaRecord>(
    resource,
    { filter: { id: ids, status: 'preliminary', submitted: false }, sort: { field: 'id', order: 'ASC' }, pagination: { page: 1, perPage: Math.max(ids.length, 1) } },
    { enabled: enabled && ids.length > 0 },
  );
  return { records: (result.data ?? []).filter(isOpenDraft), isPending: ids.length > 0 && enabled && result.isPending };
}

/** The accounts of `refs` that are still drafts, by refKey. */
function useOpenDrafts(refs: AccountRef[], enabled: boolean): { drafts: Map<string, RaRecord>; isPending: boolean } {
  const customers = useDraftsOf('customers', refs, enabled);
  const billing = useDraftsOf('billing-accounts', refs, enabled);
  const drafts = new Map<string, RaRecord>();
  for (const record of customers.records) drafts.set(refKey({ resource: 'customers', id: record.id }), record);
  for (const record of billing.records) drafts.set(refKey({ resource: 'billing-accounts', id: record.id }), record);
  return { drafts, isPending: customers.isPending || billing.isPending };
}

/** The accounts returned to `userId` that are still waiting for them, newest return first. */
export function useReturnedToMe(userId: Identifier | undefined): { rows: (ReturnedAccount & { record: RaRecord })[]; isPending: boolean } {
  const enabled = userId !== undefined;
  const returns = useEvents({ action: 'return', entityType: ACCOUNT_RESOURCES }, enabled);
  const entityIds = [...new Set((returns.data ?? []).map((e) => e.entityId))];
  const submits = useEvents({ action: 'submit', entityType: ACCOUNT_RESOURCES, entityId: entityIds }, enabled && entityIds.length > 0);
  const mine = enabled ? returnedTo(userId, returns.data ?? [], submits.data ?? []) : [];
  const { drafts, isPending } = useOpenDrafts(mine, enabled && mine.length > 0);
  const rows = mine.flatMap((r) => {
    const record = drafts.get(refKey(r));
    return record ? [{ ...r, record }] : [];
  });
  return { rows, isPending: returns.isPending || (entityIds.length > 0 && submits.isPending) || isPending };
}

export function ReturnedToYou() {
  const { identity } = useGetIdentity();
  const { rows, isPending } = useReturnedToMe(identity?.id);
  if (isPending) return <Typography color="text.secondary">Loading…</Typography>;
  if (rows.length === 0) return <Typography color="text.secondary">Nothing has been returned to you.</Typography>;
  return (
    <>
      <Typography sx={{ mb: 1 }}>
        An Authorizer sent {rows.length === 1 ? 'this account' : 'these accounts'} back to you. Fix what the reason says, then submit again.
      </Typography>
      <AccountTable
        label="Returned to you"
        columns={['Returned', 'By', 'Reason']}
        rows={rows.map((r) => ({
          resource: r.resource,
          record: r.record,
          cells: [formatDateTime(r.event.at), String(r.event.actorName ?? ''), String(r.event.reason ?? '')],
        }))}
      />
    </>
  );
}

export function YourDrafts() {
  const { identity } = useGetIdentity();
  const userId = identity?.id;
  const created = useEvents({ action: 'create', entityType: ACCOUNT_RESOURCES, actorId: userId }, userId !== undefined);
  const refs = refsOf(created.data ?? []);
  const { drafts, isPending } = useOpenDrafts(refs, refs.length > 0);
  // Returned accounts are drafts too, but they have their own box above.
  const returned = new Set(useReturnedToMe(userId).rows.map(refKey));
  if (created.isPending || isPending) return <Typography color="text.secondary">Loading…</Typography>;
  const rows = refs.flatMap((ref) => {
    const record = drafts.get(refKey(ref));
    return record && !returned.has(refKey(ref)) ? [{ resource: ref.resource, record, cells: [formatDateTime(record.updatedAt)] }] : [];
  });
  return (
    <>
      {rows.length === 0 ? (
        <Typography color="text.secondary">You have no drafts waiting to be submitted.</Typography>
      ) : (
        <AccountTable label="Your drafts" columns={['Last changed']} rows={rows} />
      )}
      <Typography variant="body2" sx={{ mt: 1 }}>
        <Link component={RouterLink} to={ALL_DRAFTS}>All draft customer accounts</Link>, the team’s included.
      </Typography>
    </>
  );
}
