// A filter in the agency's words, e.g. "Status: Active · District served: 11-0", for saved
// searches and for saying what a search looked at.
import {
  ACCOUNT_TYPE_LABELS, INVOICE_METHOD_LABELS, PERMIT_SYSTEM_LABELS, STATUS_LABELS,
  type AccountType, type InvoiceMethod, type PermitSystem, type AccountStatus,
} from '../../../config/vocabulary';
import { fieldLabel } from '../accounts/labels';

const CRITERIA_LABELS: Record<string, string> = {
  q: 'Search text',
  accountNumber: 'Account number',
  district: 'District served',
  submitted: 'Authorization',
  id: 'Among the customer accounts found',
  customerId: 'Of the customer accounts found',
  createdAt_gte: 'Created on or after',
  createdAt_lte: 'Created on or before',
};

function valueLabel(key: string, value: unknown): string {
  if (Array.isArray(value)) {
    if (key === 'id' || key === 'customerId') return value.length.toLocaleString('en-US');
    return value.map((v) => valueLabel(key, v)).join(' or ');
  }
  const text = String(value);
  switch (key) {
    case 'status':
      return STATUS_LABELS[text as AccountStatus] ?? text;
    case 'accountType':
      return ACCOUNT_TYPE_LABELS[text as AccountType] ?? text;
    case 'invoiceMethod':
      return INVOICE_METHOD_LABELS[text as InvoiceMethod] ?? text;
    case 'permitSystem':
      return PERMIT_SYSTEM_LABELS[text as PermitSystem] ?? text;
    case 'insuranceType':
      return ({ commercial: 'Commercial', self: 'Self-insured', both: 'Both' } as Record<string, string>)[text] ?? text;
    case 'submitted':
      return text === 'true' ? 'Waiting for authorization' : 'Not submitted';
    default:
      return key.endsWith('_gte') || key.endsWith('_lte') ? text.slice(0, 10) : text;
  }
}

export function criteriaLabel(key: string): string {
  return CRITERIA_LABELS[key] ?? fieldLabel(key);
}

export function describeCriteria(filter: Record<string, unknown> | null | undefined): string[] {
  return Object.entries(filter ?? {})
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([key, value]) => `${criteriaLabel(key)}: ${valueLabel(key, value)}`);
}

export function describeFilter(filter: Record<string, unknown> | null | undefined): string {
  const parts = describeCriteria(filter);
  return parts.length ? parts.join(' · ') : 'Every account (no filter)';
}
