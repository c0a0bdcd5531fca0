// Bulk load of customer or billing accounts from a CSV file of an agency's former system. Each
// row is validated exactly as the API validates a record; rows are matched by their legacy
// reference, so a second load of the same file changes nothing. All or nothing per file: one
// refused row refuses the file, and a dry run reports every row's errors without writing.
import { Op, type Model, type Transaction } from 'sequelize';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { ACCOUNT_STATUSES, statusLabel, type AccountStatus } from '../../config/vocabulary';
import { formatAccountNumber } from '../../config/account-numbers';
import type { Database } from '../db';
import { AccountNumber, BillingAccount, Customer, Event } from '../models';
import { setSearchText, toApiRecord } from '../rest/engine';
import type { ReadContext, ResourceDefinition, Values, WriteContext } from '../rest/resource';
import { billingAccounts } from '../resources/billing-accounts';
import { customers } from '../resources/customers';
import { diff } from './history';

export type ImportResource = 'customers' | 'billing-accounts';

/** The documented column layout of each file; `legacyReference` is required on every row. */
export const IMPORT_COLUMNS: Record<ImportResource, readonly string[]> = {
  customers: ['legacyReference', 'name', 'accountType', 'status', 'addressLine1', 'addressLine2', 'city', 'state', 'zip', 'phone', 'phoneExt', 'email', 'fein', 'bpid', 'bpName'],
  'billing-accounts': ['legacyReference', 'customerLegacyReference', 'customerAccountNumber', 'billingName', 'status', 'addressLine1', 'addressLine2', 'city', 'state', 'zip', 'permitSystem', 'invoiceMethod', 'invoiceEmailPrimary', 'invoiceEmailSecondary', 'districts'],
};

export type Outcome = 'created' | 'updated' | 'unchanged' | 'refused';

export interface RowResult {
  readonly row: number;
  readonly legacyReference: string | null;
  outcome: Outcome;
  accountNumber: string | null;
  readonly errors: Record<string, string>;
}

export interface ImportReport {
  readonly resource: ImportResource;
  readonly dryRun: boolean;
  /** Whether anything was written: never on a dry run or when a row was refused. */
  readonly written: boolean;
  readonly rows: number;
  readonly counts: Record<Outcome, number>;
  readonly results: RowResult[];
  readonly fileErrors: string[];
}

export interface ImportOptions {
  readonly dryRun?: boolean;
  readonly onProgress?: (done: number, total: number) => void;
}

const CHUNK = 500;
const extra = z.object({
  legacyReference: z.string({ message: 'Every row needs its legacy reference.' }).trim().min(1, 'Every row needs its legacy reference.').max(64),
  status: z.preprocess((v) => v ?? undefined, z.enum(ACCOUNT_STATUSES, { message: `A status is one of ${ACCOUNT_STATUSES.join(', ')}.` }).default('preliminary')),
});

interface Prepared {
  result: RowResult;
  values: Values;
  existing: Model | null;
  /** The existing account as it was, for the event's before values. */
  before: Values | null;
}

export async function importCsv(db: Database, ctx: Omit<WriteContext, 't' | 'db'>, resource: ImportResource, text: string, options: ImportOptions = {}): Promise<ImportReport> {
  const def = resource === 'customers' ? customers : billingAccounts;
  let records: Record<string, string>[];
  try {
    records = parse(text, { columns: true, bom: true, trim: true, skip_empty_lines: true, relax_column_count: false }) as Record<string, string>[];
  } catch (e) {
    return report(resource, options, [], [`The file is not readable CSV: ${(e as Error).message}`]);
  }
  const headers = records.length ? Object.keys(records[0]) : [];
  const unknown = headers.filter((h) => !IMPORT_COLUMNS[resource].includes(h));
  if (unknown.length) return report(resource, options, [], [`Unknown columns: ${unknown.join(', ')}. The columns are: ${IMPORT_COLUMNS[resource].join(', ')}.`]);
  if (!headers.includes('legacyReference')) return report(resource, options, [], ['The file needs a legacyReference column.']);

  const prepared = await prepare(def, resource, records, ctx);
  const refused = prepared.some((p) => p.result.outcome === 'refused');
  if (refused || options.dryRun) return report(resource, options, prepared.map((p) => p.result), [], false);

  await db.transaction(async (t) => {
    const w: WriteContext = { ...ctx, db, t };
    for (let i = 0; i < prepared.length; i += CHUNK) {
      await writeChunk(w, def, prepared.slice(i, i + CHUNK));
      options.onProgress?.(Math.min(prepared.length, i + CHUNK), prepared.length);
    }
  });
  return report(resource, options, prepared.map((p) => p.result), [], true);
}

