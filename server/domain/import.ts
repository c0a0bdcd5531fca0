// Bulk load of customer or billing accounts from a CSV file of an agency's former system. Each
// row is validated exactly as the API validates a record; rows are matched by their legacy
// reference, so a second load of the same file changes nothing. All or nothing per file: one
// refused row refuses the file, and a dry run reports every row's errors without writing.
import { Op, type Model } from 'sequelize';
import { setImmediate } from 'node:timers/promises';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { ACCOUNT_STATUSES, statusLabel, type AccountStatus } from '../../config/vocabulary';
import { formatAccountNumber } from '../../config/account-numbers';
import type { Database } from '../db';
import { AccountNumber, Customer, Event } from '../models';
import { conflict } from '../errors';
import { setSearchText, toApiRecord, toApiValues } from '../rest/engine';
import type { ApiRecord, HistoryPlace, ResourceDefinition, Values, WriteContext } from '../rest/resource';
import { billingAccounts } from '../resources/billing-accounts';
import { customers } from '../resources/customers';
import { hasControlCharacters, requiredText } from '../resources/fields';
import { diff } from './history';
import { attributesOfKind, insertRows, newStoredRow, plainRow, readValue, selectWhereIn, storedValue } from './import-sql';

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

/** Rows written per step: one statement each for their numbers, accounts and events, then a progress report. */
const CHUNK = 1000;
const extra = z.object({
  legacyReference: requiredText(64, 'Every row needs its legacy reference.'),
  status: z.preprocess((v) => v ?? undefined, z.enum(ACCOUNT_STATUSES, { message: `A status is one of ${ACCOUNT_STATUSES.join(', ')}.` }).default('preliminary')),
});

/** Attributes of an existing account read for the comparison: its text and numbers (all that a file sets). */
const COMPARED_KINDS = ['STRING', 'TEXT', 'INTEGER'];

interface Prepared {
  result: RowResult;
  values: Values;
  /** The account already here with this legacy reference, as stored (its text and integer attributes). */
  existing: Values | null;
  /** A billing account's parent customer's number, for the event's place in the history. */
  parentNumber: string | null;
}

interface Parent {
  readonly id: number;
  readonly accountNumber: string;
  readonly legacyReference: string | null;
  readonly status: string;
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

  const prepared = await prepare(db, def, resource, records);
  const refused = prepared.some((p) => p.result.outcome === 'refused');
  if (refused || options.dryRun) return report(resource, options, prepared.map((p) => p.result), [], false);

  await db.transaction((t) => writeFile({ ...ctx, db, t }, def, prepared, options.onProgress));
  return report(resource, options, prepared.map((p) => p.result), [], true);
}

