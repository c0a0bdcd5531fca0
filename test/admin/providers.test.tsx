import { fetchUtils, HttpError } from 'react-admin';
import { defineRulesFor } from '../../config/abilities';
import { buildAuthProvider, toCaslAction } from '../../admin/src/providers/authProvider';
import { buildDataProvider, chunk, GET_MANY_CHUNK } from '../../admin/src/providers/dataProvider';
import { AUTHORIZER, MANAGER, VIEWER } from './support/fakes';

describe('authProvider.checkError', () => {
  it('logs out on 401 only', async () => {
    const fetchMe = jest.fn(async () => MANAGER);
    const auth = buildAuthProvider(fetchMe);
    await auth.checkAuth({});
    await expect(auth.checkError(new HttpError('Unauthorized', 401))).rejects.toBeDefined();
    // The identity is forgotten: the next check asks the server again.
    await auth.checkAuth({});
    expect(fetchMe).toHaveBeenCalledTimes(2);
  });

  it('does not log out on 403, 409 or 422', async () => {
    const auth = buildAuthProvider(async () => VIEWER);
    await expect(auth.checkError(new HttpError('Forbidden', 403))).resolves.toBeUndefined();
    await expect(auth.checkError(new HttpError('Conflict', 409))).resolves.toBeUndefined();
    await expect(auth.checkError(new HttpError('Invalid', 422, { errors: { name: 'x' } }))).resolves.toBeUndefined();
  });
});

describe('authProvider sessions', () => {
  it('checkAuth rejects without a session, and login reports the server message', async () => {
    const auth = buildAuthProvider(async () => null, async () => ({ status: 401, body: { message: 'Wrong username or password.' } }));
    await expect(auth.checkAuth({})).rejects.toBeDefined();
    await expect(auth.login({ username: 'x', password: 'y' })).rejects.toThrow('Wrong username or password.');
  });

  it('caches the identity and gives roles and district', async () => {
    const fetchMe = jest.fn(async () => VIEWER);
    const auth = buildAuthProvider(fetchMe);
    await auth.checkAuth({});
    const identity = await auth.getIdentity();
    expect(identity).toMatchObject({ id: 3, district: '11-0', roles: ['district_viewer'] });
    expect(await auth.getPermissions({})).toEqual(['district_viewer']);
    expect(fetchMe).toHaveBeenCalledTimes(1);
  });

  it('logout posts /logout and forgets the user', async () => {
    const fetchMe = jest.fn(async () => MANAGER);
    const post = jest.fn(async () => ({ status: 204, body: null }));
    const auth = buildAuthProvider(fetchMe, post);
    await auth.checkAuth({});
    await auth.logout({});
    expect(post).toHaveBeenCalledWith('/logout');
    await auth.checkAuth({});
    expect(fetchMe).toHaveBeenCalledTimes(2);
  });
});

describe('authProvider.canAccess', () => {
  it('maps react-admin actions to CASL actions', () => {
    expect(toCaslAction('list')).toBe('read');
    expect(toCaslAction('show')).toBe('read');
    expect(toCaslAction('edit')).toBe('update');
    expect(toCaslAction('create')).toBe('create');
    expect(toCaslAction('delete')).toBe('delete');
    expect(toCaslAction('activate')).toBe('activate');
    expect(toCaslAction('export')).toBe('export');
  });

  it('answers per role, record and field', async () => {
    const manager = buildAuthProvider(async () => MANAGER);
    const viewer = buildAuthProvider(async () => VIEWER);
    const authorizer = buildAuthProvider(async () => AUTHORIZER);
    const analyst = buildAuthProvider(async () => ({ ...VIEWER, id: 4, roles: ['analyst'], district: null, rules: defineRulesFor({ id: 4, roles: ['analyst'], district: null }) }));
    expect(await manager.canAccess({ action: 'list', resource: 'customers' })).toBe(true);
    expect(await manager.canAccess({ action: 'edit', resource: 'customers' })).toBe(true);
    expect(await manager.canAccess({ action: 'list', resource: 'users' })).toBe(false);
    expect(await viewer.canAccess({ action: 'show', resource: 'customers' })).toBe(true);
    expect(await viewer.canAccess({ action: 'edit', resource: 'customers' })).toBe(false);
    expect(await viewer.canAccess({ action: 'create', resource: 'billing-accounts' })).toBe(false);
    expect(await viewer.canAccess({ action: 'delete', resource: 'customers', record: { id: 1 } })).toBe(false);
    // Field level: "customers.fein".
    expect(await viewer.canAccess({ action: 'show', resource: 'customers.fein', record: { id: 1 } })).toBe(false);
    expect(await manager.canAccess({ action: 'show', resource: 'customers.fein', record: { id: 1 } })).toBe(true);
    // Four eyes, from the inverted rule on submittedById.
    expect(await authorizer.canAccess({ action: 'activate', resource: 'customers', record: { id: 1, submittedById: 1 } })).toBe(true);
    expect(await authorizer.canAccess({ action: 'activate', resource: 'customers', record: { id: 1, submittedById: 2 } })).toBe(false);
    expect(await analyst.canAccess({ action: 'export', resource: 'customers' })).toBe(true);
    expect(await manager.canAccess({ action: 'export', resource: 'customers' })).toBe(false);
  });

  it('does not mutate the record it checks', async () => {
    const auth = buildAuthProvider(async () => AUTHORIZER);
    const record = Object.freeze({ id: 1, submittedById: 1 });
    await expect(auth.canAccess({ action: 'activate', resource: 'customers', record })).resolves.toBe(true);
  });
});

describe('dataProvider', () => {
  it('splits getMany into chunks and merges them', async () => {
    const urls: string[] = [];
    const client = jest.fn(async (url: string) => {
      urls.push(url);
      const filter = JSON.parse(new URL(url, 'http://x').searchParams.get('filter') ?? '{}') as { id: number[] };
      return { status: 200, headers: new Headers(), body: '', json: filter.id.map((id) => ({ id })) };
    });
    const dp = buildDataProvider('/api', client);
    const ids = Array.from({ length: 250 }, (_, i) => i + 1);
    const { data } = await dp.getMany('customers', { ids });
    expect(data).toHaveLength(250);
    expect(urls).toHaveLength(3);
    expect(chunk(ids, GET_MANY_CHUNK).map((c) => c.length)).toEqual([100, 100, 50]);
  });

  it('posts actions, reassignments and asks for the preview', async () => {
    const client = jest.fn(async (url: string, _options?: fetchUtils.Options) => ({ status: 200, headers: new Headers(), body: '', json: url.includes('reassign') ? [] : { id: 7 } }));
    const dp = buildDataProvider('/api', client);
    await dp.action('customers', 7, 'suspend', { reason: 'Unpaid invoices' });
    expect(client).toHaveBeenLastCalledWith('/api/customers/7/suspend', { method: 'POST', body: JSON.stringify({ reason: 'Unpaid invoices' }) });
    await dp.reassign({ ids: [1, 2], customerId: 9, reason: 'Sale' });
    expect(client).toHaveBeenLastCalledWith('/api/billing-accounts/reassign', { method: 'POST', body: JSON.stringify({ ids: [1, 2], customerId: 9, reason: 'Sale' }) });
    await dp.reassignPreview([1, 2]);
    expect(client).toHaveBeenLastCalledWith(`/api/billing-accounts/reassign/preview?ids=${encodeURIComponent('[1,2]')}`);
  });
});
