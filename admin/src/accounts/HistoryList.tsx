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
import { eventActionLabel, fieldLabel, formatValue, RESOURCE_KIND } from './labels';

export interface HistoryListProps {
  /** customers: every event naming it as parent; billing-accounts: the billing account's own. */
  resource: 'customers' | 'billing-accounts';
  perPage?: number;
}

const HIDDEN_FIELDS = new Set(['version', 'updatedAt', 'createdAt', 'id', 'accountNumber', 'submittedById', 'suspendedByCustomer']);

export function changeLines(changes: unknown): string[] {
  if (!changes || typeof changes !== 'object') return [];
  return Object.entries(changes as Record<string, unknown>)
    .filter(([field]) => !HIDDEN_FIELDS.has(field))
    .map(([field, pair]) => {
      const [before, after] = Array.isArray(pair) ? pair : [undefined, pair];
      return `${fieldLabel(field)}: ${formatValue(before)} → ${formatValue(after)}`;
    });
}

function when(at: unknown): string {
  const d = new Date(String(at));
  return Number.isNaN(d.getTime()) ? String(at ?? '') : d.toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });
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
            const lines = event.action === 'create' ? [] : changeLines(event.changes);
            return (
              <TableRow key={event.id}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{when(event.at)}</TableCell>
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