async function prepare(def: ResourceDefinition<Model>, resource: ImportResource, records: Record<string, string>[], ctx: ReadContext): Promise<Prepared[]> {
  const refs = records.map((r) => r.legacyReference?.trim()).filter(Boolean);
  const existing = new Map<string, Model>();
  for (let i = 0; i < refs.length; i += CHUNK) {
    for (const row of await def.model.findAll({ where: { legacyReference: { [Op.in]: refs.slice(i, i + CHUNK) } } })) existing.set(String(row.get('legacyReference')), row);
  }
  const parents = resource === 'billing-accounts' ? await parentsOf(records) : null;
  const seen = new Set<string>();
  return records.map((raw, i): Prepared => {
    let parentStatus: string | null = null;
    const input: Values = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v === '' ? null : v]));
    if (resource === 'billing-accounts') {
      input.districts = typeof input.districts === 'string' ? input.districts.split(/[;,\s]+/).filter(Boolean) : [];
      const parent = parents!.byLegacy.get(String(raw.customerLegacyReference ?? '')) ?? parents!.byNumber.get(String(raw.customerAccountNumber ?? ''));
      input.customerId = parent?.id ?? null;
      parentStatus = parent?.status ?? null;
    }
    const errors: Record<string, string> = {};
    const base = def.input!.create.safeParse(input);
    const own = extra.safeParse(input);
    for (const issue of [...(base.success ? [] : base.error.issues), ...(own.success ? [] : own.error.issues)]) {
      const field = String(issue.path[0] ?? 'row');
      errors[field === 'customerId' ? 'customer' : field] ??= field === 'customerId' ? 'No customer account with that legacy reference or number.' : issue.message;
    }
    const legacyReference = own.success ? own.data.legacyReference : (raw.legacyReference || null);
    if (own.success && parentStatus && !billingFits(own.data.status, parentStatus)) {
      errors.status = `A billing account that is ${statusLabel(own.data.status)} cannot belong to a customer account that is ${statusLabel(parentStatus)}.`;
    }
    if (legacyReference && seen.has(legacyReference)) errors.legacyReference = 'This legacy reference is on an earlier row of the file too.';
    if (legacyReference) seen.add(legacyReference);
    const values: Values = base.success && own.success ? { ...base.data, legacyReference: own.data.legacyReference, status: own.data.status } : {};
    const match = legacyReference ? existing.get(legacyReference) ?? null : null;
    if (match && own.success && raw.status && own.data.status !== match.get('status')) {
      errors.status = 'The status of an account that is already here changes only through its actions.';
    }
    // A load updates details; it never does what has rules of its own in the API.
    if (match && base.success && resource === 'billing-accounts' && Number(values.customerId) !== Number(match.get('customerId'))) {
      errors.customer = 'Moving a billing account to another customer is a reassignment: use Reassign billing accounts.';
    }
    if (match && base.success && resource === 'customers' && values.accountType !== match.get('accountType') && match.get('status') !== 'preliminary') {
      errors.accountType = 'The account type can change only while the account is Preliminary.';
    }
    let outcome: Outcome = Object.keys(errors).length ? 'refused' : match ? 'updated' : 'created';
    const before = match ? toApiRecord(def, match, ctx) : null;
    if (match && outcome === 'updated') {
      // The change is applied to the loaded row now (saved later, never on a dry run), so that
      // the report can tell an update from a row that changes nothing.
      const { status: _status, ...changes } = values;
      match.set(changes);
      setSearchText(def, match);
      if (!match.changed()) outcome = 'unchanged';
    }
    const result: RowResult = { row: i + 2, legacyReference, outcome, accountNumber: match ? String(match.get('accountNumber')) : null, errors };
    return { result, values, existing: match, before };
  });
}

/** A billing account's status must fit its customer's: drafts under drafts, nothing live under an ended account. */
function billingFits(status: AccountStatus, parent: string): boolean {
  if (parent === 'preliminary') return status === 'preliminary';
  if (parent === 'inactive') return status === 'inactive';
  if (parent === 'suspended') return status !== 'active';
  return true;
}

