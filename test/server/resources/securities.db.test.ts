import { Security } from '../../../server/models';
import { createTestApp, listQuery, type Cast, type TestApp } from '../../support/app';
import { describeDb, dialect } from '../../support/db';

interface Rec { id: number; accountNumber: string; version: number; [k: string]: unknown }

describeDb(`securities on ${dialect}`, () => {
  let t: TestApp;
  let as: Cast;
  let c: Rec;
  beforeAll(async () => {
    t = await createTestApp();
    as = await t.cast();
    c = (await as.manager.post('/api/customers').send({ name: 'Bonded Co' })).body;
  });
  afterAll(() => t.close());

  const security = (extra: Record<string, unknown> = {}) => ({ customerId: c.id, securityType: 'bond', issuerName: 'Surety Inc', amount: '1000.00', effectiveOn: '2024-01-01', expiresOn: '2030-12-31', blanket: true, ...extra });

  it('keeps "250000.10" exact: in the answer, on reading back, in the list and in the database', async () => {
    const r = await as.manager.post('/api/securities').send(security({ amount: '250000.10' }));
    expect(r.status).toBe(201);
    expect(r.body.amount).toBe('250000.10');
    expect((await as.manager.get(`/api/securities/${r.body.id}`)).body.amount).toBe('250000.10');
    const list = await as.manager.get(`/api/securities${listQuery({ filter: { id: [r.body.id] } })}`);
    expect(list.body[0].amount).toBe('250000.10');
    expect((await Security.findByPk(r.body.id))?.amount).toBe('250000.10');
  });

  it.each([
    ['0.1', '0.10'],
    ['12', '12.00'],
    ['99999999999.99', '99999999999.99'],
    ['0.01', '0.01'],
  ])('round-trips %s as %s', async (input, output) => {
    const r = await as.manager.post('/api/securities').send(security({ amount: input }));
    expect(r.status).toBe(201);
    expect(r.body.amount).toBe(output);
    expect((await as.manager.get(`/api/securities/${r.body.id}`)).body.amount).toBe(output);
  });

  it('updates an amount exactly, and records the change in money strings', async () => {
    const r = (await as.manager.post('/api/securities').send(security({ amount: '100.00' }))).body;
    const u = await as.manager.put(`/api/securities/${r.id}`).send({ ...r, amount: '100.05' });
    expect(u.status).toBe(200);
    expect(u.body.amount).toBe('100.05');
    const events = await as.manager.get(`/api/events${listQuery({ filter: { entityType: 'securities', entityId: r.id, action: 'update' } })}`);
    expect(events.body[0].changes.amount).toEqual(['100.00', '100.05']);
    expect(events.body[0]).toMatchObject({ accountNumber: c.accountNumber, customerAccountNumber: c.accountNumber });
  });

  it('sorts by amount as a number, not as text', async () => {
    const other = (await as.manager.post('/api/customers').send({ name: 'Sorted Co' })).body;
    for (const amount of ['100.00', '9.00', '10.00', '2.50', '1000000.00']) {
      expect((await as.manager.post('/api/securities').send(security({ customerId: other.id, amount }))).status).toBe(201);
    }
    const asc = await as.manager.get(`/api/securities${listQuery({ sort: ['amount', 'ASC'], filter: { customerId: other.id } })}`);
    expect(asc.body.map((s: Rec) => s.amount)).toEqual(['2.50', '9.00', '10.00', '100.00', '1000000.00']);
    const desc = await as.manager.get(`/api/securities${listQuery({ sort: ['amount', 'DESC'], filter: { customerId: other.id } })}`);
    expect(desc.body.map((s: Rec) => s.amount)).toEqual(['1000000.00', '100.00', '10.00', '9.00', '2.50']);
  });

  it.each<[string, unknown]>([
    ['a negative amount', '-1'],
    ['a negative number', -1],
    ['three decimals', '1.234'],
    ['text', 'abc'],
    ['too many digits', '1234567890123.00'],
  ])('refuses %s with 422 and stores nothing', async (_what, amount) => {
    const before = await Security.count();
    const r = await as.manager.post('/api/securities').send(security({ amount }));
    expect(r.status).toBe(422);
    expect(Object.keys(r.body.errors)).toEqual(['amount']);
    expect(await Security.count()).toBe(before);
  });

  it('refuses an expiry before the effective date, on create and on update', async () => {
    const before = await Security.count();
    const r = await as.manager.post('/api/securities').send(security({ effectiveOn: '2025-06-01', expiresOn: '2025-05-31' }));
    expect(r.status).toBe(422);
    expect(r.body.errors).toHaveProperty('expiresOn');
    expect(await Security.count()).toBe(before);
    const ok = (await as.manager.post('/api/securities').send(security({ effectiveOn: '2025-06-01', expiresOn: '2025-06-01' }))).body;
    const u = await as.manager.put(`/api/securities/${ok.id}`).send({ ...ok, expiresOn: '2025-01-01' });
    expect(u.status).toBe(422);
    expect(u.body.errors).toHaveProperty('expiresOn');
    expect((await Security.findByPk(ok.id))?.expiresOn).toBe('2025-06-01');
  });

  it('refuses an unknown type and a missing customer', async () => {
    expect((await as.manager.post('/api/securities').send(security({ securityType: 'cash' }))).body.errors).toHaveProperty('securityType');
    const r = await as.manager.post('/api/securities').send(security({ customerId: 99999999 }));
    expect(r.status).toBe(422);
    expect(r.body.errors).toHaveProperty('customerId');
  });

  it('is written by account managers only', async () => {
    for (const who of ['authorizer', 'district', 'analyst'] as const) {
      expect((await as[who].post('/api/securities').send(security())).status).toBe(403);
      expect((await as[who].get(`/api/securities${listQuery({ filter: { customerId: c.id } })}`)).status).toBe(200);
    }
    expect((await as.admin.get('/api/securities')).status).toBe(403);
  });
});
