import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpError } from 'react-admin';
import { ACCOUNT_NUMBER_MESSAGES } from '../../config/account-numbers';
import { makeUser, AUTHORIZER, billingAccount, customer, fakeDataProvider, MANAGER, renderAdmin, VIEWER } from './support/fakes';

const FIND = { timeout: 5000 };

async function findAccountPage(number = '100000009') {
  return screen.findByLabelText(`Customer account number ${number}`, undefined, FIND);
}

describe('district viewer', () => {
  it('opens the customer list filtered to their district, with no Create button', async () => {
    const db = { customers: [customer()], 'billing-accounts': [billingAccount()] };
    const { dataProvider } = renderAdmin({ user: VIEWER, db, path: '/customers' });
    expect(await screen.findByText('City of Centre', undefined, FIND)).toBeInTheDocument();
    const call = dataProvider.getList.mock.calls.find(([resource]) => resource === 'customers');
    expect(call?.[1].filter).toEqual({ district: '11-0' });
    expect(screen.queryByRole('link', { name: /create/i })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /export/i })).not.toBeInTheDocument();
  });

  it('opens the billing list filtered to their district too', async () => {
    const db = { customers: [customer()], 'billing-accounts': [billingAccount()] };
    const { dataProvider } = renderAdmin({ user: VIEWER, db, path: '/billing-accounts' });
    expect(await screen.findByText('City of Centre — North', undefined, FIND)).toBeInTheDocument();
    const call = dataProvider.getList.mock.calls.find(([resource]) => resource === 'billing-accounts');
    expect(call?.[1].filter).toEqual({ district: '11-0' });
  });

  it('sees no Edit, Delete or lifecycle buttons on an account', async () => {
    const db = { customers: [customer({ status: 'active' })], 'billing-accounts': [billingAccount()] };
    renderAdmin({ user: VIEWER, db, path: '/customers/1/show' });
    await findAccountPage();
    // Let the billing accounts and history load, so that async access checks have settled.
    expect(await screen.findByText('City of Centre — North', undefined, FIND)).toBeInTheDocument();
    const actions = screen.getByRole('group', { name: 'Account actions' });
    expect(within(actions).queryAllByRole('button')).toHaveLength(0);
    expect(within(actions).queryAllByRole('link')).toHaveLength(0);
    expect(screen.queryByText('Edit')).not.toBeInTheDocument();
    expect(screen.queryByText('Suspend')).not.toBeInTheDocument();
    expect(screen.queryByText('Create billing account')).not.toBeInTheDocument();
  });
});