async function prepare(db: Database, def: ResourceDefinition<Model>, resource: ImportResource, records: Record<string, string>[]): Promise<Prepared[]> {
  const existing = await existingByReference(db, def, records);
  const parents = resource === 'billing-accounts' ? await parentsOf(db, records) : null;
  const seen = new Set<string>();
  return records.map((raw, i): Prepared => {
    let parent: Parent | null = null;
    const input: Values = {};
    for (const key in raw) input[key] = raw[key] === '' ? null : raw[key];
    if (parents) {
      input.districts = typeof input.districts === 'string' ? input.districts.split(/[;,\s]+/).filter(Boolean) : [];
      parent = parents.byLegacy.get(String(raw.customerLegacyReference ?? '')) ?? parents.byNumber.get(String(raw.customerAccountNumber ?? '')) ?? null;
      input.customerId = parent?.id ?? null;
    }
    const errors: Record<string, string> = {};
    const base = def.input!.create.safeParse(input);
    const own = extra.safeParse(input);
    for (const issue of [...(base.success ? [] : base.error.issues), ...(own.success ? [] : own.error.issues)]) {
      const field = String(issue.path[0] ?? 'row');
      errors[field === 'customerId' ? 'customer' : field] ??= field === 'customerId' ? 'No customer account with that legacy reference or number.' : issue.message;
    }
    const legacyReference = own.success ? own.data.legacyReference : (raw.legacyReference || null);
    if (own.success && parent && !billingFits(own.data.status, parent.status)) {
      errors.status = `A billing account that is ${statusLabel(own.data.status)} cannot belong to a customer account that is ${statusLabel(parent.status)}.`;
    }
    if (legacyReference && seen.has(legacyReference)) errors.legacyReference = 'This legacy reference is on an earlier row of the file too.';
    if (legacyReference) seen.add(legacyReference);
    const values: Values = base.success && own.success ? { ...base.data, legacyReference: own.data.legacyReference, status: own.data.status } : {};
    const match = legacyReference ? existing.get(legacyReference) ?? null : null;
    if (match && own.success && raw.status && own.data.status !== match.status) {
      errors.status = 'The status of an account that is already here changes only through its actions.';
    }
    // A load updates details; it never does what has rules of its own in the API.
    if (match && base.success && resource === 'billing-accounts' && Number(values.customerId) !== Number(match.customerId)) {
      errors.customer = 'Moving a billing account to another customer is a reassignment: use Reassign billing accounts.';
    }
    if (match && base.success && resource === 'customers' && values.accountType !== match.accountType && match.status !== 'preliminary') {
      errors.accountType = 'The account type can change only while the account is Preliminary.';
    }
    let outcome: Outcome = Object.keys(errors).length ? 'refused' : match ? 'updated' : 'created';
    // Decided now (the update itself is written later, never on a dry run), so that the report
    // can tell an update from a row that changes nothing.
    if (match && outcome === 'updated' && !changesAccount(def, match, values)) outcome = 'unchanged';
    const result: RowResult = { row: i + 2, legacyReference, outcome, accountNumber: match ? String(match.accountNumber) : null, errors };
    return { result, values, existing: match, parentNumber: parent?.accountNumber ?? null };
  });
}

/** The accounts already here that the file names, by legacy reference. */
async function existingByReference(db: Database, def: ResourceDefinition<Model>, records: Record<string, string>[]): Promise<Map<string, Values>> {
  const refs = lookupable(records.map((r) => r.legacyReference));
  const rows = await selectWhereIn(db, def.model, attributesOfKind(def.model, COMPARED_KINDS), 'legacyReference', refs);
  return new Map(rows.map((r) => [String(r.legacyReference), r]));
}

/**
 * Whether the row's values change the account already here, decided as Sequelize's set() and
 * changed() decide it on a loaded instance: any given attribute's stored value differs, or the
 * search text they make does. The status is never a change a load makes.
 */
function changesAccount(def: ResourceDefinition<Model>, existing: Values, values: Values): boolean {
  for (const name in values) {
    if (name === 'status' || values[name] === undefined) continue;
    // An attribute that was not read (none a file sets today) is left to the update to judge.
    if (!(name in existing)) return true;
    if (storedValue(def.model, name, values[name]) !== existing[name]) return true;
  }
  // Every given value equals the stored one, so the search text is the stored values' own: it
  // differs only when it was made otherwise (by an older rule, say), which a save would correct.
  const search = searchTextOf(def, existing);
  return search !== undefined && search !== existing.searchText;
}

/** The search text exactly as setSearchText computes it, on a stand-in for the model instance. */
function searchTextOf(def: ResourceDefinition<Model>, stored: Values): string | undefined {
  let text: string | undefined;
  const standIn = { get: (field: string) => readValue(def.model, field, stored[field]), set: (_key: string, value: unknown) => { text = String(value); } };
  setSearchText(def, standIn as unknown as Model);
  return text;
}

/** A billing account's status must fit its customer's: drafts under drafts, nothing live under an ended account. */
function billingFits(status: AccountStatus, parent: string): boolean {
  if (parent === 'preliminary') return status === 'preliminary';
  if (parent === 'inactive') return status === 'inactive';
  if (parent === 'suspended') return status !== 'active';
  return true;
}

