// The bulk load at the size it is made for: files of several chunks, written with multi-row
// statements instead of model instances. What it writes must be exactly what the API writes (the
// search text, numbers from the one registry, dates and defaults that read back through the
// models), one complete event per account, and what the database's triggers keep from it (the
// search index, the district table).
import { abilityFromRules, defineRulesFor } from '../../../config/abilities';
import { formatAccountNumber } from '../../../config/account-numbers';
import type { AuthUser } from '../../../server/auth/context';
import { diff } from '../../../server/domain/history';
import { IMPORT_COLUMNS, importCsv, type ImportReport, type ImportResource } from '../../../server/domain/import';
import { AccountNumber, BillingAccount, Customer, Event } from '../../../server/models';
import { billingAccounts } from '../../../server/resources/billing-accounts';
import { customers } from '../../../server/resources/customers';
import { setSearchText, toApiRecord } from '../../../server/rest/engine';
import type { ResourceDefinition } from '../../../server/rest/resource';
import { Op, type Model } from 'sequelize';
import { createTestApp, listQuery, type Cast, type TestApp } from '../../support/app';
import { describeDb, dialect } from '../../support/db';
import { snapshot } from '../helpers';

/** More rows than one chunk of the importer (1,000), the last chunk a partial one. */
const CUSTOMERS = 2345;
/** Billing account i belongs to customer 2i+1, so all have one. */
const BILLING = 1100;

const system: AuthUser = { id: 0, username: 'cims', fullName: 'cims import', roles: ['account_manager'], district: null };
const ctx = { user: system, ability: abilityFromRules(defineRulesFor(system)) };

