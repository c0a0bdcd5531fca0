/**
 * @jest-environment ./test/admin/records-tz.environment.cjs
 * @jest-environment-options {"timezone": "Pacific/Honolulu"}
 */
// An account's history and the audit log in the agency's words: fields by the labels the forms
// use, codes by their labels, instants in the reader's time zone (here Honolulu, UTC−10).
process.env.TZ = 'Pacific/Honolulu';
/* eslint-disable import/first */
import { screen, within } from '@testing-library/react';
import type { RaRecord } from 'react-admin';
import { changeLines } from '../../admin/src/accounts/HistoryList';
import { ADMINISTRATOR, AUTHORIZER, billingAccount, customer, MANAGER, renderAdmin, renderCims, type Db } from './support/fakes';

const FIND = { timeout: 5000 };
jest.setTimeout(60000);

function event(id: number, overrides: Partial<RaRecord>): RaRecord {
  return {
    id, entityType: 'customers', entityId: 1, action: 'update', accountNumber: '100000009', customerAccountNumber: '100000009',
    status: 'preliminary', actorId: MANAGER.id, actorName: 'Morgan Manager', at: '2026-12-02T09:00:00Z', changes: {}, reason: null, ...overrides,
  };
}

function historyDb(): Db {
  return {
    customers: [customer()],
    'billing-accounts': [billingAccount({ status: 'preliminary' })],
    events: [
      event(1, { changes: { name: ['City of Centre', 'City of Centreville'], fein: ['46-9208663', '46-9208664'], bpid: [null, 'BP608555'] } }),
      event(2, { action: 'submit', changes: { submittedAt: [null, '2026-12-02T09:00:00Z'], submittedById: [null, 1] } }),
      event(3, {
        entityType: 'billing-accounts', entityId: 10, accountNumber: '100000017',
        changes: { invoiceMethod: ['email', 'physical'], permitSystem: [null, 'HOP'], districts: [['11-0'], ['11-0', '12-0']] },
      }),
      event(4, { entityType: 'contacts', entityId: 7, accountNumber: '100000009', changes: { name: ['Dana', 'Dana Whitfield'], mobile: [null, '412-555-0100'], isPrimary: [false, true] } }),
      event(5, { entityType: 'securities', entityId: 8, changes: { amount: ['1000', '250000.1'], securityType: ['bond', 'letter_of_credit'], expiresOn: ['2027-01-31', '2028-01-31'] } }),
      event(6, { action: 'return', actorId: AUTHORIZER.id, actorName: 'Avery Authorizer', changes: { submittedAt: ['2026-12-02T09:00:00Z', null] }, reason: 'The BPID does not match.' }),
    ],
  };
}

describe('account history', () => {
  it('says each change with the form’s label and the value as shown elsewhere, at local times', async () => {
    renderAdmin({ user: MANAGER, db: historyDb(), path: '/customers/1/show/history' });
    const table = await screen.findByRole('table', { name: 'Account history' }, FIND);
    const text = table.textContent ?? '';
    for (const line of [
      'Customer name: City of Centre → City of Centreville',
      'Federal Employer ID (FEIN): 46-9208663 → 46-9208664',
      'Business Partner ID (BPID): (empty) → BP608555',
      // 09:00 UTC is 11 PM the evening before in Honolulu.
      'Submitted: (empty) → Dec 1, 2026, 11:00 PM',
      'Invoice method: Email → Physical delivery',
      'Permit system: (empty) → Highway Occupancy Permits (HOP)',
      'Districts served: 11-0 → 11-0, 12-0',
      'Name: Dana → Dana Whitfield',
      'Mobile: (empty) → 412-555-0100',
      'Primary contact: No → Yes',
      'Amount (dollars): $1,000.00 → $250,000.10',
      'Security type: Bond → Letter of credit',
      'Expires on: 2027-01-31 → 2028-01-31',
      'Submitted: Dec 1, 2026, 11:00 PM → (empty)',
    ]) expect(text).toContain(line);
    // No code, no raw instant, no internal id.
    expect(text).not.toMatch(/invoiceMethod|submittedAt|isPrimary|letter_of_credit|2026-12-02T09|Submitted by/);
    const returned = within(table).getByText('The BPID does not match.').closest('tr')!;
    expect(returned).toHaveTextContent('Dec 1, 2026, 11:00 PM');
    expect(returned).toHaveTextContent('Avery Authorizer');
  });

  it('names a field by its own resource’s form: a customer’s name, a contact’s name', () => {
    expect(changeLines({ name: ['A', 'B'] }, 'customers')).toEqual(['Customer name: A → B']);
    expect(changeLines({ name: ['A', 'B'] }, 'contacts')).toEqual(['Name: A → B']);
    expect(changeLines({ roles: [['analyst'], ['account_manager', 'authorizer']] }, 'users')).toEqual(['Roles: Analyst → Account Manager, Authorizer']);
    expect(changeLines({ customerId: [1, 2], customerAccountNumber: ['100000009', '100000108'] }, 'billing-accounts')).toEqual(['Customer number: 100000009 → 100000108']);
  });
});

describe('audit log', () => {
  it('says changes the same way, for administrators', async () => {
    const db = { ...historyDb(), users: [{ id: MANAGER.id, username: 'manager', fullName: 'Morgan Manager', roles: ['account_manager'], active: true }] };
    renderCims({ user: ADMINISTRATOR, db, path: '/events' });
    const grid = await screen.findByRole('table', undefined, FIND);
    expect(await within(grid).findByText('Invoice method: Email → Physical delivery', undefined, FIND)).toBeInTheDocument();
    expect(within(grid).getAllByText('Submitted: (empty) → Dec 1, 2026, 11:00 PM').length).toBeGreaterThan(0);
    expect(grid.textContent).not.toMatch(/invoiceMethod|2026-12-02T09/);
    // When it happened, in the reader's zone and the same words as the account's history.
    expect(within(grid).getAllByText('Dec 1, 2026, 11:00 PM')).toHaveLength(6);
  });
});
