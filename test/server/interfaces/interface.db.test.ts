// The interface for permit systems (/interfaces/v1): tokens and scope, Bill To lookup and search,
// blanket securities, work in process; every answer checked against the zod schemas and the
// OpenAPI document's schemas.
import supertest from 'supertest';
import { luhnCheckDigit } from '../../../config/account-numbers';
import { createApiClient } from '../../../server/interfaces/clients';
import { openApiDocument } from '../../../server/interfaces/openapi';
import { BillTo, BillToList, ErrorBody, FeedPage, Securities, WorkItemBody } from '../../../server/interfaces/schemas';
import { BillingAccount, Event, WorkItem } from '../../../server/models';
import { createTestApp, listQuery, type Cast, type TestApp } from '../../support/app';
import { describeDb, dialect } from '../../support/db';
import { activeCustomer, completeBilling, draftCustomer } from '../../support/factories';
import { statusOf } from '../helpers';
import { schemaChecker, validateOpenApiDocument, type OpenApiDocument } from './openapi-check';

interface Rec { id: number; accountNumber: string; version: number; [k: string]: unknown }
type Res = { status: number; body: unknown; headers: Record<string, string> };

const check = schemaChecker(openApiDocument() as OpenApiDocument);
const zod = { BillTo, BillToList, Error: ErrorBody, Securities, WorkItem: WorkItemBody, EventsPage: FeedPage } as const;

/** Every interface answer is checked against its schema, in zod and in the OpenAPI document. */
function conforms(r: Res, schema: keyof typeof zod): void {
  expect(check(schema, r.body)).toEqual([]);
  const parsed = zod[schema].safeParse(r.body);
  expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
}

const wrongCheckDigit = (n: string) => `${n.slice(0, -1)}${(Number(n.at(-1)) + 1) % 10}`;
const validUnknown = () => { const body = '99999999'; return `${body}${luhnCheckDigit(body)}`; };