const csv = (header: readonly string[], rows: Record<string, string>[]) =>
  [header, ...rows.map((r) => header.map((h) => r[h] ?? ''))]
    .map((cells) => cells.map((v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(','))
    .join('\n') + '\n';

// Names that test the writing: quotes and apostrophes, a backslash, accents, an emoji.
const NAMES = ['O\'Neill Paving', 'Müller "Quoted", Inc', 'Back\\slash Fiber', 'Peña Électrique', 'Water 💧 Authority', 'Plain Gas Company'];

function customerRow(i: number, overrides: Record<string, string> = {}): Record<string, string> {
  const utility = i % 3 !== 0;
  return {
    legacyReference: `BULK-${i}`,
    name: `${NAMES[i % NAMES.length]} ${i}`,
    accountType: utility ? 'utility' : 'driveway',
    status: i % 2 ? 'active' : 'preliminary',
    addressLine1: `${i} Main St`,
    addressLine2: i % 5 ? '' : `Suite ${i}`,
    city: 'Erie',
    state: 'pa',
    zip: i % 4 ? '16501' : '165011234',
    phone: '717-555-0100',
    phoneExt: i % 7 ? '' : '12',
    email: `Billing${i}@Example.com`,
    fein: utility ? `25-${String(1000000 + i)}` : '',
    bpid: utility ? `BP${i}` : '',
    bpName: utility ? `BP Name ${i}` : '',
    ...overrides,
  };
}

/** Billing account i belongs to customer 2i+1 (active), so its status may be active. */
function billingRow(i: number, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    legacyReference: `BILL-${i}`,
    customerLegacyReference: `BULK-${2 * i + 1}`,
    billingName: `${NAMES[i % NAMES.length]} Billing ${i}`,
    status: i % 2 ? 'active' : 'preliminary',
    addressLine1: `${i} Bill St`,
    city: 'York',
    state: 'PA',
    zip: '17401',
    permitSystem: 'HOP',
    invoiceMethod: i % 3 ? 'email' : 'physical',
    invoiceEmailPrimary: i % 3 ? `ap${i}@example.com` : '',
    // Unsorted, with a duplicate, or none at all.
    districts: i % 10 === 0 ? '' : `11-0;2-0;${i % 2 ? '2-0' : '8-0'}`,
    ...overrides,
  };
}

const customerFile = (rows = Array.from({ length: CUSTOMERS }, (_, i) => customerRow(i))) => csv(IMPORT_COLUMNS.customers, rows);
const billingFile = (rows = Array.from({ length: BILLING }, (_, i) => billingRow(i))) => csv(IMPORT_COLUMNS['billing-accounts'], rows);

describeDb(`bulk import on ${dialect}`, () => {
  let t: TestApp;
  let as: Cast;
  beforeAll(async () => {
    t = await createTestApp();
    as = await t.cast();
  });
  afterAll(() => t.close());

  const load = (resource: ImportResource, text: string, options: { dryRun?: boolean; onProgress?: (done: number, total: number) => void } = {}): Promise<ImportReport> =>
    importCsv(t.database.db, ctx, resource, text, options);

  const imported = async (def: ResourceDefinition<Model>, prefix: string): Promise<Model[]> =>
    def.model.findAll({ where: { legacyReference: { [Op.like]: `${prefix}%` } }, order: [['id', 'ASC']] });

  /** Every event of these rows must be the one the engine would record for their creation. */
  const expectCreationEvents = async (def: ResourceDefinition<Model>, rows: Model[], parentNumber: (row: Model) => string) => {
    const events = await Event.findAll({ where: { entityType: def.name, entityId: rows.map((r) => Number(r.get('id'))) }, order: [['entityId', 'ASC']] });
    expect(events).toHaveLength(rows.length);
    const fields = def.fields.filter((f) => !['version', 'createdAt', 'updatedAt'].includes(f));
    rows.forEach((row, i) => {
      const e = events[i];
      expect(e.entityId).toBe(row.get('id'));
      expect({ action: e.action, accountNumber: e.accountNumber, customerAccountNumber: e.customerAccountNumber, status: e.status, actorId: e.actorId, reason: e.reason })
        .toEqual({ action: 'import', accountNumber: row.get('accountNumber'), customerAccountNumber: parentNumber(row), status: row.get('status'), actorId: null, reason: 'Loaded from the former system.' });
      expect(e.changes).toEqual(diff({}, toApiRecord(def, row, ctx), fields));
      expect(e.at).toBeInstanceOf(Date);
    });
  };

  it('loads a file of several chunks, reporting progress after each', async () => {
    const numbersBefore = await AccountNumber.count();
    const progress: [number, number][] = [];
    const report = await load('customers', customerFile(), { onProgress: (done, total) => progress.push([done, total]) });
    expect(report).toMatchObject({ written: true, rows: CUSTOMERS, counts: { created: CUSTOMERS, updated: 0, unchanged: 0, refused: 0 } });
    expect(progress).toEqual([[1000, CUSTOMERS], [2000, CUSTOMERS], [CUSTOMERS, CUSTOMERS]]);

    const rows = await imported(customers, 'BULK-');
    expect(rows).toHaveLength(CUSTOMERS);
    // The report names each row's new number, in file order.
    const byRef = new Map(rows.map((r) => [String(r.get('legacyReference')), String(r.get('accountNumber'))]));
    expect(report.results.map((r) => r.accountNumber)).toEqual(report.results.map((r) => byRef.get(r.legacyReference!)));
    // Every number comes from the one registry, once.
    const issued = await AccountNumber.findAll({ where: { entityType: 'customers' }, order: [['value', 'ASC']] });
    expect(await AccountNumber.count()).toBe(numbersBefore + CUSTOMERS);
    expect(new Set(rows.map((r) => r.get('accountNumber'))).size).toBe(CUSTOMERS);
    const formatted = new Set(issued.map((n) => formatAccountNumber(n.value)));
    expect(rows.every((r) => formatted.has(String(r.get('accountNumber'))))).toBe(true);
  });

  it('stores each customer as the API would: values, search text, dates and defaults', async () => {
    const rows = (await imported(customers, 'BULK-')) as Customer[];
    const started = Date.now() - 10 * 60_000;
    for (const row of rows) {
      const i = Number(row.legacyReference!.slice('BULK-'.length));
      const source = customerRow(i);
      expect(row).toMatchObject({
        name: source.name, accountType: source.accountType, status: source.status, state: 'PA', email: source.email.toLowerCase(),
        zip: i % 4 ? '16501' : '16501-1234', fein: source.fein ? source.fein.replace('-', '') : null, addressLine2: source.addressLine2 || null,
        phoneExt: source.phoneExt || null, version: 0, submittedAt: null, submittedById: null,
      });
      expect(row.createdAt).toBeInstanceOf(Date);
      expect(row.createdAt.getTime()).toBeGreaterThan(started);
      expect(row.updatedAt.getTime()).toBe(row.createdAt.getTime());
      // The search text is what setSearchText makes of the stored row.
      setSearchText(customers, row);
      expect(row.changed('searchText')).toBe(false);
    }
  });

  it('records one complete event per customer', async () => {
    const rows = await imported(customers, 'BULK-');
    await expectCreationEvents(customers, rows, (row) => String(row.get('accountNumber')));
  });

  it('loads billing accounts of several chunks under their customers, with their districts and events', async () => {
    const report = await load('billing-accounts', billingFile());
    expect(report).toMatchObject({ written: true, counts: { created: BILLING, refused: 0 } });
    const rows = (await imported(billingAccounts, 'BILL-')) as BillingAccount[];
    expect(rows).toHaveLength(BILLING);
    const parents = new Map((await Customer.findAll({ where: { legacyReference: { [Op.like]: 'BULK-%' } } })).map((c) => [c.legacyReference, c]));
    for (const row of rows) {
      const i = Number(row.legacyReference!.slice('BILL-'.length));
      const parent = parents.get(`BULK-${2 * i + 1}`)!;
      expect(row).toMatchObject({ customerId: parent.id, billingName: billingRow(i).billingName, status: billingRow(i).status, suspendedByCustomer: false, version: 0, permitSystem: 'HOP' });
      // Sorted and without the duplicate, as the model's setter keeps them.
      expect(row.districts).toEqual(i % 10 === 0 ? [] : i % 2 ? ['2-0', '11-0'] : ['2-0', '8-0', '11-0']);
      setSearchText(billingAccounts, row);
      expect(row.changed('searchText')).toBe(false);
    }
    const numbers = new Map([...parents.values()].map((c) => [c.id, c.accountNumber]));
    await expectCreationEvents(billingAccounts, rows, (row) => numbers.get(Number(row.get('customerId')))!);
  });

  it('the triggers have filled the search index and the district table', async () => {
    const last = (await Customer.findOne({ where: { legacyReference: `BULK-${CUSTOMERS - 1}` } }))!;
    const q = async (resource: string, term: string) => (await as.analyst.get(`/api/${resource}${listQuery({ filter: { q: term } })}`)).body.map((r: { id: number }) => r.id);
    expect(await q('customers', last.name)).toEqual([last.id]);
    expect(await q('customers', last.accountNumber)).toEqual([last.id]);
    expect(await q('customers', 'müller "quoted", inc 1')).toContain((await Customer.findOne({ where: { legacyReference: 'BULK-1' } }))!.id);
    const bill = (await BillingAccount.findOne({ where: { legacyReference: `BILL-${BILLING - 1}` } }))!;
    expect(await q('billing-accounts', bill.billingName)).toEqual([bill.id]);

    const inDistrict = async (resource: string, district: string) => {
      const r = await as.analyst.get(`/api/${resource}${listQuery({ filter: { district } })}`);
      return Number(String(r.headers['content-range']).split('/')[1]);
    };
    const billing = (await imported(billingAccounts, 'BILL-')) as BillingAccount[];
    const serving = (d: string) => billing.filter((b) => b.districts.includes(d));
    expect(await inDistrict('billing-accounts', '2-0')).toBe(serving('2-0').length);
    expect(await inDistrict('billing-accounts', '8-0')).toBe(serving('8-0').length);
    expect(await inDistrict('customers', '11-0')).toBe(new Set(serving('11-0').map((b) => b.customerId)).size);
  });

  it('a second load of the same files changes nothing; a corrected file updates only what changed', async () => {
    const before = await snapshot();
    const numbers = await AccountNumber.count();
    const again = await load('customers', customerFile());
    expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: CUSTOMERS, refused: 0 });
    expect((await load('billing-accounts', billingFile())).counts).toEqual({ created: 0, updated: 0, unchanged: BILLING, refused: 0 });
    expect(await snapshot()).toEqual(before);
    expect(await AccountNumber.count()).toBe(numbers);

    // One change in the first chunk, one in the last, and a new row.
    const rows = Array.from({ length: CUSTOMERS }, (_, i) => customerRow(i));
    rows[5] = customerRow(5, { name: 'Renamed Five Cooperative' });
    rows[2200] = customerRow(2200, { fein: '', bpName: 'New BP Name' });
    rows.push(customerRow(CUSTOMERS));
    const events = await Event.count();
    const corrected = await load('customers', customerFile(rows));
    expect(corrected.counts).toEqual({ created: 1, updated: 2, unchanged: CUSTOMERS - 2, refused: 0 });
    expect(await Event.count()).toBe(events + 3);
    const five = (await Customer.findOne({ where: { legacyReference: 'BULK-5' } }))!;
    expect(five).toMatchObject({ name: 'Renamed Five Cooperative', version: 1 });
    const lastEvent = await Event.findOne({ where: { entityType: 'customers', entityId: five.id }, order: [['id', 'DESC']] });
    expect(lastEvent?.changes).toEqual({ name: [customerRow(5).name, 'Renamed Five Cooperative'] });
    const other = (await Customer.findOne({ where: { legacyReference: 'BULK-2200' } }))!;
    expect(other).toMatchObject({ fein: null, bpName: 'New BP Name', version: 1 });
    // The update trigger keeps the search index in step.
    expect((await as.analyst.get(`/api/customers${listQuery({ filter: { q: 'renamed five coop' } })}`)).body.map((c: { id: number }) => c.id)).toEqual([five.id]);

    // A billing account that changes its districts leaves the district it no longer serves.
    const bills = Array.from({ length: BILLING }, (_, i) => billingRow(i));
    bills[2] = billingRow(2, { districts: '12-0' });
    expect((await load('billing-accounts', billingFile(bills))).counts).toMatchObject({ updated: 1, unchanged: BILLING - 1 });
    const two = (await BillingAccount.findOne({ where: { legacyReference: 'BILL-2' } }))!;
    expect(two.districts).toEqual(['12-0']);
    const in12 = (await as.analyst.get(`/api/billing-accounts${listQuery({ filter: { district: '12-0' } })}`)).body.map((b: { id: number }) => b.id);
    expect(in12).toEqual([two.id]);
  });

  it('a dry run of a large file writes nothing, nor does a file whose last chunk has a refused row', async () => {
    const before = await snapshot();
    const numbers = await AccountNumber.count();
    const rows = Array.from({ length: CUSTOMERS }, (_, i) => customerRow(CUSTOMERS + 10 + i));
    const dry = await load('customers', customerFile(rows), { dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, written: false, counts: { created: CUSTOMERS } });
    rows[CUSTOMERS - 1] = customerRow(9999, { zip: 'nope' });
    const refused = await load('customers', customerFile(rows));
    expect(refused).toMatchObject({ written: false, counts: { refused: 1 } });
    expect(refused.results[CUSTOMERS - 1].errors).toHaveProperty('zip');
    expect(await snapshot()).toEqual(before);
    expect(await AccountNumber.count()).toBe(numbers);
  });
});
