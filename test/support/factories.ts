// Accounts in a given state, made through the API as a user would make them.
import type { Agent } from './app';

let n = 0;

export const completeCustomer = () => ({
  name: `Test Utility ${++n}`,
  accountType: 'utility',
  addressLine1: '100 Market St',
  city: 'Harrisburg',
  state: 'PA',
  zip: '17101',
  phone: '717-555-0100',
  email: `ap${n}@utility.example`,
  fein: `25-${String(1000000 + n).slice(-7)}`,
  bpid: `BP${100000 + n}`,
});

export const completeBilling = (customerId: number, extra: Record<string, unknown> = {}) => ({
  customerId,
  billingName: `Billing ${++n}`,
  addressLine1: '100 Market St',
  city: 'Harrisburg',
  state: 'PA',
  zip: '17101',
  invoiceMethod: 'email',
  invoiceEmailPrimary: `invoices${n}@utility.example`,
  permitSystem: 'HOP',
  districts: ['8-0'],
  ...extra,
});

export const insurance = (customerId: number) => ({
  customerId,
  insuranceType: 'commercial',
  carrier: 'Keystone Mutual',
  policyNumber: `P-${++n}`,
  policyExpiresOn: '2099-12-31',
  confirmationDueOn: '2099-04-30',
});

async function ok<T = Record<string, unknown>>(p: Promise<{ status: number; body: T; text: string }>, want: number, what: string): Promise<T> {
  const r = await p;
  if (r.status !== want) throw new Error(`${what}: expected ${want}, got ${r.status} ${r.text}`);
  return r.body;
}

export interface Made {
  customer: Record<string, unknown> & { id: number; accountNumber: string; version: number };
  billing: (Record<string, unknown> & { id: number; accountNumber: string; version: number })[];
}

/** A complete Preliminary customer with `billingCount` billing accounts and insurance. */
export async function draftCustomer(manager: Agent, billingCount = 1, overrides: Record<string, unknown> = {}): Promise<Made> {
  const customer = await ok<Made['customer']>(manager.post('/api/customers').send({ ...completeCustomer(), ...overrides }), 201, 'create customer');
  await ok(manager.post('/api/insurance-policies').send(insurance(customer.id)), 201, 'insurance');
  const billing: Made['billing'] = [];
  for (let i = 0; i < billingCount; i++) billing.push(await ok(manager.post('/api/billing-accounts').send(completeBilling(customer.id)), 201, 'create billing'));
  return { customer, billing };
}

/** An Active customer whose billing accounts are all Active: submitted by `manager`, activated by `authorizer`. */
export async function activeCustomer(manager: Agent, authorizer: Agent, billingCount = 1, overrides: Record<string, unknown> = {}): Promise<Made> {
  const made = await draftCustomer(manager, billingCount, overrides);
  await ok(manager.post(`/api/customers/${made.customer.id}/submit`).send({}), 200, 'submit');
  made.customer = await ok(authorizer.post(`/api/customers/${made.customer.id}/activate`).send({}), 200, 'activate');
  for (const [i, b] of made.billing.entries()) {
    made.billing[i] = await ok(authorizer.post(`/api/billing-accounts/${b.id}/activate`).send({}), 200, 'activate billing');
  }
  return made;
}
