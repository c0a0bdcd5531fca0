// The work queue on the account portal: submitted accounts, insurance to confirm, and policies,
// securities and agreements expiring within 30, 60 or 90 days, each linking to its customer.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RaRecord } from 'react-admin';
import { addDays, localToday } from '../../admin/src/records/dates';
import { AUTHORIZER, customer, fakeDataProvider, makeUser, MANAGER, renderAdmin, VIEWER, type Db } from './support/fakes';

const FIND = { timeout: 5000 };
jest.setTimeout(60000);
const today = localToday();
const inDays = (n: number) => addDays(today, n);

function queueDb(): Db {
  return {
    customers: [
      customer({ id: 1, accountNumber: '100000009', name: 'City of Centre', status: 'active' }),
      customer({ id: 2, accountNumber: '100000108', name: 'Draft Co', submittedAt: '2026-12-02T09:00:00Z', submittedById: MANAGER.id }),
      customer({ id: 3, accountNumber: '100000207', name: 'Later Gas', status: 'active' }),
    ],
    'billing-accounts': [],
    'insurance-policies': [
      { id: 1, customerId: 1, insuranceType: 'self', confirmationDueOn: inDays(10), policyExpiresOn: null, carrier: null, policyNumber: null },
      { id: 2, customerId: 3, insuranceType: 'commercial', confirmationDueOn: inDays(200), policyExpiresOn: inDays(20), carrier: 'Keystone Mutual', policyNumber: 'KM-3' },
    ],
    securities: [
      { id: 1, customerId: 1, securityType: 'bond', systemNumber: 'B-100', issuerName: 'Penn Surety', amount: '250000.10', expiresOn: inDays(5) },
      { id: 2, customerId: 3, securityType: 'letter_of_credit', systemNumber: 'LC-7', issuerName: 'First Bank', amount: '1000', expiresOn: inDays(45) },
      { id: 3, customerId: 3, securityType: 'bond', systemNumber: 'B-OLD', issuerName: 'Gone Surety', amount: '5', expiresOn: inDays(-3) },
    ],
    agreements: [
      { id: 1, customerId: 3, agreementType: 'Master utility agreement', agreementNumber: 'MUA-9', agreementStatus: 'active', expiresOn: inDays(75) },
    ],
    events: [],
  };
}

/** The fake provider, taught the API's _gte/_lte range filters. */
function rangeProvider(db: Db) {
  const dp = fakeDataProvider(db);
  const base = dp.getList.getMockImplementation()!;
  dp.getList.mockImplementation(async (resource: string, params: { filter?: Record<string, unknown>; pagination: { page: number; perPage: number } }) => {
    const ranges: [string, 'gte' | 'lte', string][] = [];
    const rest: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(params.filter ?? {})) {
      const m = /^(.+)_(gte|lte)$/.exec(key);
      if (m) ranges.push([m[1], m[2] as 'gte' | 'lte', String(value)]);
      else rest[key] = value;
    }
    const all = await base(resource, { ...params, filter: rest, pagination: { page: 1, perPage: 1000 } });
    const data = (all.data as RaRecord[]).filter((r) =>
      ranges.every(([field, op, value]) => typeof r[field] === 'string' && (op === 'gte' ? r[field] >= value : r[field] <= value)),
    );
    return { data, total: data.length };
  });
  return dp;
}

async function table(name: RegExp) {
  return screen.findByRole('table', { name }, FIND);
}

