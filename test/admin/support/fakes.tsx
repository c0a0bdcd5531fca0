// Test doubles for the admin: an in-memory data provider that records its calls, and the real
// authProvider fed with the real CASL rules of a given user.
import { render } from '@testing-library/react';
import { Admin, CustomRoutes, HttpError, memoryStore, Resource, TestMemoryRouter, type Identifier, type RaRecord } from 'react-admin';
import { Route } from 'react-router-dom';
import { defineRulesFor } from '../../../config/abilities';
import type { Role } from '../../../config/vocabulary';
import { buildAuthProvider, type Me } from '../../../admin/src/providers/authProvider';
import type { CimsDataProvider } from '../../../admin/src/providers/dataProvider';
import apiClients from '../../../admin/src/api-clients';
import billingAccounts from '../../../admin/src/billing-accounts';
import customers from '../../../admin/src/customers';
import events from '../../../admin/src/events';
import insurancePolicies from '../../../admin/src/insurance-policies';
import savedSearches from '../../../admin/src/saved-searches';
import users from '../../../admin/src/users';
import { Layout } from '../../../admin/src/Layout';
import { AdvancedSearch } from '../../../admin/src/portal/AdvancedSearch';
import { Portal } from '../../../admin/src/portal/Portal';
import { LoginPage } from '../../../admin/src/LoginPage';

export type Db = Record<string, RaRecord[]>;

export function makeUser(id: number, roles: Role[], district: string | null = null): Me {
  return { id, username: `user${id}`, fullName: `User ${id}`, roles, district, rules: defineRulesFor({ id, roles, district }) };
}

export const MANAGER = makeUser(1, ['account_manager']);
export const AUTHORIZER = makeUser(2, ['authorizer']);
export const VIEWER = makeUser(3, ['district_viewer'], '11-0');
export const ADMINISTRATOR = makeUser(5, ['administrator']);

export function customer(overrides: Partial<RaRecord> = {}): RaRecord {
  return {
    id: 1, accountNumber: '100000009', name: 'City of Centre', accountType: 'utility', status: 'preliminary',
    addressLine1: '8014 Ridge Rd', addressLine2: null, city: 'Centreville', state: 'PA', zip: '17875',
    phone: '717-555-0117', phoneExt: null, email: 'accounts@example.com', fein: '46-9208663', bpid: 'BP608555', bpName: 'CITY OF CENTRE',
    submittedAt: null, submittedById: null, version: 1, createdAt: '2026-12-01T10:00:00Z', updatedAt: '2026-12-01T10:00:00Z',
    ...overrides,
  };
}

export function billingAccount(overrides: Partial<RaRecord> = {}): RaRecord {
  return {
    id: 10, accountNumber: '100000017', customerId: 1, billingName: 'City of Centre — North', status: 'active',
    addressLine1: '8014 Ridge Rd', city: 'Centreville', state: 'PA', zip: '17875', permitSystem: 'HOP', invoiceMethod: 'email',
    invoiceEmailPrimary: 'ap@example.com', invoiceEmailSecondary: null, districts: ['11-0'], suspendedByCustomer: false,
    submittedAt: null, submittedById: null, version: 1, customerName: 'City of Centre', customerAccountNumber: '100000009',
    accountType: 'utility', customerStatus: 'active', ...overrides,
  };
}

function matches(record: RaRecord, filter: Record<string, unknown>): boolean {
  return Object.entries(filter).every(([key, value]) => {
    if (value === undefined || value === '') return true;
    if (key === 'q') {
      const q = String(value).toLowerCase();
      return Object.values(record).some((v) => typeof v === 'string' && v.toLowerCase().includes(q));
    }
    if (key === 'district') return Array.isArray(record.districts) ? record.districts.includes(value) : true;
    if (key === 'submitted') return (value === true || value === 'true') === Boolean(record.submittedAt);
    if (Array.isArray(value)) return value.map(String).includes(String(record[key]));
    return String(record[key]) === String(value);
  });
}

export type FakeDataProvider = CimsDataProvider & { [K in keyof CimsDataProvider]: jest.Mock };

