// The account portal fitted to each role: an Authorizer's queue first; an Account Manager's
// returned accounts and drafts; a District viewer's district; an analyst's saved searches and
// export; administrators' own box.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RaRecord } from 'react-admin';
import { returnedTo } from '../../admin/src/portal/returns';
import { portalSections } from '../../admin/src/portal/sections';
import { ADMINISTRATOR, AUTHORIZER, billingAccount, customer, makeUser, MANAGER, renderAdmin, renderCims, VIEWER, type Db } from './support/fakes';

const FIND = { timeout: 5000 };
jest.setTimeout(60000);
const OTHER_MANAGER = 6;
const ANALYST = makeUser(4, ['analyst']);
const BOTH = makeUser(7, ['account_manager', 'authorizer']);

function ev(id: number, entityType: string, entityId: number, action: string, actorId: number, reason: string | null = null): RaRecord {
  return {
    id, entityType, entityId, action, actorId, reason, actorName: actorId === AUTHORIZER.id ? 'Avery Authorizer' : `User ${actorId}`,
    at: `2026-12-0${Math.min(9, 1 + Math.floor(id / 3))}T15:00:00Z`, accountNumber: null, customerAccountNumber: null, status: 'preliminary', changes: {},
  };
}

/** Drafts and returns of the manager (user 1) and of another manager (user 6), told by their history. */
function portalDb(): Db {
  const draft = (id: number, name: string, extra: Partial<RaRecord> = {}) =>
    customer({ id, accountNumber: `10000${id}000`, name, status: 'preliminary', submittedAt: null, submittedById: null, ...extra });
  return {
    customers: [
      customer({ status: 'active' }),
      draft(2, 'Returned Co'),
      draft(3, 'Returned to a colleague'),
      draft(4, 'Resubmitted Co', { submittedAt: '2026-12-05T10:00:00Z', submittedById: MANAGER.id }),
      draft(5, 'My Draft Co'),
      draft(6, 'A colleague’s draft'),
      draft(7, 'Last submitted by a colleague'),
    ],
    'billing-accounts': [
      billingAccount({ id: 10, accountNumber: '100000017', customerId: 2, billingName: 'Returned Co — Main', customerName: 'Returned Co', status: 'preliminary' }),
      billingAccount({ id: 11, accountNumber: '100000025', customerId: 1, billingName: 'City of Centre — New', status: 'preliminary' }),
    ],
    events: [
      ev(1, 'customers', 2, 'create', MANAGER.id),
      ev(2, 'customers', 2, 'submit', MANAGER.id),
      ev(3, 'billing-accounts', 10, 'submit', MANAGER.id),
      ev(4, 'customers', 2, 'return', AUTHORIZER.id, 'The BPID does not match.'),
      ev(5, 'billing-accounts', 10, 'return', AUTHORIZER.id, 'The BPID does not match.'),
      ev(6, 'customers', 3, 'create', OTHER_MANAGER),
      ev(7, 'customers', 3, 'submit', OTHER_MANAGER),
      ev(8, 'customers', 3, 'return', AUTHORIZER.id, 'Not yours'),
      ev(9, 'customers', 4, 'create', MANAGER.id),
      ev(10, 'customers', 4, 'submit', MANAGER.id),
      ev(11, 'customers', 4, 'return', AUTHORIZER.id, 'Fixed since'),
      ev(12, 'customers', 4, 'submit', MANAGER.id),
      ev(13, 'customers', 5, 'create', MANAGER.id),
      ev(14, 'customers', 6, 'create', OTHER_MANAGER),
      ev(15, 'customers', 7, 'submit', MANAGER.id),
      ev(16, 'customers', 7, 'return', AUTHORIZER.id, 'First return'),
      ev(17, 'customers', 7, 'submit', OTHER_MANAGER),
      ev(18, 'customers', 7, 'return', AUTHORIZER.id, 'Second return'),
      ev(19, 'billing-accounts', 11, 'create', MANAGER.id),
    ],
    'saved-searches': [
      { id: 1, name: 'Paper invoices', resource: 'billing-accounts', filter: { invoiceMethod: 'physical' }, sort: ['billingName', 'DESC'], description: null, ownerId: 9 },
    ],
  };
}

