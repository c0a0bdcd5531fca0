// Reassignment of billing accounts to another customer: atomic, numbers kept, history kept.
import { Event } from '../../../server/models';
import { createTestApp, type Cast, type TestApp } from '../../support/app';
import { describeDb, dialect } from '../../support/db';
import { activeCustomer, completeBilling, draftCustomer } from '../../support/factories';
import { billingRow, eventsOf, snapshot } from '../helpers';

describeDb(`reassignment on ${dialect}`, () => {
  let t: TestApp;
  let as: Cast;
  beforeAll(async () => {
    t = await createTestApp();
    as = await t.cast();
  });
  afterAll(() => t.close());

  const move = (ids: number[], customerId: number, reason: unknown = 'Sale of the northern division') =>
    as.manager.post('/api/billing-accounts/reassign').send({ ids, customerId, reason });

  async function refused(request: () => Promise<{ status: number; body: { message?: string; errors?: Record<string, string> } }>, status: number) {
    const before = await snapshot();
    const r = await request();
    expect({ status: r.status, message: typeof r.body.message }).toEqual({ status, message: 'string' });
    expect(await snapshot()).toEqual(before);
    return r.body;
  }

  it('moves several at once, keeping their numbers, and records the former parent', async () => {
    const seller = await activeCustomer(as.manager, as.authorizer, 3);
    const buyer = await activeCustomer(as.manager, as.authorizer, 1);
    const suspended = seller.billing[1];
    expect((await as.manager.post(`/api/billing-accounts/${suspended.id}/suspend`).send({ reason: 'own' })).status).toBe(200);
    const ids = [seller.billing[0].id, suspended.id];
    const r = await move(ids, buyer.customer.id);
    expect(r.status).toBe(200);
    expect(r.body.map((b: { id: number }) => b.id)).toEqual(ids);
    for (const [i, b] of r.body.entries()) {
      expect(b).toMatchObject({ customerId: buyer.customer.id, accountNumber: [seller.billing[0], suspended][i].accountNumber, customerAccountNumber: buyer.customer.accountNumber });
      expect((await billingRow(b.id))?.customerId).toBe(buyer.customer.id);
    }
    expect((await billingRow(suspended.id))?.status).toBe('suspended');
    expect((await billingRow(seller.billing[2].id))?.customerId).toBe(seller.customer.id);

    const event = (await eventsOf('billing-accounts', seller.billing[0].id)).at(-1);
    expect(event).toMatchObject({
      action: 'reassign',
      actorId: as.ids.manager,
      accountNumber: seller.billing[0].accountNumber,
      customerAccountNumber: buyer.customer.accountNumber,
      status: 'active',
      reason: 'Sale of the northern division',
      changes: { customerId: [seller.customer.id, buyer.customer.id], customerAccountNumber: [seller.customer.accountNumber, buyer.customer.accountNumber] },
    });
    const out = (await eventsOf('customers', seller.customer.id)).at(-1);
    expect(out).toMatchObject({ action: 'reassign_out', changes: { billingAccounts: [[seller.billing[0].accountNumber, suspended.accountNumber], null], toCustomer: [null, buyer.customer.accountNumber] } });

    // And back again: the history keeps every former parent.
    expect((await move([seller.billing[0].id], seller.customer.id, 'Sale undone')).status).toBe(200);
    const moves = (await eventsOf('billing-accounts', seller.billing[0].id)).filter((e) => e.action === 'reassign');
    expect(moves.map((e) => e.changes.customerAccountNumber)).toEqual([
      [seller.customer.accountNumber, buyer.customer.accountNumber],
      [buyer.customer.accountNumber, seller.customer.accountNumber],
    ]);
  });

  it('refuses Preliminary and Inactive billing accounts (409)', async () => {
    const seller = await activeCustomer(as.manager, as.authorizer, 2);
    const buyer = await activeCustomer(as.manager, as.authorizer, 1);
    const draft = (await as.manager.post('/api/billing-accounts').send(completeBilling(seller.customer.id))).body;
    await refused(() => move([draft.id], buyer.customer.id), 409);
    expect((await as.manager.post(`/api/billing-accounts/${seller.billing[1].id}/inactivate`).send({ reason: 'closed' })).status).toBe(200);
    await refused(() => move([seller.billing[1].id], buyer.customer.id), 409);
  });

  it('refuses an Inactive buyer and a buyer of another account type (409)', async () => {
    const seller = await activeCustomer(as.manager, as.authorizer, 2);
    const gone = await activeCustomer(as.manager, as.authorizer, 1);
    expect((await as.manager.post(`/api/customers/${gone.customer.id}/inactivate`).send({ reason: 'gone' })).status).toBe(200);
    const inactive = await refused(() => move([seller.billing[0].id], gone.customer.id), 409);
    expect(inactive.message).toMatch(/Inactive/);
    const driveway = await activeCustomer(as.manager, as.authorizer, 1, { accountType: 'driveway' });
    const type = await refused(() => move([seller.billing[0].id], driveway.customer.id), 409);
    expect(type.message).toMatch(/driveway/);
    // The same customer is no move at all.
    await refused(() => move([seller.billing[0].id], seller.customer.id), 409);
  });

  it('a Preliminary buyer of the same type may take them over', async () => {
    const seller = await activeCustomer(as.manager, as.authorizer, 2);
    const buyer = await draftCustomer(as.manager, 0);
    expect((await move([seller.billing[0].id], buyer.customer.id)).status).toBe(200);
  });

  it('refuses to move the seller\'s last live billing account (409)', async () => {
    const seller = await activeCustomer(as.manager, as.authorizer, 2);
    const buyer = await activeCustomer(as.manager, as.authorizer, 1);
    const body = await refused(() => move(seller.billing.map((b) => b.id), buyer.customer.id), 409);
    expect(body.message).toMatch(/at least one billing account/);
  });

  it('is atomic: when one of several is refused, nothing moves', async () => {
    const sellerA = await activeCustomer(as.manager, as.authorizer, 2);
    const sellerB = await activeCustomer(as.manager, as.authorizer, 1);
    const buyer = await activeCustomer(as.manager, as.authorizer, 1);
    // A's first may move, but B's only one may not.
    await refused(() => move([sellerA.billing[0].id, sellerB.billing[0].id], buyer.customer.id), 409);
    const draft = (await as.manager.post('/api/billing-accounts').send(completeBilling(sellerA.customer.id))).body;
    await refused(() => move([sellerA.billing[0].id, draft.id], buyer.customer.id), 409);
    await refused(() => move([sellerA.billing[0].id, 999999], buyer.customer.id), 404);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['no ids', { ids: [], customerId: 1, reason: 'x' }, 'ids'],
    ['ids not a list', { ids: 'all', customerId: 1, reason: 'x' }, 'ids'],
    ['no buyer', { ids: [1], reason: 'x' }, 'customerId'],
    ['no reason', { ids: [1], customerId: 1 }, 'reason'],
    ['a blank reason', { ids: [1], customerId: 1, reason: ' ' }, 'reason'],
  ])('refuses %s with 422', async (_what, body, field) => {
    const before = await snapshot();
    const r = await as.manager.post('/api/billing-accounts/reassign').send(body);
    expect(r.status).toBe(422);
    expect(Object.keys(r.body.errors)).toContain(field);
    expect(await snapshot()).toEqual(before);
  });

  it('an unknown buyer is 422 on customerId', async () => {
    const seller = await activeCustomer(as.manager, as.authorizer, 2);
    const body = await refused(() => move([seller.billing[0].id], 999999), 422);
    expect(Object.keys(body.errors ?? {})).toEqual(['customerId']);
  });

  describe('changing customerId by a plain PUT', () => {
    it('follows the same rules and records the move', async () => {
      const seller = await activeCustomer(as.manager, as.authorizer, 2);
      const buyer = await activeCustomer(as.manager, as.authorizer, 1);
      const driveway = await activeCustomer(as.manager, as.authorizer, 1, { accountType: 'driveway' });
      const [first, last] = seller.billing;
      await refused(() => as.manager.put(`/api/billing-accounts/${first.id}`).send({ ...first, customerId: driveway.customer.id }), 409);
      const r = await as.manager.put(`/api/billing-accounts/${first.id}`).send({ ...first, customerId: buyer.customer.id });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ customerId: buyer.customer.id, accountNumber: first.accountNumber });
      const event = (await eventsOf('billing-accounts', first.id)).find((e) => e.action === 'reassign');
      expect(event?.changes.customerAccountNumber).toEqual([seller.customer.accountNumber, buyer.customer.accountNumber]);
      // The seller's last one stays.
      await refused(() => as.manager.put(`/api/billing-accounts/${last.id}`).send({ ...last, customerId: buyer.customer.id }), 409);
      // A Preliminary one cannot move either.
      const draft = (await as.manager.post('/api/billing-accounts').send(completeBilling(seller.customer.id))).body;
      await refused(() => as.manager.put(`/api/billing-accounts/${draft.id}`).send({ ...draft, customerId: buyer.customer.id }), 409);
    });
  });

  describe('preview', () => {
    it('lists each account and whether it can move', async () => {
      const seller = await activeCustomer(as.manager, as.authorizer, 1);
      const draft = (await as.manager.post('/api/billing-accounts').send(completeBilling(seller.customer.id))).body;
      const r = await as.manager.get(`/api/billing-accounts/reassign/preview?ids=${encodeURIComponent(JSON.stringify([draft.id, seller.billing[0].id]))}`);
      expect(r.status).toBe(200);
      expect(r.body).toEqual([
        expect.objectContaining({ id: seller.billing[0].id, accountNumber: seller.billing[0].accountNumber, movable: true, why: null }),
        expect.objectContaining({ id: draft.id, movable: false, why: expect.stringMatching(/Preliminary/) }),
      ]);
    });

    it.each(['', 'abc', '[]', '["x"]', '{"a":1}'])('refuses ids=%j with 400', async (ids) => {
      expect((await as.manager.get(`/api/billing-accounts/reassign/preview?ids=${encodeURIComponent(ids)}`)).status).toBe(400);
    });

    it('is readable by everyone who reads accounts, but only managers move', async () => {
      const seller = await activeCustomer(as.manager, as.authorizer, 2);
      const buyer = await activeCustomer(as.manager, as.authorizer, 1);
      for (const who of ['authorizer', 'district', 'analyst'] as const) {
        expect((await as[who].get(`/api/billing-accounts/reassign/preview?ids=[${seller.billing[0].id}]`)).status).toBe(200);
        const before = await Event.count();
        expect((await as[who].post('/api/billing-accounts/reassign').send({ ids: [seller.billing[0].id], customerId: buyer.customer.id, reason: 'x' })).status).toBe(403);
        expect(await Event.count()).toBe(before);
      }
      expect((await as.admin.get(`/api/billing-accounts/reassign/preview?ids=[${seller.billing[0].id}]`)).status).toBe(403);
    });
  });
});