describe('work queue', () => {
  it('shows each section within 30 days, each row linking to its customer’s tab', async () => {
    const dataProvider = rangeProvider(queueDb());
    renderAdmin({ user: MANAGER, dataProvider, path: '/' });

    const waiting = await screen.findByRole('table', { name: 'Waiting for authorization' }, FIND);
    expect(within(waiting).getByText('Draft Co')).toBeInTheDocument();

    const confirmations = await table(/^Insurance confirmations due in the next 30 days/);
    expect(await within(confirmations).findByRole('link', { name: '100000009 — City of Centre' }, FIND)).toHaveAttribute('href', '/customers/1/show/insurance');
    expect(within(confirmations).getByText(inDays(10))).toBeInTheDocument();
    expect(within(confirmations).getByText('In 10 days')).toBeInTheDocument();
    expect(within(confirmations).queryByText(/Later Gas/)).not.toBeInTheDocument();

    const policies = await table(/^Insurance policies expiring in the next 30 days/);
    expect(await within(policies).findByRole('link', { name: '100000207 — Later Gas' }, FIND)).toHaveAttribute('href', '/customers/3/show/insurance');
    expect(within(policies).getByText('Keystone Mutual · policy KM-3')).toBeInTheDocument();

    const securities = await table(/^Securities expiring in the next 30 days/);
    expect(await within(securities).findByRole('link', { name: '100000009 — City of Centre' }, FIND)).toHaveAttribute('href', '/customers/1/show/securities');
    expect(within(securities).getByText('Bond · B-100 · Penn Surety · $250,000.10')).toBeInTheDocument();
    expect(within(securities).queryByText(/LC-7/)).not.toBeInTheDocument();
    expect(within(securities).queryByText(/B-OLD/)).not.toBeInTheDocument();

    expect(await screen.findByText('No agreement expires in the next 30 days.', undefined, FIND)).toBeInTheDocument();

    expect(dataProvider.getList).toHaveBeenCalledWith('securities', expect.objectContaining({ filter: { expiresOn_gte: today, expiresOn_lte: inDays(30) } }));
    expect(dataProvider.getList).toHaveBeenCalledWith('agreements', expect.objectContaining({ filter: { expiresOn_gte: today, expiresOn_lte: inDays(30) } }));
    expect(dataProvider.getList).toHaveBeenCalledWith('insurance-policies', expect.objectContaining({ filter: { confirmationDueOn_lte: inDays(30) } }));
    expect(dataProvider.getList).toHaveBeenCalledWith('insurance-policies', expect.objectContaining({ filter: { policyExpiresOn_gte: today, policyExpiresOn_lte: inDays(30) } }));
  });

  it('widens to 60 and 90 days', async () => {
    const dataProvider = rangeProvider(queueDb());
    renderAdmin({ user: MANAGER, dataProvider, path: '/' });
    await table(/^Securities expiring in the next 30 days/);
    await userEvent.click(screen.getByRole('button', { name: '60 days' }));
    const securities = await table(/^Securities expiring in the next 60 days/);
    expect(await within(securities).findByText(/LC-7/, undefined, FIND)).toBeInTheDocument();
    expect(within(securities).getByText('In 45 days')).toBeInTheDocument();
    expect(screen.getByText('No agreement expires in the next 60 days.')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: '90 days' }));
    const agreements = await table(/^Agreements expiring in the next 90 days/);
    expect(await within(agreements).findByRole('link', { name: '100000207 — Later Gas' }, FIND)).toHaveAttribute('href', '/customers/3/show/agreements');
    expect(within(agreements).getByText('Master utility agreement · MUA-9 · Active')).toBeInTheDocument();
    await waitFor(() => expect(dataProvider.getList).toHaveBeenCalledWith('agreements', expect.objectContaining({ filter: { expiresOn_gte: today, expiresOn_lte: inDays(90) } })));
  });

  it('marks overdue insurance confirmations', async () => {
    const db = queueDb();
    (db['insurance-policies'][0] as RaRecord).confirmationDueOn = inDays(-2);
    renderAdmin({ user: MANAGER, dataProvider: rangeProvider(db), path: '/' });
    const confirmations = await table(/^Insurance confirmations due/);
    expect(await within(confirmations).findByText('Overdue: 2 days ago', undefined, FIND)).toBeInTheDocument();
  });

  it('opens the customer at its tab from a row', async () => {
    renderAdmin({ user: AUTHORIZER, dataProvider: rangeProvider(queueDb()), path: '/' });
    const securities = await table(/^Securities expiring/);
    await userEvent.click(await within(securities).findByRole('link', { name: '100000009 — City of Centre' }, FIND));
    expect(await screen.findByRole('tab', { name: 'Securities', selected: true }, FIND)).toBeInTheDocument();
  });

  // Renewals and confirmations are the Account Managers' and Authorizers' work; a District viewer
  // and an analyst get their own boxes instead (test/admin/portal.test.tsx).
  it.each([
    ['district viewer', VIEWER],
    ['analyst', makeUser(4, ['analyst'])],
  ])('is not in the portal of a %s', async (_name, user) => {
    const dataProvider = rangeProvider(queueDb());
    renderAdmin({ user, dataProvider, path: '/' });
    expect(await screen.findByRole('region', { name: 'Search' }, FIND)).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Work queue' })).not.toBeInTheDocument();
    expect(dataProvider.getList).not.toHaveBeenCalledWith('securities', expect.anything());
  });

  it('is not shown to an administrator, who does not see accounts', async () => {
    const dataProvider = rangeProvider(queueDb());
    renderAdmin({ user: makeUser(5, ['administrator']), dataProvider, path: '/' });
    expect(await screen.findByText(/Manage users and their roles/, undefined, FIND)).toBeInTheDocument();
    expect(screen.queryByText('Work queue')).not.toBeInTheDocument();
    expect(dataProvider.getList).not.toHaveBeenCalledWith('securities', expect.anything());
  });
});
