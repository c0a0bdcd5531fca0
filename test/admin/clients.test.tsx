// API clients and the audit log, for administrators; neither is offered to other roles.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Admin, CustomRoutes, memoryStore, Resource, TestMemoryRouter } from 'react-admin';
import { Route } from 'react-router-dom';
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
import { ADMINISTRATOR, fakeDataProvider, MANAGER, type Db, type FakeDataProvider } from './support/fakes';

const FIND = { timeout: 5000 };

function renderCims({ user, db = {}, dataProvider, path }: { user: Me; db?: Db; dataProvider?: FakeDataProvider; path: string }) {
  const dp = dataProvider ?? fakeDataProvider(db);
  const authProvider = buildAuthProvider(async () => user, async () => ({ status: 204, body: null }));
  render(
    <TestMemoryRouter initialEntries={[path]}>
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
  return { dataProvider: dp };
}

const EPS = { id: 1, name: 'EPS', permitSystem: 'HOP', active: true, revokedAt: null, lastUsedAt: null, createdAt: '2026-12-01T10:00:00Z', version: 1 };
const OLD = { id: 2, name: 'Old HOP gateway', permitSystem: 'HOP', active: false, revokedAt: '2026-11-01T10:00:00Z', lastUsedAt: '2026-10-30T08:00:00Z', createdAt: '2026-01-01T10:00:00Z', version: 2 };

describe('API clients (administrator)', () => {
  it('lists the clients from the menu, with their state and last use', async () => {
    renderCims({ user: ADMINISTRATOR, db: { 'api-clients': [EPS, OLD], users: [] }, path: '/' });
    await userEvent.click(await screen.findByRole('menuitem', { name: /API clients/ }, FIND));
    const table = await screen.findByRole('table', undefined, FIND);
    expect(await within(table).findByText('EPS', undefined, FIND)).toBeInTheDocument();
    expect(within(table).getByText('Old HOP gateway')).toBeInTheDocument();
    expect(within(table).getByText('Revoked')).toBeInTheDocument();
    expect(within(table).getByText('Never')).toBeInTheDocument();
    // A revoked client offers no Revoke.
    expect(within(table).getByRole('button', { name: 'Revoke EPS' })).toBeInTheDocument();
    expect(within(table).queryByRole('button', { name: 'Revoke Old HOP gateway' })).not.toBeInTheDocument();
  });

  it('shows the new token once, with a copy button and the warning', async () => {
    const db: Db = { 'api-clients': [] };
    const dataProvider = fakeDataProvider(db, {
      create: jest.fn(async (_resource: string, { data }: { data: Record<string, unknown> }) => ({
        data: { ...EPS, id: 9, ...data, token: 'cims_live_5f2b9c0e' },
      })),
    });
    const writeText = jest.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderCims({ user: ADMINISTRATOR, dataProvider, path: '/api-clients' });
    await userEvent.click(await screen.findByRole('button', { name: 'Register a permit system' }, FIND));
    const form = await screen.findByRole('dialog', { name: 'Register a permit system' });
    await userEvent.click(within(form).getByRole('button', { name: 'Register and show token' }));
    expect(await within(form).findByText('Name the system, e.g. EPS.')).toBeInTheDocument();
    expect(dataProvider.create).not.toHaveBeenCalled();
    await userEvent.type(within(form).getByRole('textbox', { name: /Name/ }), 'EPS');
    await userEvent.click(within(form).getByRole('button', { name: 'Register and show token' }));
    await waitFor(() => expect(dataProvider.create).toHaveBeenCalledWith('api-clients', { data: { name: 'EPS', permitSystem: 'HOP' } }));

    const dialog = await screen.findByRole('dialog', { name: 'Token for EPS' }, FIND);
    expect(within(dialog).getByRole('textbox', { name: 'API token' })).toHaveValue('cims_live_5f2b9c0e');
    expect(within(dialog).getByText(/This token will not be shown again/)).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Copy token' }));
    expect(writeText).toHaveBeenCalledWith('cims_live_5f2b9c0e');
    expect(await within(dialog).findByText('Copied to the clipboard.')).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'I have copied the token' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.queryByDisplayValue('cims_live_5f2b9c0e')).not.toBeInTheDocument();
    expect(screen.queryByText('cims_live_5f2b9c0e')).not.toBeInTheDocument();
  });

  it('asks for confirmation before revoking', async () => {
    const db: Db = { 'api-clients': [{ ...EPS }] };
    const dataProvider = fakeDataProvider(db, {
      action: jest.fn(async () => {
        db['api-clients'][0] = { ...EPS, active: false, revokedAt: '2026-12-03T12:00:00Z', version: 2 };
        return { data: db['api-clients'][0] };
      }),
    });
    renderCims({ user: ADMINISTRATOR, dataProvider, path: '/api-clients' });
    await userEvent.click(await screen.findByRole('button', { name: 'Revoke EPS' }, FIND));
    const confirm = await screen.findByRole('dialog', { name: 'Revoke the token of EPS?' }, FIND);
    expect(dataProvider.action).not.toHaveBeenCalled();
    await userEvent.click(within(confirm).getByRole('button', { name: 'Keep it' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(dataProvider.action).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: 'Revoke EPS' }));
    await userEvent.click(within(await screen.findByRole('dialog', { name: 'Revoke the token of EPS?' })).getByRole('button', { name: 'Revoke token' }));
    await waitFor(() => expect(dataProvider.action).toHaveBeenCalledWith('api-clients', 1, 'revoke', {}));
    expect(await screen.findByText('Revoked', undefined, FIND)).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Revoke EPS' })).not.toBeInTheDocument());
  });
});

