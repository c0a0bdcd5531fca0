// Simultaneous writers: optimistic concurrency holds, and numbers stay distinct.
import { accountNumberProblem } from '../../../config/account-numbers';
import { Customer } from '../../../server/models';
import { createTestApp, type Cast, type TestApp } from '../../support/app';
import { describeDb, dialect } from '../../support/db';
import { activeCustomer, completeBilling } from '../../support/factories';
import { eventsOf } from '../helpers';

describeDb(`concurrency on ${dialect}`, () => {
  let t: TestApp;
  let as: Cast;
  beforeAll(async () => {
    t = await createTestApp();
    as = await t.cast();
  });
  afterAll(() => t.close());

  it('two simultaneous PUTs with the same version: exactly one 200, one 409', async () => {
    const c = (await as.manager.post('/api/customers').send({ name: 'Contended' })).body;
    const [a, b] = await Promise.all([
      as.manager.put(`/api/customers/${c.id}`).send({ ...c, city: 'Erie' }),
      as.both.put(`/api/customers/${c.id}`).send({ ...c, city: 'Altoona' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = a.status === 200 ? a.body : b.body;
    const row = await Customer.findByPk(c.id);
    expect(row?.city).toBe(winner.city);
    expect(row?.version).toBe(1);
    expect((await eventsOf('customers', c.id)).map((e) => e.action)).toEqual(['create', 'update']);
  });

  it('five simultaneous PUTs with the same version: exactly one wins', async () => {
    const c = (await as.manager.post('/api/customers').send({ name: 'Crowded' })).body;
    const results = await Promise.all(['Erie', 'Altoona', 'Scranton', 'York', 'Reading'].map((city) => as.manager.put(`/api/customers/${c.id}`).send({ ...c, city })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409]);
    expect((await Customer.findByPk(c.id))?.version).toBe(1);
  });

  it('ten simultaneous creates get ten distinct, valid numbers', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => as.manager.post('/api/customers').send({ name: `Rush ${i}` })));
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(201));
    const numbers = results.map((r) => r.body.accountNumber as string);
    expect(new Set(numbers).size).toBe(10);
    for (const n of numbers) expect(accountNumberProblem(n)).toBeNull();
    const billing = await Promise.all(Array.from({ length: 10 }, () => as.manager.post('/api/billing-accounts').send(completeBilling(results[0].body.id))));
    expect(billing.map((r) => r.status)).toEqual(Array(10).fill(201));
    const all = [...numbers, ...billing.map((r) => r.body.accountNumber as string)];
    expect(new Set(all).size).toBe(20);
  });

  it('two simultaneous suspensions of one customer: one 200, one 409', async () => {
    const { customer } = await activeCustomer(as.manager, as.authorizer, 1);
    const [a, b] = await Promise.all([
      as.manager.post(`/api/customers/${customer.id}/suspend`).send({ reason: 'a' }),
      as.both.post(`/api/customers/${customer.id}/suspend`).send({ reason: 'b' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect((await eventsOf('customers', customer.id)).filter((e) => e.action === 'suspend')).toHaveLength(1);
  });

  it('two simultaneous inactivations of the last two billing accounts: the customer keeps one', async () => {
    const { customer, billing } = await activeCustomer(as.manager, as.authorizer, 2);
    const results = await Promise.all(billing.map((b) => as.manager.post(`/api/billing-accounts/${b.id}/inactivate`).send({ reason: 'closed' })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const live = await as.manager.get(`/api/billing-accounts?filter=${encodeURIComponent(JSON.stringify({ customerId: customer.id, status: 'active' }))}`);
    expect(live.body).toHaveLength(1);
  });
});
