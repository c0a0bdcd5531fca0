// The records kept under an account (contacts, insurance, securities, agreements, attachments,
// notes) on the customer's and the billing account's tabs, per role.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpError, type RaRecord } from 'react-admin';
import { NOTE_MAX_LENGTH } from '../../config/vocabulary';
import { formatAmount, parseAmount } from '../../admin/src/securities/money';
import { nextApril30, suggestedConfirmationDate } from '../../admin/src/records/dates';
import { counterText } from '../../admin/src/notes/NoteInputs';
import { attachmentFormData, formatSize } from '../../admin/src/attachments/upload';
import { AUTHORIZER, billingAccount, customer, fakeDataProvider, makeUser, MANAGER, renderAdmin, VIEWER, type Db } from './support/fakes';

const FIND = { timeout: 5000 };
jest.setTimeout(60000);
const ANALYST = makeUser(4, ['analyst']);
// Node's File, which Node's FormData (the one the test environment lends jsdom) accepts.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { File: NodeFile } = require('node:buffer') as { File: typeof File };

export function recordsDb(): Db {
  return {
    customers: [customer({ status: 'active' })],
    'billing-accounts': [billingAccount()],
    contacts: [
      { id: 1, customerId: 1, billingAccountId: null, name: 'Dana Whitfield', title: 'Permit coordinator', email: 'dana@example.com', phone: '717-555-0100', phoneExt: '12', mobile: null, isPrimary: true, version: 1 },
      { id: 2, customerId: null, billingAccountId: 10, name: 'Lee Accounts', title: 'Accounts payable', email: 'ap@example.com', phone: null, phoneExt: null, mobile: null, isPrimary: false, version: 1 },
    ],
    'insurance-policies': [
      { id: 1, customerId: 1, insuranceType: 'commercial', systemInsuranceId: 'INS-9', carrier: 'Keystone Mutual', policyNumber: 'KM-1', policyExpiresOn: '2027-06-30', confirmationDueOn: '2027-04-30', version: 1 },
    ],
    securities: [
      { id: 1, customerId: 1, securityType: 'bond', systemNumber: 'B-100', issuerName: 'Penn Surety', issuerNumber: null, issuerReference: null, amount: '250000.10', effectiveOn: '2026-01-01', expiresOn: '2027-01-31', blanket: true, version: 1 },
    ],
    agreements: [
      { id: 1, customerId: 1, agreementType: 'Master utility agreement', agreementNumber: 'MUA-7', agreementStatus: 'active', effectiveOn: '2025-01-01', expiresOn: '2030-12-31', version: 1 },
    ],
    notes: [
      { id: 1, customerId: 1, billingAccountId: null, text: 'Called about the bond renewal.', authorId: MANAGER.id, authorName: 'Morgan Manager', createdAt: '2026-12-02T15:00:00Z', updatedAt: '2026-12-02T15:00:00Z', version: 1 },
      { id: 2, customerId: 1, billingAccountId: null, text: 'Certificate received from the carrier.', authorId: AUTHORIZER.id, authorName: 'Avery Authorizer', createdAt: '2026-12-03T09:00:00Z', updatedAt: '2026-12-03T09:00:00Z', version: 1 },
      { id: 3, customerId: null, billingAccountId: 10, text: 'Invoices go to AP now.', authorId: MANAGER.id, authorName: 'Morgan Manager', createdAt: '2026-12-01T09:00:00Z', updatedAt: '2026-12-01T09:00:00Z', version: 1 },
    ],
    attachments: [
      { id: 1, customerId: 1, billingAccountId: null, documentType: 'Certificate of insurance', description: '2027 certificate', fileName: 'coi-2027.pdf', mimeType: 'application/pdf', size: 125000, sha256: 'ab', uploadedById: MANAGER.id, uploadedByName: 'Morgan Manager', createdAt: '2026-12-01T12:00:00Z' },
      { id: 2, customerId: 1, billingAccountId: null, documentType: 'Bond', description: null, fileName: 'bond.pdf', mimeType: 'application/pdf', size: 2000, sha256: 'cd', uploadedById: AUTHORIZER.id, uploadedByName: 'Avery Authorizer', createdAt: '2026-12-02T12:00:00Z' },
    ],
    events: [],
  };
}

