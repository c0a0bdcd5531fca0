// The export runs in a child process that reads with its own driver (better-sqlite3, or pg with a
// cursor) and formats each row as the API does. Whatever it reads, the file must be the list: the
// same rows in the same order, every cell as the list's record shows it, masks included; a query
// that fails is an error response; and no more exports run at once than the server allows.
import { parse } from 'csv-parse/sync';
import { REGISTRY } from '../../../server/resources';
import { exportSlots, MAX_CONCURRENT_EXPORTS, neutralise } from '../../../server/rest/export';
import { exportChildren, type ChildReport } from '../../../server/rest/export-process';
import { createTestApp, listQuery, type Agent, type Cast, type TestApp } from '../../support/app';
import { describeDb, dialect } from '../../support/db';
import { activeCustomer, completeBilling, completeCustomer, draftCustomer, insurance } from '../../support/factories';

type Rec = Record<string, unknown> & { id: number };

const text = (agent: Agent, url: string) =>
  agent.get(url).buffer(true).parse((res, cb) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => cb(null, Buffer.concat(chunks).toString('utf8')));
  });

/** A list record's value as a CSV cell: how the export writes what the API shows. */
function cellOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return neutralise(value.join('; '));
  if (typeof value === 'object') return neutralise(JSON.stringify(value));
  return neutralise(String(value));
}

