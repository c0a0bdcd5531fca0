import { SavedSearch } from '../../../server/models';
import { createTestApp, listQuery, type Cast, type TestApp } from '../../support/app';
import { describeDb, dialect } from '../../support/db';

interface Rec { id: number; version: number; [k: string]: unknown }

describeDb(`saved searches on ${dialect}`, () => {
  let t: TestApp;
  let as: Cast;
  beforeAll(async () => {
    t = await createTestApp();
    as = await t.cast();
  });
  afterAll(() => t.close());

  const search = (extra: Record<string, unknown> = {}) => ({ name: 'Active utilities', resource: 'customers', filter: { status: 'active', accountType: 'utility' }, sort: ['name', 'ASC'], ...extra });

  it('creates, reads, lists, updates and deletes, owned by its maker', async () => {
    const r = await as.analyst.post('/api/saved-searches').send(search({ ownerId: as.ids.manager }));
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ name: 'Active utilities', resource: 'customers', filter: { status: 'active', accountType: 'utility' }, sort: ['name', 'ASC'], ownerId: as.ids.analyst });
    expect((await as.analyst.get(`/api/saved-searches/${r.body.id}`)).body.filter).toEqual({ status: 'active', accountType: 'utility' });
    // Shared with the team: others see it.
    const seen = await as.district.get(`/api/saved-searches${listQuery({ filter: { ownerId: as.ids.analyst } })}`);
    expect(seen.body.map((s: Rec) => s.id)).toContain(r.body.id);
    const u = await as.analyst.put(`/api/saved-searches/${r.body.id}`).send({ ...r.body, filter: { q: 'penn', status: ['active', 'suspended'] } });
    expect(u.status).toBe(200);
    expect(u.body.filter).toEqual({ q: 'penn', status: ['active', 'suspended'] });
    expect((await as.analyst.delete(`/api/saved-searches/${r.body.id}`)).status).toBe(200);
    expect(await SavedSearch.findByPk(r.body.id)).toBeNull();
  });

  it('a billing-accounts search takes the billing list\'s filters', async () => {
    const r = await as.manager.post('/api/saved-searches').send({ name: 'Email invoices', resource: 'billing-accounts', filter: { invoiceMethod: 'email', permitSystem: 'HOP' } });
    expect(r.status).toBe(201);
    // A customers-only field is refused for billing accounts.
    const bad = await as.manager.post('/api/saved-searches').send({ name: 'Bad', resource: 'billing-accounts', filter: { accountType: 'utility', bpid: 'x' } });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toHaveProperty('filter');
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an unknown filter field', { filter: { nope: 1 } }, 'filter'],
    ['a filter that is not an object', { filter: 'status=active' }, 'filter'],
    ['an unknown sort field', { sort: ['nope', 'ASC'] }, 'sort'],
    ['an unknown list', { resource: 'users' }, 'resource'],
    ['no name', { name: '' }, 'name'],
  ])('refuses %s (422) and stores nothing', async (_what, change, field) => {
    const before = await SavedSearch.count();
    const r = await as.analyst.post('/api/saved-searches').send(search(change));
    expect(r.status).toBe(422);
    expect(r.body.errors).toHaveProperty(field);
    expect(await SavedSearch.count()).toBe(before);
  });

  it('refuses an update to an unknown filter field', async () => {
    const r = (await as.analyst.post('/api/saved-searches').send(search({ name: 'To break' }))).body;
    const u = await as.analyst.put(`/api/saved-searches/${r.id}`).send({ ...r, filter: { status: 'active', bogus_gte: 3 } });
    expect(u.status).toBe(422);
    expect(u.body.errors).toHaveProperty('filter');
    expect((await SavedSearch.findByPk(r.id))?.filter).toEqual({ status: 'active', accountType: 'utility' });
  });

  it('only its owner updates or deletes it', async () => {
    const r = (await as.analyst.post('/api/saved-searches').send(search({ name: 'Mine only' }))).body;
    for (const who of ['manager', 'authorizer', 'district'] as const) {
      expect((await as[who].put(`/api/saved-searches/${r.id}`).send({ ...r, name: 'Taken' })).status).toBe(403);
      expect((await as[who].delete(`/api/saved-searches/${r.id}`)).status).toBe(403);
    }
    expect((await SavedSearch.findByPk(r.id))?.name).toBe('Mine only');
  });

  it('the district viewer cannot create one (403); the analyst, managers and authorizers can; the administrator cannot read them', async () => {
    const before = await SavedSearch.count();
    expect((await as.district.post('/api/saved-searches').send(search())).status).toBe(403);
    expect(await SavedSearch.count()).toBe(before);
    for (const who of ['analyst', 'manager', 'authorizer'] as const) {
      expect((await as[who].post('/api/saved-searches').send(search({ name: `By ${who}` }))).status).toBe(201);
    }
    expect((await as.admin.get('/api/saved-searches')).status).toBe(403);
  });
});
