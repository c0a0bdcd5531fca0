// The history: every create, update, delete and action writes an event; events are read-only.
import { Event } from '../../../server/models';
import { createTestApp, listQuery, type Cast, type TestApp } from '../../support/app';
import { describeDb, dialect } from '../../support/db';
import { completeBilling, completeCustomer } from '../../support/factories';
import { eventsOf } from '../helpers';

describeDb(`events on ${dialect}`, () => {
  let t: TestApp;
  let as: Cast;
  beforeAll(async () => {
    t = await createTestApp();
    as = await t.cast();
  });
  afterAll(() => t.close());

  it('follows a customer and its billing account through their whole life', async () => {
    const c = (await as.manager.post('/api/customers').send(completeCustomer())).body;
    const b = (await as.manager.post('/api/billing-accounts').send(completeBilling(c.id))).body;
    await as.manager.post('/api/insurance-policies').send({ customerId: c.id, insuranceType: 'commercial', policyExpiresOn: '2099-01-01' });
    const renamed = (await as.manager.put(`/api/customers/${c.id}`).send({ ...c, name: 'Renamed Utility' })).body;
    expect((await as.manager.post(`/api/customers/${c.id}/submit`).send({})).status).toBe(200);
    expect((await as.authorizer.post(`/api/customers/${c.id}/activate`).send({})).status).toBe(200);
    expect((await as.authorizer.post(`/api/billing-accounts/${b.id}/activate`).send({})).status).toBe(200);
    expect((await as.manager.post(`/api/customers/${c.id}/suspend`).send({ reason: 'Dunning' })).status).toBe(200);
    expect((await as.manager.post(`/api/customers/${c.id}/reinstate`).send({})).status).toBe(200);
    expect((await as.manager.post(`/api/customers/${c.id}/inactivate`).send({ reason: 'Sold' })).status).toBe(200);

    const customerEvents = await eventsOf('customers', c.id);
    expect(customerEvents.map((e) => [e.action, e.status, e.actorId])).toEqual([
      ['create', 'preliminary', as.ids.manager],
      ['update', 'preliminary', as.ids.manager],
      ['submit', 'preliminary', as.ids.manager],
      ['activate', 'active', as.ids.authorizer],
      ['suspend', 'suspended', as.ids.manager],
      ['reinstate', 'active', as.ids.manager],
      ['inactivate', 'inactive', as.ids.manager],
    ]);
    for (const e of customerEvents) {
      expect(e.accountNumber).toBe(c.accountNumber);
      expect(e.customerAccountNumber).toBe(c.accountNumber);
      expect(e.entityType).toBe('customers');
      expect(e.at).toBeInstanceOf(Date);
    }
    const [create, update, submit, activate, suspend] = customerEvents;
    expect(create.changes).toMatchObject({ name: [null, c.name], accountNumber: [null, c.accountNumber], status: [null, 'preliminary'], fein: [null, c.fein] });
    expect(update.changes).toEqual({ name: [c.name, 'Renamed Utility'] });
    expect(submit.changes).toEqual({ submittedAt: [null, expect.any(String)], submittedById: [null, as.ids.manager] });
    expect(activate.changes).toEqual({ status: ['preliminary', 'active'] });
    expect(suspend).toMatchObject({ changes: { status: ['active', 'suspended'] }, reason: 'Dunning' });
    expect(renamed.version).toBe(1);

    const billingEvents = await eventsOf('billing-accounts', b.id);
    expect(billingEvents.map((e) => [e.action, e.status])).toEqual([
      ['create', 'preliminary'],
      ['submit', 'preliminary'],
      ['activate', 'active'],
      ['suspend', 'suspended'],
      ['reinstate', 'active'],
      ['inactivate', 'inactive'],
    ]);
    for (const e of billingEvents) {
      expect(e.accountNumber).toBe(b.accountNumber);
      expect(e.customerAccountNumber).toBe(c.accountNumber);
    }
    expect(billingEvents[3].changes).toEqual({ status: ['active', 'suspended'], suspendedByCustomer: [false, true] });
  });

  it('events about users are the administrator\'s audit log alone', async () => {
    const made = await as.admin.post('/api/users').send({ username: 'audited', fullName: 'Audited User', roles: ['analyst'], password: 'Long-enough-42' });
    expect(made.status).toBe(201);
    const q = `/api/events${listQuery({ filter: { entityType: 'users', entityId: made.body.id } })}`;
    expect((await as.admin.get(q)).body).toEqual([expect.objectContaining({ action: 'create', entityType: 'users' })]);
    for (const who of ['manager', 'authorizer', 'district', 'analyst'] as const) {
      const r = await as[who].get(q);
      expect(r.status).toBe(200);
      expect(r.body).toEqual([]);
    }
  });

  it('a delete records the record as it was', async () => {
    const c = (await as.manager.post('/api/customers').send({ name: 'Short-lived' })).body;
    expect((await as.manager.delete(`/api/customers/${c.id}`)).status).toBe(200);
    const events = await eventsOf('customers', c.id);
    expect(events.map((e) => e.action)).toEqual(['create', 'delete']);
    expect(events[1]).toMatchObject({ accountNumber: c.accountNumber, status: 'preliminary', actorId: as.ids.manager });
    expect(events[1].changes).toMatchObject({ name: ['Short-lived', null], accountNumber: [c.accountNumber, null] });
  });

  it('a refused write records nothing', async () => {
    const before = await Event.count();
    await as.manager.post('/api/customers').send({});
    await as.district.post('/api/customers').send({ name: 'x' });
    const c = (await as.manager.post('/api/customers').send({ name: 'Versioned' })).body;
    const after = await Event.count();
    expect(after).toBe(before + 1);
    await as.manager.put(`/api/customers/${c.id}`).send({ name: 'stale', version: 9 });
    await as.manager.post(`/api/customers/${c.id}/activate`).send({});
    expect(await Event.count()).toBe(after);
  });

  it('lists newest first by default, filters by entity, and pages', async () => {
    const r = await as.analyst.get(`/api/events${listQuery({ sort: ['id', 'DESC'], range: [0, 2] })}`);
    expect(r.status).toBe(200);
    expect(r.body).toHaveLength(3);
    expect(r.headers['content-range']).toMatch(/^events 0-2\/\d+$/);
    const ids = r.body.map((e: { id: number }) => e.id);
    expect([...ids].sort((a: number, b: number) => b - a)).toEqual(ids);
    const noSort = await as.analyst.get('/api/events?range=[0,4]');
    expect(noSort.body.map((e: { id: number }) => e.id)).toEqual([...noSort.body.map((e: { id: number }) => e.id)].sort((a: number, b: number) => b - a));
    const one = (await as.analyst.get(`/api/events/${ids[0]}`)).body;
    expect(Object.keys(one).sort()).toEqual(['accountNumber', 'action', 'actorId', 'actorName', 'at', 'changes', 'customerAccountNumber', 'entityId', 'entityType', 'id', 'reason', 'status']);
    expect(one.actorName).toBe('Test manager');
    expect(one.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect((await as.analyst.get(`/api/events${listQuery({ filter: { nonexistent: 1 } })}`)).status).toBe(400);
  });

  it.each(['manager', 'authorizer', 'both', 'district', 'analyst', 'admin'] as const)('events are read-only, also for %s', async (who) => {
    const e = (await as.manager.get('/api/events?range=[0,0]')).body[0];
    const before = await Event.count();
    const stored = (await Event.findByPk(e.id))?.get({ plain: true });
    for (const r of [
      await as[who].post('/api/events').send({ entityType: 'customers', entityId: 1, action: 'forged', changes: {} }),
      await as[who].put(`/api/events/${e.id}`).send({ ...e, action: 'forged', version: 0 }),
      await as[who].delete(`/api/events/${e.id}`),
    ]) {
      expect(r.status).toBeGreaterThanOrEqual(403);
      expect(r.status).toBeLessThan(500);
    }
    expect(await Event.count()).toBe(before);
    expect((await Event.findByPk(e.id))?.get({ plain: true })).toEqual(stored);
  });

  it('names a person who acted, and no one for the system (actor 0) or an event with no actor', async () => {
    const c = (await as.manager.post('/api/customers').send({ name: 'Named actors' })).body;
    const base = { entityType: 'customers', entityId: c.id, accountNumber: c.accountNumber, customerAccountNumber: c.accountNumber, status: 'preliminary', at: new Date(), changes: {}, reason: null };
    await Event.create({ ...base, action: 'update', actorId: 0 });
    await Event.create({ ...base, action: 'update', actorId: null });
    const r = await as.analyst.get(`/api/events${listQuery({ filter: { entityType: 'customers', entityId: c.id }, sort: ['id', 'ASC'] })}`);
    expect(r.status).toBe(200);
    expect(r.body.map((e: { actorId: number | null; actorName: string | null }) => [e.actorId, e.actorName])).toEqual([
      [as.ids.manager, 'Test manager'],
      [0, null],
      [null, null],
    ]);
  });
});
