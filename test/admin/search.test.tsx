// Advanced search, saved searches and the CSV export, per role.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Admin, CustomRoutes, memoryStore, Resource, TestMemoryRouter } from 'react-admin';
import { Route, type Location } from 'react-router-dom';
import apiClients from '../../admin/src/api-clients';
import billingAccounts from '../../admin/src/billing-accounts';
import customers from '../../admin/src/customers';
import events from '../../admin/src/events';
import { ImportPage } from '../../admin/src/import';
import { Layout } from '../../admin/src/Layout';
import { LoginPage } from '../../admin/src/LoginPage';
import { AdvancedSearch } from '../../admin/src/portal/AdvancedSearch';
import { Portal } from '../../admin/src/portal/Portal';
import { buildAuthProvider, type Me } from '../../admin/src/providers/authProvider';
import savedSearches from '../../admin/src/saved-searches';
import users from '../../admin/src/users';
import { billingAccount, customer, fakeDataProvider, makeUser, MANAGER, type Db, type FakeDataProvider } from './support/fakes';

const FIND = { timeout: 5000 };
const ANALYST = makeUser(4, ['analyst']);

function renderCims({ user, db = {}, dataProvider, path }: { user: Me; db?: Db; dataProvider?: FakeDataProvider; path: string }) {
  const dp = dataProvider ?? fakeDataProvider(db);
  const authProvider = buildAuthProvider(async () => user, async () => ({ status: 204, body: null }));
  const location: { current: Location | null } = { current: null };
  render(
    <TestMemoryRouter initialEntries={[path]} locationCallback={(l: Location) => { location.current = l; }}>
      <Admin dataProvider={dp} authProvider={authProvider} store={memoryStore()} dashboard={Portal} layout={Layout} loginPage={LoginPage} requireAuth disableTelemetry>
        <Resource name="customers" {...customers} />
        <Resource name="billing-accounts" {...billingAccounts} />
        <Resource name="users" {...users} />
        <Resource name="saved-searches" {...savedSearches} />
        <Resource name="api-clients" {...apiClients} />
        <Resource name="events" {...events} />
        <CustomRoutes>
          <Route path="/search" element={<AdvancedSearch />} />
          <Route path="/import" element={<ImportPage />} />
        </CustomRoutes>
      </Admin>
    </TestMemoryRouter>,
  );
  return { dataProvider: dp, location };
}

const listQuery = (filter: object, extra = '') => `?filter=${encodeURIComponent(JSON.stringify(filter))}${extra}`;

function twoCustomers(): Db {
  return {
    customers: [
      customer({ status: 'active' }),
      customer({ id: 2, accountNumber: '100000108', name: 'Keystone Power', bpid: 'BP100200', status: 'active' }),
    ],
    'billing-accounts': [
      billingAccount(),
      billingAccount({ id: 11, accountNumber: '100000025', customerId: 2, billingName: 'Keystone Power — Main', customerName: 'Keystone Power', invoiceMethod: 'physical' }),
    ],
    'insurance-policies': [{ id: 5, customerId: 2, insuranceType: 'commercial', policyNumber: 'POL-77', policyExpiresOn: '2027-06-30' }],
  };
}

function callsOf(dp: FakeDataProvider, resource: string) {
  return dp.getList.mock.calls.filter(([r]) => r === resource).map(([, params]) => params);
}