describe('audit log (administrator)', () => {
  const db: Db = {
    users: [{ id: 1, username: 'manager' }],
    events: [
      { id: 2, entityType: 'customers', entityId: 1, action: 'update', accountNumber: '100000009', customerAccountNumber: '100000009', status: 'active', actorId: 1, at: '2026-12-02T10:00:00Z', changes: { city: ['Centreville', 'Bellefonte'] }, reason: null },
      { id: 1, entityType: 'customers', entityId: 1, action: 'suspend', accountNumber: '100000009', customerAccountNumber: '100000009', status: 'suspended', actorId: 1, at: '2026-12-01T10:00:00Z', changes: {}, reason: 'Unpaid invoices' },
    ],
  };

  it('lists events newest first, with their changes, and filters by what happened', async () => {
    const { dataProvider } = renderCims({ user: ADMINISTRATOR, db, path: '/' });
    await userEvent.click(await screen.findByRole('menuitem', { name: /Audit log/ }, FIND));
    expect(await screen.findByText('City: Centreville → Bellefonte', undefined, FIND)).toBeInTheDocument();
    expect(screen.getByText('Unpaid invoices')).toBeInTheDocument();
    expect(dataProvider.getList).toHaveBeenCalledWith('events', expect.objectContaining({ sort: { field: 'at', order: 'DESC' } }));
    await userEvent.click(screen.getByRole('combobox', { name: 'What happened' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Suspend' }));
    await waitFor(() => expect(dataProvider.getList).toHaveBeenCalledWith('events', expect.objectContaining({ filter: { action: 'suspend' } })), FIND);
    await waitFor(() => expect(screen.queryByText('City: Centreville → Bellefonte')).not.toBeInTheDocument(), FIND);
  });
});

describe('account manager', () => {
  it('gets neither API clients nor the audit log in the menu', async () => {
    renderCims({ user: MANAGER, db: { customers: [], 'billing-accounts': [] }, path: '/' });
    expect(await screen.findByRole('menuitem', { name: /Customer accounts/ }, FIND)).toBeInTheDocument();
    expect(await screen.findByRole('menuitem', { name: /Saved searches/ }, FIND)).toBeInTheDocument();
    expect(screen.queryByRole('menuitem', { name: /API clients/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('menuitem', { name: /Audit log/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('menuitem', { name: /Users/ })).not.toBeInTheDocument();
  });

  it('is told the audit log is for administrators at its address', async () => {
    renderCims({ user: MANAGER, db: { events: [] }, path: '/events' });
    expect(await screen.findByText(/The audit log is for administrators/, undefined, FIND)).toBeInTheDocument();
  });
});