async function openTab(name: string) {
  const tab = await screen.findByRole('tab', { name }, FIND);
  await userEvent.click(tab);
  await waitFor(() => expect(tab).toHaveAttribute('aria-selected', 'true'));
  return screen.getByRole('tabpanel', { name });
}

async function customerPage(user = MANAGER, db: Db = recordsDb(), path = '/customers/1/show') {
  const utils = renderAdmin({ user, db, path });
  await screen.findByLabelText('Customer account number 100000009', undefined, FIND);
  return utils;
}

describe('customer page tabs', () => {
  it('has the nine tabs, Details first', async () => {
    await customerPage();
    const tabs = await screen.findAllByRole('tab', undefined, FIND);
    expect(tabs.map((t) => t.textContent)).toEqual(['Details', 'Contacts', 'Insurance', 'Securities', 'Agreements', 'Attachments', 'Notes', 'Billing accounts', 'History']);
    expect(tabs[0]).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel', { name: 'Details' })).toHaveTextContent('Business Partner ID');
  });

  it('opens at the tab the address names', async () => {
    await customerPage(MANAGER, recordsDb(), '/customers/1/show/notes');
    expect(await screen.findByRole('tab', { name: 'Notes', selected: true }, FIND)).toBeInTheDocument();
    expect(within(screen.getByRole('tabpanel', { name: 'Notes' })).getByText('Called about the bond renewal.')).toBeInTheDocument();
  });

  it('gives an account manager Add and Edit in Contacts, Insurance, Securities, Agreements, Attachments and Notes', async () => {
    await customerPage(MANAGER);
    let panel = await openTab('Contacts');
    expect(await within(panel).findByRole('button', { name: 'Add contact' }, FIND)).toBeInTheDocument();
    expect(await within(panel).findByRole('button', { name: 'Edit contact Dana Whitfield' }, FIND)).toBeInTheDocument();
    expect(within(panel).getByText('Primary')).toBeInTheDocument();
    expect(within(panel).getByText('717-555-0100 ext. 12')).toBeInTheDocument();

    panel = await openTab('Insurance');
    expect(await within(panel).findByRole('button', { name: 'Edit insurance' }, FIND)).toBeInTheDocument();
    expect(within(panel).getByText('Keystone Mutual')).toBeInTheDocument();

    panel = await openTab('Securities');
    expect(await within(panel).findByRole('button', { name: 'Add security' }, FIND)).toBeInTheDocument();
    expect(await within(panel).findByRole('button', { name: 'Edit security B-100' }, FIND)).toBeInTheDocument();
    expect(within(panel).getByText('$250,000.10')).toBeInTheDocument();

    panel = await openTab('Agreements');
    expect(await within(panel).findByRole('button', { name: 'Add agreement' }, FIND)).toBeInTheDocument();
    expect(await within(panel).findByRole('button', { name: 'Edit agreement MUA-7' }, FIND)).toBeInTheDocument();

    panel = await openTab('Attachments');
    expect(await within(panel).findByRole('button', { name: 'Upload a document' }, FIND)).toBeInTheDocument();
    expect(await within(panel).findByRole('button', { name: 'Delete attachment coi-2027.pdf' }, FIND)).toBeInTheDocument();
    const link = within(panel).getByRole('link', { name: 'Download coi-2027.pdf' });
    expect(link).toHaveAttribute('href', '/api/attachments/1/content');
    expect(within(panel).getByText('122 KB')).toBeInTheDocument();
    expect(within(panel).getByText(/^You, /)).toBeInTheDocument();
    expect(within(panel).getByText(/^Avery Authorizer, Dec 2, 2026/)).toBeInTheDocument();
    expect(within(panel).queryByText(/User #/)).not.toBeInTheDocument();

    panel = await openTab('Notes');
    expect(await within(panel).findByRole('button', { name: 'Add note' }, FIND)).toBeInTheDocument();
  });

  it.each([
    ['district viewer', VIEWER],
    ['analyst', ANALYST],
  ])('gives a %s no Add, Edit, Delete or Upload anywhere', async (_name, user) => {
    await customerPage(user);
    for (const tab of ['Contacts', 'Insurance', 'Securities', 'Agreements', 'Attachments', 'Notes']) {
      const panel = await openTab(tab);
      // Wait for the tab's records, so that the access checks have settled.
      const expected: Record<string, string> = {
        Contacts: 'Dana Whitfield', Insurance: 'Keystone Mutual', Securities: 'B-100', Agreements: 'MUA-7', Attachments: 'coi-2027.pdf', Notes: 'Called about the bond renewal.',
      };
      expect(await within(panel).findByText(expected[tab], undefined, FIND)).toBeInTheDocument();
      await waitFor(() => expect(within(panel).queryAllByRole('button')).toHaveLength(0));
    }
    expect(screen.queryByRole('button', { name: /^(Add|Edit|Delete|Upload)/ })).not.toBeInTheDocument();
  });

  it('adds a contact in place, refusing it without a name', async () => {
    const { dataProvider } = await customerPage(MANAGER);
    const panel = await openTab('Contacts');
    await userEvent.click(await within(panel).findByRole('button', { name: 'Add contact' }, FIND));
    const dialog = await screen.findByRole('dialog', { name: 'Add contact' }, FIND);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('The contact’s name is required.')).toBeInTheDocument();
    expect(dataProvider.create).not.toHaveBeenCalled();
    await userEvent.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'Sam Ortiz');
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Email' }), 'sam@example.com');
    await userEvent.click(within(dialog).getByLabelText('Primary contact'));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(dataProvider.create).toHaveBeenCalled());
    expect(dataProvider.create.mock.calls[0][0]).toBe('contacts');
    expect(dataProvider.create.mock.calls[0][1].data).toMatchObject({ customerId: 1, name: 'Sam Ortiz', email: 'sam@example.com', isPrimary: true });
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('edits a security amount as text and sends it as a string, never a float', async () => {
    const { dataProvider } = await customerPage(MANAGER);
    const panel = await openTab('Securities');
    await userEvent.click(await within(panel).findByRole('button', { name: 'Edit security B-100' }, FIND));
    const dialog = await screen.findByRole('dialog', { name: 'Edit security B-100' }, FIND);
    const amount = await within(dialog).findByRole('textbox', { name: 'Amount (dollars)' }, FIND);
    expect(amount).toHaveValue('250000.10');
    await userEvent.clear(amount);
    await userEvent.type(amount, '1,234,567.05');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(dataProvider.update).toHaveBeenCalled());
    const { data } = dataProvider.update.mock.calls[0][1];
    expect(data.amount).toBe('1234567.05');
    expect(data).toMatchObject({ version: 1, expiresOn: '2027-01-31', securityType: 'bond' });
  });

  it('refuses a security amount that is not dollars and cents', async () => {
    const { dataProvider } = await customerPage(MANAGER);
    const panel = await openTab('Securities');
    await userEvent.click(await within(panel).findByRole('button', { name: 'Add security' }, FIND));
    const dialog = await screen.findByRole('dialog', { name: 'Add security' }, FIND);
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Amount (dollars)' }), '12.345');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('An amount in dollars and cents, such as 250000.00.')).toBeInTheDocument();
    expect(dataProvider.create).not.toHaveBeenCalled();
  });

  it('shows the server’s conflict when a second insurance is added', async () => {
    const db = recordsDb();
    db['insurance-policies'] = [];
    const dataProvider = fakeDataProvider(db, {
      create: jest.fn(async () => {
        throw new HttpError('This customer already has insurance on file; edit it instead.', 409, { message: 'This customer already has insurance on file; edit it instead.' });
      }),
    });
    renderAdmin({ user: MANAGER, dataProvider, path: '/customers/1/show/insurance' });
    const panel = await screen.findByRole('tabpanel', { name: 'Insurance' }, FIND);
    expect(await within(panel).findByText(/No insurance on file/, undefined, FIND)).toBeInTheDocument();
    await userEvent.click(await within(panel).findByRole('button', { name: 'Add insurance' }, FIND));
    const dialog = await screen.findByRole('dialog', { name: 'Add insurance' }, FIND);
    fireEvent.change(within(dialog).getByLabelText('Policy expires on'), { target: { value: '2030-01-31' } });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('This customer already has insurance on file; edit it instead.', undefined, FIND)).toBeInTheDocument();
  });
});

