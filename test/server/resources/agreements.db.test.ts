import { Agreement } from '../../../server/models';
import { createTestApp, listQuery, type Cast, type TestApp } from '../../support/app';
import { describeDb, dialect } from '../../support/db';

interface Rec { id: number; accountNumber: string; version: number; [k: string]: unknown }

describeDb(`agreements on ${dialect}`, () => {
  let t: TestApp;
  let as: Cast;
  let c: Rec;
  beforeAll(async () => {
    t = await createTestApp();
    as = await t.cast();
    c = (await as.manager.post('/api/customers').send({ name: 'Agreeable Co' })).body;
  });
  afterAll(() => t.close());

  const agreement = (extra: Record<string, unknown> = {}) => ({ customerId: c.id, agreementType: 'Maintenance', agreementNumber: 'AG-1', effectiveOn: '2024-03-31', expiresOn: '2024-12-31', ...extra });

  it('creates (status active by default), reads, lists, updates and deletes, with events', async () => {
    const r = await as.manager.post('/api/agreements').send(agreement());
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ customerId: c.id, agreementType: 'Maintenance', agreementStatus: 'active', effectiveOn: '2024-03-31', expiresOn: '2024-12-31' });
    expect((await as.manager.get(`/api/agreements/${r.body.id}`)).body.expiresOn).toBe('2024-12-31');
    const list = await as.manager.get(`/api/agreements${listQuery({ filter: { customerId: c.id, expiresOn_gte: '2024-12-31', expiresOn_lte: '2024-12-31' } })}`);
    expect(list.body.map((a: Rec) => a.id)).toEqual([r.body.id]);
    const u = await as.manager.put(`/api/agreements/${r.body.id}`).send({ ...r.body, agreementStatus: 'terminated' });
    expect(u.status).toBe(200);
    expect(u.body.agreementStatus).toBe('terminated');
    expect((await as.manager.delete(`/api/agreements/${r.body.id}`)).status).toBe(200);
    expect(await Agreement.findByPk(r.body.id)).toBeNull();
    const events = await as.manager.get(`/api/events${listQuery({ sort: ['id', 'ASC'], filter: { entityType: 'agreements', entityId: r.body.id } })}`);
    expect(events.body.map((e: Rec) => e.action)).toEqual(['create', 'update', 'delete']);
    for (const e of events.body) expect(e).toMatchObject({ accountNumber: c.accountNumber, customerAccountNumber: c.accountNumber });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['no type', { agreementType: '' }, 'agreementType'],
    ['an unknown status', { agreementStatus: 'maybe' }, 'agreementStatus'],
    ['a bad date', { expiresOn: '31/12/2024' }, 'expiresOn'],
    ['an expiry before the effective date', { effectiveOn: '2024-06-01', expiresOn: '2024-05-31' }, 'expiresOn'],
    ['no customer', { customerId: undefined }, 'customerId'],
    ['an unknown customer', { customerId: 99999999 }, 'customerId'],
  ])('refuses %s (422)', async (_what, change, field) => {
    const before = await Agreement.count();
    const r = await as.manager.post('/api/agreements').send(agreement(change));
    expect(r.status).toBe(422);
    expect(Object.keys(r.body.errors)).toEqual([field]);
    expect(await Agreement.count()).toBe(before);
  });

  it('refuses an update that moves the expiry before the effective date', async () => {
    const a = (await as.manager.post('/api/agreements').send(agreement())).body;
    const r = await as.manager.put(`/api/agreements/${a.id}`).send({ ...a, expiresOn: '2024-01-01' });
    expect(r.status).toBe(422);
    expect(Object.keys(r.body.errors)).toEqual(['expiresOn']);
    expect((await Agreement.findByPk(a.id))?.expiresOn).toBe('2024-12-31');
  });

  it('read-only roles get 403 on writes', async () => {
    const a = (await as.manager.post('/api/agreements').send(agreement())).body;
    for (const who of ['authorizer', 'district', 'analyst'] as const) {
      expect((await as[who].post('/api/agreements').send(agreement())).status).toBe(403);
      expect((await as[who].put(`/api/agreements/${a.id}`).send({ ...a, agreementNumber: 'X' })).status).toBe(403);
      expect((await as[who].delete(`/api/agreements/${a.id}`)).status).toBe(403);
    }
    expect((await Agreement.findByPk(a.id))?.agreementNumber).toBe('AG-1');
  });
});
