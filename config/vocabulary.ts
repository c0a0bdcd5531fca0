// The words of the domain, shared by the server (validation) and the admin (labels, choices).
// Codes are what the API speaks; labels are what agency staff read.

export const ROLES = ['account_manager', 'authorizer', 'district_viewer', 'analyst', 'administrator'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = {
  account_manager: 'Account Manager',
  authorizer: 'Authorizer',
  district_viewer: 'Read-only Account Manager (District)',
  analyst: 'Analyst',
  administrator: 'Administrator',
};

export const ACCOUNT_STATUSES = ['preliminary', 'active', 'suspended', 'pending_inactivation', 'inactive'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];
export const STATUS_LABELS: Record<AccountStatus, string> = {
  preliminary: 'Preliminary',
  active: 'Active',
  suspended: 'Suspended',
  pending_inactivation: 'Pending Inactivation',
  inactive: 'Inactive',
};

export function statusLabel(status: string): string {
  return STATUS_LABELS[status as AccountStatus] ?? status;
}

/** Statuses in which a billing account counts towards "at least one billing account". */
export const LIVE_STATUSES: readonly AccountStatus[] = ['preliminary', 'active', 'suspended'];

export const ACCOUNT_TYPES = ['utility', 'driveway'] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];
export const ACCOUNT_TYPE_LABELS: Record<AccountType, string> = { utility: 'Utility', driveway: 'Driveway' };

export const INVOICE_METHODS = ['email', 'physical'] as const;
export type InvoiceMethod = (typeof INVOICE_METHODS)[number];
export const INVOICE_METHOD_LABELS: Record<InvoiceMethod, string> = { email: 'Email', physical: 'Physical delivery' };

/** Permit systems that billing accounts serve; new systems join by adding a code here. */
export const PERMIT_SYSTEMS = ['HOP'] as const;
export type PermitSystem = (typeof PERMIT_SYSTEMS)[number];
export const PERMIT_SYSTEM_LABELS: Record<PermitSystem, string> = { HOP: 'Highway Occupancy Permits (HOP)' };

export const ACCOUNT_ACTIONS = ['submit', 'activate', 'return', 'suspend', 'reinstate', 'inactivate'] as const;
export type AccountAction = (typeof ACCOUNT_ACTIONS)[number];
export const ACTION_LABELS: Record<AccountAction, string> = {
  submit: 'Submit for authorization',
  activate: 'Activate',
  return: 'Return to Account Manager',
  suspend: 'Suspend',
  reinstate: 'Reinstate',
  inactivate: 'Inactivate',
};
/** Actions that must say why. */
export const ACTIONS_WITH_REASON: readonly AccountAction[] = ['return', 'suspend', 'inactivate'];

export const US_STATES = [
  'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'DC', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS', 'KY', 'LA',
  'ME', 'MD', 'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC', 'ND', 'OH', 'OK', 'OR',
  'PA', 'RI', 'SC', 'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY', 'AS', 'GU', 'MP', 'PR', 'VI',
] as const;

/** The longest note, shown as a live counter in the note form. */
export const NOTE_MAX_LENGTH = 4000;
