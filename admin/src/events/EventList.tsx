// The audit log, for administrators: every recorded change, newest first, read-only. Other
// roles read an account's history on the account's own page.
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import {
  DateInput, Datagrid, FunctionField, List, ReferenceField, SelectInput, TextField, TextInput, usePermissions,
  type RaRecord,
} from 'react-admin';
import { ACCOUNT_ACTIONS, ACTION_LABELS, statusLabel } from '../../../config/vocabulary';
import { eventActionLabel, RESOURCE_KIND } from '../accounts/labels';
import { changeEntries, changeText, type ChangeLine } from '../records/changes';
import { formatDateTime } from '../records/dates';

const ENTITY_TYPES = ['customers', 'billing-accounts', 'contacts', 'insurance-policies', 'securities', 'agreements', 'attachments', 'notes', 'saved-searches', 'users', 'api-clients'];
const ENTITY_LABELS: Record<string, string> = {
  ...RESOURCE_KIND,
  contacts: 'Contact',
  securities: 'Security',
  agreements: 'Agreement',
  attachments: 'Attachment',
  notes: 'Note',
  'saved-searches': 'Saved search',
  'api-clients': 'API client',
};
export const ENTITY_CHOICES = ENTITY_TYPES.map((id) => ({ id, name: ENTITY_LABELS[id] ?? id }));
export const EVENT_ACTION_CHOICES = [
  { id: 'create', name: 'Created' },
  { id: 'update', name: 'Changed' },
  { id: 'delete', name: 'Deleted' },
  ...ACCOUNT_ACTIONS.map((id) => ({ id, name: ACTION_LABELS[id] })),
  { id: 'reassign', name: 'Moved to another customer' },
  { id: 'reassign_out', name: 'Billing accounts moved out' },
  { id: 'revoke', name: 'Token revoked' },
];

const MORE_ACTIONS: Record<string, string> = { revoke: 'Token revoked' };
const actionLabel = (action: string) => MORE_ACTIONS[action] ?? eventActionLabel(action);
const statusText = (status: string) => (status === 'revoked' ? 'Revoked' : statusLabel(status));

/** The end of the chosen day, so that "to 3 December" includes the 3rd. */
export function endOfDay(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T23:59:59.999Z` : value;
}

const filters = [
  <SelectInput key="entityType" source="entityType" label="Record kind" choices={ENTITY_CHOICES} alwaysOn />,
  <SelectInput key="action" source="action" label="What happened" choices={EVENT_ACTION_CHOICES} alwaysOn />,
  <TextInput key="accountNumber" source="accountNumber" label="Account number" alwaysOn />,
  <DateInput key="at_gte" source="at_gte" label="From" alwaysOn />,
  <DateInput key="at_lte" source="at_lte" label="To (inclusive)" alwaysOn parse={(v: string) => endOfDay(v) ?? null} format={(v: unknown) => (typeof v === 'string' ? v.slice(0, 10) : '')} />,
];

function Changes({ record }: { record: RaRecord }) {
  const entries = changeEntries(record.changes, String(record.entityType ?? ''));
  if (!entries.length) return <span>—</span>;
  const list = (items: ChangeLine[]) => (
    <Box component="ul" sx={{ m: 0, pl: 2 }}>
      {items.map((line) => (
        <li key={line.field}>{changeText(line)}</li>
      ))}
    </Box>
  );
  if (entries.length <= 4) return list(entries);
  // A creation lists every field: keep the row short, open on demand (a native, keyboard-friendly disclosure).
  return (
    <details>
      <summary>{entries.length} fields: {entries.slice(0, 3).map((line) => line.label).join(', ')}…</summary>
      {list(entries)}
    </details>
  );
}

function Empty() {
  return (
    <Box sx={{ p: 3 }}>
      <Typography>No recorded change matches these filters.</Typography>
    </Box>
  );
}

function NotForYou() {
  return (
    <Box sx={{ p: 3 }}>
      <Typography>The audit log is for administrators. An account’s history is on the account’s page.</Typography>
    </Box>
  );
}

export function EventList() {
  const { permissions, isPending } = usePermissions<string[]>();
  if (isPending) return null;
  if (!Array.isArray(permissions) || !permissions.includes('administrator')) return <NotForYou />;
  return (
    <List title="Audit log" filters={filters} sort={{ field: 'at', order: 'DESC' }} empty={false} perPage={50} exporter={false} actions={false}>
      <Datagrid bulkActionButtons={false} rowClick={false} empty={<Empty />}>
        <FunctionField source="at" label="When" render={(r: RaRecord) => formatDateTime(r.at)} />
        <FunctionField source="entityType" label="Record" render={(r: RaRecord) => `${ENTITY_LABELS[String(r.entityType)] ?? String(r.entityType)} #${String(r.entityId ?? '')}`} />
        <TextField source="accountNumber" label="Account number" emptyText="—" />
        <TextField source="customerAccountNumber" label="Customer number" emptyText="—" />
        <FunctionField source="action" label="What happened" render={(r: RaRecord) => actionLabel(String(r.action ?? ''))} />
        <FunctionField source="status" label="Status after" sortable={false} render={(r: RaRecord) => (r.status ? statusText(String(r.status)) : '—')} />
        <ReferenceField source="actorId" reference="users" label="By" link={false} emptyText="System">
          <TextField source="username" />
        </ReferenceField>
        <FunctionField label="Changes" sortable={false} render={(r: RaRecord) => <Changes record={r} />} />
        <TextField source="reason" label="Reason" emptyText="—" sortable={false} />
      </Datagrid>
    </List>
  );
}