async function sectionTitles(first: string): Promise<string[]> {
  await screen.findByRole('region', { name: first }, FIND);
  return screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent ?? '');
}

describe('which boxes, in which order', () => {
  it.each<[string, Parameters<typeof portalSections>[0], string[]]>([
    ['Account Manager', ['account_manager'], ['returned', 'drafts', 'open', 'submitted', 'dueSoon', 'search']],
    ['Authorizer', ['authorizer'], ['waiting', 'open', 'dueSoon', 'search']],
    ['both', ['account_manager', 'authorizer'], ['waiting', 'returned', 'drafts', 'open', 'dueSoon', 'search']],
    ['District viewer', ['district_viewer'], ['district', 'open', 'search']],
    ['analyst', ['analyst'], ['open', 'search', 'savedSearches', 'export']],
    ['administrator', ['administrator'], ['administration']],
  ])('%s', (_who, roles, keys) => {
    expect(portalSections(roles)).toEqual(keys);
  });
});

describe('returned to whom', () => {
  it('is the one whose submission the latest return undid', () => {
    const db = portalDb();
    const events = db.events;
    const pick = (action: string) => events.filter((e) => e.action === action).reverse();
    const mine = returnedTo(MANAGER.id, pick('return'), pick('submit'));
    // Customer 4 was returned to the manager too, but they submitted it again: the page drops it
    // because it is no longer a draft. Customer 7's last submission was a colleague's.
    expect(mine.map((r) => [r.resource, r.id, r.event.reason])).toEqual([
      ['customers', 4, 'Fixed since'],
      ['billing-accounts', 10, 'The BPID does not match.'],
      ['customers', 2, 'The BPID does not match.'],
    ]);
    expect(returnedTo(OTHER_MANAGER, pick('return'), pick('submit')).map((r) => r.id)).toEqual([7, 3]);
  });
});

describe('Account Manager', () => {
  it('sees what was returned to them, then their drafts, first', async () => {
    renderAdmin({ user: MANAGER, db: portalDb(), path: '/' });
    expect(await sectionTitles('Returned to you')).toEqual(['Returned to you', 'Your drafts', 'Open an account', 'Waiting for an Authorizer', 'Work queue', 'Search']);

    const returned = await screen.findByRole('table', { name: 'Returned to you' }, FIND);
    const rows = within(returned).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[1].textContent)).toEqual(['Returned Co — Main (Returned Co)', 'Returned Co']);
    expect(rows[1]).toHaveTextContent('The BPID does not match.');
    expect(rows[1]).toHaveTextContent('Avery Authorizer');
    expect(within(rows[1]).getByRole('link', { name: '100002000' })).toHaveAttribute('href', '/customers/2/show');
    expect(within(returned).queryByText(/colleague|Resubmitted/)).not.toBeInTheDocument();

    const drafts = await screen.findByRole('table', { name: 'Your drafts' }, FIND);
    const names = within(drafts).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell')[1].textContent);
    expect(names.sort()).toEqual(['City of Centre — New (City of Centre)', 'My Draft Co']);
    const region = screen.getByRole('region', { name: 'Your drafts' });
    expect(within(region).getByRole('link', { name: 'All draft customer accounts' }).getAttribute('href')).toContain(encodeURIComponent('"submitted":"false"'));
  });

  it('is told when nothing came back and nothing is drafted', async () => {
    renderAdmin({ user: MANAGER, db: { customers: [customer({ status: 'active' })], 'billing-accounts': [], events: [] }, path: '/' });
    expect(await screen.findByText('Nothing has been returned to you.', undefined, FIND)).toBeInTheDocument();
    expect(await screen.findByText('You have no drafts waiting to be submitted.', undefined, FIND)).toBeInTheDocument();
  });
});

