// Validation (422 per field), server-owned fields, and optimistic concurrency (428, 409).
import { createTestApp, type Cast, type TestApp } from '../../support/app';
import { describeDb, dialect } from '../../support/db';
import { activeCustomer, completeBilling, completeCustomer, draftCustomer } from '../../support/factories';
import { customerRow, eventCount, snapshot } from '../helpers';

describeDb(`validation on ${dialect}`, () => {
  let t: TestApp;
  let as: Cast;
  let parentId: number;
  beforeAll(async () => {
    t = await createTestApp();
    as = await t.cast();
    parentId = (await as.manager.post('/api/customers').send({ name: 'Parent' })).body.id;
  });
  afterAll(() => t.close());

  describe('customers: 422 with errors per field, and nothing stored', () => {
    it.each<[string, Record<string, unknown>, string[]]>([
      ['no name', { city: 'Erie' }, ['name']],
      ['a blank name', { name: '   ' }, ['name']],
      ['a name that is not text', { name: 42 }, ['name']],
      ['a bad FEIN', { name: 'X', fein: '12-345' }, ['fein']],
      ['a FEIN with letters', { name: 'X', fein: '25-12345AB' }, ['fein']],
      ['a bad ZIP', { name: 'X', zip: '1710' }, ['zip']],
      ['an unknown state', { name: 'X', state: 'XX' }, ['state']],
      ['a bad email', { name: 'X', email: 'not-an-email' }, ['email']],
      ['a bad phone', { name: 'X', phone: 'call me' }, ['phone']],
      ['a bad extension', { name: 'X', phoneExt: 'ext 12' }, ['phoneExt']],
      ['an unknown account type', { name: 'X', accountType: 'both' }, ['accountType']],
      ['a name too long', { name: 'x'.repeat(201) }, ['name']],
      ['several at once', { fein: '1', zip: 'x', state: 'Pennsylvania', email: '@' }, ['email', 'fein', 'name', 'state', 'zip']],
    ])('%s', async (_what, body, fields) => {
      const before = await snapshot();
      const r = await as.manager.post('/api/customers').send(body);
      expect(r.status).toBe(422);
      expect(Object.keys(r.body.errors).sort()).toEqual(fields);
      for (const f of fields) expect(r.body.errors[f]).toEqual(expect.any(String));
      expect(r.body.message).toEqual(expect.any(String));
      expect(await snapshot()).toEqual(before);
    });

    it('a body that is not an object is 422, malformed JSON 400', async () => {
      expect((await as.manager.post('/api/customers').send([{ name: 'X' }])).status).toBe(422);
      const r = await as.manager.post('/api/customers').set('Content-Type', 'application/json').send('{"name":');
      expect(r.status).toBe(400);
      expect(r.body).toEqual({ message: expect.any(String) });
    });

    it('normalises what it accepts', async () => {
      const r = await as.manager.post('/api/customers').send({
        name: '  Keystone Gas  ', fein: '251234567', zip: '171011234', state: 'pa', email: 'AP@Keystone.Example', addressLine2: '  ', phone: '(717) 555-0100',
      });
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({ name: 'Keystone Gas', fein: '25-1234567', zip: '17101-1234', state: 'PA', email: 'ap@keystone.example', addressLine2: null });
      expect((await customerRow(r.body.id))?.fein).toBe('251234567');
    });
  });

  describe('billing accounts: 422 with errors per field', () => {
    it.each<[string, Record<string, unknown>, string[]]>([
      ['no billing name', {}, ['billingName']],
      ['a bad district', { districts: ['7-0'] }, ['districts']],
      ['districts not a list', { districts: '11-0' }, ['districts']],
      ['a bad invoice method', { invoiceMethod: 'fax' }, ['invoiceMethod']],
      ['an unknown permit system', { permitSystem: 'XYZ' }, ['permitSystem']],
      ['a bad invoice email', { invoiceEmailPrimary: 'nope' }, ['invoiceEmailPrimary']],
      ['a bad ZIP and state', { zip: 'abcde', state: 'ZZ' }, ['state', 'zip']],
    ])('%s', async (_what, change, fields) => {
      const before = await snapshot();
      const body: Record<string, unknown> = { ...completeBilling(parentId), ...change };
      if (fields.includes('billingName')) delete body.billingName;
      const r = await as.manager.post('/api/billing-accounts').send(body);
      expect(r.status).toBe(422);
      expect(Object.keys(r.body.errors).sort()).toEqual(fields);
      expect(await snapshot()).toEqual(before);
    });

    it.each([['abc'], [null], [-1], [999999]])('customerId %j is 422 on customerId', async (customerId) => {
      const before = await snapshot();
      const r = await as.manager.post('/api/billing-accounts').send({ ...completeBilling(parentId), customerId });
      expect(r.status).toBe(422);
      expect(Object.keys(r.body.errors)).toEqual(['customerId']);
      expect(await snapshot()).toEqual(before);
    });

    it('a draft needs only its customer and billing name; districts are kept in order', async () => {
      const r = await as.manager.post('/api/billing-accounts').send({ customerId: parentId, billingName: 'Draft', districts: ['11-0', '2-0', '11-0'] });
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({ status: 'preliminary', permitSystem: 'HOP', invoiceMethod: 'email', districts: ['2-0', '11-0'], version: 0 });
    });
  });

  describe('server-owned fields', () => {
    it('ignores accountNumber, version, id and timestamps sent on create', async () => {
      const r = await as.manager.post('/api/customers').send({
        name: 'Sneaky', accountNumber: '100000009', version: 7, id: 424242, createdAt: '2000-01-01T00:00:00Z', submittedAt: '2000-01-01T00:00:00Z', submittedById: 1, searchText: 'x',
      });
      expect(r.status).toBe(201);
      expect(r.body.version).toBe(0);
      expect(r.body.id).not.toBe(424242);
      expect(r.body.accountNumber).not.toBe('100000009');
      expect(r.body.submittedAt).toBeNull();
      expect(r.body.submittedById).toBeNull();
      expect(r.body.createdAt.slice(0, 4)).not.toBe('2000');
      const row = await customerRow(r.body.id);
      expect(row?.searchText).toContain('sneaky');
    });

    it('refuses a status on create other than Preliminary (422), accepts "preliminary"', async () => {
      const before = await snapshot();
      const r = await as.manager.post('/api/customers').send({ name: 'Eager', status: 'active' });
      expect(r.status).toBe(422);
      expect(Object.keys(r.body.errors)).toEqual(['status']);
      expect((await as.manager.post('/api/billing-accounts').send({ ...completeBilling(parentId), status: 'active' })).status).toBe(422);
      expect(await snapshot()).toEqual(before);
      expect((await as.manager.post('/api/customers').send({ name: 'Patient', status: 'preliminary' })).status).toBe(201);
    });

    it('on update, takes the whole record back, ignores server fields and refuses another status', async () => {
      const { customer } = await draftCustomer(as.manager, 1);
      const before = await snapshot();
      const refused = await as.manager.put(`/api/customers/${customer.id}`).send({ ...customer, name: 'Changed', status: 'active' });
      expect(refused.status).toBe(422);
      expect(Object.keys(refused.body.errors)).toEqual(['status']);
      expect(await snapshot()).toEqual(before);

      const r = await as.manager.put(`/api/customers/${customer.id}`).send({
        ...customer, name: 'Changed', accountNumber: '999999990', createdAt: '2000-01-01T00:00:00.000Z', submittedAt: '2000-01-01T00:00:00.000Z', submittedById: as.ids.manager,
      });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ name: 'Changed', accountNumber: customer.accountNumber, createdAt: customer.createdAt, submittedAt: null, submittedById: null, version: 1, status: 'preliminary' });
      const row = await customerRow(customer.id);
      expect(row?.accountNumber).toBe(customer.accountNumber);
      expect(row?.version).toBe(1);
      expect(row?.searchText).toContain('changed');
    });

    it('an update that changes nothing keeps the version and writes no event', async () => {
      const { customer } = await draftCustomer(as.manager, 0);
      const events = await eventCount();
      const r = await as.manager.put(`/api/customers/${customer.id}`).send(customer);
      expect(r.status).toBe(200);
      expect(r.body.version).toBe(customer.version);
      expect(await eventCount()).toBe(events);
    });

    it('a partial update changes only what it names', async () => {
      const { customer } = await draftCustomer(as.manager, 0);
      const r = await as.manager.put(`/api/customers/${customer.id}`).send({ city: 'Erie', version: customer.version });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ city: 'Erie', name: customer.name, fein: customer.fein });
    });

    it('validates updates too', async () => {
      const { customer } = await draftCustomer(as.manager, 0);
      const before = await snapshot();
      const r = await as.manager.put(`/api/customers/${customer.id}`).send({ ...customer, name: '', zip: '1' });
      expect(r.status).toBe(422);
      expect(Object.keys(r.body.errors).sort()).toEqual(['name', 'zip']);
      expect(await snapshot()).toEqual(before);
    });

    it('the account type changes only while Preliminary (409)', async () => {
      const { customer } = await activeCustomer(as.manager, as.authorizer, 1);
      const before = await snapshot();
      const r = await as.manager.put(`/api/customers/${customer.id}`).send({ ...customer, accountType: 'driveway' });
      expect(r.status).toBe(409);
      expect(await snapshot()).toEqual(before);
      const draft = (await as.manager.post('/api/customers').send({ name: 'Switch' })).body;
      expect((await as.manager.put(`/api/customers/${draft.id}`).send({ ...draft, accountType: 'driveway' })).body.accountType).toBe('driveway');
    });

    it('PUT on an unknown or malformed id is 404', async () => {
      expect((await as.manager.put('/api/customers/999999').send({ name: 'X', version: 0 })).status).toBe(404);
      expect((await as.manager.put('/api/customers/abc').send({ name: 'X', version: 0 })).status).toBe(404);
      expect((await as.manager.delete('/api/customers/abc')).status).toBe(404);
      expect((await as.manager.delete('/api/billing-accounts/999999')).status).toBe(404);
    });
  });

  describe('optimistic concurrency', () => {
    it.each(['customers', 'billing-accounts'] as const)('%s: an update without version is 428 and changes nothing', async (name) => {
      const { customer, billing } = await draftCustomer(as.manager, 1);
      const record: Record<string, unknown> = name === 'customers' ? { ...customer } : { ...billing[0] };
      delete record.version;
      const before = await snapshot();
      for (const body of [record, { ...record, version: null }]) {
        const r = await as.manager.put(`/api/${name}/${record.id}`).send({ ...body, city: 'Erie' });
        expect(r.status).toBe(428);
        expect(r.body.message).toMatch(/version/);
      }
      expect(await snapshot()).toEqual(before);
    });

    it.each(['customers', 'billing-accounts'] as const)('%s: a stale version is 409 and changes nothing', async (name) => {
      const { customer, billing } = await draftCustomer(as.manager, 1);
      const record: Record<string, unknown> = name === 'customers' ? customer : billing[0];
      const first = await as.manager.put(`/api/${name}/${record.id}`).send({ ...record, city: 'Erie' });
      expect(first.status).toBe(200);
      expect(first.body.version).toBe(1);
      const before = await snapshot();
      const stale = await as.manager.put(`/api/${name}/${record.id}`).send({ ...record, city: 'Altoona' });
      expect(stale.status).toBe(409);
      expect(stale.body.message).toMatch(/changed/);
      const ahead = await as.manager.put(`/api/${name}/${record.id}`).send({ ...record, city: 'Altoona', version: 5 });
      expect(ahead.status).toBe(409);
      expect(await snapshot()).toEqual(before);
      const fresh = await as.manager.put(`/api/${name}/${record.id}`).send({ ...first.body, city: 'Altoona' });
      expect(fresh.status).toBe(200);
      expect(fresh.body).toMatchObject({ city: 'Altoona', version: 2 });
    });

    it('the insurance record and users are versioned too', async () => {
      const c = (await as.manager.post('/api/customers').send(completeCustomer())).body;
      const p = (await as.manager.post('/api/insurance-policies').send({ customerId: c.id, insuranceType: 'self', confirmationDueOn: '2099-04-30' })).body;
      expect((await as.manager.put(`/api/insurance-policies/${p.id}`).send({ carrier: 'X' })).status).toBe(428);
      expect((await as.manager.put(`/api/insurance-policies/${p.id}`).send({ carrier: 'X', version: 3 })).status).toBe(409);
      expect((await as.admin.put(`/api/users/${as.ids.analyst}`).send({ fullName: 'Y' })).status).toBe(428);
    });
  });
});
