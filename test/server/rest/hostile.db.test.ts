// Requests found to break the server once (each was a 500, a hole or a silent wrong answer); now
// each is a clear 4xx and changes nothing.
import { createTestApp, listQuery, type Cast, type TestApp } from '../../support/app';
import { describeDb, dialect } from '../../support/db';
import { activeCustomer, completeCustomer } from '../../support/factories';

describeDb(`hostile requests on ${dialect}`, () => {
  let t: TestApp;
  let as: Cast;
  let customerId: number;
  beforeAll(async () => {
    t = await createTestApp();
    as = await t.cast();
    customerId = (await activeCustomer(as.manager, as.authorizer, 1)).customer.id;
  });
  afterAll(() => t.close());

  it.each(['contacts', 'notes', 'attachments', 'securities', 'agreements'])('q on %s, which has no search, is a 400', async (resource) => {
    expect((await as.manager.get(`/api/${resource}${listQuery({ filter: { q: 'abc' } })}`)).status).toBe(400);
  });

  it.each(['hasOwnProperty', 'toString', 'constructor', '__proto__', 'isPrototypeOf'])('a filter named %s is unknown (400)', async (key) => {
    expect((await as.manager.get(`/api/customers?filter=${encodeURIComponent(JSON.stringify({ [key]: 1 }))}`)).status).toBe(400);
    expect((await as.manager.get(`/api/billing-accounts?filter=${encodeURIComponent(`{"${key}":{"legacyReference":"x"}}`)}`)).status).toBe(400);
  });

  it('a tampered session cookie is no session (401), a malformed path escape a 400', async () => {
    expect((await t.anonymous().get('/api/auth/me').set('Cookie', 'cims_session=%E0%A4%A')).status).toBe(401);
    expect((await as.manager.get('/api/customers/%zz')).status).toBe(400);
  });

  it('a broken gzip body or an unknown charset is a client error', async () => {
    const gz = await as.manager.post('/api/customers').set('Content-Type', 'application/json').set('Content-Encoding', 'gzip').send('{}');
    expect(gz.status).toBe(400);
    const cs = await as.manager.post('/api/customers').set('Content-Type', 'application/json; charset=bogus').send('{"name":"x"}');
    expect(cs.status).toBe(415);
  });

  it('NUL bytes: searched as a space, refused in text', async () => {
    expect((await as.manager.get(`/api/customers${listQuery({ filter: { q: 'a\u0000b' } })}`)).status).toBe(200);
    const r = await as.manager.post('/api/customers').send({ name: 'Nul\u0000Co' });
    expect(r.status).toBe(422);
    expect(r.body.errors).toHaveProperty('name');
  });

  it('year 0000 is no day (422 on write, 400 in a filter)', async () => {
    const r = await as.manager.post('/api/securities').send({ customerId, securityType: 'bond', effectiveOn: '0000-01-01' });
    expect(r.status).toBe(422);
    expect((await as.manager.get(`/api/customers${listQuery({ filter: { createdAt_gte: '0000-01-01' } })}`)).status).toBe(400);
  });

  it('an export whose filter is refused is an error, not an empty file', async () => {
    const r = await as.analyst.get(`/api/contacts/export.csv${listQuery({ filter: { q: 'x' } })}`);
    expect(r.status).toBe(400);
    expect(r.headers['content-type']).toMatch(/json/);
  });

  it('who sees the FEIN masked cannot filter by it', async () => {
    for (const filter of [{ fein: '251234567' }, { fein_lte: '5' }, { fein_gte: '1' }]) {
      expect((await as.analyst.get(`/api/customers${listQuery({ filter })}`)).status).toBe(403);
      expect((await as.district.get(`/api/customers${listQuery({ filter })}`)).status).toBe(403);
      expect((await as.manager.get(`/api/customers${listQuery({ filter })}`)).status).toBe(200);
    }
  });

  it('a district viewer is not made without a district, nor made one later without it', async () => {
    const r = await as.admin.post('/api/users').send({ username: 'dvx', fullName: 'DV X', roles: ['district_viewer'], password: 'Correct-Horse-9-Battery' });
    expect(r.status).toBe(422);
    const u = (await as.admin.post('/api/users').send({ username: 'anx', fullName: 'An X', roles: ['analyst'], password: 'Correct-Horse-9-Battery' })).body;
    expect((await as.admin.put(`/api/users/${u.id}`).send({ roles: ['district_viewer'], version: u.version })).status).toBe(422);
  });

  it('a bulk load neither moves a billing account nor changes an Active customer\'s type', async () => {
    const load = (resource: string, csv: string) => as.manager.post(`/api/imports/${resource}`).attach('file', Buffer.from(csv), 'load.csv');
    expect((await load('customers', `legacyReference,name,accountType,status\nSELLER,Seller Utility,utility,active\nBUYER,Buyer Co,utility,active\n`)).body.written).toBe(true);
    expect((await load('billing-accounts', `legacyReference,customerLegacyReference,billingName,status\nBA1,SELLER,Only Bill,active\n`)).body.written).toBe(true);
    const move = (await load('billing-accounts', `legacyReference,customerLegacyReference,billingName,status\nBA1,BUYER,Only Bill,active\n`)).body;
    expect(move.written).toBe(false);
    expect(move.results[0].errors).toHaveProperty('customer');
    const retype = (await load('customers', `legacyReference,name,accountType,status\nSELLER,Seller Utility,driveway,active\n`)).body;
    expect(retype.written).toBe(false);
    expect(retype.results[0].errors).toHaveProperty('accountType');
  });

  it('a customer is still made by name alone after all that', async () => {
    expect((await as.manager.post('/api/customers').send(completeCustomer())).status).toBe(201);
  });
});
