// Choices and small formatters in the agency's words, built from the shared vocabulary.
import { DISTRICTS } from '../../../config/districts';
import {
  ACCOUNT_STATUSES, ACCOUNT_TYPE_LABELS, ACCOUNT_TYPES, ACTION_LABELS, INVOICE_METHOD_LABELS, INVOICE_METHODS,
  PERMIT_SYSTEM_LABELS, PERMIT_SYSTEMS, ROLE_LABELS, ROLES, STATUS_LABELS, US_STATES, type AccountAction,
} from '../../../config/vocabulary';

export interface Choice {
  id: string;
  name: string;
}

export const STATUS_CHOICES: Choice[] = ACCOUNT_STATUSES.map((id) => ({ id, name: STATUS_LABELS[id] }));
export const ACCOUNT_TYPE_CHOICES: Choice[] = ACCOUNT_TYPES.map((id) => ({ id, name: ACCOUNT_TYPE_LABELS[id] }));
export const INVOICE_METHOD_CHOICES: Choice[] = INVOICE_METHODS.map((id) => ({ id, name: INVOICE_METHOD_LABELS[id] }));
export const PERMIT_SYSTEM_CHOICES: Choice[] = PERMIT_SYSTEMS.map((id) => ({ id, name: PERMIT_SYSTEM_LABELS[id] }));
export const ROLE_CHOICES: Choice[] = ROLES.map((id) => ({ id, name: ROLE_LABELS[id] }));
export const STATE_CHOICES: Choice[] = US_STATES.map((id) => ({ id, name: id }));
export const DISTRICT_CHOICES: Choice[] = DISTRICTS.map((d) => ({ id: d.code, name: `${d.name} (${d.headquarters})` }));
export const SUBMITTED_CHOICES: Choice[] = [
  { id: 'true', name: 'Waiting for authorization' },
  { id: 'false', name: 'Not submitted' },
];

export const RESOURCE_KIND: Record<string, string> = {
  customers: 'Customer account',
  'billing-accounts': 'Billing account',
  'insurance-policies': 'Insurance',
  users: 'User',
};

const EVENT_ACTION_LABELS: Record<string, string> = {
  create: 'Created',
  update: 'Changed',
  delete: 'Deleted',
  reassign: 'Moved to another customer',
  reassign_out: 'Billing accounts moved to another customer',
};

export function eventActionLabel(action: string): string {
  return ACTION_LABELS[action as AccountAction] ?? EVENT_ACTION_LABELS[action] ?? action;
}

/** Every field as the forms label it, so that history, errors and saved searches say the same. */
export const FIELD_LABELS: Record<string, string> = {
  name: 'Name',
  accountNumber: 'Account number',
  accountType: 'Account type',
  addressLine1: 'Address line 1',
  addressLine2: 'Address line 2',
  city: 'City',
  state: 'State',
  zip: 'ZIP code',
  phone: 'Phone',
  phoneExt: 'Extension',
  email: 'Email',
  fein: 'Federal Employer ID (FEIN)',
  bpid: 'Business Partner ID (BPID)',
  bpName: 'Business partner name',
  status: 'Status',
  billingName: 'Billing name',
  customerId: 'Customer account',
  billingAccountId: 'Billing account',
  permitSystem: 'Permit system',
  invoiceMethod: 'Invoice method',
  invoiceEmailPrimary: 'Primary invoice email',
  invoiceEmailSecondary: 'Secondary invoice email',
  districts: 'Districts served',
  submittedAt: 'Submitted',
  submittedById: 'Submitted by',
  suspendedByCustomer: 'Suspended with its customer',
  title: 'Title',
  mobile: 'Mobile',
  isPrimary: 'Primary contact',
  insuranceType: 'Insurance type',
  systemInsuranceId: 'System insurance ID',
  carrier: 'Carrier',
  policyNumber: 'Policy number',
  policyExpiresOn: 'Policy expires on',
  confirmationDueOn: 'Confirmation due on',
  securityType: 'Security type',
  systemNumber: 'System number',
  issuerName: 'Issuer (surety or bank)',
  issuerNumber: 'Issuer number',
  issuerReference: 'Issuer reference',
  amount: 'Amount (dollars)',
  effectiveOn: 'Effective on',
  expiresOn: 'Expires on',
  blanket: 'Blanket security',
  agreementType: 'Agreement type',
  agreementNumber: 'Agreement number',
  agreementStatus: 'Agreement status',
  documentType: 'Document type',
  description: 'Description',
  fileName: 'File',
  mimeType: 'File type',
  size: 'Size',
  sha256: 'Checksum (SHA-256)',
  uploadedById: 'Uploaded by',
  text: 'Note',
  authorId: 'Author',
  username: 'Username',
  fullName: 'Full name',
  roles: 'Roles',
  district: 'District',
  active: 'Active',
  password: 'Password',
  revokedAt: 'Revoked on',
  lastUsedAt: 'Last used',
  legacyReference: 'Legacy reference',
  ownerId: 'Owner',
  filter: 'Filter',
  sort: 'Sort',
  resource: 'List',
  createdAt: 'Created',
  updatedAt: 'Last changed',
  insurance: 'Insurance',
  billingAccounts: 'Billing accounts',
  contacts: 'Contacts',
  reason: 'Reason',
  toCustomer: 'To customer',
  customerAccountNumber: 'Customer number',
};

/** Where one resource's form says it differently: a customer's name is its "Customer name". */
const RESOURCE_FIELD_LABELS: Record<string, Record<string, string>> = {
  customers: { name: 'Customer name' },
  users: { active: 'Active (may sign in)' },
  'saved-searches': { name: 'Name' },
};

export function fieldLabel(field: string, resource?: string): string {
  return (resource ? RESOURCE_FIELD_LABELS[resource]?.[field] : undefined) ?? FIELD_LABELS[field] ?? field;
}

export function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  if (Array.isArray(value)) return value.length ? value.map(String).join(', ') : '(none)';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'object') return JSON.stringify(value);
  if (typeof value === 'string' && value in STATUS_LABELS) return STATUS_LABELS[value as keyof typeof STATUS_LABELS];
  return String(value);
}
