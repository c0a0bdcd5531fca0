import { Contact } from '../../../server/models';
import { createTestApp, listQuery, type Cast, type TestApp } from '../../support/app';
import { describeDb, dialect } from '../../support/db';
import { draftCustomer } from '../../support/factories';
import { snapshot } from '../helpers';

interface Rec { id: number; accountNumber: string; version: number; [k: string]: unknown }

describeDb(`contacts on ${dialect}`, () => {
  let t: TestApp;
  let as: Cast;
  beforeAll(async () => {
    t = await createTestApp();
    as = await t.cast();
  });
  afterAll(() => t.close());

  const contact = (owner: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ ...owner, name: 'Pat Lineman', email: 'pat@utility.example', phone: '717-555-0199', ...extra });
  const newCustomer = async (): Promise<Rec> => (await as.manager.post('/api/customers').send({ name: 'Contact Co' })).body;

  it('creates, reads, lists, updates and deletes a contact of a customer', async () => {
    const c = await newCustomer();
    const made = await as.manager.post('/api/contacts').send(contact({ customerId: c.id }, { email: 'PAT@Utility.Example', phoneExt: '12' }));
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ customerId: c.id, billingAccountId: null, name: 'Pat Lineman', email: 'pat@utility.example', phoneExt: '12', isPrimary: false, version: 0 });
    expect((await as.manager.get(`/api/contacts/${made.body.id}`)).body.name).toBe('Pat Lineman');
    const list = await as.manager.get(`/api/contacts${listQuery({ filter: { customerId: c.id } })}`);
    expect(list.body.map((x: Rec) => x.id)).toEqual([made.body.id]);
    expect(list.headers['content-range']).toBe('contacts 0-0/1');
    const updated = await as.manager.put(`/api/contacts/${made.body.id}`).send({ ...made.body, title: 'Permits lead' });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ title: 'Permits lead', version: 1 });
    const stale = await as.manager.put(`/api/contacts/${made.body.id}`).send({ ...made.body, title: 'Stale' });
    expect(stale.status).toBe(409);
    const deleted = await as.manager.delete(`/api/contacts/${made.body.id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body.id).toBe(made.body.id);
    expect(await Contact.findByPk(made.body.id)).toBeNull();
    expect((await as.manager.get(`/api/contacts/${made.body.id}`)).status).toBe(404);
  });

  it('contacts of a billing account are its own, with events under the billing and customer numbers', async () => {
    const { customer, billing } = await draftCustomer(as.manager, 1);
    const b = billing[0];
    const made = await as.manager.post('/api/contacts').send(contact({ billingAccountId: b.id }));
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ billingAccountId: b.id, customerId: null });
    const forCustomer = await as.manager.get(`/api/contacts${listQuery({ filter: { customerId: customer.id } })}`);
    expect(forCustomer.body).toEqual([]);
    const upd = await as.manager.put(`/api/contacts/${made.body.id}`).send({ ...made.body, name: 'Pat Renamed' });
    expect(upd.status).toBe(200);
    await as.manager.delete(`/api/contacts/${made.body.id}`);
    const events = await as.manager.get(`/api/events${listQuery({ sort: ['id', 'ASC'], filter: { entityType: 'contacts', entityId: made.body.id } })}`);
    expect(events.body.map((e: Rec) => e.action)).toEqual(['create', 'update', 'delete']);
    for (const e of events.body) expect(e).toMatchObject({ accountNumber: b.accountNumber, customerAccountNumber: customer.accountNumber, actorId: as.ids.manager });
    expect(events.body[1].changes.name).toEqual(['Pat Lineman', 'Pat Renamed']);
  });

  it.each<[string, Record<string, unknown> | ((c: number, b: number) => Record<string, unknown>)]>([
    ['no owner', {}],
    ['both owners', (c, b) => ({ customerId: c, billingAccountId: b })],
    ['an unknown customer', { customerId: 99999999 }],
    ['an unknown billing account', { billingAccountId: 99999999 }],
  ])('refuses a contact with %s (422) and stores nothing', async (_what, owner) => {
    const { customer, billing } = await draftCustomer(as.manager, 1);
    const before = await Contact.count();
    const o = typeof owner === 'function' ? owner(customer.id, billing[0].id) : owner;
    const r = await as.manager.post('/api/contacts').send(contact(o));
    expect(r.status).toBe(422);
    expect(Object.keys(r.body.errors).length).toBeGreaterThan(0);
    expect(await Contact.count()).toBe(before);
  });

  it('a contact keeps its owner', async () => {
    const c = await newCustomer();
    const other = await newCustomer();
    const made = (await as.manager.post('/api/contacts').send(contact({ customerId: c.id }))).body;
    const r = await as.manager.put(`/api/contacts/${made.id}`).send({ ...made, customerId: other.id });
    expect(r.status).toBe(422);
    expect((await Contact.findByPk(made.id))?.customerId).toBe(c.id);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a bad email', { email: 'not-an-email' }, 'email'],
    ['a bad phone', { phone: 'call me' }, 'phone'],
    ['a bad mobile', { mobile: '12' }, 'mobile'],
    ['a bad extension', { phoneExt: 'x12' }, 'phoneExt'],
    ['no name', { name: '  ' }, 'name'],
  ])('validates: %s → 422 naming the field', async (_what, change, field) => {
    const c = await newCustomer();
    const before = await snapshot();
    const r = await as.manager.post('/api/contacts').send(contact({ customerId: c.id }, change));
    expect(r.status).toBe(422);
    expect(Object.keys(r.body.errors)).toEqual([field]);
    expect(await snapshot()).toEqual(before);
  });

  it('keeps one primary contact per account, recording the demotion as an event', async () => {
    const c = await newCustomer();
    const a = (await as.manager.post('/api/contacts').send(contact({ customerId: c.id }, { name: 'A', isPrimary: true }))).body;
    const b = (await as.manager.post('/api/contacts').send(contact({ customerId: c.id }, { name: 'B' }))).body;
    // Another account's primary is not touched.
    const elsewhere = await newCustomer();
    const x = (await as.manager.post('/api/contacts').send(contact({ customerId: elsewhere.id }, { name: 'X', isPrimary: true }))).body;
    const promoted = await as.manager.put(`/api/contacts/${b.id}`).send({ ...b, isPrimary: true });
    expect(promoted.status).toBe(200);
    expect((await Contact.findByPk(a.id))?.isPrimary).toBe(false);
    expect((await Contact.findByPk(b.id))?.isPrimary).toBe(true);
    expect((await Contact.findByPk(x.id))?.isPrimary).toBe(true);
    expect(await Contact.count({ where: { customerId: c.id, isPrimary: true } })).toBe(1);
    const events = await as.manager.get(`/api/events${listQuery({ sort: ['id', 'ASC'], filter: { entityType: 'contacts', entityId: a.id } })}`);
    expect(events.body.at(-1)).toMatchObject({ action: 'update', changes: { isPrimary: [true, false] }, accountNumber: c.accountNumber });
    // A new primary contact created directly also demotes the current one.
    const d = (await as.manager.post('/api/contacts').send(contact({ customerId: c.id }, { name: 'D', isPrimary: true }))).body;
    expect((await Contact.findAll({ where: { customerId: c.id, isPrimary: true } })).map((r) => r.id)).toEqual([d.id]);
  });

  describe('roles', () => {
    let c: Rec;
    let existing: Rec;
    beforeAll(async () => {
      c = await newCustomer();
      existing = (await as.manager.post('/api/contacts').send(contact({ customerId: c.id }))).body;
    });

    it.each(['authorizer', 'district', 'analyst'] as const)('%s reads but may not write (403, nothing changes)', async (who) => {
      expect((await as[who].get(`/api/contacts${listQuery({ filter: { customerId: c.id } })}`)).status).toBe(200);
      expect((await as[who].get(`/api/contacts/${existing.id}`)).status).toBe(200);
      const before = await Contact.count();
      expect((await as[who].post('/api/contacts').send(contact({ customerId: c.id }))).status).toBe(403);
      expect((await as[who].put(`/api/contacts/${existing.id}`).send({ ...existing, name: 'Hacked' })).status).toBe(403);
      expect((await as[who].delete(`/api/contacts/${existing.id}`)).status).toBe(403);
      expect(await Contact.count()).toBe(before);
      expect((await Contact.findByPk(existing.id))?.name).toBe('Pat Lineman');
    });

    it('the administrator may not even read them (403)', async () => {
      expect((await as.admin.get('/api/contacts')).status).toBe(403);
      expect((await as.admin.get(`/api/contacts/${existing.id}`)).status).toBe(403);
      expect((await as.admin.post('/api/contacts').send(contact({ customerId: c.id }))).status).toBe(403);
    });
  });

  describe('submit checks contacts', () => {
    it('a customer whose contact lacks an email or a phone is refused with errors.contacts', async () => {
      const { customer } = await draftCustomer(as.manager, 1);
      const bad = (await as.manager.post('/api/contacts').send(contact({ customerId: customer.id }, { name: 'No Phone', phone: null }))).body;
      const r = await as.manager.post(`/api/customers/${customer.id}/submit`).send({});
      expect(r.status).toBe(422);
      expect(r.body.errors).toHaveProperty('contacts');
      expect(r.body.errors.contacts).toContain('No Phone');
      expect((await as.manager.get(`/api/customers/${customer.id}`)).body.submittedAt).toBeNull();
      await as.manager.put(`/api/contacts/${bad.id}`).send({ ...bad, phone: '717-555-0111' });
      expect((await as.manager.post(`/api/customers/${customer.id}/submit`).send({})).status).toBe(200);
    });

    it('a customer whose draft billing account has a contact without email is refused', async () => {
      const { customer, billing } = await draftCustomer(as.manager, 1);
      await as.manager.post('/api/contacts').send(contact({ billingAccountId: billing[0].id }, { name: 'No Mail', email: '' }));
      const r = await as.manager.post(`/api/customers/${customer.id}/submit`).send({});
      expect(r.status).toBe(422);
      expect(r.body.errors.contacts).toContain('No Mail');
    });

    it('a billing account submitted on its own checks its own contacts', async () => {
      const { customer, billing } = await draftCustomer(as.manager, 2);
      expect((await as.manager.post(`/api/customers/${customer.id}/submit`).send({})).status).toBe(200);
      const late = (await as.manager.post('/api/billing-accounts').send({ customerId: customer.id, billingName: 'Late', addressLine1: '1 A St', city: 'York', state: 'PA', zip: '17401', invoiceMethod: 'physical', districts: ['8-0'] })).body;
      expect(late.id).toBeDefined();
      await as.manager.post('/api/contacts').send(contact({ billingAccountId: late.id }, { name: 'Half', phone: '' }));
      const r = await as.manager.post(`/api/billing-accounts/${late.id}/submit`).send({});
      expect(r.status).toBe(422);
      expect(r.body.errors).toHaveProperty('contacts');
      expect(billing).toHaveLength(2);
    });
  });
});
