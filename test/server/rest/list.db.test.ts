// The list contract of ra-data-simple-rest on customers and billing accounts.
import { createTestApp, listQuery, type Cast, type TestApp } from '../../support/app';
import { describeDb, dialect } from '../../support/db';
import { completeBilling, completeCustomer } from '../../support/factories';

type Rec = Record<string, unknown> & { id: number };

describeDb(`lists on ${dialect}`, () => {
  let t: TestApp;
  let as: Cast;
  const c: Rec[] = [];
  const b: Rec[] = [];
  const NAMES = ['Alpha Power', 'beta Gas', 'Gamma 100% Water', 'Delta_Electric', 'Ñandú Telecom', 'Epsilon 100 Water'];
  const CITIES = ['Erie', 'Pittsburgh', 'Erie', 'Scranton', 'Altoona', 'Pittsburgh'];

  beforeAll(async () => {
    t = await createTestApp();
    as = await t.cast();
    for (const [i, name] of NAMES.entries()) {
      const r = await as.manager.post('/api/customers').send({ ...completeCustomer(), name, city: CITIES[i] });
      expect(r.status).toBe(201);
      c.push(r.body);
    }
    const districts = [['11-0'], ['1-0', '11-0'], ['8-0'], ['12-0']];
    for (const [i, d] of districts.entries()) {
      const r = await as.manager.post('/api/billing-accounts').send(completeBilling(c[i < 2 ? 0 : 1].id, { districts: d, billingName: `Bill ${i} ${['Alpha', 'Ärger', 'x_y', 'z%'][i]}` }));
      expect(r.status).toBe(201);
      b.push(r.body);
    }
  });
  afterAll(() => t.close());

  const ids = (body: Rec[]) => body.map((r) => r.id);
  const get = (path: string) => as.manager.get(path);

  describe('customers', () => {
    it('pages with Content-Range', async () => {
      const r = await get(`/api/customers${listQuery({ range: [0, 1] })}`);
      expect(r.status).toBe(200);
      expect(r.headers['content-range']).toBe(`customers 0-1/${NAMES.length}`);
      expect(r.headers['access-control-expose-headers']).toMatch(/Content-Range/i);
      expect(ids(r.body)).toEqual([c[0].id, c[1].id]);
      const p2 = await get(`/api/customers${listQuery({ range: [2, 3] })}`);
      expect(p2.headers['content-range']).toBe(`customers 2-3/${NAMES.length}`);
      expect(ids(p2.body)).toEqual([c[2].id, c[3].id]);
      const past = await get(`/api/customers${listQuery({ range: [50, 74] })}`);
      expect(past.body).toEqual([]);
      expect(past.headers['content-range']).toMatch(new RegExp(`/${NAMES.length}$`));
    });

    it('pages without a range the first page, with a Content-Range', async () => {
      const r = await get('/api/customers');
      expect(r.status).toBe(200);
      expect(r.body).toHaveLength(NAMES.length);
      expect(r.headers['content-range']).toBe(`customers 0-${NAMES.length - 1}/${NAMES.length}`);
    });

    it('sorts by name ASC and DESC, and by id', async () => {
      const asc = await get(`/api/customers${listQuery({ sort: ['name', 'ASC'] })}`);
      const desc = await get(`/api/customers${listQuery({ sort: ['name', 'DESC'] })}`);
      expect(asc.status).toBe(200);
      expect(ids(asc.body).sort()).toEqual(ids(c).sort());
      expect(ids(desc.body)).toEqual(ids(asc.body).reverse());
      // Collations differ on case and accents; capitalised ASCII names sort alike everywhere.
      const plain = (asc.body as Rec[]).map((x) => String(x.name)).filter((n) => /^[A-Z][ -~]*$/.test(n));
      expect(plain).toEqual(['Alpha Power', 'Delta_Electric', 'Epsilon 100 Water', 'Gamma 100% Water']);
      const byId = await get(`/api/customers${listQuery({ sort: ['id', 'DESC'] })}`);
      expect(ids(byId.body)).toEqual(ids(c).reverse());
    });

    it('sorts "desc" case-insensitively and by city with ties broken by id', async () => {
      const r = await get(`/api/customers${listQuery({ sort: ['city', 'asc'] })}`);
      expect(r.status).toBe(200);
      expect((r.body as Rec[]).map((x) => x.city)).toEqual(['Altoona', 'Erie', 'Erie', 'Pittsburgh', 'Pittsburgh', 'Scranton']);
      expect(ids(r.body).slice(1, 3)).toEqual([c[0].id, c[2].id]);
    });

    it('getMany: filter {"id":[…]} without range answers exactly those', async () => {
      const r = await get(`/api/customers?filter=${encodeURIComponent(JSON.stringify({ id: [c[4].id, c[1].id, 99999] }))}`);
      expect(r.status).toBe(200);
      expect(ids(r.body).sort()).toEqual([c[1].id, c[4].id].sort());
      const one = await get(`/api/customers${listQuery({ filter: { id: c[2].id } })}`);
      expect(ids(one.body)).toEqual([c[2].id]);
    });

    it('filters by equality, arrays (any of) and null', async () => {
      const eq = await get(`/api/customers${listQuery({ filter: { city: 'Erie' } })}`);
      expect(ids(eq.body)).toEqual([c[0].id, c[2].id]);
      expect(eq.headers['content-range']).toBe('customers 0-1/2');
      const any = await get(`/api/customers${listQuery({ filter: { city: ['Scranton', 'Altoona'] } })}`);
      expect(ids(any.body)).toEqual([c[3].id, c[4].id]);
      const none = await get(`/api/customers${listQuery({ filter: { city: 'Nowhere' } })}`);
      expect(none.body).toEqual([]);
      expect(none.headers['content-range']).toBe('customers 0-0/0');
      const both = await get(`/api/customers${listQuery({ filter: { city: 'Erie', status: 'preliminary' } })}`);
      expect(ids(both.body)).toEqual([c[0].id, c[2].id]);
      const nul = await get(`/api/customers${listQuery({ filter: { addressLine2: null } })}`);
      expect(nul.status).toBe(400); // not a filterable field
      const noBp = await get(`/api/customers${listQuery({ filter: { bpName: null } })}`);
      expect(noBp.status).toBe(400);
      const subNull = await get(`/api/customers${listQuery({ filter: { submittedAt: null } })}`);
      expect(ids(subNull.body)).toEqual(ids(c));
    });

    it('filters ranges with _gte and _lte', async () => {
      const r = await get(`/api/customers${listQuery({ filter: { id_gte: c[1].id, id_lte: c[3].id } })}`);
      expect(ids(r.body)).toEqual([c[1].id, c[2].id, c[3].id]);
      const all = await get(`/api/customers${listQuery({ filter: { createdAt_gte: '2000-01-01', createdAt_lte: '2999-12-31' } })}`);
      expect(ids(all.body)).toEqual(ids(c));
      const future = await get(`/api/customers${listQuery({ filter: { createdAt_gte: '2999-01-01' } })}`);
      expect(future.body).toEqual([]);
      const byNumber = await get(`/api/customers${listQuery({ filter: { accountNumber_gte: c[4].accountNumber } })}`);
      expect(ids(byNumber.body)).toEqual([c[4].id, c[5].id]);
    });

    it.each([
      ['elan', []],
      ['ALPHA', [0]],
      ['alpha power', [0]],
      ['nandu', [4]],
      ['NANDÚ TEL', [4]],
      ['100%', [2]],
      ['%', [2]],
      ['100 water', [5]],
      ['0% w', [2]],
      ['_', [3]],
      ['delta_', [3]],
      ['a_e', [3]],
      ['a_f', []],
      ['water', [2, 5]],
      ['   ', [0, 1, 2, 3, 4, 5]],
    ])('q %j finds %j', async (q, which) => {
      const r = await get(`/api/customers${listQuery({ filter: { q } })}`);
      expect(r.status).toBe(200);
      expect(ids(r.body)).toEqual(which.map((i) => c[i].id));
    });

    it('q searches the account number, FEIN and BPID', async () => {
      const one = async (q: string) => ids((await get(`/api/customers${listQuery({ filter: { q } })}`)).body);
      expect(await one(String(c[3].accountNumber))).toEqual([c[3].id]);
      expect(await one(String(c[3].bpid))).toEqual([c[3].id]);
      expect(await one(String(c[3].fein).replace('-', ''))).toEqual([c[3].id]);
    });

    it('q finds a FEIN typed as shown, NN-NNNNNNN', async () => {
      const r = await get(`/api/customers${listQuery({ filter: { q: String(c[3].fein) } })}`);
      expect(String(c[3].fein)).toMatch(/^\d{2}-\d{7}$/);
      expect(ids(r.body)).toEqual([c[3].id]);
    });

    it('filters the Authorizer\'s queue with submitted', async () => {
      expect((await get(`/api/customers${listQuery({ filter: { submitted: true } })}`)).body).toEqual([]);
      expect((await as.manager.post(`/api/customers/${c[5].id}/submit`).send({})).status).toBe(200);
      expect(ids((await get(`/api/customers${listQuery({ filter: { submitted: true } })}`)).body)).toEqual([c[5].id]);
      expect(ids((await get(`/api/customers${listQuery({ filter: { submitted: 'true' } })}`)).body)).toEqual([c[5].id]);
      expect(ids((await get(`/api/customers${listQuery({ filter: { submitted: false } })}`)).body)).not.toContain(c[5].id);
    });

    it('filters by district through the billing accounts', async () => {
      const r = await get(`/api/customers${listQuery({ filter: { district: '11-0' } })}`);
      expect(ids(r.body)).toEqual([c[0].id]);
      const several = await get(`/api/customers${listQuery({ filter: { district: ['8-0', '1-0'] } })}`);
      expect(ids(several.body)).toEqual([c[0].id, c[1].id]);
      expect((await get(`/api/customers${listQuery({ filter: { district: '2-0' } })}`)).body).toEqual([]);
    });
  });

  describe('billing accounts', () => {
    it('filters by the reference customerId, with Content-Range', async () => {
      const r = await get(`/api/billing-accounts${listQuery({ filter: { customerId: c[1].id } })}`);
      expect(r.status).toBe(200);
      expect(ids(r.body)).toEqual([b[2].id, b[3].id]);
      expect(r.headers['content-range']).toBe('billing-accounts 0-1/2');
      const s = await get(`/api/billing-accounts${listQuery({ filter: { customerId: String(c[0].id) } })}`);
      expect(ids(s.body)).toEqual([b[0].id, b[1].id]);
      const many = await get(`/api/billing-accounts${listQuery({ filter: { customerId: [c[0].id, c[1].id] }, sort: ['id', 'DESC'], range: [0, 2] })}`);
      expect(ids(many.body)).toEqual([b[3].id, b[2].id, b[1].id]);
      expect(many.headers['content-range']).toBe('billing-accounts 0-2/4');
    });

    it('decorates with the parent', async () => {
      const r = await get(`/api/billing-accounts/${b[0].id}`);
      expect(r.body).toMatchObject({ customerId: c[0].id, customerName: 'Alpha Power', customerAccountNumber: c[0].accountNumber, accountType: 'utility' });
    });

    it('filters by district, one or several, without matching a prefix', async () => {
      const r = await get(`/api/billing-accounts${listQuery({ filter: { district: '11-0' } })}`);
      expect(ids(r.body)).toEqual([b[0].id, b[1].id]);
      expect(ids((await get(`/api/billing-accounts${listQuery({ filter: { district: '1-0' } })}`)).body)).toEqual([b[1].id]);
      expect(ids((await get(`/api/billing-accounts${listQuery({ filter: { district: ['12-0', '8-0'] } })}`)).body)).toEqual([b[2].id, b[3].id]);
    });

    it.each([
      ['arger', [1]],
      ['ALPHA', [0]],
      ['x_y', [2]],
      ['_', [2]],
      ['z%', [3]],
      ['%', [3]],
    ])('q %j finds %j', async (q, which) => {
      const r = await get(`/api/billing-accounts${listQuery({ filter: { q } })}`);
      expect(ids(r.body)).toEqual(which.map((i) => b[i].id));
    });

    it('sorts by billingName DESC', async () => {
      const r = await get(`/api/billing-accounts${listQuery({ sort: ['billingName', 'DESC'] })}`);
      expect(ids(r.body)).toEqual([b[3].id, b[2].id, b[1].id, b[0].id]);
    });
  });

  describe.each(['customers', 'billing-accounts'])('%s refuses a bad query with 400', (name) => {
    it.each([
      ['an unknown sort field', { sort: '["nonexistent","ASC"]' }],
      ['a sort on a hidden column', { sort: '["searchText","ASC"]' }],
      ['a bad sort order', { sort: '["id","UP"]' }],
      ['malformed sort JSON', { sort: '["id",' }],
      ['an unknown filter field', { filter: '{"nonexistent":1}' }],
      ['an unknown range filter', { filter: '{"nonexistent_gte":1}' }],
      ['a filter on a hidden column', { filter: '{"searchText":"x"}' }],
      ['malformed filter JSON', { filter: '{"q":' }],
      ['a filter that is not an object', { filter: '[1,2]' }],
      ['malformed range JSON', { range: '[0,' }],
      ['a range of strings', { range: '["a","b"]' }],
      ['a reversed range', { range: '[10,5]' }],
      ['a negative range', { range: '[-1,5]' }],
      ['a huge page', { range: '[0,100000]' }],
      ['a non-numeric id', { filter: '{"id":"abc"}' }],
      ['a non-numeric id in a list', { filter: '{"id":[1,"abc"]}' }],
      ['an object value', { filter: '{"status":{"$ne":"x"}}' }],
      ['a non-string q', { filter: '{"q":5}' }],
      ['a bad date', { filter: '{"createdAt_gte":"yesterday"}' }],
      ['an impossible date', { filter: '{"createdAt_gte":"2026-02-30"}' }],
      ['an unknown district', { filter: '{"district":"7-0"}' }],
      ['an empty district list', { filter: '{"district":[]}' }],
      ['a district that is not a string', { filter: '{"district":11}' }],
      ['the same parameter twice', { filter: ['{}', '{}'] }],
    ])('%s', async (_what, query) => {
      const r = await as.manager.get(`/api/${name}`).query(query);
      expect(r.status).toBe(400);
      expect(r.body.message).toEqual(expect.any(String));
    });
  });

  it.each([
    ['"abc"', { customerId: 'abc' }],
    ['true', { customerId: true }],
    ['1.5', { customerId: 1.5 }],
    ['[1,"abc"]', { customerId: [1, 'abc'] }],
    ['a string range bound', { customerId_gte: 'x' }],
  ])('a wrong-typed customerId %s is a 400, not a 500', async (_what, filter) => {
    const r = await get(`/api/billing-accounts${listQuery({ filter })}`);
    expect(r.status).toBe(400);
    expect(r.body.message).toMatch(/customerId/);
  });

  it('an id beyond the column\'s range finds nothing, and is never a 500', async () => {
    for (const filter of [{ id: 99999999999 }, { id: [99999999998, 99999999999] }]) {
      const r = await get(`/api/customers${listQuery({ filter })}`);
      expect(r.status).toBe(200);
      expect(r.body).toEqual([]);
    }
    const r = await get(`/api/billing-accounts${listQuery({ filter: { customerId: 99999999999 } })}`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual([]);
  });

  describe.each(['customers', 'billing-accounts', 'insurance-policies', 'events', 'users'])('GET /api/%s/:id', (name) => {
    it.each(['999999', 'abc', '1.5', '-1', '1e3', '123456789012345', '99999999999', '%20'])('unknown or malformed id %j → 404', async (id) => {
      const who = name === 'users' ? as.admin : as.manager;
      const r = await who.get(`/api/${name}/${id}`);
      expect(r.status).toBe(404);
      expect(r.body.message).toEqual(expect.any(String));
    });
  });

  it('GET /api/customers/:id answers the record', async () => {
    const r = await get(`/api/customers/${c[0].id}`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual(c[0]);
  });
});
