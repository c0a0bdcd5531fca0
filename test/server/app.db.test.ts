// The app's outer edge: paths and methods that no route serves answer JSON like every other
// error, while the admin UI's own paths still get its page.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import supertest from 'supertest';
import { loadSettings } from '../../config/settings';
import { createApp } from '../../server/app';
import { createTestApp, type Cast, type TestApp } from '../support/app';
import { describeDb, dialect } from '../support/db';

const PAGE = '<!doctype html><title>CIMS</title><div id="root"></div>';

describeDb(`unknown paths on ${dialect}`, () => {
  let t: TestApp;
  let as: Cast;
  let adminDir: string;
  let withAdmin: ReturnType<typeof supertest>;
  beforeAll(async () => {
    t = await createTestApp();
    as = await t.cast();
    adminDir = mkdtempSync(join(tmpdir(), 'cims-admin-'));
    writeFileSync(join(adminDir, 'index.html'), PAGE);
    writeFileSync(join(adminDir, 'app.js'), 'console.log(1);');
    const settings = loadSettings({ SESSION_SECRET: 'test-secret-test-secret' });
    withAdmin = supertest(createApp({ db: t.database.db, settings, adminDir }));
  });
  afterAll(async () => {
    rmSync(adminDir, { recursive: true, force: true });
    await t.close();
  });

  const expectJson = (r: supertest.Response, status: number) => {
    expect(r.status).toBe(status);
    expect(r.headers['content-type']).toMatch(/^application\/json/);
    expect(r.body).toEqual({ message: expect.any(String) });
    expect(r.body.message).not.toMatch(/<|Cannot (GET|POST)/);
  };

  it.each([
    ['GET', '/interfaces/v2/anything'],
    ['GET', '/interfaces'],
    ['GET', '/interfaces/'],
    ['POST', '/interfaces/v2/billing-accounts'],
    ['GET', '/api'],
    ['DELETE', '/api/nowhere'],
    ['GET', '/healthz/deeper'],
    ['PATCH', '/something-else'],
  ])('%s %s is JSON (404, or 401 under /api without a session), with or without the admin UI built', async (method, path) => {
    for (const agent of [withAdmin, t.anonymous()]) {
      const r = await agent[method.toLowerCase() as 'get' | 'post' | 'delete' | 'patch'](path);
      // Under /api the session is checked first: a stranger is told to sign in, never shown a page.
      expectJson(r, path.startsWith('/api') ? 401 : 404);
    }
  });

  it('an unknown path under /api is a JSON 404 for a signed-in user', async () => {
    expectJson(await as.manager.get('/api/no-such-resource'), 404);
    expectJson(await as.manager.delete('/api/customers'), 404);
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH'])('%s /healthz is a JSON 405 that says GET', async (method) => {
    const r = await withAdmin[method.toLowerCase() as 'post' | 'put' | 'delete' | 'patch']('/healthz');
    expectJson(r, 405);
    expect(r.headers.allow).toBe('GET, HEAD');
    expect((await withAdmin.get('/healthz')).body).toEqual({ status: 'ok' });
    expect((await withAdmin.head('/healthz')).status).toBe(200);
  });

  it('other paths still get the admin UI’s page, and its files', async () => {
    for (const path of ['/', '/customers/1/show', '/login', '/apiary', '/interfacesque', '/healthzz']) {
      const r = await withAdmin.get(path);
      expect(r.status).toBe(200);
      expect(r.headers['content-type']).toMatch(/^text\/html/);
      expect(r.text).toBe(PAGE);
    }
    expect((await withAdmin.get('/app.js')).text).toBe('console.log(1);');
  });
});
