// With the cache of totals on (as the server runs by default), a list's total still counts every
// change this process makes, by whatever path it writes: the API, a model, raw SQL, a bulk load.
import { QueryTypes } from 'sequelize';
import { Customer } from '../../../server/models';
import { createTestApp, listQuery, type Cast, type TestApp } from '../../support/app';
import { describeDb, dialect } from '../../support/db';
import { completeCustomer } from '../../support/factories';

describeDb(`totals of lists with the count cache on ${dialect}`, () => {
  let t: TestApp;
  let as: Cast;
  beforeAll(async () => {
    t = await createTestApp({ CIMS_COUNT_CACHE_SECONDS: '600' });
    as = await t.cast();
  });
  afterAll(() => t.close());

  const total = async (filter: Record<string, unknown> = {}) => {
    const r = await as.analyst.get(`/api/customers${listQuery({ filter, range: [0, 9] })}`);
    expect(r.status).toBe(200);
    return Number(/\/(\d+)$/.exec(String(r.headers['content-range']))![1]);
  };

  it('is on', () => {
    expect(t.database.db.counts.enabled).toBe(true);
  });

  it('counts a record created through the API, and one deleted', async () => {
    const before = await total();
    const made = await as.manager.post('/api/customers').send(completeCustomer());
    expect(made.status).toBe(201);
    expect(await total()).toBe(before + 1);
    expect((await as.manager.delete(`/api/customers/${made.body.id}`)).status).toBe(200);
    expect(await total()).toBe(before);
  });

  it('counts a change made through a model outside any request', async () => {
    const made = await as.manager.post('/api/customers').send({ ...completeCustomer(), city: 'Erie' });
    const erie = await total({ city: 'Erie' });
    await Customer.update({ city: 'Altoona' }, { where: { id: made.body.id } });
    expect(await total({ city: 'Erie' })).toBe(erie - 1);
  });

  it('counts a change made with raw SQL', async () => {
    const made = await as.manager.post('/api/customers').send({ ...completeCustomer(), city: 'Scranton' });
    const scranton = await total({ city: 'Scranton' });
    await t.database.db.sequelize.query('UPDATE customers SET city = :city WHERE id = :id', { replacements: { city: 'Reading', id: made.body.id }, type: QueryTypes.UPDATE });
    expect(await total({ city: 'Scranton' })).toBe(scranton - 1);
  });

  it('counts rows of a bulk load', async () => {
    const before = await total();
    const csv = 'legacyReference,name,accountType,city,state,zip,email,phone,fein\ncc-1,Loaded Gas,utility,Erie,PA,16501,a@example.com,8145550100,251234567\n';
    const r = await as.manager.post('/api/imports/customers').field('dryRun', 'false').attach('file', Buffer.from(csv, 'utf8'), { filename: 'load.csv', contentType: 'text/csv' });
    expect(r.status).toBe(200);
    expect(r.body.written).toBe(true);
    expect(await total()).toBe(before + 1);
  });
});