describe('account manager', () => {
  it('sees Edit, Submit and Delete on a Preliminary customer, not Activate', async () => {
    renderAdmin({ user: MANAGER, db: { customers: [customer()] }, path: '/customers/1/show' });
    await findAccountPage();
    expect(await screen.findByRole('link', { name: 'Edit' }, FIND)).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Submit for authorization' }, FIND)).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Delete' }, FIND)).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Create billing account' }, FIND)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Activate' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Suspend' })).not.toBeInTheDocument();
  });

  it('submits and refreshes', async () => {
    const { dataProvider } = renderAdmin({ user: MANAGER, db: { customers: [customer()] }, path: '/customers/1/show' });
    await userEvent.click(await screen.findByRole('button', { name: 'Submit for authorization' }, FIND));
    await waitFor(() => expect(dataProvider.action).toHaveBeenCalledWith('customers', 1, 'submit', {}));
    await waitFor(() => expect(dataProvider.getOne.mock.calls.filter(([r]) => r === 'customers').length).toBeGreaterThan(1));
  });

  it('must give a reason to suspend', async () => {
    const db = { customers: [customer({ status: 'active' })], 'billing-accounts': [billingAccount()] };
    const { dataProvider } = renderAdmin({ user: MANAGER, db, path: '/customers/1/show' });
    expect(screen.queryByRole('button', { name: 'Delete' })).not.toBeInTheDocument();
    await userEvent.click(await screen.findByRole('button', { name: 'Suspend' }, FIND));
    const dialog = await screen.findByRole('dialog', { name: /Suspend/ }, FIND);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Suspend' }));
    expect(await within(dialog).findByText(/Please give a reason/)).toBeInTheDocument();
    expect(within(dialog).getByRole('textbox', { name: /Reason/ })).toHaveAttribute('aria-invalid', 'true');
    expect(dataProvider.action).not.toHaveBeenCalled();
    await userEvent.type(within(dialog).getByRole('textbox', { name: /Reason/ }), 'Unpaid invoices after dunning');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Suspend' }));
    await waitFor(() =>
      expect(dataProvider.action).toHaveBeenCalledWith('customers', 1, 'suspend', { reason: 'Unpaid invoices after dunning' }),
    );
  });

  it('shows the server’s 422 field error under the input', async () => {
    const db = { customers: [customer()] };
    const dataProvider = fakeDataProvider(db, {
      update: jest.fn(async () => {
        throw new HttpError('Please correct the highlighted fields.', 422, {
          message: 'Please correct the highlighted fields.',
          errors: { zip: 'A ZIP code has 5 or 9 digits (17101 or 17101-1234).' },
        });
      }),
    });
    renderAdmin({ user: MANAGER, dataProvider, path: '/customers/1' });
    const zip = await screen.findByRole('textbox', { name: 'ZIP code' }, FIND);
    await userEvent.clear(zip);
    await userEvent.type(zip, '123');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(dataProvider.update).toHaveBeenCalled());
    expect(dataProvider.update.mock.calls[0][1].data).toMatchObject({ zip: '123', version: 1 });
    const message = await screen.findByText('A ZIP code has 5 or 9 digits (17101 or 17101-1234).', undefined, FIND);
    expect(zip).toHaveAttribute('aria-invalid', 'true');
    expect(zip.getAttribute('aria-describedby')).toContain(message.closest('p')?.id ?? 'missing');
  });

  it('creates a billing account from the customer, copying name and address but not invoice emails', async () => {
    const db = { customers: [customer({ status: 'active' })], 'billing-accounts': [] };
    const source = encodeURIComponent(JSON.stringify({ customerId: 1 }));
    const { dataProvider } = renderAdmin({ user: MANAGER, db, path: `/billing-accounts/create?source=${source}` });
    const copy = await screen.findByRole('button', { name: 'Copy from customer' }, FIND);
    await waitFor(() => expect(copy).toBeEnabled());
    const primary = screen.getByRole('textbox', { name: 'Primary invoice email' });
    await userEvent.type(primary, 'ap@utility.example.com');
    await userEvent.click(copy);
    await waitFor(() => expect(screen.getByRole('textbox', { name: /Billing name/ })).toHaveValue('City of Centre'));
    expect(screen.getByRole('textbox', { name: 'Address line 1' })).toHaveValue('8014 Ridge Rd');
    expect(screen.getByRole('textbox', { name: 'City' })).toHaveValue('Centreville');
    expect(primary).toHaveValue('ap@utility.example.com');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(dataProvider.create).toHaveBeenCalled());
    expect(dataProvider.create.mock.calls[0][1].data).toMatchObject({
      customerId: 1, billingName: 'City of Centre', addressLine1: '8014 Ridge Rd', invoiceEmailPrimary: 'ap@utility.example.com',
      permitSystem: 'HOP', invoiceMethod: 'email', districts: [],
    });
    // Create redirects to the new account's page, which shows its number.
    expect(await screen.findByLabelText('Billing account number 100000108', undefined, FIND)).toBeInTheDocument();
  });
});

describe('authorizer', () => {
  it('sees Activate and Return on an account someone else submitted', async () => {
    const db = { customers: [customer({ submittedAt: '2026-12-02T09:00:00Z', submittedById: MANAGER.id })] };
    renderAdmin({ user: AUTHORIZER, db, path: '/customers/1/show' });
    await findAccountPage();
    expect(await screen.findByRole('button', { name: 'Activate' }, FIND)).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Return to Account Manager' }, FIND)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Edit' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete' })).not.toBeInTheDocument();
  });

  it('does not see Activate on an account they submitted themselves', async () => {
    const db = { customers: [customer({ submittedAt: '2026-12-02T09:00:00Z', submittedById: AUTHORIZER.id })] };
    renderAdmin({ user: AUTHORIZER, db, path: '/customers/1/show' });
    await findAccountPage();
    expect(await screen.findByRole('button', { name: 'Return to Account Manager' }, FIND)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Activate' })).not.toBeInTheDocument();
  });

  it('does not see Activate on a draft that was not submitted', async () => {
    renderAdmin({ user: AUTHORIZER, db: { customers: [customer()] }, path: '/customers/1/show' });
    await findAccountPage();
    expect(await screen.findByText('No history yet.', undefined, FIND)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Activate' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Return to Account Manager' })).not.toBeInTheDocument();
  });

  it('shows activation requirements the server names', async () => {
    const db = { customers: [customer({ submittedAt: '2026-12-02T09:00:00Z', submittedById: MANAGER.id })] };
    const dataProvider = fakeDataProvider(db, {
      action: jest.fn(async () => {
        throw new HttpError('The account cannot be activated yet.', 422, {
          message: 'The account cannot be activated yet.',
          errors: { insurance: 'No insurance in force.', billingAccounts: 'Needs at least one billing account.' },
        });
      }),
    });
    renderAdmin({ user: AUTHORIZER, dataProvider, path: '/customers/1/show' });
    await userEvent.click(await screen.findByRole('button', { name: 'Activate' }, FIND));
    expect(await screen.findByText(/Insurance: No insurance in force\./, undefined, FIND)).toBeInTheDocument();
  });

  it('finds the queue of submitted accounts on the portal', async () => {
    const db = {
      customers: [customer({ submittedAt: '2026-12-02T09:00:00Z', submittedById: MANAGER.id }), customer({ id: 2, accountNumber: '100000108', name: 'Draft Co' })],
      'billing-accounts': [],
    };
    const { dataProvider } = renderAdmin({ user: AUTHORIZER, db, path: '/' });
    const queue = await screen.findByRole('table', { name: 'Waiting for authorization' }, FIND);
    expect(within(queue).getByText('City of Centre')).toBeInTheDocument();
    expect(within(queue).queryByText('Draft Co')).not.toBeInTheDocument();
    expect(dataProvider.getList).toHaveBeenCalledWith('customers', expect.objectContaining({ filter: { submitted: true } }));
  });
});

