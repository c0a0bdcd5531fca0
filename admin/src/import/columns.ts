// The column layout of the import files, as the importer reads them (server/domain/import.ts).
import type { ImportResource } from './upload';

export interface Column {
  name: string;
  note: string;
}

export const IMPORT_COLUMNS: Record<ImportResource, Column[]> = {
  customers: [
    { name: 'legacyReference', note: 'Required on every row: the account’s reference in the old system. A row with a known reference updates that account.' },
    { name: 'name', note: 'Customer name (required).' },
    { name: 'accountType', note: 'utility or driveway.' },
    { name: 'status', note: 'preliminary, active, suspended, pending_inactivation or inactive.' },
    { name: 'addressLine1', note: 'Street address.' },
    { name: 'addressLine2', note: 'Suite, floor… (optional).' },
    { name: 'city', note: '' },
    { name: 'state', note: 'Two letters, e.g. PA.' },
    { name: 'zip', note: '17101 or 17101-1234.' },
    { name: 'phone', note: '' },
    { name: 'phoneExt', note: 'Optional.' },
    { name: 'email', note: '' },
    { name: 'fein', note: 'Federal Employer Identification Number, 12-3456789.' },
    { name: 'bpid', note: 'Business Partner ID.' },
    { name: 'bpName', note: 'Business partner name.' },
  ],
  'billing-accounts': [
    { name: 'legacyReference', note: 'Required on every row: the billing account’s reference in the old system.' },
    { name: 'customerLegacyReference', note: 'The customer account’s legacy reference…' },
    { name: 'customerAccountNumber', note: '…or its CIMS account number (one of the two).' },
    { name: 'billingName', note: 'Name on the invoices (required).' },
    { name: 'status', note: 'preliminary, active, suspended, pending_inactivation or inactive.' },
    { name: 'addressLine1', note: '' },
    { name: 'addressLine2', note: 'Optional.' },
    { name: 'city', note: '' },
    { name: 'state', note: 'Two letters.' },
    { name: 'zip', note: '' },
    { name: 'permitSystem', note: 'HOP.' },
    { name: 'invoiceMethod', note: 'email or physical.' },
    { name: 'invoiceEmailPrimary', note: 'Required when invoiced by email.' },
    { name: 'invoiceEmailSecondary', note: 'Optional.' },
    { name: 'districts', note: 'District codes separated by “;”, e.g. 08-0;11-0.' },
  ],
};