describeDb(`export through a child process on ${dialect}`, () => {
  let t: TestApp;
  let as: Cast;
  let both: Agent;
  const children: ChildReport[] = [];
  const onExit = (r: ChildReport) => children.push(r);

  beforeAll(async () => {
    t = await createTestApp();
    as = await t.cast();
    await t.user('analyst_manager', ['analyst', 'account_manager']);
    both = await t.login('analyst_manager');
    const names = ['Zeta Power', 'alpha water', 'Alpha Water', '=Formula Gas', 'Ümlaut Énergie', 'Zeta Power'];
    for (let i = 0; i < 3; i++) {
      const made = await activeCustomer(as.manager, as.authorizer, 2, { name: `${names[i]} Co` });
      const c = made.customer;
      for (let j = 0; j < 6; j++) {
        const city = j % 3 === 0 ? null : ['Erie', 'altoona', 'Ähren'][j % 3];
        const r = await as.manager.post('/api/billing-accounts').send(completeBilling(c.id, { billingName: names[(i + j) % names.length], city, districts: j % 2 ? ['11-0', '8-0'] : [] }));
        if (r.status !== 201) throw new Error(r.text);
      }
      await as.manager.post('/api/contacts').send({ customerId: c.id, name: `Pat ${names[i]}`, email: `pat${i}@utility.example`, phone: '717-555-0199', isPrimary: i === 0 });
      await as.manager.post('/api/notes').send({ customerId: c.id, text: `+Note, "quoted"\nsecond line ${i}` });
      await as.manager.post('/api/securities').send({ customerId: c.id, securityType: 'bond', issuerName: 'Surety Inc', amount: `${1000 * (i + 1)}.50`, effectiveOn: '2024-01-01', expiresOn: '2030-12-31', blanket: i % 2 === 0 });
      await as.manager.post('/api/agreements').send({ customerId: c.id, agreementType: 'Maintenance', agreementNumber: `AG-${i}`, effectiveOn: '2024-03-31', expiresOn: '2024-12-31' });
    }
    for (let i = 0; i < 3; i++) await draftCustomer(as.manager, 1, { name: `${names[3 + i]} Draft`, city: i === 0 ? null : 'Erie' });
    const extra = (await as.manager.post('/api/customers').send({ ...completeCustomer(), fein: null, name: 'No FEIN Co' })).body as Rec;
    // What PostgreSQL's COPY text escapes: backslashes, and a value that reads like its NULL.
    for (const name of ['\\N', 'Back\\slash \\t Co\\']) {
      const r = await as.manager.post('/api/customers').send({ ...completeCustomer(), name });
      if (r.status !== 201) throw new Error(r.text);
    }
    await as.manager.post('/api/insurance-policies').send(insurance(extra.id));
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(100, 7)]);
    const upload = await as.manager.post('/api/attachments').field('customerId', String(extra.id)).field('documentType', 'insurance_certificate')
      .field('description', '@Certificate, 2025').attach('file', pdf, { filename: 'Zertifikat_Straße.pdf', contentType: 'application/pdf' });
    if (upload.status !== 201) throw new Error(upload.text);
    await as.analyst.post('/api/saved-searches').send({ name: 'Active utilities', resource: 'customers', filter: { status: 'active' }, sort: ['name', 'ASC'] });
    exportChildren.on('exit', onExit);
  }, 180_000);

  afterAll(async () => {
    exportChildren.off('exit', onExit);
    await t?.close();
  });

  /** The export's rows, with how many export children ran for it and how they ended. */
  async function exported(agent: Agent, resource: string, query: string) {
    children.length = 0;
    const r = await text(agent, `/api/${resource}/export.csv${query}`);
    expect(r.status).toBe(200);
    const rows = parse(r.body as string, { bom: true, columns: true }) as Record<string, string>[];
    const header = (r.body as string).replace(/^\uFEFF/, '').split('\n')[0].split(',');
    await new Promise((ok) => setImmediate(ok));
    return { rows, header, children: [...children] };
  }

  async function listed(agent: Agent, resource: string, sort: [string, string], filter: Record<string, unknown> = {}): Promise<Rec[]> {
    const r = await agent.get(`/api/${resource}${listQuery({ sort, filter, range: [0, 999] })}`);
    expect(r.status).toBe(200);
    return r.body as Rec[];
  }

  function expectSame(rows: Record<string, string>[], header: string[], list: Rec[]): void {
    expect(rows.map((r) => r.id)).toEqual(list.map((r) => String(r.id)));
    rows.forEach((row, i) => {
      for (const column of header) expect(`${column}: ${row[column]}`).toBe(`${column}: ${cellOf(list[i][column])}`);
    });
  }

  const exportable = ['customers', 'billing-accounts', 'contacts', 'insurance-policies', 'securities', 'agreements', 'attachments', 'notes', 'saved-searches', 'districts', 'events'] as const;

  it.each(exportable)('%s: the file is the list, row for row and cell for cell', async (resource) => {
    const list = await listed(as.analyst, resource, ['id', 'ASC']);
    expect(list.length).toBeGreaterThan(0);
    const { rows, header, children: used } = await exported(as.analyst, resource, listQuery({ sort: ['id', 'ASC'] }));
    expect(header).toEqual(['id', ...REGISTRY[resource].fields]);
    expectSame(rows, header, list);
    // Events mask FEINs inside `changes` in their decorate: they export in-process.
    if (resource === 'events') expect(used).toHaveLength(0);
    else expect(used.map((c) => c.message?.type)).toEqual(['done']);
  });

  const sorts: [string, string[], Record<string, unknown>][] = [
    ['billing-accounts', ['billingName', 'city', 'customerId', 'submittedAt'], {}],
    ['billing-accounts', ['city'], { status: 'preliminary' }],
    ['billing-accounts', ['billingName'], { district: '11-0' }],
    ['customers', ['name', 'city'], {}],
    ['customers', ['name'], { q: 'zeta' }],
  ];
  for (const [resource, fields, filter] of sorts) {
    for (const field of fields) {
      for (const order of ['ASC', 'DESC']) {
        it(`${resource} by ${field} ${order} ${JSON.stringify(filter)}: the list's rows in the list's order`, async () => {
          const list = await listed(as.analyst, resource, [field, order], filter);
          const { rows, header } = await exported(as.analyst, resource, listQuery({ sort: [field, order], filter, range: [0, 4] }));
          expect(list.length).toBeGreaterThan(1);
          expectSame(rows, header, list);
        });
      }
    }
  }

  it('masks the FEIN for the analyst, shows it whole to an analyst who is also an account manager', async () => {
    const masked = await exported(as.analyst, 'customers', '');
    const whole = await exported(both, 'customers', '');
    const fullList = await listed(both, 'customers', ['id', 'ASC']);
    expect(masked.children.map((c) => c.message?.type)).toEqual(['done']);
    const withFein = masked.rows.filter((r) => r.fein);
    expect(withFein.length).toBeGreaterThan(3);
    for (const row of withFein) expect(row.fein).toMatch(/^\*\*-\*\*\*\d{4}$/);
    expect(whole.rows.filter((r) => r.fein).every((r) => /^\d{2}-\d{7}$/.test(r.fein))).toBe(true);
    expectSame(whole.rows, whole.header, fullList);
    expect(masked.rows.find((r) => r.name === 'No FEIN Co')?.fein).toBe('');
  });

  it('a query that fails is an error response, not an empty file', async () => {
    const sequelize = t.database.db.sequelize;
    await sequelize.query('ALTER TABLE billing_accounts RENAME COLUMN zip TO zip_gone');
    try {
      children.length = 0;
      const r = await as.analyst.get('/api/billing-accounts/export.csv');
      expect(r.status).toBe(500);
      expect(r.headers['content-type']).toMatch(/json/);
      expect(r.body.message).toMatch(/went wrong/);
      expect(children.map((c) => [c.code, c.message?.type === 'failed' && c.message.stage])).toEqual([[1, 'query']]);
    } finally {
      await sequelize.query('ALTER TABLE billing_accounts RENAME COLUMN zip_gone TO zip');
    }
    expect((await as.analyst.get('/api/billing-accounts/export.csv')).status).toBe(200);
  });

  it(`runs ${MAX_CONCURRENT_EXPORTS} exports at once; one more is told to come back (429, Retry-After), and then gets its file`, async () => {
    const held = Array.from({ length: MAX_CONCURRENT_EXPORTS }, () => exportSlots.take());
    expect(held.every(Boolean)).toBe(true);
    try {
      children.length = 0;
      const r = await as.analyst.get('/api/billing-accounts/export.csv');
      expect(r.status).toBe(429);
      expect(r.headers['retry-after']).toBe('30');
      expect(r.body.message).toMatch(/exports are already running/);
      expect(children).toHaveLength(0);
    } finally {
      for (const release of held) release?.();
    }
    expect(exportSlots.busy).toBe(0);
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => as.analyst.get('/api/customers/export.csv')));
    expect([a.status, b.status, c.status].sort()).toEqual([200, 200, 429]);
    expect(exportSlots.busy).toBe(0);
  });
});