describe('account portal', () => {
  it('says the check digit is wrong before looking anything up', async () => {
    const { dataProvider } = renderAdmin({ user: MANAGER, db: { customers: [customer()] }, path: '/' });
    const box = await screen.findByRole('textbox', { name: 'Account number' }, FIND);
    await userEvent.type(box, '100000008');
    await userEvent.click(screen.getByRole('button', { name: 'Open' }));
    expect(await screen.findByText(ACCOUNT_NUMBER_MESSAGES.check_digit)).toBeInTheDocument();
    expect(box).toHaveAttribute('aria-invalid', 'true');
    expect(dataProvider.getList).not.toHaveBeenCalledWith('customers', expect.objectContaining({ filter: { accountNumber: '100000008' } }));
  });

  it('says a number has 9 digits', async () => {
    renderAdmin({ user: MANAGER, db: {}, path: '/' });
    await userEvent.type(await screen.findByRole('textbox', { name: 'Account number' }, FIND), '1234');
    await userEvent.click(screen.getByRole('button', { name: 'Open' }));
    expect(await screen.findByText(ACCOUNT_NUMBER_MESSAGES.format)).toBeInTheDocument();
  });

  it('opens a billing account by its number', async () => {
    const db = { customers: [customer()], 'billing-accounts': [billingAccount()] };
    renderAdmin({ user: VIEWER, db, path: '/' });
    await userEvent.type(await screen.findByRole('textbox', { name: 'Account number' }, FIND), '100000017');
    await userEvent.click(screen.getByRole('button', { name: 'Open' }));
    expect(await screen.findByLabelText('Billing account number 100000017', undefined, FIND)).toBeInTheDocument();
  });

  it('searches both kinds of accounts', async () => {
    const db = { customers: [customer()], 'billing-accounts': [billingAccount()] };
    renderAdmin({ user: MANAGER, db, path: '/' });
    await userEvent.type(await screen.findByRole('textbox', { name: 'Search accounts' }, FIND), 'centre');
    await userEvent.click(screen.getByRole('button', { name: 'Search' }));
    const results = await screen.findByRole('table', { name: 'Search results' }, FIND);
    expect(within(results).getByText('Customer account')).toBeInTheDocument();
    expect(within(results).getByText('Billing account')).toBeInTheDocument();
  });
});

describe('login page', () => {
  it('has labelled fields and shows the server’s refusal', async () => {
    const login = jest.fn(async () => ({ status: 401, body: { message: 'The username or password is not correct.' } }));
    renderAdmin({ user: null, db: {}, path: '/login', login });
    await userEvent.type(await screen.findByLabelText(/username/i, undefined, FIND), 'manager');
    await userEvent.type(screen.getByLabelText(/password/i), 'wrong');
    await userEvent.click(screen.getByRole('button', { name: /sign in/i }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The username or password is not correct.');
    expect(login).toHaveBeenCalledWith('/login', { username: 'manager', password: 'wrong' });
  });
});

describe('analyst', () => {
  it('exports the filtered list as CSV; an account manager cannot', async () => {
    const analyst = makeUser(4, ['analyst']);
    const db = { customers: [customer()], 'billing-accounts': [billingAccount()] };
    renderAdmin({ user: analyst, db, path: '/billing-accounts?filter=%7B%22status%22%3A%22active%22%7D' });
    const link = await screen.findByRole('link', { name: 'Export CSV' }, FIND);
    const href = decodeURIComponent(link.getAttribute('href') ?? '');
    expect(href).toContain('/api/billing-accounts/export.csv?');
    expect(href).toContain('filter={"status":"active"}');
    expect(screen.queryByRole('link', { name: /create/i })).not.toBeInTheDocument();
  });

  it('is not offered to an account manager', async () => {
    renderAdmin({ user: MANAGER, db: { customers: [customer()] }, path: '/customers' });
    expect(await screen.findByText('City of Centre', undefined, FIND)).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: /Create customer account/ }, FIND)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Export CSV' })).not.toBeInTheDocument();
  });
});