/**
 * The distinct references of a file worth looking up: stored ones never hold control characters,
 * and a NUL cannot even be sent to PostgreSQL; such a row is refused by its validation instead.
 */
function lookupable(values: readonly (string | undefined)[]): string[] {
  return [...new Set(values.map((v) => v?.trim()).filter((v): v is string => Boolean(v) && !hasControlCharacters(v!)))];
}

async function parentsOf(db: Database, records: Record<string, string>[]): Promise<{ byLegacy: Map<string, Parent>; byNumber: Map<string, Parent> }> {
  const attributes = ['id', 'accountNumber', 'legacyReference', 'status'];
  const legacy = lookupable(records.map((r) => r.customerLegacyReference));
  const numbers = lookupable(records.map((r) => r.customerAccountNumber));
  const found = [
    ...(await selectWhereIn(db, Customer, attributes, 'legacyReference', legacy)),
    ...(await selectWhereIn(db, Customer, attributes, 'accountNumber', numbers)),
  ].map((v): Parent => ({ id: Number(v.id), accountNumber: String(v.accountNumber), legacyReference: v.legacyReference === null ? null : String(v.legacyReference), status: String(v.status) }));
  return { byLegacy: new Map(found.filter((c) => c.legacyReference).map((c) => [c.legacyReference!, c])), byNumber: new Map(found.map((c) => [c.accountNumber, c])) };
}

/**
 * Writes the file chunk by chunk: the new accounts in multi-row statements, the changed ones one
 * by one, then their events. A statement runs in the database's own thread (node-sqlite3's
 * worker, or the PostgreSQL server) while this one goes on, so the work overlaps: a chunk's
 * events are built while its accounts are inserted, and inserted while the next chunk is built.
 */
async function writeFile(w: WriteContext, def: ResourceDefinition<Model>, prepared: Prepared[], onProgress: ImportOptions['onProgress']): Promise<void> {
  const numbers = await issueNumbers(w, def, prepared.filter((p) => p.result.outcome === 'created').length);
  let events: Promise<unknown> = Promise.resolve();
  for (let i = 0, issued = 0; i < prepared.length; i += CHUNK) {
    const chunk = prepared.slice(i, i + CHUNK);
    const fresh = chunk.filter((p) => p.result.outcome === 'created');
    // The previous chunk's events are awaited here, so that a failure of theirs is reported as itself.
    const [created] = await Promise.all([createAccounts(w, def, fresh, numbers.slice(issued, (issued += fresh.length))), events]);
    const updated = await updateAccounts(w, def, chunk.filter((p) => p.result.outcome === 'updated'));
    events = (await started(insertRows(w.db, w.t, Event, [...created, ...updated]))).done;
    onProgress?.(Math.min(prepared.length, i + CHUNK), prepared.length);
  }
  await events;
}

/** Issues the numbers of the new accounts in the registry, as every number is issued, so that none is ever issued twice. */
async function issueNumbers(w: WriteContext, def: ResourceDefinition<Model>, count: number): Promise<number[]> {
  const issuedAt = new Date();
  const rows = Array.from({ length: count }, () => newStoredRow(AccountNumber, { entityType: def.name, issuedAt }));
  return (await insertRows(w.db, w.t, AccountNumber, rows)).sort((a, b) => a - b);
}

/** Inserts new accounts under the given numbers; returns their events. */
async function createAccounts(w: WriteContext, def: ResourceDefinition<Model>, fresh: Prepared[], numbers: number[]): Promise<Values[]> {
  if (!fresh.length) return [];
  const now = new Date();
  const rows = fresh.map((p, i) => newAccountRow(def, p.values, formatAccountNumber(numbers[i]), now));
  const inserting = await started(insertRows(w.db, w.t, def.model, rows));
  // Built while the database inserts the rows; only their ids are added afterwards.
  const events = fresh.map((p, i) => {
    p.result.accountNumber = String(rows[i].accountNumber);
    return eventOf(def, w, placeOf(def, p, p.result.accountNumber, rows[i].status), {}, toApiValues(def, plainRow(def.model, rows[i]), w));
  });
  const ids = await inserting.done;
  events.forEach((e, i) => { e.entityId = ids[i]; });
  return events;
}

