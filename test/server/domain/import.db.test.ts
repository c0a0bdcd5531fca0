import { BillingAccount, Customer, Event } from '../../../server/models';
import { createTestApp, type Agent, type Cast, type TestApp } from '../../support/app';
import { describeDb, dialect } from '../../support/db';
import { snapshot } from '../helpers';

interface Report {
  dryRun: boolean;
  written: boolean;
  rows: number;
  counts: Record<'created' | 'updated' | 'unchanged' | 'refused', number>;
  results: { row: number; legacyReference: string | null; outcome: string; accountNumber: string | null; errors: Record<string, string> }[];
  fileErrors: string[];
}

const csv = (rows: (string | number)[][]) => rows.map((r) => r.map((v) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v))).join(',')).join('\n') + '\n';

const CUSTOMER_HEADER = ['legacyReference', 'name', 'accountType', 'addressLine1', 'city', 'state', 'zip', 'fein', 'bpid', 'email'];
const customerRow = (ref: string, name: string, extra: Partial<Record<string, string>> = {}) => {
  const v: Record<string, string> = { legacyReference: ref, name, accountType: 'utility', addressLine1: '1 Main St', city: 'Erie', state: 'PA', zip: '16501', fein: '25-1234567', bpid: `BP-${ref}`, email: `${ref.toLowerCase()}@legacy.example`, ...extra };
  return CUSTOMER_HEADER.map((h) => v[h] ?? '');
};

