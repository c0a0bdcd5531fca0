// The change feed (/interfaces/v1/events) and the per-client rate limit.
import supertest from 'supertest';
import { FeedPage } from '../../../server/interfaces/schemas';
import { openApiDocument } from '../../../server/interfaces/openapi';
import { Event } from '../../../server/models';
import { createTestApp, type Cast, type TestApp } from '../../support/app';
import { describeDb, dialect } from '../../support/db';
import { completeCustomer } from '../../support/factories';
import { schemaChecker, type OpenApiDocument } from './openapi-check';

interface FeedEvent { id: number; entityType: string; entityId: number; action: string; accountNumber: string | null; customerAccountNumber: string | null; changes: Record<string, [unknown, unknown]> }
interface Page { events: FeedEvent[]; next: string }

const check = schemaChecker(openApiDocument() as OpenApiDocument);

describeDb(`change feed on ${dialect}`, () => {
  let t: TestApp;
  let as: Cast;
  let token: string;
  beforeAll(async () => {
    // The interface logs one JSON line per call; keep the test output readable.
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    t = await createTestApp();
    as = await t.cast();
    token = (await as.admin.post('/api/api-clients').send({ name: 'Feed Reader', permitSystem: 'HOP' })).body.token;
  });
  afterAll(() => t.close());

  const page = async (after: string | null, limit?: number): Promise<Page> => {
    const q = new URLSearchParams();
    if (after !== null) q.set('after', after);
    if (limit) q.set('limit', String(limit));
    const r = await supertest(t.app).get(`/interfaces/v1/events?${q}`).set('Authorization', `Bearer ${token}`);
    expect(r.status).toBe(200);
    expect(check('EventsPage', r.body)).toEqual([]);
    expect(FeedPage.safeParse(r.body).success).toBe(true);
    return r.body as Page;
  };

  it('pages through events in id order with a next cursor', async () => {
    for (let i = 0; i < 7; i++) await as.manager.post('/api/customers').send({ ...completeCustomer(), name: `Feed ${i}` });
    const seen: number[] = [];
    let after = '0';
    for (;;) {
      const p = await page(after, 3);
      expect(p.events.length).toBeLessThanOrEqual(3);
      if (!p.events.length) {
        expect(p.next).toBe(after);
        break;
      }
      expect(p.next).toBe(String(p.events.at(-1)!.id));
      seen.push(...p.events.map((e) => e.id));
      after = p.next;
    }
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    const customerEvents = (await Event.findAll({ where: { entityType: 'customers' }, order: [['id', 'ASC']] })).map((e) => e.id);
    expect(seen).toEqual(customerEvents);
    const first = (await page('0', 1)).events[0];
    expect(first).toMatchObject({ entityType: 'customers', action: 'create' });
    expect(first.accountNumber).toBe(first.customerAccountNumber);
    // The FEIN is masked in the feed.
    expect(String(first.changes.fein[1])).toMatch(/^\*\*-\*\*\*\d{4}$/);
    expect((await supertest(t.app).get('/interfaces/v1/events?after=abc').set('Authorization', `Bearer ${token}`)).status).toBe(400);
  });

  it('read page by page during concurrent writes, yields every event exactly once', async () => {
    let after = (await page(null, 1000)).next;
    const got: number[] = [];
    const start = Number(after);
    const writes = Array.from({ length: 20 }, (_, i) => as.manager.post('/api/customers').send({ ...completeCustomer(), name: `Concurrent ${i}` }).then((r) => {
      expect(r.status).toBe(201);
    }));
    const reads = (async () => {
      for (let i = 0; i < 30; i++) {
        const p = await page(after, 2);
        got.push(...p.events.map((e) => e.id));
        after = p.next;
      }
    })();
    await Promise.all([...writes, reads]);
    // Read on to the end.
    for (;;) {
      const p = await page(after, 5);
      if (!p.events.length) break;
      got.push(...p.events.map((e) => e.id));
      after = p.next;
    }
    const all = (await Event.findAll({ where: { entityType: 'customers' }, order: [['id', 'ASC']] })).map((e) => e.id).filter((id) => id > start);
    expect(all).toHaveLength(20);
    expect(new Set(got).size).toBe(got.length);
    expect(got).toEqual(all);
  });

  it('shows billing accounts of its own permit system only', async () => {
    const c = (await as.manager.post('/api/customers').send({ name: 'Feed Parent' })).body;
    const b = (await as.manager.post('/api/billing-accounts').send({ customerId: c.id, billingName: 'Feed Billing' })).body;
    const events = (await page('0', 1000)).events.filter((e) => e.entityType === 'billing-accounts' && e.entityId === b.id);
    expect(events).toEqual([expect.objectContaining({ action: 'create', accountNumber: b.accountNumber, customerAccountNumber: c.accountNumber })]);
    // Records under accounts (contacts, notes…) are not in the feed of accounts.
    await as.manager.post('/api/notes').send({ customerId: c.id, text: 'not in the feed' });
    expect((await page('0', 1000)).events.some((e) => e.entityType === 'notes')).toBe(false);
  });
});

describeDb(`interface rate limit on ${dialect}`, () => {
  let t: TestApp;
  let as: Cast;
  beforeAll(async () => {
    // The interface logs one JSON line per call; keep the test output readable.
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    t = await createTestApp({ CIMS_INTERFACE_RATE_PER_MINUTE: '5' });
    as = await t.cast();
  });
  afterAll(() => t.close());

  it('the 6th quick call is 429 with Retry-After; another client is not slowed', async () => {
    const a = (await as.admin.post('/api/api-clients').send({ name: 'Busy', permitSystem: 'HOP' })).body.token;
    const b = (await as.admin.post('/api/api-clients').send({ name: 'Quiet', permitSystem: 'HOP' })).body.token;
    const call = (tok: string) => supertest(t.app).get('/interfaces/v1/billing-accounts?q=x').set('Authorization', `Bearer ${tok}`);
    for (let i = 0; i < 5; i++) expect((await call(a)).status).toBe(200);
    const sixth = await call(a);
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(check('Error', sixth.body)).toEqual([]);
    expect((await call(b)).status).toBe(200);
    // The OpenAPI document is not rate-limited.
    for (let i = 0; i < 7; i++) expect((await supertest(t.app).get('/interfaces/v1/openapi.json')).status).toBe(200);
  });
});
