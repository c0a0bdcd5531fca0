// The lifecycle actions of customer and billing accounts, their cascades and their refusals.
import { createTestApp, type Agent, type Cast, type TestApp } from '../../support/app';
import { describeDb, dialect } from '../../support/db';
import { activeCustomer, completeBilling, draftCustomer, insurance } from '../../support/factories';
import { InsurancePolicy } from '../../../server/models';
import { billingRow, customerRow, eventsOf, snapshot, statusOf } from '../helpers';

describeDb(`account lifecycle on ${dialect}`, () => {
  let t: TestApp;
  let as: Cast;
  let authorizer2: Agent;
  beforeAll(async () => {
    t = await createTestApp();
    as = await t.cast();
    await t.user('authorizer2', ['authorizer']);
    authorizer2 = await t.login('authorizer2');
  });
  afterAll(() => t.close());

  const act = (a: Agent, kind: 'customers' | 'billing-accounts', id: number, action: string, body: Record<string, unknown> = {}) => a.post(`/api/${kind}/${id}/${action}`).send(body);

  /** Expects a refusal with `status`, and that nothing at all changed. */
  async function refused(request: () => Promise<{ status: number; body: { message?: string } }>, status: number): Promise<{ message?: string; errors?: Record<string, string> }> {
    const before = await snapshot();
    const r = await request();
    expect({ status: r.status, message: typeof r.body.message }).toEqual({ status, message: 'string' });
    expect(await snapshot()).toEqual(before);
    return r.body;
  }

  describe('submit', () => {
    it('puts a draft and its Preliminary billing accounts in the queue; twice is harmless', async () => {
      const { customer, billing } = await draftCustomer(as.manager, 2);
      const r = await act(as.manager, 'customers', customer.id, 'submit');
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ status: 'preliminary', submittedById: as.ids.manager, submittedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T.*Z$/) });
      for (const b of billing) {
        const row = await billingRow(b.id);
        expect(row?.submittedById).toBe(as.ids.manager);
        expect(row?.submittedAt).toBeInstanceOf(Date);
        expect(row?.status).toBe('preliminary');
      }
      const before = await snapshot();
      const again = await act(as.manager, 'customers', customer.id, 'submit');
      expect(again.status).toBe(200);
      expect(again.body).toEqual(r.body);
      expect(await snapshot()).toEqual(before);
    });

    it('a billing account submitted on its own first keeps its own submission', async () => {
      const { customer, billing } = await draftCustomer(as.manager, 1);
      expect((await act(as.both, 'billing-accounts', billing[0].id, 'submit')).status).toBe(200);
      expect((await act(as.manager, 'customers', customer.id, 'submit')).status).toBe(200);
      expect((await billingRow(billing[0].id))?.submittedById).toBe(as.ids.both);
      expect((await billingRow(billing[0].id))?.submittedById).not.toBe(as.ids.manager);
    });

    it('an Active account cannot be submitted (409)', async () => {
      const { customer, billing } = await activeCustomer(as.manager, as.authorizer, 1);
      await refused(() => act(as.manager, 'customers', customer.id, 'submit'), 409);
      await refused(() => act(as.manager, 'billing-accounts', billing[0].id, 'submit'), 409);
    });
  });

  describe('activate', () => {
    it('needs a submission first (409)', async () => {
      const { customer, billing } = await draftCustomer(as.manager, 1);
      const body = await refused(() => act(as.authorizer, 'customers', customer.id, 'activate'), 409);
      expect(body.message).toMatch(/submitted/);
      await refused(() => act(as.authorizer, 'customers', customer.id, 'return', { reason: 'x' }), 409);
      await refused(() => act(as.authorizer, 'billing-accounts', billing[0].id, 'activate'), 409);
    });

    it('four eyes: who submitted cannot activate (403); another authorizer can', async () => {
      const { customer, billing } = await draftCustomer(as.both, 1);
      expect((await act(as.both, 'customers', customer.id, 'submit')).status).toBe(200);
      const body = await refused(() => act(as.both, 'customers', customer.id, 'activate'), 403);
      expect(body.message).toMatch(/another Authorizer/);
      const r = await act(as.authorizer, 'customers', customer.id, 'activate');
      expect(r.status).toBe(200);
      expect(r.body.status).toBe('active');
      // The billing account was submitted with the customer, by the same user.
      await refused(() => act(as.both, 'billing-accounts', billing[0].id, 'activate'), 403);
      expect((await act(authorizer2, 'billing-accounts', billing[0].id, 'activate')).body.status).toBe('active');
    });

    it('returns a 422 naming every missing item of a Utility customer', async () => {
      const c = (await as.manager.post('/api/customers').send({ name: 'Bare Utility' })).body;
      expect((await act(as.manager, 'customers', c.id, 'submit')).status).toBe(200);
      const body = await refused(() => act(as.authorizer, 'customers', c.id, 'activate'), 422);
      expect(Object.keys(body.errors ?? {}).sort()).toEqual(['addressLine1', 'billingAccounts', 'bpid', 'city', 'fein', 'insurance', 'state', 'zip']);
      expect(await statusOf('customers', c.id)).toBe('preliminary');
    });

    it('names only what is missing: FEIN and insurance', async () => {
      const { customer } = await draftCustomer(as.manager, 1, { fein: null });
      const policy = (await as.manager.get(`/api/insurance-policies?filter=${encodeURIComponent(JSON.stringify({ customerId: customer.id }))}`)).body[0];
      expect((await as.manager.put(`/api/insurance-policies/${policy.id}`).send({ ...policy, policyExpiresOn: '2001-01-01' })).status).toBe(200);
      expect((await act(as.manager, 'customers', customer.id, 'submit')).status).toBe(200);
      const body = await refused(() => act(as.authorizer, 'customers', customer.id, 'activate'), 422);
      expect(Object.keys(body.errors ?? {}).sort()).toEqual(['fein', 'insurance']);
    });

    it('a customer without a billing account cannot be activated; a Driveway customer needs nothing else', async () => {
      const c = (await as.manager.post('/api/customers').send({ name: 'Driveway Owner', accountType: 'driveway' })).body;
      expect((await act(as.manager, 'customers', c.id, 'submit')).status).toBe(200);
      const body = await refused(() => act(as.authorizer, 'customers', c.id, 'activate'), 422);
      expect(Object.keys(body.errors ?? {})).toEqual(['billingAccounts']);
      // A Driveway customer needs no FEIN, BPID, address or insurance.
      expect((await as.manager.post('/api/billing-accounts').send({ customerId: c.id, billingName: 'Driveway billing' })).status).toBe(201);
      expect((await act(as.authorizer, 'customers', c.id, 'activate')).body.status).toBe('active');
    });

    it('a billing account needs an Active parent (409), then its own fields (422)', async () => {
      const { customer } = await draftCustomer(as.manager, 1);
      const b = (await as.manager.post('/api/billing-accounts').send({ customerId: customer.id, billingName: 'Sparse' })).body;
      expect((await act(as.manager, 'customers', customer.id, 'submit')).status).toBe(200);
      const parent = await refused(() => act(as.authorizer, 'billing-accounts', b.id, 'activate'), 409);
      expect(parent.message).toContain(customer.accountNumber);
      expect((await act(as.authorizer, 'customers', customer.id, 'activate')).status).toBe(200);
      const own = await refused(() => act(as.authorizer, 'billing-accounts', b.id, 'activate'), 422);
      expect(Object.keys(own.errors ?? {}).sort()).toEqual(['addressLine1', 'city', 'districts', 'invoiceEmailPrimary', 'state', 'zip']);
      const current = (await as.manager.get(`/api/billing-accounts/${b.id}`)).body;
      const fixed = await as.manager.put(`/api/billing-accounts/${b.id}`).send({ ...completeBilling(customer.id), billingName: 'Sparse', version: current.version });
      expect(fixed.status).toBe(200);
      // The change took it out of the queue: it is activated once submitted again.
      expect(fixed.body.submittedAt).toBeNull();
      await refused(() => act(as.authorizer, 'billing-accounts', b.id, 'activate'), 409);
      expect((await act(as.manager, 'billing-accounts', b.id, 'submit')).status).toBe(200);
      expect((await act(as.authorizer, 'billing-accounts', b.id, 'activate')).body.status).toBe('active');
    });

    it('four eyes hold for changes: who changes a submitted account cannot then activate it', async () => {
      const { customer } = await draftCustomer(as.manager, 1);
      expect((await act(as.manager, 'customers', customer.id, 'submit')).status).toBe(200);
      const current = (await as.both.get(`/api/customers/${customer.id}`)).body;
      const unchanged = await as.both.put(`/api/customers/${customer.id}`).send(current);
      expect(unchanged.body.submittedAt).not.toBeNull();
      const changed = await as.both.put(`/api/customers/${customer.id}`).send({ ...current, phone: '717-555-0999' });
      expect(changed.status).toBe(200);
      expect(changed.body.submittedAt).toBeNull();
      await refused(() => act(as.both, 'customers', customer.id, 'activate'), 409);
      expect((await act(as.both, 'customers', customer.id, 'submit')).status).toBe(200);
      await refused(() => act(as.both, 'customers', customer.id, 'activate'), 403);
      expect((await act(as.authorizer, 'customers', customer.id, 'activate')).body.status).toBe('active');
    });

    it('submitting a waiting customer again takes in the billing accounts drafted since', async () => {
      const { customer } = await draftCustomer(as.manager, 1);
      expect((await act(as.manager, 'customers', customer.id, 'submit')).status).toBe(200);
      const late = (await as.manager.post('/api/billing-accounts').send(completeBilling(customer.id))).body;
      expect(late.submittedAt).toBeNull();
      expect((await act(as.manager, 'customers', customer.id, 'submit')).status).toBe(200);
      expect((await as.manager.get(`/api/billing-accounts/${late.id}`)).body.submittedAt).not.toBeNull();
    });
  });

  describe('return', () => {
    it('needs a reason (422), then takes the account and its billing accounts out of the queue', async () => {
      const { customer, billing } = await draftCustomer(as.manager, 1);
      expect((await act(as.manager, 'customers', customer.id, 'submit')).status).toBe(200);
      const body = await refused(() => act(as.authorizer, 'customers', customer.id, 'return'), 422);
      expect(Object.keys(body.errors ?? {})).toEqual(['reason']);
      await refused(() => act(as.authorizer, 'customers', customer.id, 'return', { reason: '   ' }), 422);
      const r = await act(as.authorizer, 'customers', customer.id, 'return', { reason: 'The BPID does not match.' });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ status: 'preliminary', submittedAt: null, submittedById: null });
      expect((await billingRow(billing[0].id))?.submittedAt).toBeNull();
      await refused(() => act(as.authorizer, 'customers', customer.id, 'activate'), 409);
      const events = await eventsOf('customers', customer.id);
      expect(events.at(-1)).toMatchObject({ action: 'return', reason: 'The BPID does not match.' });
    });
  });

  describe('suspend and reinstate', () => {
    it('suspending a customer suspends its Active billing accounts; reinstating restores exactly those', async () => {
      const { customer, billing } = await activeCustomer(as.manager, as.authorizer, 3);
      const draft = (await as.manager.post('/api/billing-accounts').send(completeBilling(customer.id))).body;
      expect((await act(as.manager, 'billing-accounts', billing[2].id, 'suspend', { reason: 'Unpaid invoice' })).body.status).toBe('suspended');

      await refused(() => act(as.manager, 'customers', customer.id, 'suspend'), 422);
      const s = await act(as.manager, 'customers', customer.id, 'suspend', { reason: 'Securities expired' });
      expect(s.status).toBe(200);
      expect(s.body.status).toBe('suspended');
      expect(await statusOf('billing-accounts', billing[0].id)).toBe('suspended');
      expect(await statusOf('billing-accounts', billing[1].id)).toBe('suspended');
      expect(await statusOf('billing-accounts', billing[2].id)).toBe('suspended');
      expect(await statusOf('billing-accounts', draft.id)).toBe('preliminary');
      await refused(() => act(as.manager, 'customers', customer.id, 'suspend', { reason: 'again' }), 409);
      // A billing account cannot be reinstated while its customer is suspended.
      await refused(() => act(as.manager, 'billing-accounts', billing[0].id, 'reinstate'), 409);

      const r = await act(as.manager, 'customers', customer.id, 'reinstate');
      expect(r.status).toBe(200);
      expect(r.body.status).toBe('active');
      expect(await statusOf('billing-accounts', billing[0].id)).toBe('active');
      expect(await statusOf('billing-accounts', billing[1].id)).toBe('active');
      expect(await statusOf('billing-accounts', billing[2].id)).toBe('suspended');
      expect(await statusOf('billing-accounts', draft.id)).toBe('preliminary');
      expect((await billingRow(billing[0].id))?.suspendedByCustomer).toBe(false);
      await refused(() => act(as.manager, 'customers', customer.id, 'reinstate'), 409);

      // The one suspended on its own is reinstated on its own.
      expect((await act(as.manager, 'billing-accounts', billing[2].id, 'reinstate')).body.status).toBe('active');
    });

    it('a suspension of its own is not lifted by the customer\'s reinstatement, even after another suspension', async () => {
      const { customer, billing } = await activeCustomer(as.manager, as.authorizer, 2);
      expect((await act(as.manager, 'customers', customer.id, 'suspend', { reason: 'a' })).status).toBe(200);
      expect((await act(as.manager, 'customers', customer.id, 'reinstate')).status).toBe(200);
      expect((await act(as.manager, 'billing-accounts', billing[0].id, 'suspend', { reason: 'own' })).status).toBe(200);
      expect((await act(as.manager, 'customers', customer.id, 'suspend', { reason: 'b' })).status).toBe(200);
      expect((await act(as.manager, 'customers', customer.id, 'reinstate')).status).toBe(200);
      expect(await statusOf('billing-accounts', billing[0].id)).toBe('suspended');
      expect(await statusOf('billing-accounts', billing[1].id)).toBe('active');
    });

    it('a draft cannot be suspended, reinstated or inactivated (409)', async () => {
      const { customer, billing } = await draftCustomer(as.manager, 1);
      for (const action of ['suspend', 'reinstate', 'inactivate']) {
        await refused(() => act(as.manager, 'customers', customer.id, action, { reason: 'x' }), 409);
        await refused(() => act(as.manager, 'billing-accounts', billing[0].id, action, { reason: 'x' }), 409);
      }
    });
  });

  describe('inactivate', () => {
    it('inactivating a customer inactivates all its billing accounts; Inactive is final', async () => {
      const { customer, billing } = await activeCustomer(as.manager, as.authorizer, 2);
      const draft = (await as.manager.post('/api/billing-accounts').send(completeBilling(customer.id))).body;
      expect((await act(as.manager, 'billing-accounts', billing[1].id, 'suspend', { reason: 'own' })).status).toBe(200);
      await refused(() => act(as.manager, 'customers', customer.id, 'inactivate'), 422);
      const r = await act(as.manager, 'customers', customer.id, 'inactivate', { reason: 'Out of business' });
      expect(r.status).toBe(200);
      expect(r.body.status).toBe('inactive');
      for (const id of [billing[0].id, billing[1].id, draft.id]) expect(await statusOf('billing-accounts', id)).toBe('inactive');
      for (const action of ['reinstate', 'activate', 'suspend', 'inactivate', 'submit', 'return']) {
        const who = action === 'activate' || action === 'return' ? as.authorizer : as.manager;
        await refused(() => act(who, 'customers', customer.id, action, { reason: 'x' }), 409);
        await refused(() => act(who, 'billing-accounts', billing[0].id, action, { reason: 'x' }), 409);
      }
      // Nor can it get new billing accounts, nor lose its history by a delete.
      await refused(() => as.manager.post('/api/billing-accounts').send(completeBilling(customer.id)), 409);
      await refused(() => as.manager.delete(`/api/customers/${customer.id}`), 409);
    });

    it('a Suspended customer can be inactivated', async () => {
      const { customer } = await activeCustomer(as.manager, as.authorizer, 1);
      expect((await act(as.manager, 'customers', customer.id, 'suspend', { reason: 'x' })).status).toBe(200);
      expect((await act(as.manager, 'customers', customer.id, 'inactivate', { reason: 'y' })).body.status).toBe('inactive');
    });

    it('the last live billing account of an Active customer cannot be inactivated or deleted (409)', async () => {
      const { customer, billing } = await activeCustomer(as.manager, as.authorizer, 2);
      expect((await act(as.manager, 'billing-accounts', billing[0].id, 'inactivate', { reason: 'Closed' })).body.status).toBe('inactive');
      const body = await refused(() => act(as.manager, 'billing-accounts', billing[1].id, 'inactivate', { reason: 'Closed' }), 409);
      expect(body.message).toMatch(/at least one billing account/);
      // Also when suspended.
      expect((await act(as.manager, 'customers', customer.id, 'suspend', { reason: 'x' })).status).toBe(200);
      await refused(() => act(as.manager, 'billing-accounts', billing[1].id, 'inactivate', { reason: 'Closed' }), 409);

      // An Active customer whose only live billing account is a draft cannot lose the draft.
      const made = await draftCustomer(as.manager, 1);
      expect((await act(as.manager, 'customers', made.customer.id, 'submit')).status).toBe(200);
      expect((await act(as.authorizer, 'customers', made.customer.id, 'activate')).status).toBe(200);
      await refused(() => as.manager.delete(`/api/billing-accounts/${made.billing[0].id}`), 409);
      // With a second one it can.
      const second = (await as.manager.post('/api/billing-accounts').send(completeBilling(made.customer.id))).body;
      expect((await as.manager.delete(`/api/billing-accounts/${made.billing[0].id}`)).status).toBe(200);
      expect(await billingRow(made.billing[0].id)).toBeNull();
      expect(await billingRow(second.id)).not.toBeNull();
    });
  });

  describe('unknown actions and records', () => {
    it('an unknown action or record is 404', async () => {
      const { customer } = await draftCustomer(as.manager, 0);
      await refused(() => act(as.manager, 'customers', customer.id, 'explode'), 404);
      await refused(() => act(as.manager, 'customers', 999999, 'submit'), 404);
      await refused(() => as.manager.post('/api/customers/abc/submit').send({}), 404);
    });

    it('an action answers the record as it now stands, as GET does', async () => {
      const { customer } = await draftCustomer(as.manager, 1);
      const r = await act(as.manager, 'customers', customer.id, 'submit');
      expect(r.body).toEqual((await as.manager.get(`/api/customers/${customer.id}`)).body);
      expect(r.body.version).toBe(customer.version + 1);
      expect((await customerRow(customer.id))?.version).toBe(customer.version + 1);
    });
  });

  describe('refusals say the right thing first', () => {
    it('a user without the right gets 403 before anything is said about the reason', async () => {
      const { customer, billing } = await activeCustomer(as.manager, as.authorizer, 1);
      for (const body of [{}, { reason: '   ' }, { reason: 'x'.repeat(5000) }]) {
        await refused(() => act(as.authorizer, 'customers', customer.id, 'suspend', body), 403);
        await refused(() => act(as.analyst, 'billing-accounts', billing[0].id, 'inactivate', body), 403);
        await refused(() => act(as.district, 'customers', customer.id, 'inactivate', body), 403);
        await refused(() => act(as.manager, 'customers', customer.id, 'return', body), 403);
      }
      // One who may act is then asked for the reason.
      const body = await refused(() => act(as.manager, 'customers', customer.id, 'suspend'), 422);
      expect(body.errors).toEqual({ reason: 'Please give a reason.' });
      const long = await refused(() => act(as.manager, 'customers', customer.id, 'suspend', { reason: 'x'.repeat(2001) }), 422);
      expect(long.errors).toEqual({ reason: 'A reason has at most 2000 characters.' });
    });

    it('names the status with the article it takes: “An Active account”, “A Preliminary account”', async () => {
      const { customer } = await activeCustomer(as.manager, as.authorizer, 1);
      expect((await refused(() => act(as.manager, 'customers', customer.id, 'submit'), 409)).message).toBe('An Active account cannot be submitted.');
      expect((await refused(() => act(as.manager, 'customers', customer.id, 'reinstate'), 409)).message).toBe('An Active account cannot be reinstated.');
      const draft = await draftCustomer(as.manager, 1);
      expect((await refused(() => act(as.authorizer, 'customers', draft.customer.id, 'activate'), 409)).message)
        .toBe('A Preliminary account cannot be activated until it is submitted.');
      expect((await refused(() => act(as.manager, 'billing-accounts', draft.billing[0].id, 'suspend', { reason: 'x' }), 409)).message)
        .toBe('A Preliminary account cannot be suspended.');
    });
  });

  describe('delete', () => {
    it('deletes only Preliminary accounts (409 otherwise)', async () => {
      const { customer, billing } = await activeCustomer(as.manager, as.authorizer, 2);
      await refused(() => as.manager.delete(`/api/customers/${customer.id}`), 409);
      await refused(() => as.manager.delete(`/api/billing-accounts/${billing[0].id}`), 409);
    });

    it('deleting a customer deletes its billing accounts and its insurance, and answers the deleted record', async () => {
      const { customer, billing } = await draftCustomer(as.manager, 2);
      const r = await as.manager.delete(`/api/customers/${customer.id}`);
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ id: customer.id, accountNumber: customer.accountNumber, name: customer.name });
      expect(await customerRow(customer.id)).toBeNull();
      for (const b of billing) expect(await billingRow(b.id)).toBeNull();
      expect(await InsurancePolicy.count({ where: { customerId: customer.id } })).toBe(0);
      expect((await as.manager.get(`/api/customers/${customer.id}`)).status).toBe(404);
      const events = await eventsOf('billing-accounts', billing[0].id);
      expect(events.at(-1)).toMatchObject({ action: 'delete', reason: 'Deleted with its customer account.' });
    });

    it('never reuses a number after a delete', async () => {
      const a = (await as.manager.post('/api/customers').send({ name: 'Doomed' })).body;
      expect((await as.manager.delete(`/api/customers/${a.id}`)).status).toBe(200);
      const b = (await as.manager.post('/api/customers').send({ name: 'Next' })).body;
      expect(b.accountNumber).not.toBe(a.accountNumber);
      expect(Number(b.accountNumber.slice(0, -1))).toBeGreaterThan(Number(a.accountNumber.slice(0, -1)));
      const ba = (await as.manager.post('/api/billing-accounts').send(completeBilling(b.id))).body;
      expect((await as.manager.delete(`/api/billing-accounts/${ba.id}`)).status).toBe(200);
      const bb = (await as.manager.post('/api/billing-accounts').send(completeBilling(b.id))).body;
      expect(Number(bb.accountNumber.slice(0, -1))).toBeGreaterThan(Number(ba.accountNumber.slice(0, -1)));
      // Customers and billing accounts share the one sequence.
      expect(new Set([a, b, ba, bb].map((x) => x.accountNumber)).size).toBe(4);
    });
  });

  describe('where billing accounts may be created', () => {
    it('under Preliminary, Active and Suspended customers; not under Inactive ones (409)', async () => {
      const draft = await draftCustomer(as.manager, 0);
      expect((await as.manager.post('/api/billing-accounts').send(completeBilling(draft.customer.id))).status).toBe(201);
      const active = await activeCustomer(as.manager, as.authorizer, 1);
      expect((await as.manager.post('/api/billing-accounts').send(completeBilling(active.customer.id))).status).toBe(201);
      expect((await act(as.manager, 'customers', active.customer.id, 'suspend', { reason: 'x' })).status).toBe(200);
      const underSuspended = await as.manager.post('/api/billing-accounts').send(completeBilling(active.customer.id));
      expect(underSuspended.status).toBe(201);
      expect(underSuspended.body.status).toBe('preliminary');
      expect((await act(as.manager, 'customers', active.customer.id, 'inactivate', { reason: 'y' })).status).toBe(200);
      const body = await refused(() => as.manager.post('/api/billing-accounts').send(completeBilling(active.customer.id)), 409);
      expect(body.message).toMatch(/Inactive/);
    });
  });

  it('insurance of a customer: helper data is in place', async () => {
    // Guards the factories used above: a draft has its insurance, one per customer.
    const { customer } = await draftCustomer(as.manager, 0);
    expect((await as.manager.post('/api/insurance-policies').send(insurance(customer.id))).status).toBe(409);
  });
});