/** A new account's stored values, as Model.build and setSearchText make them. */
function newAccountRow(def: ResourceDefinition<Model>, values: Values, accountNumber: string, now: Date): Values {
  const row = newStoredRow(def.model, values, { accountNumber, createdAt: now, updatedAt: now });
  const search = searchTextOf(def, row);
  if (search !== undefined) row.searchText = search;
  return row;
}

/**
 * Starts a statement and lets it reach the database before the caller goes on (Sequelize sends
 * it only after some turns of the microtask queue). Until the caller awaits `done`, a failure
 * is held there instead of being reported as an unhandled rejection.
 */
async function started<T>(statement: Promise<T>): Promise<{ done: Promise<T> }> {
  statement.catch(() => undefined);
  await setImmediate();
  return { done: statement };
}

/**
 * Saves the accounts whose details changed, through their model instances as the API does
 * (version, updatedAt, search text); they are few on any second load. Returns their events.
 */
async function updateAccounts(w: WriteContext, def: ResourceDefinition<Model>, changed: Prepared[]): Promise<Values[]> {
  if (!changed.length) return [];
  const pk = def.model.primaryKeyAttribute;
  const loaded = await def.model.findAll({ where: { [pk]: { [Op.in]: changed.map((p) => p.existing![pk]) } }, transaction: w.t });
  const byId = new Map(loaded.map((row) => [Number(row.get(pk)), row]));
  const events: Values[] = [];
  for (const p of changed) {
    const row = byId.get(Number(p.existing![pk]));
    if (!row) throw conflict(`The account with legacy reference ${p.result.legacyReference} was deleted while the file was loaded. Load the file again.`);
    const before = toApiRecord(def, row, w);
    const { status: _status, ...changes } = p.values;
    row.set(changes);
    setSearchText(def, row);
    if (!row.changed()) continue;
    await row.save({ transaction: w.t });
    const event = eventOf(def, w, placeOf(def, p, String(row.get('accountNumber')), row.get('status')), before, toApiRecord(def, row, w));
    event.entityId = Number(row.get(pk));
    events.push(event);
  }
  return events;
}

/** Where the event belongs in the history, as the resource's own `history` would say. */
function placeOf(def: ResourceDefinition<Model>, p: Prepared, accountNumber: string, status: unknown): HistoryPlace {
  return { accountNumber, customerAccountNumber: def.name === 'customers' ? accountNumber : p.parentNumber, status: String(status) };
}

/** One 'import' event as a plain row of the events table; the caller adds its entityId. */
function eventOf(def: ResourceDefinition<Model>, ctx: WriteContext, place: HistoryPlace, before: ApiRecord, after: ApiRecord): Values {
  return {
    entityType: def.name, entityId: null, action: 'import', ...place,
    actorId: ctx.user.id > 0 ? ctx.user.id : null, at: new Date(), changes: diff(before, after, historyFields(def)), reason: 'Loaded from the former system.',
  };
}

const historyFieldsOf = new Map<string, readonly string[]>();

/** The fields whose changes an import event records. */
function historyFields(def: ResourceDefinition<Model>): readonly string[] {
  let fields = historyFieldsOf.get(def.name);
  if (!fields) {
    fields = def.fields.filter((f) => !['version', 'createdAt', 'updatedAt'].includes(f));
    historyFieldsOf.set(def.name, fields);
  }
  return fields;
}

function report(resource: ImportResource, options: ImportOptions, results: RowResult[], fileErrors: string[], written = false): ImportReport {
  const counts: Record<Outcome, number> = { created: 0, updated: 0, unchanged: 0, refused: 0 };
  for (const r of results) counts[r.outcome]++;
  return { resource, dryRun: Boolean(options.dryRun), written, rows: results.length, counts, results, fileErrors };
}
