// The billing accounts' list index (one row per district, with status and name): a list it can
// answer alone must give exactly the rows, order and total of the general path, and the
// database's triggers must keep it in step with every change of an account.
import { BillingAccountDistrict } from '../../../server/models';
import { createTestApp, listQuery, type Cast, type TestApp } from '../../support/app';
import { describeDb, dialect } from '../../support/db';
import { activeCustomer, completeBilling, draftCustomer } from '../../support/factories';

type Rec = Record<string, unknown> & { id: number; version: number };

describeDb(`billing accounts list index on ${dialect}`, () => {
  let t: TestApp;
  let as: Cast;
  const made: Rec[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    as = await t.cast();
    const active = await activeCustomer(as.manager, as.authorizer, 3);
    const draft = await draftCustomer(as.manager, 0);
    const plans: [number, string[], string][] = [
      [draft.customer.id, ['11-0'], 'Zeta Water'],
      [draft.customer.id, ['1-0', '11-0'], 'alpha gas'],
      [draft.customer.id, ['11-0', '12-0'], 'Ärger Electric'],
      [draft.customer.id, ['8-0'], 'Beta Power'],
      [draft.customer.id, [], 'No District'],
      [draft.customer.id, ['11-0'], 'alpha gas'],
    ];
    for (const [customerId, districts, billingName] of plans) {
      const r = await as.manager.post('/api/billing-accounts').send(completeBilling(customerId, { districts, billingName }));
      expect(r.status).toBe(201);
      made.push(r.body);
    }
    for (const b of active.billing) {
      const r = await as.manager.put(`/api/billing-accounts/${b.id}`).send({ ...b, districts: ['11-0'] });
      expect(r.status).toBe(200);
      made.push(r.body);
    }
  });
  afterAll(() => t.close());

  /** The list as the index answers it (one district) and as the general path does (the same district twice). */
  async function both(filter: Record<string, unknown>, sort: [string, 'ASC' | 'DESC'], range: [number, number] = [0, 24]) {
    const one = await as.analyst.get(`/api/billing-accounts${listQuery({ filter: { ...filter, district: '11-0' }, sort, range })}`);
    const general = await as.analyst.get(`/api/billing-accounts${listQuery({ filter: { ...filter, district: ['11-0', '11-0'] }, sort, range })}`);
    expect(one.status).toBe(200);
    expect(general.status).toBe(200);
    return { one, general };
  }

  it.each([
    ['by name', {}, ['billingName', 'ASC']],
    ['by name, descending', {}, ['billingName', 'DESC']],
    ['by id, descending', {}, ['id', 'DESC']],
    ['Active, by name', { status: 'active' }, ['billingName', 'ASC']],
    ['Preliminary or Active, by status', { status: ['preliminary', 'active'] }, ['status', 'ASC']],
    ['Preliminary, by id', { status: 'preliminary' }, ['id', 'ASC']],
    ['a status nobody has', { status: 'inactive' }, ['billingName', 'ASC']],
  ] as const)('answers %s exactly as the general path', async (_name, filter, sort) => {
    const { one, general } = await both(filter, [...sort]);
    expect(one.body).toEqual(general.body);
    expect(one.headers['content-range']).toBe(general.headers['content-range']);
  });

  it('pages the same way', async () => {
    for (const range of [[0, 1], [2, 3], [4, 5], [6, 7], [40, 49]] as [number, number][]) {
      const { one, general } = await both({}, ['billingName', 'ASC'], range);
      expect(one.body).toEqual(general.body);
      expect(one.headers['content-range']).toBe(general.headers['content-range']);
    }
  });

  it('counts each account once and decorates it like any list', async () => {
    const r = await as.analyst.get(`/api/billing-accounts${listQuery({ filter: { district: '11-0' }, sort: ['id', 'ASC'] })}`);
    const expected = made.filter((b) => (b.districts as string[]).includes('11-0')).map((b) => b.id).sort((a, b) => a - b);
    expect(r.body.map((b: Rec) => b.id)).toEqual(expected);
    expect(r.headers['content-range']).toBe(`billing-accounts 0-${expected.length - 1}/${expected.length}`);
    expect(r.body[0].customerName).toEqual(expect.any(String));
  });

  it('still refuses a district that does not exist', async () => {
    const r = await as.analyst.get(`/api/billing-accounts${listQuery({ filter: { district: '7-0' } })}`);
    expect(r.status).toBe(400);
  });

  it('follows a change of name, districts and status', async () => {
    const target = made[0];
    const r = await as.manager.put(`/api/billing-accounts/${target.id}`).send({ ...target, billingName: 'Aaron Renamed', districts: ['11-0', '2-0'] });
    expect(r.status).toBe(200);
    const rows = await BillingAccountDistrict.findAll({ where: { id: target.id }, order: [['district', 'ASC']], raw: true });
    expect(rows.map((x) => [x.district, x.billingName, x.status])).toEqual([['11-0', 'Aaron Renamed', 'preliminary'], ['2-0', 'Aaron Renamed', 'preliminary']]);

    const live = made.at(-1)!;
    const s = await as.manager.post(`/api/billing-accounts/${live.id}/suspend`).send({ reason: 'Unpaid invoice' });
    expect(s.status).toBe(200);
    expect((await BillingAccountDistrict.findAll({ where: { id: live.id }, raw: true })).map((x) => x.status)).toEqual(['suspended']);
    const { one, general } = await both({ status: 'suspended' }, ['billingName', 'ASC']);
    expect(one.body.map((b: Rec) => b.id)).toEqual([live.id]);
    expect(one.body).toEqual(general.body);

    const d = await as.manager.delete(`/api/billing-accounts/${made[3].id}`);
    expect(d.status).toBe(200);
    expect(await BillingAccountDistrict.count({ where: { id: made[3].id } })).toBe(0);
  });
});