describe('self-insured', () => {
  it('suggests the next April 30 as the confirmation date', async () => {
    const db = recordsDb();
    db['insurance-policies'] = [];
    const { dataProvider } = await customerPage(MANAGER, db, '/customers/1/show/insurance');
    const panel = screen.getByRole('tabpanel', { name: 'Insurance' });
    await userEvent.click(await within(panel).findByRole('button', { name: 'Add insurance' }, FIND));
    const dialog = await screen.findByRole('dialog', { name: 'Add insurance' }, FIND);
    const due = within(dialog).getByLabelText('Confirmation due on');
    expect(due).toHaveValue('');
    await userEvent.click(within(dialog).getByRole('combobox', { name: 'Insurance type' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Self-insured' }));
    const suggestion = suggestedConfirmationDate();
    expect(suggestion).toMatch(/^\d{4}-04-30$/);
    await waitFor(() => expect(within(dialog).getByLabelText('Confirmation due on')).toHaveValue(suggestion));
    expect(within(dialog).getByText(`Self-insured coverage is confirmed by April 30 each year: the next is ${suggestion}.`)).toBeInTheDocument();
    // The policy fields are for commercial coverage only.
    expect(within(dialog).queryByRole('textbox', { name: 'Carrier' })).not.toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(dataProvider.create).toHaveBeenCalled());
    expect(dataProvider.create.mock.calls[0][1].data).toMatchObject({ customerId: 1, insuranceType: 'self', confirmationDueOn: suggestion });
  });

  it('offers the April 30 again when another date was typed', async () => {
    const db = recordsDb();
    db['insurance-policies'] = [{ id: 1, customerId: 1, insuranceType: 'self', confirmationDueOn: '2099-01-15', policyExpiresOn: null, carrier: null, policyNumber: null, systemInsuranceId: null, version: 3 }];
    await customerPage(MANAGER, db, '/customers/1/show/insurance');
    const panel = screen.getByRole('tabpanel', { name: 'Insurance' });
    await userEvent.click(await within(panel).findByRole('button', { name: 'Edit insurance' }, FIND));
    const dialog = await screen.findByRole('dialog', { name: 'Edit insurance' }, FIND);
    const suggestion = suggestedConfirmationDate();
    await waitFor(() => expect(within(dialog).getByLabelText('Confirmation due on')).toHaveValue('2099-01-15'));
    await userEvent.click(within(dialog).getByRole('button', { name: `Use ${suggestion}` }));
    expect(within(dialog).getByLabelText('Confirmation due on')).toHaveValue(suggestion);
  });

  it('counts April 30 from today, in the server’s calendar', () => {
    expect(nextApril30('2026-12-03')).toBe('2027-04-30');
    expect(nextApril30('2027-04-30')).toBe('2027-04-30');
    expect(nextApril30('2027-05-01')).toBe('2028-04-30');
    expect(nextApril30('2027-01-01')).toBe('2027-04-30');
    // 8 pm on April 30 in Los Angeles is already May 1 for the server: suggest next year.
    expect(suggestedConfirmationDate(new Date('2027-05-01T03:00:00Z'))).toBe('2028-04-30');
  });
});

describe('notes', () => {
  it('counts the characters left as the note is typed, with separators', async () => {
    await customerPage(MANAGER);
    const panel = await openTab('Notes');
    await userEvent.click(await within(panel).findByRole('button', { name: 'Add note' }, FIND));
    const dialog = await screen.findByRole('dialog', { name: 'Add note' }, FIND);
    expect(within(dialog).getByRole('status')).toHaveTextContent('4,000 characters left');
    await userEvent.type(within(dialog).getByRole('textbox', { name: /^Note/ }), 'Bond renew');
    expect(within(dialog).getByRole('status')).toHaveTextContent('3,990 characters left');
  });

  it('refuses a note over 4,000 characters', async () => {
    const { dataProvider } = await customerPage(MANAGER);
    const panel = await openTab('Notes');
    await userEvent.click(await within(panel).findByRole('button', { name: 'Add note' }, FIND));
    const dialog = await screen.findByRole('dialog', { name: 'Add note' }, FIND);
    const box = within(dialog).getByRole('textbox', { name: /^Note/ });
    await userEvent.click(box);
    await userEvent.paste('x'.repeat(NOTE_MAX_LENGTH + 1));
    expect(within(dialog).getByRole('status')).toHaveTextContent('1 character over the limit of 4,000');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('A note has at most 4,000 characters; shorten it by 1.')).toBeInTheDocument();
    expect(dataProvider.create).not.toHaveBeenCalled();
    await userEvent.type(box, '{Backspace}');
    expect(within(dialog).getByRole('status')).toHaveTextContent('0 characters left');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(dataProvider.create).toHaveBeenCalled());
    expect(dataProvider.create.mock.calls[0]).toEqual(['notes', expect.objectContaining({ data: expect.objectContaining({ customerId: 1, text: 'x'.repeat(NOTE_MAX_LENGTH) }) })]);
  });

  it('lists notes newest first with author and time', async () => {
    const { dataProvider } = await customerPage(MANAGER);
    const panel = await openTab('Notes');
    expect(await within(panel).findByText('Certificate received from the carrier.', undefined, FIND)).toBeInTheDocument();
    const call = dataProvider.getList.mock.calls.find(([resource]) => resource === 'notes');
    expect(call?.[1]).toMatchObject({ filter: { customerId: 1 }, sort: { field: 'createdAt', order: 'DESC' } });
    expect(within(panel).getByRole('listitem', { name: /^Note by You, Dec 2, 2026/ })).toBeInTheDocument();
    // Another user's note names them: the author's full name comes with the note.
    expect(within(panel).getByRole('listitem', { name: /^Note by Avery Authorizer, Dec 3, 2026/ })).toBeInTheDocument();
    expect(within(panel).queryByText(/User #/)).not.toBeInTheDocument();
  });

  it.each([
    ['account manager', MANAGER, 'You', 'Avery Authorizer'],
    ['authorizer', AUTHORIZER, 'You', 'Morgan Manager'],
  ])('lets the %s edit and delete only their own notes', async (_name, user, mine, theirs) => {
    await customerPage(user);
    const panel = await openTab('Notes');
    const own = await within(panel).findByRole('listitem', { name: new RegExp(`^Note by ${mine},`) }, FIND);
    const other = within(panel).getByRole('listitem', { name: new RegExp(`^Note by ${theirs.replace('#', '\\#')},`) });
    expect(await within(own).findByRole('button', { name: /^Edit note/ }, FIND)).toBeInTheDocument();
    expect(await within(own).findByRole('button', { name: /^Delete note/ }, FIND)).toBeInTheDocument();
    expect(within(other).queryAllByRole('button')).toHaveLength(0);
    expect(within(panel).getByRole('button', { name: 'Add note' })).toBeInTheDocument();
  });

  it('saves an edit of one’s own note with its version', async () => {
    const { dataProvider } = await customerPage(MANAGER);
    const panel = await openTab('Notes');
    const own = await within(panel).findByRole('listitem', { name: /^Note by You,/ }, FIND);
    await userEvent.click(await within(own).findByRole('button', { name: /^Edit note/ }, FIND));
    const dialog = await screen.findByRole('dialog', { name: 'Edit note' }, FIND);
    const box = await within(dialog).findByRole('textbox', { name: /^Note/ }, FIND);
    expect(box).toHaveValue('Called about the bond renewal.');
    expect(within(dialog).getByRole('status')).toHaveTextContent('3,970 characters left');
    await userEvent.type(box, ' Renewed.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(dataProvider.update).toHaveBeenCalled());
    expect(dataProvider.update.mock.calls[0]).toEqual(['notes', expect.objectContaining({ id: 1, data: expect.objectContaining({ text: 'Called about the bond renewal. Renewed.', version: 1 }) })]);
  });
});

describe('attachments', () => {
  let fetchMock: jest.SpyInstance;
  afterEach(() => fetchMock?.mockRestore());

  async function openUpload() {
    const page = await customerPage(MANAGER);
    const panel = await openTab('Attachments');
    await userEvent.click(await within(panel).findByRole('button', { name: 'Upload a document' }, FIND));
    const dialog = await screen.findByRole('dialog', { name: 'Upload a document' }, FIND);
    return { ...page, dialog };
  }

  async function fill(dialog: HTMLElement) {
    await userEvent.click(within(dialog).getByRole('combobox', { name: /Document type/ }));
    await userEvent.click(within(await screen.findByRole('listbox')).getByText('Bond'));
    fireEvent.change(within(dialog).getByLabelText('Description'), { target: { value: 'Bond copy, signed' } });
    const file = new NodeFile(['%PDF-1.4 test'], 'bond-2027.pdf', { type: 'application/pdf' });
    await userEvent.upload(within(dialog).getByLabelText(/^File/), file);
    return file;
  }

  it('uploads the file as multipart form data, with its type and description', async () => {
    fetchMock = jest.spyOn(global, 'fetch').mockResolvedValue(
      new Response(JSON.stringify({ id: 9, customerId: 1, fileName: 'bond-2027.pdf' }), { status: 201, headers: { 'Content-Type': 'application/json' } }),
    );
    const { dialog, dataProvider } = await openUpload();
    await fill(dialog);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Upload' }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/api/attachments');
    expect(init).toMatchObject({ method: 'POST', credentials: 'same-origin' });
    // The browser sets the multipart boundary itself: no Content-Type of our own.
    expect(new Headers(init.headers).get('Content-Type')).toBeNull();
    const body = init.body as FormData;
    expect(body).toBeInstanceOf(FormData);
    expect(body.get('customerId')).toBe('1');
    expect(body.get('billingAccountId')).toBeNull();
    expect(body.get('documentType')).toBe('Bond');
    expect(body.get('description')).toBe('Bond copy, signed');
    const sent = body.get('file') as File;
    expect(sent.name).toBe('bond-2027.pdf');
    expect(sent.type).toBe('application/pdf');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Upload a document' })).not.toBeInTheDocument());
    // The list is fetched again to show the new attachment.
    await waitFor(() => expect(dataProvider.getList.mock.calls.filter(([r]) => r === 'attachments').length).toBeGreaterThan(1));
    expect(dataProvider.create).not.toHaveBeenCalled();
  });

  it.each([
    [415, 'Files of type application/x-msdownload cannot be attached; use PDF, an image, an office document, plain text or CSV.'],
    [413, 'The file is larger than the limit of 25 MB.'],
  ])('shows the server’s %i message and keeps the dialog open', async (status, message) => {
    fetchMock = jest.spyOn(global, 'fetch').mockResolvedValue(new Response(JSON.stringify({ message }), { status, headers: { 'Content-Type': 'application/json' } }));
    const { dialog } = await openUpload();
    await fill(dialog);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Upload' }));
    expect(await within(dialog).findByRole('alert', undefined, FIND)).toHaveTextContent(message);
    expect(screen.getByRole('dialog', { name: 'Upload a document' })).toBeInTheDocument();
  });

  it('asks for a type and a file before sending anything', async () => {
    fetchMock = jest.spyOn(global, 'fetch');
    const { dialog } = await openUpload();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Upload' }));
    expect(await within(dialog).findByText('Choose the type of document.')).toBeInTheDocument();
    expect(within(dialog).getByText('Choose a file to upload.')).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('puts the billing account as owner when uploading there', () => {
    const form = attachmentFormData({ owner: { field: 'billingAccountId', id: 10 }, documentType: 'Correspondence', file: new NodeFile(['x'], 'a.txt', { type: 'text/plain' }) });
    expect(form.get('billingAccountId')).toBe('10');
    expect(form.get('customerId')).toBeNull();
    expect(formatSize(512)).toBe('512 bytes');
    expect(formatSize(5 * 1024 * 1024)).toBe('5 MB');
  });

  it('changes only the type and the description', async () => {
    const { dataProvider } = await customerPage(MANAGER);
    const panel = await openTab('Attachments');
    await userEvent.click(await within(panel).findByRole('button', { name: 'Edit attachment coi-2027.pdf' }, FIND));
    const dialog = await screen.findByRole('dialog', { name: 'Edit attachment coi-2027.pdf' }, FIND);
    const description = await within(dialog).findByRole('textbox', { name: 'Description' }, FIND);
    await userEvent.clear(description);
    await userEvent.type(description, 'Renewed certificate');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(dataProvider.update).toHaveBeenCalled());
    expect(dataProvider.update.mock.calls[0][1].data).toEqual({ id: 1, documentType: 'Certificate of insurance', description: 'Renewed certificate' });
  });

  it('deletes after confirmation, for an account manager', async () => {
    const { dataProvider } = await customerPage(MANAGER);
    const panel = await openTab('Attachments');
    await userEvent.click(await within(panel).findByRole('button', { name: 'Delete attachment coi-2027.pdf' }, FIND));
    const confirm = await screen.findByRole('dialog', undefined, FIND);
    await userEvent.click(within(confirm).getByRole('button', { name: /Confirm/ }));
    await waitFor(() => expect(dataProvider.delete).toHaveBeenCalledWith('attachments', expect.objectContaining({ id: 1 })));
  });
});

describe('billing account page tabs', () => {
  it('has Details, Contacts, Notes, Attachments and History, with its own records', async () => {
    const { dataProvider } = renderAdmin({ user: MANAGER, db: recordsDb(), path: '/billing-accounts/10/show' });
    await screen.findByLabelText('Billing account number 100000017', undefined, FIND);
    const tabs = await screen.findAllByRole('tab', undefined, FIND);
    expect(tabs.map((t) => t.textContent)).toEqual(['Details', 'Contacts', 'Notes', 'Attachments', 'History']);
    let panel = await openTab('Contacts');
    expect(await within(panel).findByText('Lee Accounts', undefined, FIND)).toBeInTheDocument();
    expect(within(panel).queryByText('Dana Whitfield')).not.toBeInTheDocument();
    expect(await within(panel).findByRole('button', { name: 'Add contact' }, FIND)).toBeInTheDocument();
    panel = await openTab('Notes');
    expect(await within(panel).findByText('Invoices go to AP now.', undefined, FIND)).toBeInTheDocument();
    await userEvent.click(within(panel).getByRole('button', { name: 'Add note' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add note' }, FIND);
    await userEvent.type(within(dialog).getByRole('textbox', { name: /^Note/ }), 'Moved to email invoices.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(dataProvider.create).toHaveBeenCalled());
    expect(dataProvider.create.mock.calls[0][1].data).toMatchObject({ billingAccountId: 10, text: 'Moved to email invoices.' });
    expect(dataProvider.create.mock.calls[0][1].data.customerId).toBeUndefined();
    panel = await openTab('Attachments');
    expect(await within(panel).findByText('No documents attached yet.', undefined, FIND)).toBeInTheDocument();
  });

  it('gives a district viewer no buttons in its tabs', async () => {
    renderAdmin({ user: VIEWER, db: recordsDb(), path: '/billing-accounts/10/show' });
    await screen.findByLabelText('Billing account number 100000017', undefined, FIND);
    let panel = await openTab('Contacts');
    expect(await within(panel).findByText('Lee Accounts', undefined, FIND)).toBeInTheDocument();
    await waitFor(() => expect(within(panel).queryAllByRole('button')).toHaveLength(0));
    panel = await openTab('Notes');
    expect(await within(panel).findByText('Invoices go to AP now.', undefined, FIND)).toBeInTheDocument();
    await waitFor(() => expect(within(panel).queryAllByRole('button')).toHaveLength(0));
  });
});

describe('pure helpers', () => {
  it('formats amounts from the string, with separators and cents', () => {
    expect(formatAmount('250000.10')).toBe('$250,000.10');
    expect(formatAmount('1234567.5')).toBe('$1,234,567.50');
    expect(formatAmount('0')).toBe('$0.00');
    expect(formatAmount('99999999999999.99')).toBe('$99,999,999,999,999.99');
    expect(formatAmount(null)).toBe('—');
    expect(parseAmount('$ 1,000.25')).toBe('1000.25');
    expect(parseAmount('')).toBeNull();
  });

  it('says how many characters are left', () => {
    expect(counterText(10)).toBe('3,990 characters left');
    expect(counterText(3999)).toBe('1 character left');
    expect(counterText(4002)).toBe('2 characters over the limit of 4,000');
  });

  it('keeps records typed as RaRecord', () => {
    const r: RaRecord = recordsDb().contacts[0];
    expect(r.name).toBe('Dana Whitfield');
  });
});
