import supertest from 'supertest';
import { createTestApp, type Cast, type TestApp } from '../../support/app';
import { describeDb, dialect } from '../../support/db';

describeDb(`api clients on ${dialect}`, () => {
  let t: TestApp;
  let as: Cast;
  beforeAll(async () => {
    t = await createTestApp();
    as = await t.cast();
  });
  afterAll(() => t.close());

  const probe = (token: string) => supertest(t.app).get('/interfaces/v1/billing-accounts?q=probe').set('Authorization', `Bearer ${token}`);

  it('an administrator registers a client, sees its token once, and revokes it', async () => {
    const made = await as.admin.post('/api/api-clients').send({ name: 'EPS', permitSystem: 'HOP' });
    expect(made.status).toBe(201);
    expect(made.body.token).toMatch(/^cims_[\w-]{40,}$/);
    expect((await probe(made.body.token)).status).toBe(200);
    const listed = await as.admin.get('/api/api-clients');
    expect(listed.body).toEqual([expect.objectContaining({ name: 'EPS', permitSystem: 'HOP', active: true })]);
    expect(JSON.stringify(listed.body)).not.toContain(made.body.token);
    expect(JSON.stringify(listed.body)).not.toContain('tokenHash');
    expect((await as.admin.post(`/api/api-clients/${made.body.id}/revoke`)).status).toBe(200);
    expect((await probe(made.body.token)).status).toBe(401);
    expect((await as.admin.post(`/api/api-clients/${made.body.id}/revoke`)).status).toBe(409);
  });

  it('refuses a duplicate name and an unknown permit system with field errors', async () => {
    await as.admin.post('/api/api-clients').send({ name: 'Dup', permitSystem: 'HOP' });
    const dup = await as.admin.post('/api/api-clients').send({ name: 'Dup', permitSystem: 'HOP' });
    expect(dup.status).toBe(422);
    expect(dup.body.errors).toHaveProperty('name');
    const bad = await as.admin.post('/api/api-clients').send({ name: 'X', permitSystem: 'NOPE' });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toHaveProperty('permitSystem');
  });

  it.each(['manager', 'authorizer', 'district', 'analyst'] as const)('is the administrator\'s alone: %s gets 403', async (who) => {
    expect((await as[who].get('/api/api-clients')).status).toBe(403);
    expect((await as[who].post('/api/api-clients').send({ name: `By ${who}`, permitSystem: 'HOP' })).status).toBe(403);
  });

  it('no token or a made-up one is 401', async () => {
    expect((await supertest(t.app).get('/interfaces/v1/billing-accounts')).status).toBe(401);
    expect((await probe('cims_not-a-real-token-not-a-real-token-xxxx')).status).toBe(401);
  });
});
