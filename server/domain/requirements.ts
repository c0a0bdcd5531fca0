// What an account must have before an Authorizer can activate it. Pure: takes the facts, returns
// one message per missing item, keyed the way the API names it.
import type { FieldErrors } from '../errors';

export interface CustomerFacts {
  readonly accountType: string;
  readonly addressLine1: string | null;
  readonly city: string | null;
  readonly state: string | null;
  readonly zip: string | null;
  readonly bpid: string | null;
  readonly fein: string | null;
  readonly liveBillingAccounts: number;
  /** Whether the customer's insurance is in force today. */
  readonly insuranceInForce: boolean;
}

const REQUIRED_FOR_UTILITY: readonly [keyof CustomerFacts, string][] = [
  ['addressLine1', 'Address line 1 is required to activate a Utility account.'],
  ['city', 'City is required to activate a Utility account.'],
  ['state', 'State is required to activate a Utility account.'],
  ['zip', 'ZIP code is required to activate a Utility account.'],
  ['bpid', 'The Business Partner ID is required to activate a Utility account.'],
  ['fein', 'The FEIN is required to activate a Utility account.'],
];

export function customerActivationErrors(c: CustomerFacts): FieldErrors {
  const errors: FieldErrors = {};
  if (c.accountType === 'utility') {
    for (const [field, message] of REQUIRED_FOR_UTILITY) if (!c[field]) errors[field] = message;
    if (!c.insuranceInForce) errors.insurance = 'Insurance must be in force to activate a Utility account.';
  }
  if (c.liveBillingAccounts < 1) errors.billingAccounts = 'The account needs at least one billing account.';
  return errors;
}

export interface BillingFacts {
  readonly billingName: string | null;
  readonly addressLine1: string | null;
  readonly city: string | null;
  readonly state: string | null;
  readonly zip: string | null;
  readonly permitSystem: string | null;
  readonly invoiceMethod: string | null;
  readonly invoiceEmailPrimary: string | null;
  readonly districts: readonly string[];
}

export function billingActivationErrors(b: BillingFacts): FieldErrors {
  const errors: FieldErrors = {};
  const need: [keyof BillingFacts, string][] = [
    ['billingName', 'The billing name is required.'],
    ['addressLine1', 'Address line 1 is required, so that invoices can be addressed.'],
    ['city', 'City is required.'],
    ['state', 'State is required.'],
    ['zip', 'ZIP code is required.'],
    ['permitSystem', 'Choose the permit system this account serves.'],
    ['invoiceMethod', 'Choose how invoices are sent.'],
  ];
  for (const [field, message] of need) if (!b[field]) errors[field] = message;
  if (b.invoiceMethod === 'email' && !b.invoiceEmailPrimary) {
    errors.invoiceEmailPrimary = 'Invoices go by email, so a primary invoice email is required.';
  }
  if (b.districts.length === 0) errors.districts = 'Choose at least one district served.';
  return errors;
}

/**
 * Whether a customer must keep a billing account that is Preliminary, Active or Suspended: every
 * Active or Suspended customer, and a Utility customer at any stage between its draft and its end.
 */
export function requiresBillingAccount(customer: { readonly status: string; readonly accountType: string }): boolean {
  if (customer.status === 'active' || customer.status === 'suspended') return true;
  return customer.accountType === 'utility' && customer.status === 'pending_inactivation';
}
