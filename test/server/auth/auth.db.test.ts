import { defineRulesFor } from '../../../config/abilities';
import { RESOURCES } from '../../../config/resources';
import { Customer, Session } from '../../../server/models';
import { createTestApp, PASSWORD, type Cast, type TestApp } from '../../support/app';
import { describeDb, dialect } from '../../support/db';

describeDb(`sessions and cross-site requests on ${dialect}`, () => {
  let t: TestApp;
  let as: Cast;
  beforeAll(async () => {
    t = await createTestApp({ CIMS_ALLOWED_ORIGINS: 'https://admin.example' });
    as = await t.cast();
    await t.user('retired', ['account_manager']).then((u) => u.update({ active: false }));
  });
  afterAll(() => t.close());

  it('GET /healthz answers 200 without a session', async () => {
    const r = await t.anonymous().get('/healthz');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ status: 'ok' });
  });

  describe('login', () => {
    it('signs in with an HttpOnly, SameSite=Lax session cookie and answers the user', async () => {
      const r = await t.anonymous().post('/api/auth/login').send({ username: 'manager', password: PASSWORD });
      expect(r.status).toBe(200);
      expect(r.body.user).toEqual({ id: as.ids.manager, username: 'manager', fullName: 'Test manager', roles: ['account_manager'], district: null });
      expect(JSON.stringify(r.body)).not.toMatch(/passwordHash|scrypt/);
      const cookies = ([] as string[]).concat(r.headers['set-cookie'] ?? []);
      const session = cookies.find((c) => c.startsWith('cims_session='));
      expect(session).toBeDefined();
      expect(session).toMatch(/;\s*HttpOnly/i);
      expect(session).toMatch(/;\s*SameSite=Lax/i);
      expect(session).toMatch(/;\s*Path=\//i);
      // The table keeps a keyed hash, never the token.
      const token = decodeURIComponent(session!.split(';')[0].split('=')[1]);
      expect(await Session.count({ where: { id: token } })).toBe(0);
    });

    it('marks the cookie Secure behind an HTTPS proxy, and checks the Origin against https', async () => {
      const r = await t.anonymous().post('/api/auth/login').set('X-Forwarded-Proto', 'https').send({ username: 'manager', password: PASSWORD });
      expect(r.status).toBe(200);
      expect(([] as string[]).concat(r.headers['set-cookie'])[0]).toMatch(/;\s*Secure/i);
      const plain = await t.anonymous().post('/api/auth/login').send({ username: 'manager', password: PASSWORD });
      expect(([] as string[]).concat(plain.headers['set-cookie'])[0]).not.toMatch(/;\s*Secure/i);
      const ok = await as.manager.post('/api/customers').set('X-Forwarded-Proto', 'https').set('Host', 'cims.example').set('Origin', 'https://cims.example').send({ name: 'Via proxy' });
      expect(ok.status).toBe(201);
    });

    it.each([
      ['a wrong password', { username: 'manager', password: 'wrong-password-1' }],
      ['an unknown user', { username: 'nobody', password: PASSWORD }],
      ['an inactive user', { username: 'retired', password: PASSWORD }],
    ])('refuses %s with the same 401 message and no cookie', async (_what, credentials) => {
      const r = await t.anonymous().post('/api/auth/login').send(credentials);
      expect(r.status).toBe(401);
      expect(r.body).toEqual({ message: 'The username or password is not correct.' });
      expect(r.headers['set-cookie']).toBeUndefined();
    });

    it.each([{}, { username: 'manager' }, { username: '', password: 'x' }, { username: 5, password: 'x' }])('refuses a malformed body %j with 400', async (body) => {
      expect((await t.anonymous().post('/api/auth/login').send(body)).status).toBe(400);
    });

    it('malformed JSON is a 400, not a 500', async () => {
      const r = await t.anonymous().post('/api/auth/login').set('Content-Type', 'application/json').send('{"username":');
      expect(r.status).toBe(400);
      expect(r.body.message).toEqual(expect.any(String));
    });
  });

  describe('/me', () => {
    it('answers 401 without a session', async () => {
      const r = await t.anonymous().get('/api/auth/me');
      expect(r.status).toBe(401);
      expect(r.body.message).toEqual(expect.any(String));
    });

    it('answers 401 with a made-up cookie', async () => {
      expect((await t.anonymous().get('/api/auth/me').set('Cookie', 'cims_session=forged')).status).toBe(401);
    });

    it.each(['manager', 'authorizer', 'both', 'district', 'analyst', 'admin'] as const)('gives %s their CASL rules', async (who) => {
      const r = await as[who].get('/api/auth/me');
      expect(r.status).toBe(200);
      expect(Object.keys(r.body).sort()).toEqual(['district', 'fullName', 'id', 'roles', 'rules', 'username']);
      expect(r.body.id).toBe(as.ids[who]);
      expect(r.body.rules).toEqual(JSON.parse(JSON.stringify(defineRulesFor({ id: r.body.id, roles: r.body.roles, district: r.body.district }))));
      if (who === 'district') expect(r.body.district).toBe('11-0');
    });
  });

  it('logout ends the session, also for a copy of the cookie', async () => {
    const agent = await t.login('manager');
    const login = await t.anonymous().post('/api/auth/login').send({ username: 'manager', password: PASSWORD });
    const cookie = ([] as string[]).concat(login.headers['set-cookie'])[0].split(';')[0];
    expect((await t.anonymous().get('/api/auth/me').set('Cookie', cookie)).status).toBe(200);
    const out = await t.anonymous().post('/api/auth/logout').set('Cookie', cookie);
    expect(out.status).toBe(204);
    expect((await t.anonymous().get('/api/auth/me').set('Cookie', cookie)).status).toBe(401);
    expect((await t.anonymous().get('/api/customers').set('Cookie', cookie)).status).toBe(401);
    // Another session of the same user is not affected.
    expect((await agent.get('/api/auth/me')).status).toBe(200);
    expect((await agent.post('/api/auth/logout')).status).toBe(204);
    expect((await agent.get('/api/auth/me')).status).toBe(401);
  });

  describe('session lifetime', () => {
    const DAY = 86_400_000;
    async function freshSession() {
      const login = await t.anonymous().post('/api/auth/login').send({ username: 'analyst', password: PASSWORD });
      const cookie = ([] as string[]).concat(login.headers['set-cookie'])[0].split(';')[0];
      const session = (await Session.findAll({ order: [['createdAt', 'DESC']], limit: 1 }))[0];
      return { cookie, session };
    }

    it('an expired session is no session', async () => {
      const { cookie, session } = await freshSession();
      await session.update({ expiresAt: new Date(Date.now() - 1000) });
      expect((await t.anonymous().get('/api/auth/me').set('Cookie', cookie)).status).toBe(401);
    });

    it('slides the expiry forward when it is more than an hour old, and only then', async () => {
      const { cookie, session } = await freshSession();
      await session.update({ expiresAt: new Date(Date.now() + DAY) });
      expect((await t.anonymous().get('/api/auth/me').set('Cookie', cookie)).status).toBe(200);
      await session.reload();
      expect(session.expiresAt.getTime()).toBeGreaterThan(Date.now() + 6.9 * DAY);
      const unchanged = new Date(Date.now() + 7 * DAY - 30 * 60_000);
      await session.update({ expiresAt: unchanged });
      expect((await t.anonymous().get('/api/auth/me').set('Cookie', cookie)).status).toBe(200);
      await session.reload();
      expect(session.expiresAt.getTime()).toBe(unchanged.getTime());
    });

    it('a deactivated user is signed out, and a change of roles applies to the next request', async () => {
      const user = await t.user('changing', ['analyst']);
      const agent = await t.login('changing');
      expect((await agent.get('/api/billing-accounts/export.csv')).status).toBe(200);
      await user.update({ roles: ['district_viewer'], district: '11-0' });
      const me = await agent.get('/api/auth/me');
      expect(me.body).toMatchObject({ roles: ['district_viewer'], district: '11-0' });
      expect((await agent.get('/api/billing-accounts/export.csv')).status).toBe(403);
      await user.update({ active: false });
      expect((await agent.get('/api/auth/me')).status).toBe(401);
    });
  });

  it('logout without a session is harmless', async () => {
    expect((await t.anonymous().post('/api/auth/logout')).status).toBe(204);
  });

  describe('without a session', () => {
    it.each(RESOURCES.map((r) => [r]))('%s: every route is 401', async (name) => {
      const a = t.anonymous();
      for (const r of [
        await a.get(`/api/${name}`),
        await a.get(`/api/${name}/1`),
        await a.post(`/api/${name}`).send({ name: 'x' }),
        await a.put(`/api/${name}/1`).send({ name: 'x', version: 0 }),
        await a.delete(`/api/${name}/1`),
      ]) {
        expect(r.status).toBe(401);
        expect(r.body.message).toEqual(expect.any(String));
      }
    });

    it('actions and reassignment are 401', async () => {
      const a = t.anonymous();
      const before = await Customer.count();
      expect((await a.post('/api/customers/1/submit').send({})).status).toBe(401);
      expect((await a.post('/api/billing-accounts/1/activate').send({})).status).toBe(401);
      expect((await a.post('/api/billing-accounts/reassign').send({ ids: [1], customerId: 2, reason: 'x' })).status).toBe(401);
      expect((await a.get('/api/billing-accounts/reassign/preview?ids=[1]')).status).toBe(401);
      expect(await Customer.count()).toBe(before);
    });

    it('an unknown API route is 401 before it is 404, and 404 after', async () => {
      expect((await t.anonymous().get('/api/nothing-here')).status).toBe(401);
      const r = await as.manager.get('/api/nothing-here');
      expect(r.status).toBe(404);
      expect(r.body.message).toEqual(expect.any(String));
    });
  });

  describe('cross-site requests', () => {
    const body = () => ({ name: `Origin test ${Math.random()}` });

    it('refuses a state-changing request from a foreign Origin with 403, and stores nothing', async () => {
      const before = await Customer.count();
      const r = await as.manager.post('/api/customers').set('Origin', 'https://evil.example').send(body());
      expect(r.status).toBe(403);
      expect(r.body.message).toMatch(/another site/);
      expect(await Customer.count()).toBe(before);
    });

    it('refuses a foreign Referer when there is no Origin', async () => {
      const before = await Customer.count();
      expect((await as.manager.post('/api/customers').set('Referer', 'https://evil.example/page').send(body())).status).toBe(403);
      expect((await as.manager.post('/api/customers').set('Referer', 'not a url').send(body())).status).toBe(403);
      expect(await Customer.count()).toBe(before);
    });

    it('refuses a foreign Origin on PUT, DELETE, actions and login too', async () => {
      const created = (await as.manager.post('/api/customers').send(body())).body;
      const evil = 'https://evil.example';
      expect((await as.manager.put(`/api/customers/${created.id}`).set('Origin', evil).send({ ...created, name: 'Changed' })).status).toBe(403);
      expect((await as.manager.delete(`/api/customers/${created.id}`).set('Origin', evil)).status).toBe(403);
      expect((await as.manager.post(`/api/customers/${created.id}/submit`).set('Origin', evil).send({})).status).toBe(403);
      expect((await t.anonymous().post('/api/auth/login').set('Origin', evil).send({ username: 'manager', password: PASSWORD })).status).toBe(403);
      const row = await Customer.findByPk(created.id);
      expect(row?.name).toBe(created.name);
      expect(row?.submittedAt).toBeNull();
    });

    it('a same-site subdomain or another scheme is foreign too', async () => {
      expect((await as.manager.post('/api/customers').set('Host', 'cims.example').set('Origin', 'http://evil.cims.example').send(body())).status).toBe(403);
      expect((await as.manager.post('/api/customers').set('Host', 'cims.example').set('Origin', 'https://cims.example').send(body())).status).toBe(403);
    });

    it('accepts the server\'s own Origin, a configured origin, and no Origin at all', async () => {
      expect((await as.manager.post('/api/customers').set('Host', 'cims.example').set('Origin', 'http://cims.example').send(body())).status).toBe(201);
      expect((await as.manager.post('/api/customers').set('Host', 'cims.example').set('Referer', 'http://cims.example/#/customers').send(body())).status).toBe(201);
      expect((await as.manager.post('/api/customers').set('Origin', 'https://admin.example').send(body())).status).toBe(201);
      expect((await as.manager.post('/api/customers').send(body())).status).toBe(201);
    });

    it('reads are not checked', async () => {
      expect((await as.manager.get('/api/customers').set('Origin', 'https://evil.example')).status).toBe(200);
    });
  });
});

describeDb(`health on ${dialect} when the database is gone`, () => {
  it('GET /healthz answers 503', async () => {
    const t = await createTestApp();
    try {
      expect((await t.anonymous().get('/healthz')).status).toBe(200);
      await t.database.db.close();
      const r = await t.anonymous().get('/healthz');
      expect(r.status).toBe(503);
      expect(r.body.status).not.toBe('ok');
    } finally {
      await t.close().catch(() => undefined);
    }
  });
});
