import { today } from '../../../server/domain/insurance';
import { InsurancePolicy } from '../../../server/models';
import { createTestApp, listQuery, type Cast, type TestApp } from '../../support/app';
import { describeDb, dialect } from '../../support/db';
import { insurance } from '../../support/factories';
import { snapshot } from '../helpers';

describeDb(`insurance policies on ${dialect}`, () => {
  let t: TestApp;
  let as: Cast;
  beforeAll(async () => {
    t = await createTestApp();
    as = await t.cast();
  });
  afterAll(() => t.close());

  const newCustomer = async () => (await as.manager.post('/api/customers').send({ name: 'Insured Co' })).body as { id: number; accountNumber: string };

  it('keeps one record per customer: a second POST is 409', async () => {
    const c = await newCustomer();
    const first = await as.manager.post('/api/insurance-policies').send(insurance(c.id));
    expect(first.status).toBe(201);
    const before = await snapshot();
    const second = await as.manager.post('/api/insurance-policies').send({ ...insurance(c.id), insuranceType: 'self' });
    expect(second.status).toBe(409);
    expect(second.body.message).toMatch(/already/);
    expect(await snapshot()).toEqual(before);
    expect(await InsurancePolicy.count({ where: { customerId: c.id } })).toBe(1);
  });

  it('round-trips dates as YYYY-MM-DD, in the record, the list and a filter', async () => {
    const c = await newCustomer();
    const r = await as.manager.post('/api/insurance-policies').send({ ...insurance(c.id), policyExpiresOn: '2031-01-31', confirmationDueOn: '2030-04-30' });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ customerId: c.id, policyExpiresOn: '2031-01-31', confirmationDueOn: '2030-04-30', insuranceType: 'commercial' });
    expect((await as.manager.get(`/api/insurance-policies/${r.body.id}`)).body.policyExpiresOn).toBe('2031-01-31');
    const list = await as.manager.get(`/api/insurance-policies${listQuery({ filter: { policyExpiresOn_gte: '2031-01-31', policyExpiresOn_lte: '2031-01-31' } })}`);
    expect(list.body.map((p: { id: number }) => p.id)).toEqual([r.body.id]);
    const byCustomer = await as.manager.get(`/api/insurance-policies${listQuery({ filter: { customerId: c.id } })}`);
    expect(byCustomer.body).toHaveLength(1);
    const updated = await as.manager.put(`/api/insurance-policies/${r.body.id}`).send({ ...r.body, policyExpiresOn: '2032-12-31' });
    expect(updated.status).toBe(200);
    expect(updated.body.policyExpiresOn).toBe('2032-12-31');
    expect((await InsurancePolicy.findByPk(r.body.id))?.policyExpiresOn).toBe('2032-12-31');
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a confirmation date in the past', { confirmationDueOn: '2001-04-30' }, 'confirmationDueOn'],
    ['a date that is not YYYY-MM-DD', { policyExpiresOn: '12/31/2030' }, 'policyExpiresOn'],
    ['a date that does not exist', { policyExpiresOn: '2030-13-01' }, 'policyExpiresOn'],
    ['an unknown type', { insuranceType: 'hope' }, 'insuranceType'],
    ['no type', { insuranceType: undefined }, 'insuranceType'],
  ])('refuses %s with 422', async (_what, change, field) => {
    const c = await newCustomer();
    const before = await snapshot();
    const r = await as.manager.post('/api/insurance-policies').send({ ...insurance(c.id), ...change });
    expect(r.status).toBe(422);
    expect(Object.keys(r.body.errors)).toEqual([field]);
    expect(await snapshot()).toEqual(before);
  });

  it('a confirmation date of today is accepted; an update into the past is refused', async () => {
    const c = await newCustomer();
    const r = await as.manager.post('/api/insurance-policies').send({ ...insurance(c.id), confirmationDueOn: today() });
    expect(r.status).toBe(201);
    const before = await snapshot();
    const past = await as.manager.put(`/api/insurance-policies/${r.body.id}`).send({ ...r.body, confirmationDueOn: '2020-01-01' });
    expect(past.status).toBe(422);
    expect(await snapshot()).toEqual(before);
  });

  it('a confirmation date that has since passed does not block other edits of the record', async () => {
    const c = await newCustomer();
    const p = (await as.manager.post('/api/insurance-policies').send(insurance(c.id))).body;
    // Time passes: the stored confirmation date is now in the past.
    await InsurancePolicy.update({ confirmationDueOn: '2020-04-30' }, { where: { id: p.id } });
    const current = (await as.manager.get(`/api/insurance-policies/${p.id}`)).body;
    expect(current.confirmationDueOn).toBe('2020-04-30');
    // react-admin sends the whole record back; only the carrier changes.
    const r = await as.manager.put(`/api/insurance-policies/${p.id}`).send({ ...current, carrier: 'Another Mutual' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ carrier: 'Another Mutual', confirmationDueOn: '2020-04-30' });
    // Setting another past date is still refused.
    const past = await as.manager.put(`/api/insurance-policies/${p.id}`).send({ ...r.body, confirmationDueOn: '2021-04-30' });
    expect(past.status).toBe(422);
    expect(Object.keys(past.body.errors)).toEqual(['confirmationDueOn']);
    const future = await as.manager.put(`/api/insurance-policies/${p.id}`).send({ ...r.body, confirmationDueOn: '2099-04-30' });
    expect(future.status).toBe(200);
  });

  it('refuses an unknown customer (422), and never moves to another customer', async () => {
    const r = await as.manager.post('/api/insurance-policies').send(insurance(999999));
    expect(r.status).toBe(422);
    expect(Object.keys(r.body.errors)).toEqual(['customerId']);
    const c = await newCustomer();
    const other = await newCustomer();
    const p = (await as.manager.post('/api/insurance-policies').send(insurance(c.id))).body;
    const moved = await as.manager.put(`/api/insurance-policies/${p.id}`).send({ ...p, customerId: other.id });
    expect(moved.status).toBe(422);
    expect((await InsurancePolicy.findByPk(p.id))?.customerId).toBe(c.id);
  });

  it('records its events under the customer\'s number', async () => {
    const c = await newCustomer();
    const p = (await as.manager.post('/api/insurance-policies').send(insurance(c.id))).body;
    const events = await as.manager.get(`/api/events${listQuery({ filter: { entityType: 'insurance-policies', entityId: p.id } })}`);
    expect(events.body).toEqual([expect.objectContaining({ action: 'create', accountNumber: c.accountNumber, customerAccountNumber: c.accountNumber, status: 'preliminary', actorId: as.ids.manager })]);
    expect(events.body[0].changes.carrier).toEqual([null, 'Keystone Mutual']);
  });
});