describeDb(`import on ${dialect}`, () => {
  let t: TestApp;
  let as: Cast;
  beforeAll(async () => {
    t = await createTestApp();
    as = await t.cast();
  });
  afterAll(() => t.close());

  const load = async (agent: Agent, resource: string, body: string, dryRun = false) => {
    const r = await agent.post(`/api/imports/${resource}`).field('dryRun', String(dryRun)).attach('file', Buffer.from(body, 'utf8'), { filename: 'load.csv', contentType: 'text/csv' });
    return r as unknown as { status: number; body: Report };
  };

  it('a dry run writes nothing and reports every row', async () => {
    const file = csv([CUSTOMER_HEADER, customerRow('DRY-1', 'Dry One'), customerRow('DRY-2', 'Dry Two'), customerRow('DRY-3', 'Dry Three', { zip: 'nope', email: 'bad' })]);
    const before = await snapshot();
    const r = await load(as.manager, 'customers', file, true);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ dryRun: true, written: false, rows: 3, counts: { created: 2, updated: 0, unchanged: 0, refused: 1 } });
    expect(r.body.results.map((x) => x.outcome)).toEqual(['created', 'created', 'refused']);
    expect(Object.keys(r.body.results[2].errors).sort()).toEqual(['email', 'zip']);
    expect(r.body.results[2].row).toBe(4);
    expect(await snapshot()).toEqual(before);
    // A clean dry run writes nothing either.
    const clean = await load(as.manager, 'customers', csv([CUSTOMER_HEADER, customerRow('DRY-1', 'Dry One')]), true);
    expect(clean.body).toMatchObject({ written: false, counts: { created: 1 } });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a legacy reference with a control character, as any other text', async () => {
    const before = await snapshot();
    const r = await load(as.manager, 'customers', csv([CUSTOMER_HEADER, customerRow('NUL\u0000REF', 'Nul One')]));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ written: false, counts: { refused: 1 } });
    expect(r.body.results[0].errors.legacyReference).toMatch(/control characters/);
    expect(await snapshot()).toEqual(before);
  });

  it('one broken row refuses the whole file', async () => {
    const file = csv([CUSTOMER_HEADER, customerRow('BRK-1', 'Fine One'), customerRow('BRK-2', ''), customerRow('BRK-3', 'Fine Three')]);
    const before = await snapshot();
    const r = await load(as.manager, 'customers', file);
    expect(r.body).toMatchObject({ written: false, counts: { refused: 1 } });
    expect(r.body.results[1].errors).toHaveProperty('name');
    expect(await snapshot()).toEqual(before);
    expect(await Customer.count({ where: { legacyReference: 'BRK-1' } })).toBe(0);
  });

  it('loads, then a second identical load is all unchanged and writes no events; a changed row is updated', async () => {
    const rows = [customerRow('LEG-1', 'Legacy One'), customerRow('LEG-2', 'Légacy Twö, "Inc"'), customerRow('LEG-3', 'Legacy Three')];
    const first = await load(as.manager, 'customers', csv([CUSTOMER_HEADER, ...rows]));
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ written: true, counts: { created: 3, updated: 0, unchanged: 0, refused: 0 } });
    const made = await Customer.findAll({ where: { legacyReference: ['LEG-1', 'LEG-2', 'LEG-3'] }, order: [['legacyReference', 'ASC']] });
    expect(made.map((c) => c.name)).toEqual(['Legacy One', 'Légacy Twö, "Inc"', 'Legacy Three']);
    expect(made.map((c) => c.status)).toEqual(['preliminary', 'preliminary', 'preliminary']);
    expect(first.body.results.map((x) => x.accountNumber)).toEqual(made.map((c) => c.accountNumber));
    const importEvents = await Event.findAll({ where: { entityType: 'customers', entityId: made.map((c) => c.id) } });
    expect(importEvents.map((e) => e.action)).toEqual(['import', 'import', 'import']);
    expect(importEvents[0]).toMatchObject({ accountNumber: made[0].accountNumber, customerAccountNumber: made[0].accountNumber });

    const events = await Event.count();
    const before = await snapshot();
    const second = await load(as.manager, 'customers', csv([CUSTOMER_HEADER, ...rows]));
    expect(second.body).toMatchObject({ counts: { created: 0, updated: 0, unchanged: 3, refused: 0 } });
    expect(await Event.count()).toBe(events);
    expect(await snapshot()).toEqual(before);

    const changed = [rows[0], customerRow('LEG-2', 'Legacy Two Renamed'), rows[2]];
    const third = await load(as.manager, 'customers', csv([CUSTOMER_HEADER, ...changed]));
    expect(third.body).toMatchObject({ counts: { created: 0, updated: 1, unchanged: 2 } });
    expect(third.body.results[1]).toMatchObject({ outcome: 'updated', accountNumber: made[1].accountNumber });
    const renamed = await Customer.findByPk(made[1].id);
    expect(renamed?.name).toBe('Legacy Two Renamed');
    expect(renamed?.accountNumber).toBe(made[1].accountNumber);
    expect(await Event.count()).toBe(events + 1);
    const last = await Event.findOne({ where: { entityType: 'customers', entityId: made[1].id }, order: [['id', 'DESC']] });
    expect(last?.changes.name).toEqual(['Légacy Twö, "Inc"', 'Legacy Two Renamed']);
  });

  it('billing rows find their customer by legacy reference or by account number', async () => {
    await load(as.manager, 'customers', csv([CUSTOMER_HEADER, customerRow('PAR-1', 'Parent One')]));
    const byNumber = (await as.manager.post('/api/customers').send({ name: 'Parent By Number' })).body as { id: number; accountNumber: string };
    const header = ['legacyReference', 'customerLegacyReference', 'customerAccountNumber', 'billingName', 'addressLine1', 'city', 'state', 'zip', 'invoiceMethod', 'invoiceEmailPrimary', 'districts'];
    const file = csv([
      header,
      ['B-1', 'PAR-1', '', 'Bill One', '1 A St', 'Erie', 'PA', '16501', 'email', 'b1@x.example', '1-0;11-0'],
      ['B-2', '', byNumber.accountNumber, 'Bill Two', '2 B St', 'York', 'PA', '17401', 'physical', '', '8-0'],
    ]);
    const r = await load(as.manager, 'billing-accounts', file);
    expect(r.body).toMatchObject({ written: true, counts: { created: 2, refused: 0 } });
    const parent = await Customer.findOne({ where: { legacyReference: 'PAR-1' } });
    const b1 = await BillingAccount.findOne({ where: { legacyReference: 'B-1' } });
    const b2 = await BillingAccount.findOne({ where: { legacyReference: 'B-2' } });
    expect(b1?.customerId).toBe(parent!.id);
    expect(b2?.customerId).toBe(byNumber.id);
    expect([...(b1?.districts ?? [])].sort()).toEqual(['1-0', '11-0']);
    const ev = await Event.findOne({ where: { entityType: 'billing-accounts', entityId: b1!.id } });
    expect(ev).toMatchObject({ action: 'import', accountNumber: b1!.accountNumber, customerAccountNumber: parent!.accountNumber });

    const orphan = await load(as.manager, 'billing-accounts', csv([header, ['B-3', 'NOPE', '', 'Orphan', '1 A St', 'Erie', 'PA', '16501', 'physical', '', '1-0']]));
    expect(orphan.body.counts.refused).toBe(1);
    expect(orphan.body.results[0].errors).toHaveProperty('customer');
    expect(await BillingAccount.count({ where: { legacyReference: 'B-3' } })).toBe(0);
  });

  it('refuses unknown columns and unreadable files as a whole (422)', async () => {
    const r = await load(as.manager, 'customers', 'legacyReference,name,shoeSize\nX-1,Foo,12\n');
    expect(r.status).toBe(422);
    expect(r.body.fileErrors[0]).toMatch(/shoeSize/);
    const noRef = await load(as.manager, 'customers', 'name\nFoo\n');
    expect(noRef.status).toBe(422);
    const dup = await load(as.manager, 'customers', csv([CUSTOMER_HEADER, customerRow('DUP-1', 'A'), customerRow('DUP-1', 'B')]));
    expect(dup.body.results[1].errors).toHaveProperty('legacyReference');
    expect(await Customer.count({ where: { legacyReference: 'DUP-1' } })).toBe(0);
  });

  it.each(['authorizer', 'district', 'analyst', 'admin'] as const)('only account managers import: %s gets 403', async (who) => {
    const before = await snapshot();
    const r = await load(as[who], 'customers', csv([CUSTOMER_HEADER, customerRow(`ROLE-${who}`, 'Nope')]));
    expect(r.status).toBe(403);
    expect(await snapshot()).toEqual(before);
  });
});
