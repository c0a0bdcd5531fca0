// The role matrix: every role against every write of every resource; refused ones change nothing.
import type { Test } from 'supertest';
import { createTestApp, type Agent, type Cast, type TestApp } from '../../support/app';
import { describeDb, dialect } from '../../support/db';
import { activeCustomer, completeBilling, draftCustomer, insurance } from '../../support/factories';
import { snapshot } from '../helpers';

type Who = 'manager' | 'authorizer' | 'both' | 'district' | 'analyst' | 'admin';
const WHO: Who[] = ['manager', 'authorizer', 'both', 'district', 'analyst', 'admin'];
type Attempt = (a: Agent) => Test;

describeDb(`the role matrix on ${dialect}`, () => {
  let t: TestApp;
  let as: Cast;
  beforeAll(async () => {
    t = await createTestApp();
    as = await t.cast();
  });
  afterAll(() => t.close());

  const M = (): Agent => as.manager;
  const A = (): Agent => as.authorizer;
  const submittedDraft = async () => {
    const made = await draftCustomer(M(), 1);
    const r = await M().post(`/api/customers/${made.customer.id}/submit`).send({});
    expect(r.status).toBe(200);
    return made;
  };
  /** An Active customer with a Preliminary billing account submitted by the manager. */
  const activeWithSubmittedBilling = async () => {
    const made = await activeCustomer(M(), A(), 1);
    const b = (await M().post('/api/billing-accounts').send(completeBilling(made.customer.id))).body;
    expect((await M().post(`/api/billing-accounts/${b.id}/submit`).send({})).status).toBe(200);
    return b as { id: number };
  };
  const suspendedCustomer = async () => {
    const made = await activeCustomer(M(), A(), 1);
    expect((await M().post(`/api/customers/${made.customer.id}/suspend`).send({ reason: 'Unpaid invoices' })).status).toBe(200);
    return made;
  };

  const OPS: Record<string, { allowed: Who[]; prepare: () => Promise<Attempt> }> = {
    'create customer': { allowed: ['manager', 'both'], prepare: async () => (a) => a.post('/api/customers').send({ name: 'New Co' }) },
    'update customer': {
      allowed: ['manager', 'both'],
      prepare: async () => {
        const { customer } = await draftCustomer(M(), 0);
        return (a) => a.put(`/api/customers/${customer.id}`).send({ ...customer, name: 'Renamed Co' });
      },
    },
    'delete customer': {
      allowed: ['manager', 'both'],
      prepare: async () => {
        const { customer } = await draftCustomer(M(), 1);
        return (a) => a.delete(`/api/customers/${customer.id}`);
      },
    },
    'submit customer': {
      allowed: ['manager', 'both'],
      prepare: async () => {
        const { customer } = await draftCustomer(M(), 1);
        return (a) => a.post(`/api/customers/${customer.id}/submit`).send({});
      },
    },
    'activate customer': {
      allowed: ['authorizer', 'both'],
      prepare: async () => {
        const { customer } = await submittedDraft();
        return (a) => a.post(`/api/customers/${customer.id}/activate`).send({});
      },
    },
    'return customer': {
      allowed: ['authorizer', 'both'],
      prepare: async () => {
        const { customer } = await submittedDraft();
        return (a) => a.post(`/api/customers/${customer.id}/return`).send({ reason: 'BPID missing' });
      },
    },
    'suspend customer': {
      allowed: ['manager', 'both'],
      prepare: async () => {
        const { customer } = await activeCustomer(M(), A(), 1);
        return (a) => a.post(`/api/customers/${customer.id}/suspend`).send({ reason: 'Unpaid' });
      },
    },
    'reinstate customer': {
      allowed: ['manager', 'both'],
      prepare: async () => {
        const { customer } = await suspendedCustomer();
        return (a) => a.post(`/api/customers/${customer.id}/reinstate`).send({});
      },
    },
    'inactivate customer': {
      allowed: ['manager', 'both'],
      prepare: async () => {
        const { customer } = await activeCustomer(M(), A(), 1);
        return (a) => a.post(`/api/customers/${customer.id}/inactivate`).send({ reason: 'Out of business' });
      },
    },
    'create billing account': {
      allowed: ['manager', 'both'],
      prepare: async () => {
        const { customer } = await draftCustomer(M(), 0);
        return (a) => a.post('/api/billing-accounts').send(completeBilling(customer.id));
      },
    },
    'update billing account': {
      allowed: ['manager', 'both'],
      prepare: async () => {
        const { billing } = await draftCustomer(M(), 1);
        return (a) => a.put(`/api/billing-accounts/${billing[0].id}`).send({ ...billing[0], billingName: 'Renamed' });
      },
    },
    'delete billing account': {
      allowed: ['manager', 'both'],
      prepare: async () => {
        const { billing } = await draftCustomer(M(), 2);
        return (a) => a.delete(`/api/billing-accounts/${billing[0].id}`);
      },
    },
    'submit billing account': {
      allowed: ['manager', 'both'],
      prepare: async () => {
        const { billing } = await draftCustomer(M(), 1);
        return (a) => a.post(`/api/billing-accounts/${billing[0].id}/submit`).send({});
      },
    },
    'activate billing account': {
      allowed: ['authorizer', 'both'],
      prepare: async () => {
        const b = await activeWithSubmittedBilling();
        return (a) => a.post(`/api/billing-accounts/${b.id}/activate`).send({});
      },
    },
    'return billing account': {
      allowed: ['authorizer', 'both'],
      prepare: async () => {
        const b = await activeWithSubmittedBilling();
        return (a) => a.post(`/api/billing-accounts/${b.id}/return`).send({ reason: 'Wrong address' });
      },
    },
    'suspend billing account': {
      allowed: ['manager', 'both'],
      prepare: async () => {
        const { billing } = await activeCustomer(M(), A(), 1);
        return (a) => a.post(`/api/billing-accounts/${billing[0].id}/suspend`).send({ reason: 'Unpaid' });
      },
    },
    'reinstate billing account': {
      allowed: ['manager', 'both'],
      prepare: async () => {
        const { billing } = await activeCustomer(M(), A(), 1);
        expect((await M().post(`/api/billing-accounts/${billing[0].id}/suspend`).send({ reason: 'Unpaid' })).status).toBe(200);
        return (a) => a.post(`/api/billing-accounts/${billing[0].id}/reinstate`).send({});
      },
    },
    'inactivate billing account': {
      allowed: ['manager', 'both'],
      prepare: async () => {
        const { billing } = await activeCustomer(M(), A(), 2);
        return (a) => a.post(`/api/billing-accounts/${billing[0].id}/inactivate`).send({ reason: 'Closed' });
      },
    },
    'reassign billing accounts': {
      allowed: ['manager', 'both'],
      prepare: async () => {
        const seller = await activeCustomer(M(), A(), 2);
        const buyer = await activeCustomer(M(), A(), 1);
        return (a) => a.post('/api/billing-accounts/reassign').send({ ids: [seller.billing[0].id], customerId: buyer.customer.id, reason: 'Sale' });
      },
    },
    'create insurance': {
      allowed: ['manager', 'both'],
      prepare: async () => {
        const c = (await M().post('/api/customers').send({ name: 'Uninsured' })).body as { id: number };
        return (a) => a.post('/api/insurance-policies').send(insurance(c.id));
      },
    },
    'update insurance': {
      allowed: ['manager', 'both'],
      prepare: async () => {
        const c = (await M().post('/api/customers').send({ name: 'Insured' })).body as { id: number };
        const p = (await M().post('/api/insurance-policies').send(insurance(c.id))).body as Record<string, unknown>;
        return (a) => a.put(`/api/insurance-policies/${p.id}`).send({ ...p, carrier: 'Another Mutual' });
      },
    },
    'delete insurance': {
      allowed: ['manager', 'both'],
      prepare: async () => {
        const c = (await M().post('/api/customers').send({ name: 'Insured' })).body as { id: number };
        const p = (await M().post('/api/insurance-policies').send(insurance(c.id))).body as Record<string, unknown>;
        return (a) => a.delete(`/api/insurance-policies/${p.id}`);
      },
    },
    'list users': { allowed: ['admin'], prepare: async () => (a) => a.get('/api/users') },
    'read a user': { allowed: ['admin'], prepare: async () => (a) => a.get(`/api/users/${as.ids.manager}`) },
    'create user': {
      allowed: ['admin'],
      prepare: async () => (a) => a.post('/api/users').send({ username: `u${Math.random().toString(36).slice(2, 8)}`, fullName: 'New User', roles: ['analyst'], password: 'long-enough-password' }),
    },
    'update user': {
      allowed: ['admin'],
      prepare: async () => {
        const u = await t.user(`x${Math.random().toString(36).slice(2, 8)}`, ['analyst']);
        return (a) => a.put(`/api/users/${u.id}`).send({ fullName: 'Renamed User', version: u.version });
      },
    },
    'delete user': {
      allowed: ['admin'],
      prepare: async () => {
        const u = await t.user(`d${Math.random().toString(36).slice(2, 8)}`, ['analyst']);
        return (a) => a.delete(`/api/users/${u.id}`);
      },
    },
    'create event': { allowed: [], prepare: async () => (a) => a.post('/api/events').send({ entityType: 'customers', entityId: 1, action: 'create', changes: {} }) },
    'update event': {
      allowed: [],
      prepare: async () => {
        await M().post('/api/customers').send({ name: 'Eventful' });
        const e = (await M().get('/api/events')).body[0] as Record<string, unknown>;
        return (a) => a.put(`/api/events/${e.id}`).send({ ...e, action: 'tampered', version: 0 });
      },
    },
    'delete event': {
      allowed: [],
      prepare: async () => {
        await M().post('/api/customers').send({ name: 'Eventful' });
        const e = (await M().get('/api/events')).body[0] as Record<string, unknown>;
        return (a) => a.delete(`/api/events/${e.id}`);
      },
    },
    'create district': { allowed: [], prepare: async () => (a) => a.post('/api/districts').send({ code: '7-0', name: 'District 7-0', headquarters: 'X', counties: [] }) },
    'delete district': { allowed: [], prepare: async () => (a) => a.delete('/api/districts/11-0') },
  };

  describe.each(WHO)('%s', (who) => {
    it.each(Object.keys(OPS))('%s', async (op) => {
      const attempt = await OPS[op].prepare();
      const before = await snapshot();
      const r = await attempt(as[who]);
      if (OPS[op].allowed.includes(who)) {
        expect({ status: r.status === 201 ? 200 : r.status, text: r.status < 300 ? '' : r.text }).toEqual({ status: 200, text: '' });
        if (!op.startsWith('list') && !op.startsWith('read')) expect(await snapshot()).not.toEqual(before);
      } else {
        expect({ status: r.status, body: r.body }).toEqual({ status: 403, body: { message: expect.any(String) } });
        expect(await snapshot()).toEqual(before);
      }
    });
  });

  describe('reads', () => {
    it.each(['customers', 'billing-accounts', 'insurance-policies', 'events', 'districts'])('everyone of Central Office and the districts reads %s; the administrator reads only events and districts', async (name) => {
      for (const who of WHO) {
        const r = await as[who].get(`/api/${name}`);
        const may = who !== 'admin' || name === 'events' || name === 'districts';
        expect([who, r.status]).toEqual([who, may ? 200 : 403]);
      }
    });

    it('the districts are reference data', async () => {
      const r = await as.district.get('/api/districts/11-0');
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ code: '11-0', headquarters: 'Bridgeville' });
      const all = await as.analyst.get('/api/districts?range=[0,24]');
      expect(all.body.map((d: { code: string }) => d.code)).not.toContain('7-0');
      expect(all.body).toHaveLength(11);
    });
  });

  describe('users', () => {
    it('never shows a password or its hash', async () => {
      const created = await as.admin.post('/api/users').send({ username: 'newbie', fullName: 'New Bie', roles: ['district_viewer'], district: '8-0', password: 'long-enough-password' });
      expect(created.status).toBe(201);
      expect(JSON.stringify(created.body)).not.toMatch(/password|scrypt/i);
      const list = await as.admin.get('/api/users');
      expect(JSON.stringify(list.body)).not.toMatch(/password|scrypt/i);
      const events = await as.admin.get(`/api/events?filter=${encodeURIComponent(JSON.stringify({ entityType: 'users', entityId: created.body.id }))}`);
      expect(events.body).toHaveLength(1);
      expect(events.body[0]).toMatchObject({ action: 'create', actorId: as.ids.admin });
      expect(JSON.stringify(events.body)).not.toMatch(/password|scrypt/i);
      // and the new user can sign in
      const a = t.anonymous();
      expect((await a.post('/api/auth/login').send({ username: 'newbie', password: 'long-enough-password' })).status).toBe(200);
      expect((await a.get('/api/auth/me')).body).toMatchObject({ username: 'newbie', roles: ['district_viewer'], district: '8-0' });
    });

    it('refuses bad users with 422', async () => {
      const base = { username: 'okname', fullName: 'Ok', roles: ['analyst'], password: 'long-enough-password' };
      for (const [change, field] of [
        [{ roles: ['king'] }, 'roles'], [{ roles: [] }, 'roles'], [{ password: 'short' }, 'password'], [{ username: 'A B' }, 'username'],
        [{ district: '7-0' }, 'district'], [{ roles: ['district_viewer'], district: null }, 'district'],
      ] as const) {
        const r = await as.admin.post('/api/users').send({ ...base, ...change });
        expect([r.status, Object.keys(r.body.errors ?? {})]).toEqual([422, [field]]);
      }
    });

    it('role changes, deactivation and a new password take effect on the next request', async () => {
      const u = (await as.admin.post('/api/users').send({ username: 'mover', fullName: 'Mover', roles: ['analyst'], password: 'first-password-1' })).body;
      const a = t.anonymous();
      expect((await a.post('/api/auth/login').send({ username: 'mover', password: 'first-password-1' })).status).toBe(200);
      expect((await a.post('/api/customers').send({ name: 'Not yet' })).status).toBe(403);
      const promoted = await as.admin.put(`/api/users/${u.id}`).send({ ...u, roles: ['account_manager'] });
      expect(promoted.status).toBe(200);
      expect((await a.post('/api/customers').send({ name: 'Now' })).status).toBe(201);
      const repassed = await as.admin.put(`/api/users/${u.id}`).send({ ...promoted.body, password: 'second-password-2' });
      expect(repassed.status).toBe(200);
      expect((await t.anonymous().post('/api/auth/login').send({ username: 'mover', password: 'first-password-1' })).status).toBe(401);
      expect((await t.anonymous().post('/api/auth/login').send({ username: 'mover', password: 'second-password-2' })).status).toBe(200);
      expect((await as.admin.put(`/api/users/${u.id}`).send({ ...repassed.body, active: false })).status).toBe(200);
      expect((await a.get('/api/auth/me')).status).toBe(401);
      expect((await t.anonymous().post('/api/auth/login').send({ username: 'mover', password: 'second-password-2' })).status).toBe(401);
    });

    it('a taken username is 409', async () => {
      const r = await as.admin.post('/api/users').send({ username: 'manager', fullName: 'Dup', roles: ['analyst'], password: 'long-enough-password' });
      expect(r.status).toBe(409);
    });
  });

  describe('FEIN masking', () => {
    let customerId: number;
    let fein: string;
    beforeAll(async () => {
      const made = await draftCustomer(M(), 1, { fein: '251234567' });
      customerId = made.customer.id;
      fein = String(made.customer.fein);
      expect(fein).toBe('25-1234567');
      const r = await M().put(`/api/customers/${customerId}`).send({ ...made.customer, fein: '259876543' });
      expect(r.status).toBe(200);
    });

    it.each<[Who, string]>([
      ['manager', '25-9876543'], ['authorizer', '25-9876543'], ['both', '25-9876543'], ['district', '**-***6543'], ['analyst', '**-***6543'],
    ])('%s reads the FEIN as %s, in the record, the list and the events', async (who, shown) => {
      expect((await as[who].get(`/api/customers/${customerId}`)).body.fein).toBe(shown);
      const list = await as[who].get(`/api/customers?filter=${encodeURIComponent(JSON.stringify({ id: [customerId] }))}`);
      expect(list.body[0].fein).toBe(shown);
      const events = await as[who].get(`/api/events?filter=${encodeURIComponent(JSON.stringify({ entityType: 'customers', entityId: customerId }))}`);
      expect(events.status).toBe(200);
      const update = events.body.find((e: { action: string }) => e.action === 'update');
      const create = events.body.find((e: { action: string }) => e.action === 'create');
      const masked = shown.startsWith('*');
      expect(update.changes.fein).toEqual(masked ? ['**-***4567', '**-***6543'] : ['25-1234567', '25-9876543']);
      expect(create.changes.fein).toEqual([null, masked ? '**-***4567' : '25-1234567']);
      expect(JSON.stringify(events.body).includes('1234567')).toBe(!masked);
    });

    it('a district viewer who is also an account manager reads it in full', async () => {
      await t.user('dvam', ['district_viewer', 'account_manager'], '11-0');
      const a = await t.login('dvam');
      expect((await a.get(`/api/customers/${customerId}`)).body.fein).toBe('25-9876543');
    });
  });
});
