// Keyboard and screen-reader use: every box and group has a name, and a dialog puts the cursor
// in its first field when it opens (and gives focus back to its button when it closes).
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ADMINISTRATOR, AUTHORIZER, billingAccount, customer, MANAGER, renderAdmin, renderCims, type Db } from './support/fakes';

const FIND = { timeout: 5000 };
jest.setTimeout(60000);

function accounts(): Db {
  return {
    customers: [
      customer({ status: 'active' }),
      customer({ id: 2, accountNumber: '100000108', name: 'Keystone Power', status: 'preliminary', submittedAt: '2026-12-02T09:00:00Z', submittedById: MANAGER.id }),
    ],
    'billing-accounts': [billingAccount(), billingAccount({ id: 11, accountNumber: '100000025', billingName: 'City of Centre — South' })],
    'saved-searches': [],
    'api-clients': [],
    events: [],
  };
}

describe('list search boxes', () => {
  it.each([
    ['/customers', 'Search customer accounts', 'customers', 'City of Centre'],
    ['/billing-accounts', 'Search billing accounts', 'billing-accounts', 'City of Centre — North'],
  ])('%s: the q box is named “%s” and searches as one types', async (path, name, resource, shown) => {
    const { dataProvider } = renderAdmin({ user: MANAGER, db: accounts(), path });
    expect(await screen.findByText(shown, undefined, FIND)).toBeInTheDocument();
    const box = screen.getByRole('textbox', { name });
    await userEvent.type(box, 'centre');
    await waitFor(() => expect(dataProvider.getList).toHaveBeenCalledWith(resource, expect.objectContaining({ filter: expect.objectContaining({ q: 'centre' }) })), FIND);
  });
});

describe('invoice method', () => {
  it('is a radio group named “Invoice method”, each choice by its label', async () => {
    renderAdmin({ user: MANAGER, db: accounts(), path: '/billing-accounts/create' });
    const group = await screen.findByRole('radiogroup', { name: 'Invoice method' }, FIND);
    expect(within(group).getByRole('radio', { name: 'Email' })).toBeChecked();
    await userEvent.click(within(group).getByRole('radio', { name: 'Physical delivery' }));
    expect(within(group).getByRole('radio', { name: 'Physical delivery' })).toBeChecked();
  });
});

describe('dialogs put the cursor in their first field', () => {
  /** Opens the dialog with `button`, checks where focus went, closes it with Escape. */
  async function opensOn(button: RegExp | string, dialogName: RegExp | string, first: (dialog: HTMLElement) => HTMLElement) {
    const trigger = await screen.findByRole('button', { name: button }, FIND);
    await userEvent.click(trigger);
    const dialog = await screen.findByRole('dialog', { name: dialogName }, FIND);
    await waitFor(() => expect(first(dialog)).toHaveFocus());
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(trigger).toHaveFocus());
  }
  const reason = (dialog: HTMLElement) => within(dialog).getByRole('textbox', { name: /^Reason/ });

  it('Suspend and Inactivate ask for the reason with the cursor in it', async () => {
    renderAdmin({ user: MANAGER, db: accounts(), path: '/customers/1/show' });
    await opensOn('Suspend', /^Suspend:/, reason);
    await opensOn('Inactivate', /^Inactivate:/, reason);
  });

  it('Return to Account Manager asks for the reason with the cursor in it', async () => {
    renderAdmin({ user: AUTHORIZER, db: accounts(), path: '/customers/2/show' });
    await opensOn('Return to Account Manager', /^Return to Account Manager:/, reason);
  });

  it('Reassign starts on the first billing account to tick', async () => {
    renderAdmin({ user: MANAGER, db: accounts(), path: '/customers/1/show' });
    await opensOn('Reassign billing accounts', 'Reassign billing accounts', (d) => within(d).getAllByRole('checkbox')[0]);
    expect(screen.getByRole('button', { name: 'Reassign billing accounts' })).toBeInTheDocument();
  });

  it('Upload a document starts on the document type', async () => {
    renderAdmin({ user: MANAGER, db: { ...accounts(), attachments: [] }, path: '/customers/1/show/attachments' });
    await opensOn('Upload a document', 'Upload a document', (d) => within(d).getByRole('combobox', { name: /^Document type/ }));
  });

  it('Save this search starts on its name', async () => {
    renderCims({ user: MANAGER, db: accounts(), path: '/customers' });
    expect(await screen.findByText('Keystone Power', undefined, FIND)).toBeInTheDocument();
    await opensOn('Save this search', 'Save this search', (d) => within(d).getByRole('textbox', { name: /^Name/ }));
  });

  it('Register a permit system starts on its name', async () => {
    renderCims({ user: ADMINISTRATOR, db: accounts(), path: '/api-clients' });
    await opensOn('Register a permit system', 'Register a permit system', (d) => within(d).getByRole('textbox', { name: /^Name/ }));
  });
});
