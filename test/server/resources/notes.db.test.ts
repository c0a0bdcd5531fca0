import { NOTE_MAX_LENGTH } from '../../../config/vocabulary';
import { Note } from '../../../server/models';
import { createTestApp, listQuery, type Agent, type Cast, type TestApp } from '../../support/app';
import { describeDb, dialect } from '../../support/db';
import { draftCustomer } from '../../support/factories';

interface Rec { id: number; accountNumber: string; version: number; [k: string]: unknown }

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describeDb(`notes on ${dialect}`, () => {
  let t: TestApp;
  let as: Cast;
  let otherManager: Agent;
  let otherManagerId: number;
  beforeAll(async () => {
    t = await createTestApp();
    as = await t.cast();
    otherManagerId = (await t.user('manager2', ['account_manager'])).id;
    otherManager = await t.login('manager2');
  });
  afterAll(() => t.close());

  it('the limit is 4000 characters: 4000 is kept whole, 4001 is 422 and stores nothing', async () => {
    expect(NOTE_MAX_LENGTH).toBe(4000);
    const c = (await as.manager.post('/api/customers').send({ name: 'Noted Co' })).body;
    const full = 'é'.repeat(3999) + 'x';
    const ok = await as.manager.post('/api/notes').send({ customerId: c.id, text: full });
    expect(ok.status).toBe(201);
    expect(ok.body.text).toBe(full);
    const before = await Note.count();
    const over = await as.manager.post('/api/notes').send({ customerId: c.id, text: 'x'.repeat(4001) });
    expect(over.status).toBe(422);
    expect(Object.keys(over.body.errors)).toEqual(['text']);
    const empty = await as.manager.post('/api/notes').send({ customerId: c.id, text: '   ' });
    expect(empty.status).toBe(422);
    expect(await Note.count()).toBe(before);
  });

  it('the author is the signed-in user, whatever the client sends', async () => {
    const c = (await as.manager.post('/api/customers').send({ name: 'Authored Co' })).body;
    const r = await as.manager.post('/api/notes').send({ customerId: c.id, text: 'Mine', authorId: as.ids.analyst });
    expect(r.status).toBe(201);
    expect(r.body.authorId).toBe(as.ids.manager);
    const moved = await as.manager.put(`/api/notes/${r.body.id}`).send({ ...r.body, authorId: as.ids.analyst, text: 'Still mine' });
    expect(moved.status).toBe(200);
    expect((await Note.findByPk(r.body.id))?.authorId).toBe(as.ids.manager);
  });

  it('names the author by full name in the record, the list and the answer to a write', async () => {
    const c = (await as.manager.post('/api/customers').send({ name: 'Named Co' })).body;
    const created = await as.manager.post('/api/notes').send({ customerId: c.id, text: 'Mine', authorName: 'Somebody Else' });
    expect(created.body.authorName).toBe('Test manager');
    const theirs = await otherManager.post('/api/notes').send({ customerId: c.id, text: 'Theirs' });
    expect(theirs.body.authorName).toBe('Test manager2');
    // Read by people who cannot list users: an Authorizer, a District viewer.
    for (const reader of [as.authorizer, as.district]) {
      const list = await reader.get(`/api/notes${listQuery({ filter: { customerId: c.id }, sort: ['id', 'ASC'] })}`);
      expect(list.body.map((n: Rec) => [n.text, n.authorName])).toEqual([['Mine', 'Test manager'], ['Theirs', 'Test manager2']]);
      expect((await reader.get(`/api/notes/${created.body.id}`)).body.authorName).toBe('Test manager');
    }
    const edited = await as.manager.put(`/api/notes/${created.body.id}`).send({ ...created.body, text: 'Mine, edited' });
    expect(edited.body.authorName).toBe('Test manager');
    // The name is computed, never stored or recorded as a change.
    const ev = await as.manager.get(`/api/events${listQuery({ filter: { entityType: 'notes', entityId: created.body.id } })}`);
    for (const e of ev.body as Rec[]) expect(Object.keys(e.changes as object)).not.toContain('authorName');
  });

  it('lists newest first by default', async () => {
    const c = (await as.manager.post('/api/customers').send({ name: 'Ordered Co' })).body;
    const ids: number[] = [];
    for (const text of ['first', 'second', 'third']) {
      ids.push((await as.manager.post('/api/notes').send({ customerId: c.id, text })).body.id);
      await pause(15);
    }
    const r = await as.manager.get(`/api/notes?filter=${encodeURIComponent(JSON.stringify({ customerId: c.id }))}`);
    expect(r.status).toBe(200);
    expect(r.body.map((n: Rec) => n.text)).toEqual(['third', 'second', 'first']);
  });

  it('only the author edits or deletes a note; another account manager gets 403', async () => {
    const c = (await as.manager.post('/api/customers').send({ name: 'Guarded Co' })).body;
    const n = (await as.manager.post('/api/notes').send({ customerId: c.id, text: 'Original' })).body;
    expect((await otherManager.put(`/api/notes/${n.id}`).send({ ...n, text: 'Changed' })).status).toBe(403);
    expect((await otherManager.delete(`/api/notes/${n.id}`)).status).toBe(403);
    expect((await Note.findByPk(n.id))?.text).toBe('Original');
    // The other manager still reads it, and writes notes of their own.
    expect((await otherManager.get(`/api/notes/${n.id}`)).status).toBe(200);
    const own = await otherManager.post('/api/notes').send({ customerId: c.id, text: 'Theirs' });
    expect(own.body.authorId).toBe(otherManagerId);
    const edited = await as.manager.put(`/api/notes/${n.id}`).send({ ...n, text: 'Edited' });
    expect(edited.status).toBe(200);
    expect(edited.body.text).toBe('Edited');
    expect((await as.manager.delete(`/api/notes/${n.id}`)).status).toBe(200);
    expect(await Note.findByPk(n.id)).toBeNull();
  });

  it('authorizers write notes too; district viewers and analysts do not; the administrator cannot read them', async () => {
    const c = (await as.manager.post('/api/customers').send({ name: 'Roles Co' })).body;
    expect((await as.authorizer.post('/api/notes').send({ customerId: c.id, text: 'Checked' })).status).toBe(201);
    expect((await as.district.post('/api/notes').send({ customerId: c.id, text: 'No' })).status).toBe(403);
    expect((await as.analyst.post('/api/notes').send({ customerId: c.id, text: 'No' })).status).toBe(403);
    expect((await as.district.get(`/api/notes${listQuery({ filter: { customerId: c.id } })}`)).body).toHaveLength(1);
    expect((await as.admin.get('/api/notes')).status).toBe(403);
  });

  it('notes on a billing account, with events under its number and its customer\'s', async () => {
    const { customer, billing } = await draftCustomer(as.manager, 1);
    const n = await as.manager.post('/api/notes').send({ billingAccountId: billing[0].id, text: 'Invoices bounce' });
    expect(n.status).toBe(201);
    expect(n.body).toMatchObject({ billingAccountId: billing[0].id, customerId: null });
    const list = await as.manager.get(`/api/notes${listQuery({ filter: { billingAccountId: billing[0].id } })}`);
    expect(list.body.map((x: Rec) => x.id)).toEqual([n.body.id]);
    const ev = await as.manager.get(`/api/events${listQuery({ filter: { entityType: 'notes', entityId: n.body.id } })}`);
    expect(ev.body).toEqual([expect.objectContaining({ action: 'create', accountNumber: billing[0].accountNumber, customerAccountNumber: customer.accountNumber })]);
    expect((await as.manager.post('/api/notes').send({ customerId: customer.id, billingAccountId: billing[0].id, text: 'Both' })).status).toBe(422);
    expect((await as.manager.post('/api/notes').send({ text: 'Neither' })).status).toBe(422);
  });
});