describe('advanced search', () => {
  it('searches both kinds, finding billing accounts through the customer’s BPID, and lists them together', async () => {
    const { dataProvider } = renderCims({ user: MANAGER, db: twoCustomers(), path: '/' });
    await userEvent.click(await screen.findByRole('menuitem', { name: /Advanced search/ }, FIND));
    await userEvent.type(await screen.findByRole('textbox', { name: 'Name' }, FIND), 'Centre');
    await userEvent.type(screen.getByRole('textbox', { name: 'BPID' }), 'BP608555');
    await userEvent.click(screen.getByRole('combobox', { name: 'Status' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Active' }));
    await userEvent.click(screen.getByRole('button', { name: 'Search' }));

    const results = await screen.findByRole('table', { name: 'Advanced search results' }, FIND);
    const customerCalls = callsOf(dataProvider, 'customers');
    expect(customerCalls).toContainEqual(expect.objectContaining({ filter: { q: 'Centre', status: 'active', bpid: 'BP608555' } }));
    // The billing accounts' customer criterion: first the customers, then by customerId.
    expect(customerCalls).toContainEqual(expect.objectContaining({ filter: { bpid: 'BP608555' } }));
    expect(callsOf(dataProvider, 'billing-accounts')).toContainEqual(expect.objectContaining({ filter: { q: 'Centre', status: 'active', customerId: [1] } }));

    const rows = within(results).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(within(rows[0]).getByRole('link', { name: '100000009' })).toHaveAttribute('href', '/customers/1/show');
    expect(within(rows[0]).getByText('Customer account')).toBeInTheDocument();
    expect(within(rows[1]).getByRole('link', { name: '100000017' })).toHaveAttribute('href', '/billing-accounts/10/show');
    expect(within(rows[1]).getByText('Billing account')).toBeInTheDocument();
    expect(within(rows[1]).getByText('Email')).toBeInTheDocument();
    const searched = screen.getByRole('region', { name: 'What was searched' });
    expect(within(searched).getByText(/Customer accounts of the billing accounts — Business Partner ID \(BPID\): BP608555: 1 customer account\./)).toBeInTheDocument();
    expect(within(searched).getByText(/matched through their customer account/)).toBeInTheDocument();
  });

  it('finds customers by their insurance, then the customers by id', async () => {
    const { dataProvider } = renderCims({ user: MANAGER, db: twoCustomers(), path: '/search' });
    await userEvent.click(await screen.findByRole('radio', { name: 'Customer accounts only' }, FIND));
    await userEvent.type(screen.getByRole('textbox', { name: 'Policy number' }), 'POL-77');
    await userEvent.click(screen.getByRole('button', { name: 'Search' }));
    const results = await screen.findByRole('table', { name: 'Advanced search results' }, FIND);
    expect(callsOf(dataProvider, 'insurance-policies')).toEqual([expect.objectContaining({ filter: { policyNumber: 'POL-77' } })]);
    expect(callsOf(dataProvider, 'customers')).toContainEqual(expect.objectContaining({ filter: { id: [2] } }));
    expect(callsOf(dataProvider, 'billing-accounts')).toEqual([]);
    expect(within(results).getByText('Keystone Power')).toBeInTheDocument();
    expect(within(results).queryByText('City of Centre')).not.toBeInTheDocument();
    expect(screen.getByText(/Insurance — Policy number: POL-77: 1 record of 1 customer account\./)).toBeInTheDocument();
  });

  it('says customer accounts were not searched when the invoice method is set', async () => {
    const { dataProvider } = renderCims({ user: MANAGER, db: twoCustomers(), path: '/search' });
    await userEvent.click(await screen.findByRole('combobox', { name: 'Invoice method' }, FIND));
    await userEvent.click(await screen.findByRole('option', { name: 'Physical delivery' }));
    await userEvent.click(screen.getByRole('button', { name: 'Search' }));
    const results = await screen.findByRole('table', { name: 'Advanced search results' }, FIND);
    expect(within(results).getByText('Keystone Power — Main')).toBeInTheDocument();
    expect(within(results).getAllByRole('row')).toHaveLength(2);
    expect(callsOf(dataProvider, 'customers')).toEqual([]);
    expect(callsOf(dataProvider, 'billing-accounts')).toContainEqual(expect.objectContaining({ filter: { invoiceMethod: 'physical' } }));
    expect(screen.getByText(/Customer accounts were not searched: the invoice method is a billing account’s/)).toBeInTheDocument();
  });

  it('says so when nothing matches', async () => {
    renderCims({ user: MANAGER, db: twoCustomers(), path: '/search' });
    await userEvent.type(await screen.findByRole('textbox', { name: 'Name' }, FIND), 'Nowhere Ltd');
    await userEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect(await screen.findByText('No account matches these criteria.', undefined, FIND)).toBeInTheDocument();
  });
});

describe('saved searches', () => {
  it('saves the list’s current filter and sort under a name', async () => {
    const { dataProvider } = renderCims({ user: MANAGER, db: twoCustomers(), path: `/customers${listQuery({ status: 'active' }, '&sort=accountNumber&order=DESC')}` });
    expect(await screen.findByText('Keystone Power', undefined, FIND)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Save this search' }));
    const dialog = await screen.findByRole('dialog', { name: 'Save this search' });
    expect(within(dialog).getByText(/Status: Active/)).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save search' }));
    expect(await within(dialog).findByText('Give the search a name.')).toBeInTheDocument();
    await userEvent.type(within(dialog).getByRole('textbox', { name: /Name/ }), 'Active customers');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save search' }));
    await waitFor(() => expect(dataProvider.create).toHaveBeenCalledWith('saved-searches', expect.objectContaining({
      data: { name: 'Active customers', resource: 'customers', filter: { status: 'active' }, sort: ['accountNumber', 'DESC'], description: null },
    })));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('saves from the billing account list too', async () => {
    const { dataProvider } = renderCims({ user: ANALYST, db: twoCustomers(), path: `/billing-accounts${listQuery({ invoiceMethod: 'physical' })}` });
    expect(await screen.findByText('Keystone Power — Main', undefined, FIND)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Save this search' }));
    const dialog = await screen.findByRole('dialog', { name: 'Save this search' });
    await userEvent.type(within(dialog).getByRole('textbox', { name: /Name/ }), 'Paper invoices');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save search' }));
    await waitFor(() => expect(dataProvider.create).toHaveBeenCalledWith('saved-searches', expect.objectContaining({
      data: expect.objectContaining({ resource: 'billing-accounts', filter: { invoiceMethod: 'physical' }, sort: ['billingName', 'ASC'] }),
    })));
  });

  it('opens a saved search as its list with the saved filter and sort; only the owner may delete it', async () => {
    const db = {
      ...twoCustomers(),
      'saved-searches': [
        { id: 1, name: 'Keystone accounts', resource: 'customers', filter: { status: 'active', bpid: 'BP100200' }, sort: ['name', 'DESC'], description: null, ownerId: 2 },
        { id: 2, name: 'Mine', resource: 'billing-accounts', filter: {}, sort: null, description: 'My own', ownerId: MANAGER.id },
      ],
    };
    const { dataProvider, location } = renderCims({ user: MANAGER, db, path: '/' });
    await userEvent.click(await screen.findByRole('menuitem', { name: /Saved searches/ }, FIND));
    expect(await screen.findByText('Status: Active · Business Partner ID (BPID): BP100200', undefined, FIND)).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Delete' }, FIND)).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: 'Delete' })).toHaveLength(1);
    // A manager may not export.
    expect(screen.queryByRole('link', { name: 'Export' })).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Open Keystone accounts' }));
    await waitFor(() => expect(location.current?.pathname).toBe('/customers'));
    const params = new URLSearchParams(location.current?.search);
    expect(JSON.parse(params.get('filter') ?? '{}')).toEqual({ status: 'active', bpid: 'BP100200' });
    expect(params.get('sort')).toBe('name');
    expect(params.get('order')).toBe('DESC');
    await waitFor(() => expect(dataProvider.getList).toHaveBeenCalledWith('customers', expect.objectContaining({
      filter: { status: 'active', bpid: 'BP100200' }, sort: { field: 'name', order: 'DESC' },
    })), FIND);
    expect(await screen.findByText('Keystone Power', undefined, FIND)).toBeInTheDocument();
    expect(screen.queryByText('City of Centre')).not.toBeInTheDocument();
  });
});

describe('export', () => {
  const realFetch = global.fetch;
  const createObjectURL = jest.fn(() => 'blob:cims-export');
  beforeEach(() => {
    createObjectURL.mockClear();
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  });
  afterEach(() => {
    global.fetch = realFetch;
    jest.restoreAllMocks();
  });

  it('downloads the list’s CSV with its filter and sort, and says how many rows', async () => {
    const csv = '\uFEFFid,name\r\n1,"City of\nCentre"\r\n2,Keystone Power\r\n';
    const fetchMock = jest.fn(async () => new Response(csv, { status: 200, headers: { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename="customers-2026-12-03.csv"' } }));
    global.fetch = fetchMock as unknown as typeof fetch;
    renderCims({ user: ANALYST, db: twoCustomers(), path: `/customers${listQuery({ status: 'active' })}` });
    await userEvent.click(await screen.findByRole('link', { name: 'Export CSV' }, FIND));
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    const url = decodeURIComponent(String((fetchMock.mock.calls[0] as unknown[])[0]));
    expect(url).toContain('/api/customers/export.csv?');
    expect(url).toContain('filter={"status":"active"}');
    expect(url).toContain('sort=["name","ASC"]');
    expect(await screen.findByText('Saved customers-2026-12-03.csv: 2 rows.', undefined, FIND)).toBeInTheDocument();
    expect(createObjectURL).toHaveBeenCalledWith(expect.any(Blob));
  });

  it('says why when the export fails', async () => {
    global.fetch = jest.fn(async () => new Response(JSON.stringify({ message: 'The export is refused for now.' }), { status: 503, headers: { 'Content-Type': 'application/json' } })) as unknown as typeof fetch;
    renderCims({ user: ANALYST, db: twoCustomers(), path: '/billing-accounts' });
    await userEvent.click(await screen.findByRole('link', { name: 'Export CSV' }, FIND));
    expect(await screen.findByRole('alert', undefined, FIND)).toHaveTextContent('The export is refused for now.');
    expect(createObjectURL).not.toHaveBeenCalled();
  });

  it('exports a saved search for an analyst', async () => {
    const fetchMock = jest.fn(async () => new Response('id,name\n1,A\n', { status: 200 }));
    global.fetch = fetchMock as unknown as typeof fetch;
    const db = { 'saved-searches': [{ id: 1, name: 'Paper invoices', resource: 'billing-accounts', filter: { invoiceMethod: 'physical' }, sort: ['billingName', 'DESC'], description: null, ownerId: 9 }] };
    renderCims({ user: ANALYST, db, path: '/saved-searches' });
    await userEvent.click(await screen.findByRole('link', { name: 'Export' }, FIND));
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    const url = decodeURIComponent(String((fetchMock.mock.calls[0] as unknown[])[0]));
    expect(url).toContain('/api/billing-accounts/export.csv?');
    expect(url).toContain('filter={"invoiceMethod":"physical"}');
    expect(url).toContain('sort=["billingName","DESC"]');
    expect(await screen.findByText(/1 rows\./, undefined, FIND)).toBeInTheDocument();
  });

  it('is offered to no account manager', async () => {
    renderCims({ user: MANAGER, db: twoCustomers(), path: '/billing-accounts' });
    expect(await screen.findByText('Keystone Power — Main', undefined, FIND)).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Save this search' }, FIND)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Export CSV' })).not.toBeInTheDocument();
  });
});