/** An in-memory data provider; every method is a jest.fn so tests can assert on calls. */
export function fakeDataProvider(db: Db, overrides: Partial<Record<keyof CimsDataProvider, jest.Mock>> = {}): FakeDataProvider {
  const table = (resource: string) => (db[resource] ??= []);
  const find = (resource: string, id: Identifier) => {
    const r = table(resource).find((x) => String(x.id) === String(id));
    if (!r) throw new HttpError('Not found', 404, { message: 'Not found' });
    return r;
  };
  const list = (resource: string, params: { filter?: Record<string, unknown>; pagination?: { page: number; perPage: number } }) => {
    const all = table(resource).filter((r) => matches(r, params.filter ?? {}));
    const { page, perPage } = params.pagination ?? { page: 1, perPage: 1000 };
    return { data: all.slice((page - 1) * perPage, page * perPage), total: all.length };
  };
  const provider: FakeDataProvider = {
    getList: jest.fn(async (resource: string, params) => list(resource, params)),
    getOne: jest.fn(async (resource: string, { id }) => ({ data: { ...find(resource, id) } })),
    getMany: jest.fn(async (resource: string, { ids }) => ({ data: table(resource).filter((r) => ids.map(String).includes(String(r.id))) })),
    getManyReference: jest.fn(async (resource: string, params) => list(resource, { ...params, filter: { ...params.filter, [params.target]: params.id } })),
    create: jest.fn(async (resource: string, { data }) => {
      const record = { id: table(resource).length + 100, accountNumber: '100000108', status: 'preliminary', version: 1, ...data };
      table(resource).push(record);
      return { data: record };
    }),
    update: jest.fn(async (resource: string, { id, data }) => {
      const record = find(resource, id);
      Object.assign(record, data, { version: Number(record.version ?? 0) + 1 });
      return { data: { ...record } };
    }),
    updateMany: jest.fn(async () => ({ data: [] })),
    delete: jest.fn(async (resource: string, { id }) => {
      const record = find(resource, id);
      db[resource] = table(resource).filter((r) => r !== record);
      return { data: record };
    }),
    deleteMany: jest.fn(async () => ({ data: [] })),
    action: jest.fn(async (resource: string, id: Identifier) => ({ data: { ...find(resource, id) } })),
    reassign: jest.fn(async ({ ids }: { ids: Identifier[] }) => ({ data: ids.map((id) => find('billing-accounts', id)) })),
    reassignPreview: jest.fn(async (ids: Identifier[]) => ({ data: ids.map((id) => ({ ...find('billing-accounts', id), movable: true, why: null, workInProcess: [] })) })),
    ...overrides,
  } as unknown as FakeDataProvider;
  return provider;
}

export interface RenderOptions {
  user: Me | null;
  db?: Db;
  login?: (path: string, body?: unknown) => Promise<{ status: number; body: unknown }>;
  dataProvider?: FakeDataProvider;
  path: string;
}

/** The real pages and resources inside react-admin, at `path`, signed in as `user`. */
export function renderAdmin({ user, db = {}, dataProvider, path, login }: RenderOptions) {
  const dp = dataProvider ?? fakeDataProvider(db);
  const authProvider = buildAuthProvider(async () => user, login ?? (async () => ({ status: 204, body: null })));
  const utils = render(
    <TestMemoryRouter initialEntries={[path]}>
      <Admin dataProvider={dp} authProvider={authProvider} store={memoryStore()} dashboard={Portal} loginPage={LoginPage} requireAuth disableTelemetry>
        <Resource name="customers" {...customers} />
        <Resource name="billing-accounts" {...billingAccounts} />
        <Resource name="insurance-policies" {...insurancePolicies} />
        <Resource name="users" {...users} />
      </Admin>
    </TestMemoryRouter>,
  );
  return { ...utils, dataProvider: dp, authProvider };
}

/** The whole app as users see it: the menu, every list and page, the portal and advanced search. */
export function renderCims({ user, db = {}, dataProvider, path }: { user: Me; db?: Db; dataProvider?: FakeDataProvider; path: string }) {
  const dp = dataProvider ?? fakeDataProvider(db);
  const authProvider = buildAuthProvider(async () => user, async () => ({ status: 204, body: null }));
  const utils = render(
    <TestMemoryRouter initialEntries={[path]}>
      <Admin dataProvider={dp} authProvider={authProvider} store={memoryStore()} dashboard={Portal} layout={Layout} loginPage={LoginPage} requireAuth disableTelemetry>
        <Resource name="customers" {...customers} />
        <Resource name="billing-accounts" {...billingAccounts} />
        <Resource name="insurance-policies" {...insurancePolicies} />
        <Resource name="users" {...users} />
        <Resource name="saved-searches" {...savedSearches} />
        <Resource name="api-clients" {...apiClients} />
        <Resource name="events" {...events} />
        <CustomRoutes>
          <Route path="/search" element={<AdvancedSearch />} />
        </CustomRoutes>
      </Admin>
    </TestMemoryRouter>,
  );
  return { ...utils, dataProvider: dp };
}