describe('Authorizer', () => {
  it('sees the accounts waiting for authorization first, and no manager boxes', async () => {
    const db = portalDb();
    (db.customers[3] as RaRecord).submittedById = MANAGER.id;
    renderAdmin({ user: AUTHORIZER, db, path: '/' });
    expect(await sectionTitles('Waiting for your authorization')).toEqual(['Waiting for your authorization', 'Open an account', 'Work queue', 'Search']);
    const queue = await screen.findByRole('table', { name: 'Waiting for authorization' }, FIND);
    expect(within(queue).getByText('Resubmitted Co')).toBeInTheDocument();
  });

  it('who is also an Account Manager sees the queue first, then their own work', async () => {
    renderAdmin({ user: BOTH, db: portalDb(), path: '/' });
    expect(await sectionTitles('Waiting for your authorization')).toEqual(['Waiting for your authorization', 'Returned to you', 'Your drafts', 'Open an account', 'Work queue', 'Search']);
  });
});

describe('District viewer', () => {
  it('sees their district’s accounts, with the lists filtered to it', async () => {
    const db = portalDb();
    const { dataProvider } = renderAdmin({ user: VIEWER, db, path: '/' });
    expect(await sectionTitles('Accounts in District 11-0 (Bridgeville)')).toEqual(['Accounts in District 11-0 (Bridgeville)', 'Open an account', 'Search']);
    const region = screen.getByRole('region', { name: 'Accounts in District 11-0 (Bridgeville)' });
    expect(await within(region).findByRole('table', { name: 'Customer accounts in District 11-0 (Bridgeville)' }, FIND)).toBeInTheDocument();
    expect(dataProvider.getList).toHaveBeenCalledWith('customers', expect.objectContaining({ filter: { district: '11-0' } }));
    expect(dataProvider.getList).toHaveBeenCalledWith('billing-accounts', expect.objectContaining({ filter: { district: '11-0' } }));
    expect(within(region).getByText(/serve District 11-0 \(Bridgeville\)\./)).toBeInTheDocument();
    await userEvent.click(within(region).getByRole('link', { name: 'All billing accounts in 11-0' }));
    await waitFor(() => expect(dataProvider.getList).toHaveBeenCalledWith('billing-accounts', expect.objectContaining({ filter: { district: '11-0' }, pagination: expect.objectContaining({ perPage: 10 }) })));
  });
});

describe('analyst', () => {
  it('sees search, the saved searches and the export', async () => {
    renderCims({ user: ANALYST, db: portalDb(), path: '/' });
    expect(await sectionTitles('Search')).toEqual(['Open an account', 'Search', 'Saved searches', 'Export']);
    expect(screen.getByRole('link', { name: 'Advanced search' })).toHaveAttribute('href', '/search');
    const saved = await screen.findByRole('table', { name: 'Saved searches' }, FIND);
    expect(within(saved).getByRole('link', { name: 'Paper invoices' }).getAttribute('href')).toContain('/billing-accounts?');
    expect(await within(saved).findByRole('link', { name: 'Export Paper invoices' }, FIND)).toHaveAttribute('href', expect.stringContaining('/api/billing-accounts/export.csv?'));
    const exportBox = screen.getByRole('region', { name: 'Export' });
    expect(await within(exportBox).findByRole('link', { name: 'Export all customer accounts' }, FIND)).toHaveAttribute('href', expect.stringContaining('/api/customers/export.csv?'));
    expect(within(exportBox).getByRole('link', { name: 'Export all billing accounts' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Returned to you' })).not.toBeInTheDocument();
  });
});

describe('administrator', () => {
  it('sees the administration box only', async () => {
    const { dataProvider } = renderAdmin({ user: ADMINISTRATOR, db: portalDb(), path: '/' });
    expect(await sectionTitles('Administration')).toEqual(['Administration']);
    expect(dataProvider.getList).not.toHaveBeenCalledWith('events', expect.anything());
  });
});
