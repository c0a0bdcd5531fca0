// A short table of accounts of both kinds on the portal: number (opening the account), name,
// kind, then the columns of the box it is in. Also what the boxes share to fill one: both kinds
// fetched at once, and the invoice method cell.
import type { ReactNode } from 'react';
import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { SxProps, Theme } from '@mui/material/styles';
import { useCreatePath, useGetList, type GetListParams, type RaRecord } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { INVOICE_METHOD_LABELS, type InvoiceMethod } from '../../../config/vocabulary';
import { RESOURCE_KIND } from '../accounts/labels';
import type { AccountResource } from '../providers/dataProvider';

export interface AccountTableRow {
  resource: AccountResource;
  record: RaRecord;
  /** One cell per extra column, in order. */
  cells: ReactNode[];
}

/** What the Name column shows for an account. */
export type AccountNaming = (resource: AccountResource, record: RaRecord) => ReactNode;

/** A customer by its name; a billing account by its billing name and its customer's. */
export function accountName(resource: AccountResource, record: RaRecord): string {
  if (resource === 'customers') return String(record.name ?? '');
  const customer = record.customerName ? ` (${String(record.customerName)})` : '';
  return `${String(record.billingName ?? '')}${customer}`;
}

/** A customer by its name; a billing account by its billing name alone. */
export function ownName(resource: AccountResource, record: RaRecord): string {
  return String((resource === 'customers' ? record.name : record.billingName) ?? '');
}

/** A billing account's invoice method in words; `none` for a customer, which has none. */
export function invoiceMethodCell(resource: AccountResource, record: RaRecord, none: string): string {
  return resource === 'billing-accounts' ? (INVOICE_METHOD_LABELS[record.invoiceMethod as InvoiceMethod] ?? '') : none;
}

export interface AccountTableProps {
  label: string;
  columns: string[];
  rows: AccountTableRow[];
  /** The Name column; a billing account with its customer's name unless said otherwise. */
  naming?: AccountNaming;
  sx?: SxProps<Theme>;
}

export function AccountTable({ label, columns, rows, naming = accountName, sx }: AccountTableProps) {
  const createPath = useCreatePath();
  return (
    <Table size="small" aria-label={label} sx={sx}>
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
            <TableCell>{naming(resource, record)}</TableCell>
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

/**
 * Customer and billing accounts asked the same thing at once: each kind's answer (for its total
 * and whether it is pending), and the accounts together, customers first.
 */
export function useBothKinds(params: Partial<GetListParams>, options: { enabled?: boolean } = {}) {
  const customers = useGetList<RaRecord>('customers', params, options);
  const billing = useGetList<RaRecord>('billing-accounts', params, options);
  const accounts: { resource: AccountResource; record: RaRecord }[] = [
    ...(customers.data ?? []).map((record) => ({ resource: 'customers' as const, record })),
    ...(billing.data ?? []).map((record) => ({ resource: 'billing-accounts' as const, record })),
  ];
  return { customers, billing, accounts };
}
