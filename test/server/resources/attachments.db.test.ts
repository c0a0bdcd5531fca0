import { createHash } from 'node:crypto';
import { Attachment, AttachmentContent } from '../../../server/models';
import { createTestApp, listQuery, type Agent, type Cast, type TestApp } from '../../support/app';
import { describeDb, dialect } from '../../support/db';
import { draftCustomer } from '../../support/factories';

interface Rec { id: number; accountNumber: string; [k: string]: unknown }

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const counts = async () => [await Attachment.count(), await AttachmentContent.count()];

/** The body as a Buffer whatever its type (supertest only buffers text types by default). */
const binary = (agent: Agent, url: string) =>
  agent.get(url).buffer(true).parse((res, cb) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  });

describeDb(`attachments on ${dialect}`, () => {
  let t: TestApp;
  let as: Cast;
  let c: Rec;
  let b: Rec;
  beforeAll(async () => {
    t = await createTestApp();
    as = await t.cast();
    const made = await draftCustomer(as.manager, 1);
    c = made.customer;
    b = made.billing[0];
  });
  afterAll(() => t.close());

  const upload = (agent: Agent, owner: Record<string, number>, file: Buffer, filename: string, contentType: string, documentType = 'insurance_certificate') => {
    let req = agent.post('/api/attachments');
    for (const [k, v] of Object.entries(owner)) req = req.field(k, String(v));
    return req.field('documentType', documentType).field('description', 'Certificate 2025').attach('file', file, { filename, contentType });
  };

  it('stores a PDF with its hash, and gives the same bytes back, safely', async () => {
    const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 256))]);
    const r = await upload(as.manager, { customerId: c.id }, bytes, 'Zertifikat_Straße_№1.pdf', 'application/pdf');
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ customerId: c.id, billingAccountId: null, fileName: 'Zertifikat_Straße_№1.pdf', mimeType: 'application/pdf', size: bytes.length, sha256: sha(bytes), documentType: 'insurance_certificate', description: 'Certificate 2025', uploadedById: as.ids.manager, uploadedByName: 'Test manager' });
    const got = await binary(as.manager, `/api/attachments/${r.body.id}/content`);
    expect(got.status).toBe(200);
    expect(Buffer.compare(got.body as Buffer, bytes)).toBe(0);
    expect(got.headers['content-type']).toMatch(/^application\/pdf/);
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    const disposition = got.headers['content-disposition'];
    expect(disposition).toMatch(/^attachment;/);
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent('Zertifikat_Straße_№1.pdf')}`);
    expect(decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(disposition)![1])).toBe('Zertifikat_Straße_№1.pdf');
    // The plain filename is ASCII only.
    expect(/filename="([^"]*)"/.exec(disposition)![1]).toMatch(/^[\x20-\x7e]+$/);
    const events = await as.manager.get(`/api/events${listQuery({ filter: { entityType: 'attachments', entityId: r.body.id } })}`);
    expect(events.body).toEqual([expect.objectContaining({ action: 'create', accountNumber: c.accountNumber, customerAccountNumber: c.accountNumber })]);
  });

  it.each([
    ['../../etc/passwd.txt', 'passwd.txt'],
    ['C:\\docs\\a.pdf', 'a.pdf'],
    ['/tmp/x/report.csv', 'report.csv'],
  ])('strips the folders of %s', async (name, kept) => {
    const r = await upload(as.manager, { customerId: c.id }, Buffer.from('a,b\n1,2\n'), name, 'text/plain');
    expect(r.status).toBe(201);
    expect(r.body.fileName).toBe(kept);
    const got = await binary(as.manager, `/api/attachments/${r.body.id}/content`);
    expect(got.headers['content-disposition']).toContain(`filename="${kept}"`);
  });

  it('refuses a file over the limit with 413, storing nothing', async () => {
    const before = await counts();
    const r = await upload(as.manager, { customerId: c.id }, Buffer.alloc(2 * 1024 * 1024 + 1, 1), 'big.pdf', 'application/pdf');
    expect(r.status).toBe(413);
    expect(r.body.message).toMatch(/2 MB/);
    expect(await counts()).toEqual(before);
  });

  it('accepts a file of exactly the limit', async () => {
    const bytes = Buffer.alloc(2 * 1024 * 1024, 7);
    const r = await upload(as.manager, { customerId: c.id }, bytes, 'exact.pdf', 'application/pdf');
    expect(r.status).toBe(201);
    expect(r.body.sha256).toBe(sha(bytes));
    await as.manager.delete(`/api/attachments/${r.body.id}`);
  });

  it.each(['text/html', 'application/x-msdownload', 'image/svg+xml'])('refuses %s with 415, storing nothing', async (type) => {
    const before = await counts();
    const r = await upload(as.manager, { customerId: c.id }, Buffer.from('<html><script>alert(1)</script></html>'), 'page.pdf', type);
    expect(r.status).toBe(415);
    expect(r.body.message).toBeTruthy();
    expect(await counts()).toEqual(before);
  });

  it('needs exactly one owner, a document type and a file (422, nothing stored)', async () => {
    const before = await counts();
    const file = Buffer.from('hello');
    expect((await upload(as.manager, {}, file, 'a.txt', 'text/plain')).status).toBe(422);
    expect((await upload(as.manager, { customerId: c.id, billingAccountId: b.id }, file, 'a.txt', 'text/plain')).status).toBe(422);
    expect((await upload(as.manager, { customerId: 99999999 }, file, 'a.txt', 'text/plain')).status).toBe(422);
    const noType = await upload(as.manager, { customerId: c.id }, file, 'a.txt', 'text/plain', '');
    expect(noType.status).toBe(422);
    expect(noType.body.errors).toHaveProperty('documentType');
    const noFile = await as.manager.post('/api/attachments').field('customerId', String(c.id)).field('documentType', 'bond');
    expect(noFile.status).toBe(422);
    expect(noFile.body.errors).toHaveProperty('file');
    expect(await counts()).toEqual(before);
  });

  it('lists by owner; a billing account\'s attachment is recorded under both numbers', async () => {
    const other = (await as.manager.post('/api/customers').send({ name: 'Other Attach Co' })).body;
    const mine = await upload(as.manager, { customerId: other.id }, Buffer.from('x'), 'mine.txt', 'text/plain');
    const onBilling = await upload(as.manager, { billingAccountId: b.id }, Buffer.from('y'), 'bill.txt', 'text/plain');
    expect(onBilling.status).toBe(201);
    const list = await as.manager.get(`/api/attachments${listQuery({ filter: { customerId: other.id } })}`);
    expect(list.body.map((a: Rec) => a.id)).toEqual([mine.body.id]);
    const forBilling = await as.manager.get(`/api/attachments${listQuery({ filter: { billingAccountId: b.id } })}`);
    expect(forBilling.body.map((a: Rec) => a.id)).toEqual([onBilling.body.id]);
    const ev = await as.manager.get(`/api/events${listQuery({ filter: { entityType: 'attachments', entityId: onBilling.body.id } })}`);
    expect(ev.body[0]).toMatchObject({ accountNumber: b.accountNumber, customerAccountNumber: c.accountNumber });
    // Metadata is edited through the API; the file is not.
    const edited = await as.manager.put(`/api/attachments/${mine.body.id}`).send({ ...mine.body, description: 'Renamed', sha256: '0'.repeat(64) });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ description: 'Renamed', sha256: mine.body.sha256 });
    // JSON create is refused.
    expect((await as.manager.post('/api/attachments').send({ customerId: other.id, documentType: 'x', fileName: 'a.pdf' })).status).toBeGreaterThanOrEqual(400);
  });

  it('delete by an account manager removes the content too', async () => {
    const r = await upload(as.manager, { customerId: c.id }, Buffer.from('to delete'), 'gone.txt', 'text/plain');
    expect(await AttachmentContent.findByPk(r.body.id)).not.toBeNull();
    const d = await as.manager.delete(`/api/attachments/${r.body.id}`);
    expect(d.status).toBe(200);
    expect(await Attachment.findByPk(r.body.id)).toBeNull();
    expect(await AttachmentContent.findByPk(r.body.id)).toBeNull();
    expect((await as.manager.get(`/api/attachments/${r.body.id}/content`)).status).toBe(404);
  });

  it('the district viewer reads and downloads but may not upload or delete; the administrator sees nothing', async () => {
    const bytes = Buffer.from('district copy');
    const r = await upload(as.manager, { customerId: c.id }, bytes, 'copy.txt', 'text/plain');
    const got = await binary(as.district, `/api/attachments/${r.body.id}/content`);
    expect(got.status).toBe(200);
    expect(Buffer.compare(got.body as Buffer, bytes)).toBe(0);
    const one = await as.district.get(`/api/attachments/${r.body.id}`);
    expect(one.status).toBe(200);
    // The uploader by name, to readers who cannot list users; in the list too.
    expect(one.body.uploadedByName).toBe('Test manager');
    const list = await as.authorizer.get(`/api/attachments${listQuery({ filter: { customerId: c.id } })}`);
    expect(new Set((list.body as Rec[]).map((a) => a.uploadedByName))).toEqual(new Set(['Test manager']));
    const before = await counts();
    for (const who of ['district', 'analyst', 'authorizer'] as const) {
      expect((await upload(as[who], { customerId: c.id }, bytes, 'no.txt', 'text/plain')).status).toBe(403);
      expect((await as[who].delete(`/api/attachments/${r.body.id}`)).status).toBe(403);
    }
    expect(await counts()).toEqual(before);
    expect((await as.admin.get(`/api/attachments/${r.body.id}/content`)).status).toBe(403);
    expect((await t.anonymous().get(`/api/attachments/${r.body.id}/content`)).status).toBe(401);
  });
});
