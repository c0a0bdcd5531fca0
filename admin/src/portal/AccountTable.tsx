// A short table of accounts of both kinds on the portal: number (opening the account), name,
// kind, then the columns of the box it is in.
import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useCreatePath, type RaRecord } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { RESOURCE_KIND } from '../accounts/labels';
import type { AccountResource } from '../providers/dataProvider';

export interface AccountTableRow {
  resource: AccountResource;
  record: RaRecord;
  /** One cell per extra column, in order. */
  cells: React.ReactNode[];
}

/** A customer by its name; a billing account by its billing name and its customer's. */
export function accountName(resource: AccountResource, record: RaRecord): string {
  if (resource === 'customers') return String(record.name ?? '');
  const customer = record.customerName ? ` (${String(record.customerName)})` : '';
  return `${String(record.billingName ?? '')}${customer}`;
}

export function AccountTable({ label, columns, rows }: { label: string; columns: string[]; rows: AccountTableRow[] }) {
  const createPath = useCreatePath();
  return (
    <Table size="small" aria-label={label}>
      <TableHead>
        <TableRow>
          <TableCell>Number</TableCell>
          <TableCell>Name</TableCell>
          <TableCell>Kind</TableCell>
          {columns.map((c) => (
            <TableCell key={c}>{c}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map(({ resource, record, cells }) => (
          <TableRow key={`${resource}-${String(record.id)}`}>
            <TableCell>
              <Link component={RouterLink} to={createPath({ resource, id: record.id, type: 'show' })}>
                {String(record.accountNumber ?? '')}
              </Link>
            </TableCell>
            <TableCell>{accountName(resource, record)}</TableCell>
            <TableCell>{RESOURCE_KIND[resource]}</TableCell>
            {cells.map((cell, i) => (
              <TableCell key={columns[i]}>{cell}</TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
