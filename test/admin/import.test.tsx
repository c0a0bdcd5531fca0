// Loading accounts from a CSV file, for Account Managers: the dry run, the refused rows, the report.
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { File as NodeFile } from 'node:buffer';
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
import { fakeDataProvider, makeUser, MANAGER, type Db, type FakeDataProvider } from './support/fakes';

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


/** A stand-in for XMLHttpRequest that records the request and answers when told. */
class FakeXhr {
  static last: FakeXhr | null = null;
  upload: { onprogress: ((e: Partial<ProgressEvent>) => void) | null; onload: (() => void) | null } = { onprogress: null, onload: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  status = 0;
  responseText = '';
  withCredentials = false;
  method = '';
  url = '';
  body: FormData | null = null;
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader() {}
  send(body: FormData) {
    this.body = body;
    FakeXhr.last = this;
  }
  respond(status: number, json: unknown) {
    this.upload.onprogress?.({ loaded: 40, total: 80, lengthComputable: true });
    this.upload.onload?.();
    this.status = status;
    this.responseText = JSON.stringify(json);
    this.onload?.();
  }
}

const realXhr = global.XMLHttpRequest;
beforeEach(() => {
  FakeXhr.last = null;
  (global as unknown as { XMLHttpRequest: unknown }).XMLHttpRequest = FakeXhr;
});
afterEach(() => {
  global.XMLHttpRequest = realXhr;
  jest.restoreAllMocks();
});

const DRY_RUN_REPORT = {
  resource: 'customers', dryRun: true, written: false, rows: 3,
  counts: { created: 1, updated: 1, unchanged: 0, refused: 1 },
  results: [
    { row: 2, legacyReference: 'L-1', outcome: 'created', accountNumber: null, errors: {} },
    { row: 3, legacyReference: 'L-2', outcome: 'updated', accountNumber: '100000009', errors: {} },
    { row: 4, legacyReference: 'L-3', outcome: 'refused', accountNumber: null, errors: { zip: 'A ZIP code has 5 or 9 digits.', name: 'The name is required.' } },
  ],
  fileErrors: [],
};

describe('import (account manager)', () => {
  it('uploads a dry run, shows the counts and the refused rows, and builds the report', async () => {
    renderCims({ user: MANAGER, db: { customers: [] }, path: '/' });
    await userEvent.click(await screen.findByRole('menuitem', { name: /Load accounts/ }, FIND));
    expect(await screen.findByText(/Check the file with a dry run first/, undefined, FIND)).toBeInTheDocument();
    // The column layout is on the page.
    expect(screen.getByLabelText('Header line')).toHaveTextContent('legacyReference,name,accountType,status,addressLine1,addressLine2,city,state,zip,phone,phoneExt,email,fein,bpid,bpName');
    expect(screen.getByRole('checkbox', { name: /Dry run/ })).toBeChecked();

    await userEvent.click(screen.getByRole('button', { name: 'Check the file' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Choose a CSV file to load.');
    expect(FakeXhr.last).toBeNull();

    // Node's File, which the test environment's (Node's) FormData accepts as a file, as a browser's does.
    const file = new NodeFile(['legacyReference,name\nL-1,A\n'], 'customers.csv', { type: 'text/csv' }) as unknown as File;
    await userEvent.upload(screen.getByLabelText('CSV file'), file);
    await userEvent.click(screen.getByRole('button', { name: 'Check the file' }));
    await waitFor(() => expect(FakeXhr.last).not.toBeNull());
    const xhr = FakeXhr.last!;
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe('/api/imports/customers');
    expect(xhr.body?.get('dryRun')).toBe('true');
    expect((xhr.body?.get('file') as File).name).toBe('customers.csv');
    expect(screen.getByLabelText('Upload progress')).toBeInTheDocument();

    act(() => xhr.respond(200, DRY_RUN_REPORT));
    const refused = await screen.findByRole('table', { name: 'Refused rows' }, FIND);
    expect(within(refused).getByText('L-3')).toBeInTheDocument();
    expect(within(refused).getByText('ZIP code: A ZIP code has 5 or 9 digits.')).toBeInTheDocument();
    expect(within(refused).getByText('Name: The name is required.')).toBeInTheDocument();
    expect(within(refused).queryByText('L-1')).not.toBeInTheDocument();
    expect(screen.getByText(/Dry run: 1 of 3 rows would be refused\. Nothing was written\./)).toBeInTheDocument();
    const counts = screen.getByLabelText('Counts');
    expect(within(counts).getByText('Would be created').nextSibling).toHaveTextContent('1');
    expect(within(counts).getByText('Refused').nextSibling).toHaveTextContent('1');

    const blobs: Blob[] = [];
    Object.assign(URL, { createObjectURL: jest.fn((b: Blob) => { blobs.push(b); return 'blob:report'; }), revokeObjectURL: jest.fn() });
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    await userEvent.click(screen.getByRole('button', { name: 'Download report' }));
    expect(blobs).toHaveLength(1);
    const text = await blobs[0].text();
    expect(text).toContain('row,legacyReference,outcome,accountNumber,errors');
    expect(text).toContain('4,L-3,refused,,zip: A ZIP code has 5 or 9 digits.; name: The name is required.');
  });

  it('loads billing accounts for real when the dry run is cleared, and shows a refused file', async () => {
    renderCims({ user: MANAGER, db: {}, path: '/import' });
    await userEvent.click(await screen.findByRole('radio', { name: 'Billing accounts' }, FIND));
    expect(screen.getByLabelText('Header line')).toHaveTextContent('customerLegacyReference,customerAccountNumber,billingName');
    expect(screen.getByText(/separated by “;”/)).toBeInTheDocument();
    await userEvent.upload(screen.getByLabelText('CSV file'), new File(['x'], 'billing.csv', { type: 'text/csv' }));
    await userEvent.click(screen.getByRole('checkbox', { name: /Dry run/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Load the file' }));
    await waitFor(() => expect(FakeXhr.last).not.toBeNull());
    expect(FakeXhr.last!.url).toBe('/api/imports/billing-accounts');
    expect(FakeXhr.last!.body?.get('dryRun')).toBe('false');
    act(() => FakeXhr.last!.respond(422, {
      resource: 'billing-accounts', dryRun: false, written: false, rows: 0,
      counts: { created: 0, updated: 0, unchanged: 0, refused: 0 }, results: [], fileErrors: ['The file has unknown columns: colour.'],
    }));
    expect(await screen.findByText('The file was refused as a whole; nothing was written.', undefined, FIND)).toBeInTheDocument();
    expect(screen.getByText('The file has unknown columns: colour.')).toBeInTheDocument();
  });

  it('says what the server refused', async () => {
    renderCims({ user: MANAGER, db: {}, path: '/import' });
    await userEvent.upload(await screen.findByLabelText('CSV file', undefined, FIND), new File(['x'], 'big.csv', { type: 'text/csv' }));
    await userEvent.click(screen.getByRole('button', { name: 'Check the file' }));
    await waitFor(() => expect(FakeXhr.last).not.toBeNull());
    act(() => FakeXhr.last!.respond(413, { message: 'The file is larger than the limit of 10 MB.' }));
    expect(await screen.findByRole('alert', undefined, FIND)).toHaveTextContent('The file is larger than the limit of 10 MB.');
  });
});

describe('import for other roles', () => {
  it('is not offered to an analyst', async () => {
    renderCims({ user: makeUser(4, ['analyst']), db: { customers: [] }, path: '/' });
    expect(await screen.findByRole('menuitem', { name: /Advanced search/ }, FIND)).toBeInTheDocument();
    expect(screen.queryByRole('menuitem', { name: /Load accounts/ })).not.toBeInTheDocument();
  });

  it('says who may load at its address', async () => {
    renderCims({ user: makeUser(3, ['district_viewer'], '11-0'), db: {}, path: '/import' });
    expect(await screen.findByText('Loading accounts from a file is for Account Managers.', undefined, FIND)).toBeInTheDocument();
    expect(screen.queryByLabelText('CSV file')).not.toBeInTheDocument();
  });
});