async function parentsOf(records: Record<string, string>[]): Promise<{ byLegacy: Map<string, Customer>; byNumber: Map<string, Customer> }> {
  const legacy = [...new Set(records.map((r) => r.customerLegacyReference).filter(Boolean))];
  const numbers = [...new Set(records.map((r) => r.customerAccountNumber).filter(Boolean))];
  const found: Customer[] = [];
  for (let i = 0; i < legacy.length; i += CHUNK) found.push(...(await Customer.findAll({ where: { legacyReference: { [Op.in]: legacy.slice(i, i + CHUNK) } }, attributes: ['id', 'accountNumber', 'legacyReference', 'status'] })));
  for (let i = 0; i < numbers.length; i += CHUNK) found.push(...(await Customer.findAll({ where: { accountNumber: { [Op.in]: numbers.slice(i, i + CHUNK) } }, attributes: ['id', 'accountNumber', 'legacyReference', 'status'] })));
  return { byLegacy: new Map(found.filter((c) => c.legacyReference).map((c) => [c.legacyReference!, c])), byNumber: new Map(found.map((c) => [c.accountNumber, c])) };
}

async function writeChunk(ctx: WriteContext, def: ResourceDefinition<Model>, chunk: Prepared[]): Promise<void> {
  const fresh = chunk.filter((p) => !p.existing);
  const numbers = await AccountNumber.bulkCreate(fresh.map(() => ({ entityType: def.name, issuedAt: new Date() })), { transaction: ctx.t, returning: true });
  const built = fresh.map((p, i) => {
    const row = def.model.build({ ...p.values, accountNumber: formatAccountNumber(numbers[i].value) });
    setSearchText(def, row);
    p.result.accountNumber = String(row.get('accountNumber'));
    return row;
  });
  const created = await def.model.bulkCreate(built.map((r) => r.get({ plain: true }) as Values), { transaction: ctx.t, returning: true });
  const events: Values[] = [];
  const place = await placer(ctx.t, def, chunk);
  created.forEach((row) => events.push(eventOf(def, ctx, row, 'import', {}, toApiRecord(def, row, ctx), place)));
  for (const p of chunk.filter((x) => x.result.outcome === 'updated')) {
    const row = p.existing!;
    await row.save({ transaction: ctx.t });
    events.push(eventOf(def, ctx, row, 'import', p.before ?? {}, toApiRecord(def, row, ctx), place));
  }
  if (events.length) await Event.bulkCreate(events as never[], { transaction: ctx.t });
}

type Placer = (row: Model) => { accountNumber: string; customerAccountNumber: string | null; status: AccountStatus };

async function placer(t: Transaction, def: ResourceDefinition<Model>, chunk: Prepared[]): Promise<Placer> {
  if (def.name === 'customers') return (row) => ({ accountNumber: String(row.get('accountNumber')), customerAccountNumber: String(row.get('accountNumber')), status: row.get('status') as AccountStatus });
  const ids = [...new Set(chunk.map((p) => Number(p.values.customerId)))];
  const parents = new Map((await Customer.findAll({ where: { id: { [Op.in]: ids } }, attributes: ['id', 'accountNumber'], transaction: t })).map((c) => [c.id, c.accountNumber]));
  return (row) => ({ accountNumber: String(row.get('accountNumber')), customerAccountNumber: parents.get(Number(row.get('customerId'))) ?? null, status: row.get('status') as AccountStatus });
}

function eventOf(def: ResourceDefinition<Model>, ctx: WriteContext, row: Model, action: string, before: Values, after: Values, place: Placer): Values {
  const fields = def.fields.filter((f) => !['version', 'createdAt', 'updatedAt'].includes(f));
  return {
    entityType: def.name, entityId: Number(row.get('id')), action, ...place(row),
    actorId: ctx.user.id > 0 ? ctx.user.id : null, at: new Date(), changes: diff(before, after, fields), reason: 'Loaded from the former system.',
  };
}

function report(resource: ImportResource, options: ImportOptions, results: RowResult[], fileErrors: string[], written = false): ImportReport {
  const counts: Record<Outcome, number> = { created: 0, updated: 0, unchanged: 0, refused: 0 };
  for (const r of results) counts[r.outcome]++;
  return { resource, dryRun: Boolean(options.dryRun), written, rows: results.length, counts, results, fileErrors };
}
