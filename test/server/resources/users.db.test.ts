// Users, managed by administrators: a taken username is said under the username field.
import { User } from '../../../server/models';
import { createTestApp, type Cast, type TestApp } from '../../support/app';
import { describeDb, dialect } from '../../support/db';

const newUser = (username: string) => ({ username, fullName: 'Jane Doe', roles: ['analyst'], password: 'long-enough-password' });

describeDb(`users on ${dialect}`, () => {
  let t: TestApp;
  let as: Cast;
  beforeAll(async () => {
    t = await createTestApp();
    as = await t.cast();
  });
  afterAll(() => t.close());

  it('refuses a taken username with a 409 under errors.username, whatever its case or spaces', async () => {
    const before = await User.count();
    for (const username of ['manager', ' Manager ']) {
      const r = await as.admin.post('/api/users').send(newUser(username));
      expect(r.status).toBe(409);
      expect(r.body).toEqual({ message: 'The username manager is taken; choose another.', errors: { username: 'The username manager is taken; choose another.' } });
    }
    expect(await User.count()).toBe(before);
  });

  it('counts a deactivated user’s username as taken too', async () => {
    const gone = (await as.admin.post('/api/users').send(newUser('leaver'))).body;
    expect((await as.admin.put(`/api/users/${gone.id}`).send({ ...gone, active: false })).status).toBe(200);
    const r = await as.admin.post('/api/users').send(newUser('leaver'));
    expect(r.status).toBe(409);
    expect(Object.keys(r.body.errors)).toEqual(['username']);
  });

  it('refuses renaming a user to a taken username the same way, and keeps a user’s own', async () => {
    const u = (await as.admin.post('/api/users').send(newUser('renamer'))).body;
    const taken = await as.admin.put(`/api/users/${u.id}`).send({ ...u, username: 'analyst' });
    expect(taken.status).toBe(409);
    expect(taken.body.errors).toEqual({ username: 'The username analyst is taken; choose another.' });
    expect((await User.findByPk(u.id))?.username).toBe('renamer');
    const same = await as.admin.put(`/api/users/${u.id}`).send({ ...u, username: 'renamer', fullName: 'Jane Q. Doe' });
    expect(same.status).toBe(200);
    expect(same.body.fullName).toBe('Jane Q. Doe');
  });
});
