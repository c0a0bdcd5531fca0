import { parse } from 'csv-parse/sync';
import { createTestApp, listQuery, type Agent, type Cast, type TestApp } from '../../support/app';
import { describeDb, dialect } from '../../support/db';
import { completeBilling, completeCustomer } from '../../support/factories';

interface Rec { id: number; accountNumber: string; [k: string]: unknown }

const text = (agent: Agent, url: string) =>
  agent.get(url).buffer(true).parse((res, cb) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  });

describeDb(`CSV export on ${dialect}`, () => {
  let t: TestApp;
  let as: Cast;
  const tricky = ['=HYPERLINK("x")', 'Smith, Jones & "Partners"', 'Line one\nLine two', 'Société Électrique Ñandú', '+1 Plus Co', '@SUM Co', '-Minus Co'];
  let parent: Rec;
  beforeAll(async () => {
    t = await createTestApp();
    as = await t.cast();
    for (let i = 0; i < 60; i++) {
      const r = await as.manager.post('/api/customers').send({ ...completeCustomer(), name: `Exportbatch ${String(i).padStart(2, '0')}` });
      if (r.status !== 201) throw new Error(r.text);
    }
    for (const name of tricky) await as.manager.post('/api/customers').send({ ...completeCustomer(), name: `${name}` });
    parent = (await as.manager.post('/api/customers').send({ ...completeCustomer(), name: 'Billing Parent' })).body;
    for (let i = 0; i < 55; i++) await as.manager.post('/api/billing-accounts').send(completeBilling(parent.id, { billingName: `Exportbill ${i}` }));
  }, 120_000);
  afterAll(() => t.close());

  const exportOf = async (resource: string, query: string) => {
    const r = await text(as.analyst, `/api/${resource}/export.csv${query}`);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('text/csv; charset=utf-8');
    const buf = r.body as Buffer;
    return { buf, rows: parse(buf, { bom: true, columns: true }) as Record<string, string>[] };
  };

  it('exports every matching customer, not one page, with a BOM and a header', async () => {
    const filter = { q: 'exportbatch' };
    const list = await as.analyst.get(`/api/customers${listQuery({ filter, range: [0, 9] })}`);
    expect(list.headers['content-range']).toBe('customers 0-9/60');
    const { buf, rows } = await exportOf('customers', listQuery({ filter, range: [0, 9], sort: ['name', 'ASC'] }));
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const header = buf.subarray(3).toString('utf8').split('\n')[0];
    expect(header.split(',')).toEqual(expect.arrayContaining(['id', 'accountNumber', 'name', 'fein', 'status']));
    expect(rows).toHaveLength(60);
    expect(rows.map((r) => r.name)).toEqual(Array.from({ length: 60 }, (_, i) => `Exportbatch ${String(i).padStart(2, '0')}`));
  });

  it('masks the FEIN as the analyst\'s API does', async () => {
    const { rows } = await exportOf('customers', listQuery({ filter: { q: 'exportbatch' } }));
    const list = await as.analyst.get(`/api/customers${listQuery({ filter: { q: 'exportbatch' }, range: [0, 99] })}`);
    const byId = new Map<string, Rec>(list.body.map((c: Rec) => [String(c.id), c]));
    for (const row of rows) {
      expect(row.fein).toMatch(/^\*\*-\*\*\*\d{4}$/);
      expect(row.fein).toBe(byId.get(row.id)!.fein);
      expect(row.fein).not.toMatch(/^\d{2}-?\d{7}$/);
    }
  });

  it('neutralises formulas, quotes commas, quotes and newlines, keeps accents', async () => {
    const { buf, rows } = await exportOf('customers', '');
    const raw = buf.toString('utf8');
    const all = rows.map((r) => r.name);
    expect(all).toHaveLength(60 + tricky.length + 1);
    expect(all).not.toContain('=HYPERLINK("x")');
    expect(raw).toContain('"\'=HYPERLINK(""x"")"');
    expect(all).toContain('\'=HYPERLINK("x")');
    expect(all).toContain('Smith, Jones & "Partners"');
    expect(all).toContain('Line one\nLine two');
    expect(all).toContain('Société Électrique Ñandú');
    expect(all).toContain('\'+1 Plus Co');
    expect(all).toContain('\'@SUM Co');
    expect(all).toContain('\'-Minus Co');
    expect(raw).toContain('Société Électrique Ñandú');
  });

  it('exports billing accounts under the same filter as the list', async () => {
    const filter = { customerId: parent.id };
    const list = await as.analyst.get(`/api/billing-accounts${listQuery({ filter, range: [0, 24] })}`);
    expect(list.headers['content-range']).toMatch(/\/55$/);
    const { rows } = await exportOf('billing-accounts', listQuery({ filter }));
    expect(rows).toHaveLength(55);
    expect(new Set(rows.map((r) => r.customerId))).toEqual(new Set([String(parent.id)]));
    expect(rows[0]).toHaveProperty('districts');
  });

  it.each(['manager', 'authorizer', 'district', 'admin'] as const)('is the analyst\'s: %s gets 403', async (who) => {
    expect((await as[who].get('/api/customers/export.csv')).status).toBe(403);
    expect((await as[who].get('/api/billing-accounts/export.csv')).status).toBe(403);
  });

  it('an unknown filter field is 400, not a 500', async () => {
    expect((await as.analyst.get(`/api/customers/export.csv${listQuery({ filter: { nope: 1 } })}`)).status).toBe(400);
  });
});
