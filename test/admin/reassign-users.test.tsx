import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ADMINISTRATOR, billingAccount, customer, MANAGER, renderAdmin, VIEWER } from './support/fakes';

const FIND = { timeout: 5000 };

function sellerAndBuyer() {
  return {
    customers: [
      customer({ status: 'active' }),
      customer({ id: 2, accountNumber: '100000108', name: 'Keystone Power Buyer', status: 'active' }),
    ],
    'billing-accounts': [
      billingAccount(),
      billingAccount({ id: 11, accountNumber: '100000025', billingName: 'City of Centre — South', status: 'suspended' }),
      billingAccount({ id: 12, accountNumber: '100000033', billingName: 'City of Centre — Draft', status: 'preliminary' }),
    ],
  };
}

describe('reassign dialog', () => {
  it('offers only Active and Suspended billing accounts, finds the buyer by name and shows the preview', async () => {
    const { dataProvider } = renderAdmin({ user: MANAGER, db: sellerAndBuyer(), path: '/customers/1/show' });
    await userEvent.click(await screen.findByRole('button', { name: 'Reassign billing accounts' }, FIND));
    const dialog = await screen.findByRole('dialog', { name: 'Reassign billing accounts' }, FIND);
    expect(within(dialog).getByRole('checkbox', { name: /100000017/ })).toBeInTheDocument();
    expect(within(dialog).getByRole('checkbox', { name: /100000025/ })).toBeInTheDocument();
    expect(within(dialog).queryByRole('checkbox', { name: /100000033/ })).not.toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('checkbox', { name: /100000017/ }));
    await waitFor(() => expect(dataProvider.reassignPreview).toHaveBeenCalledWith([10]));
    expect(await within(dialog).findByText(/North: can move\./)).toBeInTheDocument();

    const buyer = within(dialog).getByRole('combobox', { name: /Buyer/ });
    await userEvent.type(buyer, 'Keystone');
    // The buyer search sends q, and only same-type customers that can take billing accounts.
    await waitFor(() => expect(dataProvider.getList).toHaveBeenCalledWith(
      'customers',
      expect.objectContaining({ filter: expect.objectContaining({ q: 'Keystone', accountType: 'utility', status: ['preliminary', 'active', 'suspended'] }) }),
    ), FIND);
    await userEvent.click(await screen.findByRole('option', { name: /100000108 — Keystone Power Buyer/ }, FIND));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Move billing accounts' }));
    expect(await within(dialog).findByText('Please give a reason.')).toBeInTheDocument();
    expect(dataProvider.reassign).not.toHaveBeenCalled();
    await userEvent.type(within(dialog).getByRole('textbox', { name: /Reason/ }), 'Sale of the northern territory');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Move billing accounts' }));
    await waitFor(() => expect(dataProvider.reassign).toHaveBeenCalledWith({ ids: [10], customerId: 2, reason: 'Sale of the northern territory' }));
  });

  it('is not offered to a district viewer', async () => {
    renderAdmin({ user: VIEWER, db: sellerAndBuyer(), path: '/customers/1/show' });
    expect(await screen.findByText('City of Centre — South', undefined, FIND)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Reassign billing accounts' })).not.toBeInTheDocument();
  });

  it('offers Reassign on an Active billing account page, with a link to the parent', async () => {
    renderAdmin({ user: MANAGER, db: sellerAndBuyer(), path: '/billing-accounts/10/show' });
    expect(await screen.findByLabelText('Billing account number 100000017', undefined, FIND)).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Reassign' }, FIND)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /100000009 — City of Centre/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete' })).not.toBeInTheDocument();
  });
});

describe('edit form', () => {
  it('offers Delete only for a Preliminary account', async () => {
    renderAdmin({ user: MANAGER, db: { customers: [customer({ status: 'active' })] }, path: '/customers/1' });
    expect(await screen.findByRole('button', { name: 'Save' }, FIND)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete' })).not.toBeInTheDocument();
  });
});

describe('users (administrator)', () => {
  it('lists users with their roles in the agency’s words', async () => {
    const db = { users: [{ id: 3, username: 'district', fullName: 'Dana District-Viewer', roles: ['district_viewer'], district: '11-0', active: true }] };
    renderAdmin({ user: ADMINISTRATOR, db, path: '/users' });
    expect(await screen.findByText('Dana District-Viewer', undefined, FIND)).toBeInTheDocument();
    expect(screen.getByText('Read-only Account Manager (District)')).toBeInTheDocument();
  });

  it('does not send an empty password on edit', async () => {
    const db = { users: [{ id: 3, username: 'district', fullName: 'Dana District-Viewer', roles: ['district_viewer'], district: '11-0', active: true, version: 1 }] };
    const { dataProvider } = renderAdmin({ user: ADMINISTRATOR, db, path: '/users/3' });
    const name = await screen.findByRole('textbox', { name: /Full name/ }, FIND);
    await userEvent.clear(name);
    await userEvent.type(name, 'Dana Viewer');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(dataProvider.update).toHaveBeenCalled());
    const sent = dataProvider.update.mock.calls[0][1].data as Record<string, unknown>;
    expect(sent.fullName).toBe('Dana Viewer');
    expect('password' in sent).toBe(false);
  });

  it('is not in an account manager’s menu', async () => {
    renderAdmin({ user: MANAGER, db: { customers: [] }, path: '/' });
    expect(await screen.findByRole('textbox', { name: 'Account number' }, FIND)).toBeInTheDocument();
    expect(screen.queryByRole('menuitem', { name: /Users/ })).not.toBeInTheDocument();
    expect(await screen.findByRole('menuitem', { name: /Customer accounts/ }, FIND)).toBeInTheDocument();
  });
});