describeDb(`interface for permit systems on ${dialect}`, () => {
  let t: TestApp;
  let as: Cast;
  let token: string;
  let otherToken: string;
  let api: (path: string, tok?: string) => supertest.Test;
  let put: (path: string, body: unknown) => supertest.Test;
  let main: Awaited<ReturnType<typeof activeCustomer>>;
  beforeAll(async () => {
    // The interface logs one JSON line per call; keep the test output readable.
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    t = await createTestApp();
    as = await t.cast();
    token = (await as.admin.post('/api/api-clients').send({ name: 'EPS', permitSystem: 'HOP' })).body.token;
    // A client of another permit system, made directly: the API offers HOP only today.
    otherToken = (await t.database.db.transaction((tx) => createApiClient(tx, 'Other PS', 'MPP'))).token;
    api = (path, tok = token) => supertest(t.app).get(`/interfaces/v1${path}`).set('Authorization', `Bearer ${tok}`);
    put = (path, body) => supertest(t.app).put(`/interfaces/v1${path}`).set('Authorization', `Bearer ${token}`).send(body as object);
    main = await activeCustomer(as.manager, as.authorizer, 3, { name: 'Zephyr Interface Power', bpid: 'BPZEPHYR' });
    const names = ['Ifc Gamma', 'Ifc Alpha', 'Ifc Beta'];
    for (const [i, b] of main.billing.entries()) {
      main.billing[i] = (await as.manager.put(`/api/billing-accounts/${b.id}`).send({ ...b, billingName: names[i], invoiceEmailSecondary: 'shared@zephyr.example' })).body;
    }
    await as.manager.post('/api/contacts').send({ billingAccountId: main.billing[0].id, name: 'Billing Person', email: 'bp@zephyr.example', phone: '717-555-0142', isPrimary: true });
    await as.manager.post('/api/contacts').send({ customerId: main.customer.id, name: 'Customer Person', email: 'cp@zephyr.example', phone: '717-555-0143', isPrimary: true });
  }, 120_000);
  afterAll(() => t.close());

  describe('tokens', () => {
    it('no token, a wrong one or a revoked one is 401 with an Error body', async () => {
      const none = await supertest(t.app).get(`/interfaces/v1/billing-accounts/${main.billing[0].accountNumber}`);
      expect(none.status).toBe(401);
      conforms(none, 'Error');
      const wrong = await api(`/billing-accounts/${main.billing[0].accountNumber}`, 'cims_wrong-token-wrong-token-wrong-token-wrong');
      expect(wrong.status).toBe(401);
      conforms(wrong, 'Error');
      const made = (await as.admin.post('/api/api-clients').send({ name: 'Short-lived', permitSystem: 'HOP' })).body;
      expect((await api('/billing-accounts?q=ifc', made.token)).status).toBe(200);
      await as.admin.post(`/api/api-clients/${made.id}/revoke`);
      const revoked = await api('/billing-accounts?q=ifc', made.token);
      expect(revoked.status).toBe(401);
      conforms(revoked, 'Error');
      // A session cookie is no token.
      expect((await as.manager.get('/interfaces/v1/billing-accounts?q=ifc')).status).toBe(401);
    });

    it('a client sees only billing accounts of its own permit system', async () => {
      const made = await activeCustomer(as.manager, as.authorizer, 2, { name: 'Scoped Co' });
      const billing = await Promise.all(made.billing.map(async (b, i) => (await as.manager.put(`/api/billing-accounts/${b.id}`).send({ ...b, billingName: `Scopedbill ${i}` })).body as Rec));
      await BillingAccount.update({ permitSystem: 'MPP' }, { where: { id: billing[1].id } });
      expect((await api(`/billing-accounts/${billing[1].accountNumber}`)).status).toBe(404);
      const mine = await api(`/billing-accounts/${billing[1].accountNumber}`, otherToken);
      expect(mine.status).toBe(200);
      conforms(mine, 'BillTo');
      expect(mine.body).toMatchObject({ accountNumber: billing[1].accountNumber, permitSystem: 'MPP' });
      expect((await api(`/billing-accounts/${billing[0].accountNumber}`, otherToken)).status).toBe(404);
      const searchHop = await api('/billing-accounts?q=scoped');
      expect(searchHop.body.map((b: Rec) => b.accountNumber)).toEqual([billing[0].accountNumber]);
      const searchMpp = await api('/billing-accounts?q=scoped', otherToken);
      expect(searchMpp.body.map((b: Rec) => b.accountNumber)).toEqual([billing[1].accountNumber]);
      expect((await supertest(t.app).put(`/interfaces/v1/billing-accounts/${billing[1].accountNumber}/work/W-SCOPE`).set('Authorization', `Bearer ${token}`).send({ state: 'open' })).status).toBe(404);
      expect(await WorkItem.count({ where: { billingAccountId: billing[1].id } })).toBe(0);
    });
  });

  describe('lookup', () => {
    it('gives the Bill To record of an Active billing account', async () => {
      const b = main.billing[0];
      const r = await api(`/billing-accounts/${b.accountNumber}`);
      expect(r.status).toBe(200);
      conforms(r, 'BillTo');
      expect(r.body).toEqual({
        accountNumber: b.accountNumber,
        status: 'active',
        billingName: 'Ifc Gamma',
        address: { line1: '100 Market St', line2: null, city: 'Harrisburg', state: 'PA', zip: '17101' },
        contact: { name: 'Billing Person', email: 'bp@zephyr.example', phone: '717-555-0142' },
        invoiceMethod: 'email',
        invoiceEmails: [b.invoiceEmailPrimary, 'shared@zephyr.example'],
        permitSystem: 'HOP',
        customer: { accountNumber: main.customer.accountNumber, name: 'Zephyr Interface Power', accountType: 'utility', status: 'active', bpid: 'BPZEPHYR' },
      });
      // Without a contact of its own, the customer's primary contact.
      const other = await api(`/billing-accounts/${main.billing[1].accountNumber}`);
      expect(other.body.contact).toEqual({ name: 'Customer Person', email: 'cp@zephyr.example', phone: '717-555-0143' });
    });

    it('a wrong check digit is 400 saying so; a malformed number 400; an unknown one 404', async () => {
      const wrong = await api(`/billing-accounts/${wrongCheckDigit(main.billing[0].accountNumber)}`);
      expect(wrong.status).toBe(400);
      expect(wrong.body.message).toMatch(/check digit/i);
      conforms(wrong, 'Error');
      for (const bad of ['12345', 'abcdefghi', '1234567890']) {
        const r = await api(`/billing-accounts/${bad}`);
        expect(r.status).toBe(400);
        conforms(r, 'Error');
      }
      const unknown = await api(`/billing-accounts/${validUnknown()}`);
      expect(unknown.status).toBe(404);
      conforms(unknown, 'Error');
    });

    it('a non-Active account comes back with its status', async () => {
      const { billing } = await draftCustomer(as.manager, 1, { name: 'Draft Lookup Co' });
      const r = await api(`/billing-accounts/${billing[0].accountNumber}`);
      expect(r.status).toBe(200);
      conforms(r, 'BillTo');
      expect(r.body).toMatchObject({ status: 'preliminary', customer: { status: 'preliminary' } });
    });
  });

  describe('search', () => {
    it('finds by name, Active only, in name order', async () => {
      await draftCustomer(as.manager, 1, { name: 'Ifc Draft Holder' }).then(async (d) => as.manager.put(`/api/billing-accounts/${d.billing[0].id}`).send({ ...d.billing[0], billingName: 'Ifc Draft' }));
      const r = await api('/billing-accounts?q=ifc');
      expect(r.status).toBe(200);
      conforms(r, 'BillToList');
      expect(r.body.map((b: Rec) => b.billingName)).toEqual(['Ifc Alpha', 'Ifc Beta', 'Ifc Gamma']);
      const drafts = await api('/billing-accounts?q=ifc&status=preliminary');
      conforms(drafts, 'BillToList');
      expect(drafts.body.map((b: Rec) => b.billingName)).toEqual(['Ifc Draft']);
    });

    it('finds by number, the exact number first', async () => {
      const target = main.billing[2];
      const r = await api(`/billing-accounts?q=${target.accountNumber}`);
      conforms(r, 'BillToList');
      expect(r.body[0].accountNumber).toBe(target.accountNumber);
    });

    it('filters by BPID and account type', async () => {
      const byBpid = await api('/billing-accounts?bpid=BPZEPHYR');
      conforms(byBpid, 'BillToList');
      expect(byBpid.body.map((b: Rec) => b.billingName)).toEqual(['Ifc Alpha', 'Ifc Beta', 'Ifc Gamma']);
      const driveway = await api('/billing-accounts?q=ifc&accountType=driveway');
      expect(driveway.body).toEqual([]);
      const utility = await api('/billing-accounts?q=ifc&accountType=utility');
      expect(utility.body).toHaveLength(3);
    });

    it('answers at most 50, and refuses a bad parameter with 400', async () => {
      const big = await activeCustomer(as.manager, as.authorizer, 1, { accountType: 'driveway', name: 'Many Accounts Co' });
      for (let i = 0; i < 53; i++) {
        const b = (await as.manager.post('/api/billing-accounts').send(completeBilling(big.customer.id, { billingName: `Manyacct ${String(i).padStart(2, '0')}` }))).body;
        await as.manager.post(`/api/billing-accounts/${b.id}/submit`).send({});
        const a = await as.authorizer.post(`/api/billing-accounts/${b.id}/activate`).send({});
        expect(a.status).toBe(200);
      }
      const r = await api('/billing-accounts?q=manyacct');
      conforms(r, 'BillToList');
      expect(r.body).toHaveLength(50);
      expect(r.body[0].billingName).toBe('Manyacct 00');
      expect(r.body[49].billingName).toBe('Manyacct 49');
      for (const bad of ['limit=51', 'status=gone', 'accountType=boat']) {
        const x = await api(`/billing-accounts?${bad}`);
        expect(x.status).toBe(400);
        conforms(x, 'Error');
      }
    }, 120_000);
  });

  describe('securities', () => {
    it('lists blanket securities in force only, with an exact total', async () => {
      const c = (await as.manager.post('/api/customers').send({ name: 'Secured Co' })).body as Rec;
      const add = async (extra: Record<string, unknown>) => {
        const r = await as.manager.post('/api/securities').send({ customerId: c.id, securityType: 'bond', blanket: true, effectiveOn: '2020-01-01', expiresOn: '2099-12-31', ...extra });
        expect(r.status).toBe(201);
        return r.body as Rec;
      };
      await add({ systemNumber: 'IN-1', amount: '250000.10' });
      await add({ systemNumber: 'IN-2', amount: '0.20', securityType: 'letter_of_credit', expiresOn: null });
      await add({ systemNumber: 'IN-3', amount: '99999999999.99' });
      await add({ systemNumber: 'EXPIRED', amount: '1000.00', expiresOn: '2021-01-01' });
      await add({ systemNumber: 'FUTURE', amount: '1000.00', effectiveOn: '2098-01-01' });
      await add({ systemNumber: 'NOT-BLANKET', amount: '1000.00', blanket: false });
      const r = await api(`/customers/${c.accountNumber}/securities`);
      expect(r.status).toBe(200);
      conforms(r, 'Securities');
      expect(r.body.customer).toEqual({ accountNumber: c.accountNumber, name: 'Secured Co', status: 'preliminary' });
      expect(r.body.securities.map((s: Rec) => s.systemNumber).sort()).toEqual(['IN-1', 'IN-2', 'IN-3']);
      expect(r.body.securities.find((s: Rec) => s.systemNumber === 'IN-1').amount).toBe('250000.10');
      expect(r.body.blanketTotal).toBe('100000250000.29');
      const none = await api(`/customers/${main.customer.accountNumber}/securities`);
      conforms(none, 'Securities');
      expect(none.body).toMatchObject({ securities: [], blanketTotal: '0.00' });
      expect((await api(`/customers/${wrongCheckDigit(c.accountNumber)}/securities`)).status).toBe(400);
      expect((await api(`/customers/${validUnknown()}/securities`)).status).toBe(404);
    });
  });

  describe('work in process', () => {
    it('opens work once: the same report twice writes no second event', async () => {
      const b = main.billing[1];
      const r = await put(`/billing-accounts/${b.accountNumber}/work/HOP-2025-0001`, { state: 'open', description: 'Permit 2025-0001' });
      expect(r.status).toBe(200);
      conforms(r, 'WorkItem');
      expect(r.body).toMatchObject({ accountNumber: b.accountNumber, externalId: 'HOP-2025-0001', state: 'open', description: 'Permit 2025-0001', closedAt: null, accountStatus: 'active' });
      const events = await Event.count({ where: { entityType: 'billing-accounts', entityId: b.id, action: 'work_opened' } });
      expect(events).toBe(1);
      const all = await Event.count();
      const again = await put(`/billing-accounts/${b.accountNumber}/work/HOP-2025-0001`, { state: 'open', description: 'Permit 2025-0001' });
      expect(again.status).toBe(200);
      conforms(again, 'WorkItem');
      expect(again.body.openedAt).toBe(r.body.openedAt);
      // Without a description, the report keeps the one it had: still the same report.
      expect((await put(`/billing-accounts/${b.accountNumber}/work/HOP-2025-0001`, { state: 'open' })).body.description).toBe('Permit 2025-0001');
      expect(await Event.count()).toBe(all);
      expect(await Event.count({ where: { entityType: 'billing-accounts', entityId: b.id, action: 'work_opened' } })).toBe(1);
      expect(await WorkItem.count({ where: { billingAccountId: b.id } })).toBe(1);
      const preview = await as.manager.get(`/api/billing-accounts/reassign/preview?ids=${encodeURIComponent(JSON.stringify([b.id, main.billing[2].id]))}`);
      expect(preview.status).toBe(200);
      expect(preview.body.find((x: Rec) => x.id === b.id).workInProcess).toEqual([expect.objectContaining({ permitSystem: 'HOP', externalId: 'HOP-2025-0001', description: 'Permit 2025-0001' })]);
      expect(preview.body.find((x: Rec) => x.id === main.billing[2].id).workInProcess).toEqual([]);
      // Closing it here leaves the account Active.
      const closed = await put(`/billing-accounts/${b.accountNumber}/work/HOP-2025-0001`, { state: 'closed' });
      conforms(closed, 'WorkItem');
      expect(closed.body).toMatchObject({ state: 'closed', accountStatus: 'active', description: 'Permit 2025-0001' });
      expect(closed.body.closedAt).toEqual(expect.any(String));
    });

    it('refuses a bad report with 400', async () => {
      const b = main.billing[1];
      for (const [id, body] of [['W-1', { state: 'done' }], ['W-1', {}], ['bad id!', { state: 'open' }]] as const) {
        const r = await put(`/billing-accounts/${b.accountNumber}/work/${encodeURIComponent(id)}`, body);
        expect(r.status).toBe(400);
        conforms(r, 'Error');
      }
      expect((await put(`/billing-accounts/${wrongCheckDigit(b.accountNumber)}/work/W-1`, { state: 'open' })).status).toBe(400);
    });

    it('a billing account inactivated with open work waits in Pending Inactivation, and closing the last work ends it', async () => {
      const { billing } = await activeCustomer(as.manager, as.authorizer, 2, { name: 'Pending Co' });
      const b = billing[0];
      await put(`/billing-accounts/${b.accountNumber}/work/P-1`, { state: 'open' });
      await put(`/billing-accounts/${b.accountNumber}/work/P-2`, { state: 'open' });
      const inact = await as.manager.post(`/api/billing-accounts/${b.id}/inactivate`).send({ reason: 'Sold' });
      expect(inact.status).toBe(200);
      expect(inact.body.status).toBe('pending_inactivation');
      // The status rules still hold: a pending account cannot be suspended or inactivated again.
      expect((await as.manager.post(`/api/billing-accounts/${b.id}/suspend`).send({ reason: 'x' })).status).toBe(409);
      expect((await as.manager.post(`/api/billing-accounts/${b.id}/inactivate`).send({ reason: 'x' })).status).toBe(409);
      const lookup = await api(`/billing-accounts/${b.accountNumber}`);
      expect(lookup.body.status).toBe('pending_inactivation');
      const first = await put(`/billing-accounts/${b.accountNumber}/work/P-1`, { state: 'closed' });
      expect(first.body.accountStatus).toBe('pending_inactivation');
      expect(await statusOf('billing-accounts', b.id)).toBe('pending_inactivation');
      const last = await put(`/billing-accounts/${b.accountNumber}/work/P-2`, { state: 'closed' });
      expect(last.status).toBe(200);
      expect(last.body.accountStatus).toBe('inactive');
      expect(await statusOf('billing-accounts', b.id)).toBe('inactive');
      const ev = await as.manager.get(`/api/events${listQuery({ filter: { entityType: 'billing-accounts', entityId: b.id, action: 'inactivate' }, sort: ['id', 'ASC'] })}`);
      expect(ev.body.at(-1)).toMatchObject({ status: 'inactive', changes: { status: ['pending_inactivation', 'inactive'] } });
      // A report after the end still answers, and changes nothing of the status.
      const reopened = await put(`/billing-accounts/${b.accountNumber}/work/P-3`, { state: 'open' });
      expect(reopened.body.accountStatus).toBe('inactive');
    });

    it('a customer inactivated while a billing account has open work is Pending Inactivation until that work closes', async () => {
      const { customer, billing } = await activeCustomer(as.manager, as.authorizer, 2, { name: 'Closing Co' });
      await put(`/billing-accounts/${billing[1].accountNumber}/work/C-1`, { state: 'open' });
      const r = await as.manager.post(`/api/customers/${customer.id}/inactivate`).send({ reason: 'Closed down' });
      expect(r.status).toBe(200);
      expect(r.body.status).toBe('pending_inactivation');
      expect(await statusOf('billing-accounts', billing[0].id)).toBe('inactive');
      expect(await statusOf('billing-accounts', billing[1].id)).toBe('pending_inactivation');
      const closed = await put(`/billing-accounts/${billing[1].accountNumber}/work/C-1`, { state: 'closed' });
      expect(closed.body.accountStatus).toBe('inactive');
      expect(await statusOf('customers', customer.id)).toBe('inactive');
      const ev = await as.manager.get(`/api/events${listQuery({ filter: { entityType: 'customers', entityId: customer.id }, sort: ['id', 'DESC'] })}`);
      expect(ev.body[0]).toMatchObject({ action: 'inactivate', status: 'inactive', changes: { status: ['pending_inactivation', 'inactive'] } });
    });
  });

  describe('OpenAPI', () => {
    it('is public, and a valid OpenAPI 3.1 document by the maintained validator', async () => {
      const r = await supertest(t.app).get('/interfaces/v1/openapi.json');
      expect(r.status).toBe(200);
      expect(r.body.openapi).toMatch(/^3\.1/);
      const verdict = await validateOpenApiDocument(r.body);
      expect(verdict.errors ?? null).toBeNull();
      expect(verdict.valid).toBe(true);
      for (const name of ['BillTo', 'BillToList', 'Securities', 'WorkItem', 'WorkReport', 'EventsPage', 'Error']) expect(r.body.components.schemas).toHaveProperty(name);
      expect(Object.keys(r.body.paths).sort()).toEqual(['/billing-accounts', '/billing-accounts/{accountNumber}', '/billing-accounts/{accountNumber}/work/{externalId}', '/customers/{accountNumber}/securities', '/events']);
    });

    it('the schema checker does catch a wrong body', () => {
      expect(check('BillTo', { accountNumber: 1 })).not.toEqual([]);
      expect(check('Securities', { customer: {}, securities: [], blanketTotal: 3 })).not.toEqual([]);
    });
  });
});
