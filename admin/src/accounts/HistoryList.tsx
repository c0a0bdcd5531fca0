// The account's history: every event, newest first, with what changed as "field: before → after".
import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useGetList, useRecordContext, type RaRecord } from 'react-admin';
import { statusLabel } from '../../../config/vocabulary';
import { changeEntries, changeText } from '../records/changes';
import { formatDateTime } from '../records/dates';
import { eventActionLabel, RESOURCE_KIND } from './labels';

export interface HistoryListProps {
  /** customers: every event naming it as parent; billing-accounts: the billing account's own. */
  resource: 'customers' | 'billing-accounts';
  perPage?: number;
}

/** The server's bookkeeping, and ids whose account numbers the event shows instead. */
const HIDDEN_FIELDS: ReadonlySet<string> = new Set([
  'version', 'updatedAt', 'createdAt', 'id', 'accountNumber', 'submittedById', 'suspendedByCustomer',
  'customerId', 'billingAccountId', 'authorId', 'uploadedById', 'ownerId',
]);

/** "Invoice method: Email → Physical delivery", one line per field changed. */
export function changeLines(changes: unknown, resource?: string): string[] {
  return changeEntries(changes, resource, HIDDEN_FIELDS).map(changeText);
}

export function HistoryList({ resource, perPage = 50 }: HistoryListProps) {
  const record = useRecordContext();
  const accountNumber = record?.accountNumber as string | undefined;
  const filter = resource === 'customers' ? { customerAccountNumber: accountNumber } : { accountNumber };
  const { data, total, isPending, error } = useGetList<RaRecord>(
    'events',
    { filter, sort: { field: 'at', order: 'DESC' }, pagination: { page: 1, perPage } },
    { enabled: Boolean(accountNumber) },
  );
  if (!accountNumber) return null;
  if (isPending) return <Typography color="text.secondary">Loading the history…</Typography>;
  if (error) return <Typography color="error">The history could not be loaded.</Typography>;
  if (!data || data.length === 0) return <Typography color="text.secondary">No history yet.</Typography>;
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-label="Account history">
        <TableHead>
          <TableRow>
            <TableCell>When</TableCell>
            <TableCell>What</TableCell>
            {resource === 'customers' ? <TableCell>Record</TableCell> : null}
            <TableCell>Status then</TableCell>
            <TableCell>Parent customer</TableCell>
            <TableCell>Who</TableCell>
            <TableCell>Changes and reason</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {data.map((event) => {
            const lines = event.action === 'create' ? [] : changeLines(event.changes, String(event.entityType));
            return (
              <TableRow key={event.id}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(event.at)}</TableCell>
                <TableCell>{eventActionLabel(String(event.action))}</TableCell>
                {resource === 'customers' ? (
                  <TableCell>
                    {RESOURCE_KIND[String(event.entityType)] ?? String(event.entityType)}
                    {event.accountNumber && event.accountNumber !== accountNumber ? ` ${String(event.accountNumber)}` : ''}
                  </TableCell>
                ) : null}
                <TableCell>{event.status ? statusLabel(String(event.status)) : ''}</TableCell>
                <TableCell>{event.customerAccountNumber ? String(event.customerAccountNumber) : ''}</TableCell>
                <TableCell>{event.actorName ? String(event.actorName) : event.actorId != null ? `User #${String(event.actorId)}` : 'System'}</TableCell>
                <TableCell>
                  {lines.map((line) => (
                    <div key={line}>{line}</div>
                  ))}
                  {event.reason ? <div><strong>Reason:</strong> {String(event.reason)}</div> : null}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {total !== undefined && total > data.length ? (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          Showing the newest {data.length} of {total} events.
        </Typography>
      ) : null}
    </Box>
  );
}
