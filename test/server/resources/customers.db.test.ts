import { luhnCheckDigit } from '../../../config/account-numbers';
import { createTestApp, listQuery, type Cast, type TestApp } from '../../support/app';
import { describeDb, dialect } from '../../support/db';

describeDb(`customers on ${dialect}`, () => {
  let t: TestApp;
  let as: Cast;
  beforeAll(async () => {
    t = await createTestApp();
    as = await t.cast();
  });
  afterAll(() => t.close());

  it('requires a session', async () => {
    expect((await t.anonymous().get('/api/customers')).status).toBe(401);
  });

  it('creates a draft with a name only, numbered by the server', async () => {
    const r = await as.manager.post('/api/customers').send({ name: 'Keystone Valley Electric', accountNumber: '1' });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ status: 'preliminary', accountType: 'utility', version: 0 });
    const number: string = r.body.accountNumber;
    expect(number).toMatch(/^\d{9}$/);
    expect(luhnCheckDigit(number.slice(0, -1))).toBe(Number(number.at(-1)));
  });

  it('lists with Content-Range and a case-insensitive, accent-insensitive q', async () => {
    await as.manager.post('/api/customers').send({ name: 'ÉLAN Water Authority' });
    const r = await as.manager.get(`/api/customers${listQuery({ filter: { q: 'elan water' } })}`);
    expect(r.status).toBe(200);
    expect(r.headers['content-range']).toBe('customers 0-0/1');
    expect(r.body[0].name).toBe('ÉLAN Water Authority');
  });
});
