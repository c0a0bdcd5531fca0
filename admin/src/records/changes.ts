// What changed, in the agency's words: each field by its form's label, each value as the pages
// show it (codes as their labels, instants in the reader's time zone, amounts in dollars).
// Shared by the account's history and the administrators' audit log.
import {
  ACCOUNT_TYPE_LABELS, INVOICE_METHOD_LABELS, PERMIT_SYSTEM_LABELS, ROLE_LABELS, STATUS_LABELS,
} from '../../../config/vocabulary';
import { AGREEMENT_STATUS_LABELS } from '../agreements/AgreementInputs';
import { fieldLabel, formatValue } from '../accounts/labels';
import { formatSize } from '../attachments/upload';
import { INSURANCE_TYPE_LABELS } from '../insurance-policies/InsuranceInputs';
import { formatAmount } from '../securities/money';
import { SECURITY_TYPE_LABELS } from '../securities/SecurityInputs';
import { formatDateTime } from './dates';

/** Fields whose stored codes have labels of their own. */
const CODE_LABELS: Record<string, Record<string, string>> = {
  status: STATUS_LABELS,
  accountType: ACCOUNT_TYPE_LABELS,
  invoiceMethod: INVOICE_METHOD_LABELS,
  permitSystem: PERMIT_SYSTEM_LABELS,
  roles: ROLE_LABELS,
  insuranceType: INSURANCE_TYPE_LABELS,
  securityType: SECURITY_TYPE_LABELS,
  agreementStatus: AGREEMENT_STATUS_LABELS,
};

/** An instant as the API writes it (ISO 8601 with a time); calendar days stay as they are. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** One value of `field` as the pages show it. */
export function formatFieldValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return formatValue(value);
  const codes = CODE_LABELS[field];
  if (codes) {
    const label = (v: unknown) => codes[String(v)] ?? String(v);
    return Array.isArray(value) ? (value.length ? value.map(label).join(', ') : formatValue(value)) : label(value);
  }
  if (field === 'amount') return formatAmount(value);
  if (field === 'size') return formatSize(value);
  if (typeof value === 'string' && INSTANT.test(value)) return formatDateTime(value);
  return formatValue(value);
}

export interface ChangeLine {
  field: string;
  label: string;
  before: string;
  after: string;
}

/** The changes of one event, each with its label and both values shown; `hidden` fields left out. */
export function changeEntries(changes: unknown, resource?: string, hidden: ReadonlySet<string> = new Set()): ChangeLine[] {
  if (!changes || typeof changes !== 'object') return [];
  return Object.entries(changes as Record<string, unknown>)
    .filter(([field]) => !hidden.has(field))
    .map(([field, pair]) => {
      const [before, after] = Array.isArray(pair) ? pair : [undefined, pair];
      return { field, label: fieldLabel(field, resource), before: formatFieldValue(field, before), after: formatFieldValue(field, after) };
    });
}

export function changeText(line: ChangeLine): string {
  return `${line.label}: ${line.before} → ${line.after}`;
}
