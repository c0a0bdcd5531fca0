// The generic resource engine, written once: list, one, many, create, update and delete in the
// ra-data-simple-rest dialect for every declared resource. Reads are limited to the rows the
// user's ability allows; every write runs in one transaction, checks the ability on the state
// before and after the change, runs the resource's hooks, and records an event.
import { ForbiddenError, subject } from '@casl/ability';
import { Op, type FindOptions, type Model, type ModelStatic, type Transaction, type WhereOptions } from 'sequelize';
import type { Action } from '../../config/abilities';
import type { Auth } from '../auth/context';
import { abilityWhere } from '../auth/ability-where';
import type { Database } from '../db';
import { readTables, type CountCache } from '../db/count-cache';
import { diff, recordEvent } from '../domain/history';
import { forbidden, invalid, notFound, parseOrInvalid, preconditionRequired, conflict } from '../errors';
import type { ListQuery } from './query';
import type { ApiRecord, ReadContext, ResourceDefinition, Values, WriteContext } from './resource';
import { orderBy, sortKey } from './order';
import { plainValues } from './plain';
import { normalizeText } from './search';
import { filterToWhere } from './where';

type Definition = ResourceDefinition<Model>;

/** Fields a client may send back unchanged but never sets. */
const SERVER_OWNED = new Set(['id', 'accountNumber', 'status', 'version', 'createdAt', 'updatedAt', 'submittedAt', 'submittedById', 'searchText']);

export function toApiRecord(def: Definition, row: Model, ctx: ReadContext): ApiRecord {
  return toApiValues(def, row.get({ plain: true }) as Values, ctx);
}

/**
 * A record as the API shows it, from the row's plain attribute values (a model's, or a raw
 * query's with attribute names): ISO dates, formatted fields, masks where the ability says so.
 */
export function toApiValues(def: Definition, values: Values, ctx: ReadContext): ApiRecord {
  const record: ApiRecord = { id: values[def.model.primaryKeyAttribute] };
  let checked: ReturnType<typeof subject<Definition['name'], Values>> | null = null;
  for (const field of def.fields) {
    let value = values[field];
    if (value instanceof Date) value = value.toISOString();
    const format = def.format?.[field];
    if (format && value !== null && value !== undefined) value = format(value);
    const mask = def.masks?.[field];
    if (mask && value !== null && value !== undefined) {
      checked ??= subject(def.name, { ...values });
      if (!ctx.ability.can('read', checked, field)) value = mask(value);
    }
    record[field] = value ?? null;
  }
  return record;
}

export function toApiRecords(def: Definition, rows: Model[], ctx: ReadContext): Promise<ApiRecord[]> {
  return toApiRecordsOf(def, rows.map((row) => row.get({ plain: true }) as Values), ctx);
}

/** The `where` of every read: what the ability allows, the resource's scope, and the filter. */
export function readWhere(def: Definition, auth: Auth, filter: ListQuery['filter'], action: Action = 'read'): WhereOptions {
  const allowed = abilityWhere(auth.ability, action, def.name);
  if (!allowed) throw forbidden();
  const parts: WhereOptions[] = [allowed];
  const scope = def.scope?.(auth);
  if (scope) parts.push(scope);
  for (const key of Object.keys(filter)) {
    const field = key.replace(/_(gte|lte)$/, '');
    // Filtering by a masked field would tell its value (a FEIN found by halving ranges).
    if (def.masks && Object.hasOwn(def.masks, field) && !auth.ability.can('read', def.name, field)) {
      throw forbidden(`You cannot filter by ${field}: it is shown to you masked.`);
    }
  }
  const pk = def.model.primaryKeyAttribute;
  const renamed = Object.fromEntries(
    Object.entries(filter).map(([k, v]) => [k === 'id' || k === 'ids' ? pk : k, v]),
  );
  parts.push(...filterToWhere(def.model, renamed, { filterable: [...def.filterable, pk], filters: def.filters, searchAttribute: def.searchFields ? 'searchText' : undefined }));
  return { [Op.and]: parts };
}

export async function listRecords(def: Definition, auth: Auth, query: ListQuery, counts?: CountCache): Promise<{ records: ApiRecord[]; total: number; start: number }> {
  // Built first in every case: it is also what refuses a bad filter with a 400.
  const where = readWhere(def, auth, query.filter);
  const key = sortKey(def.model, query.sort.field, query.sort.order);
  if (!query.range) {
    const rows = await readPlain(def, { where, order: orderBy(def.model, key) });
    return { records: await toApiRecordsOf(def, rows, auth), total: rows.length, start: 0 };
  }
  const [start, end] = query.range;
  const index = listIndexFor(def, auth, query);
  const [rows, total] = index
    ? await indexedPage(def, index, query, start, end - start + 1, counts)
    : await Promise.all([
      readPlain(def, { where, order: orderBy(def.model, key), offset: start, limit: end - start + 1 }),
      countOf(def.model, where, counts),
    ]);
  return { records: await toApiRecordsOf(def, rows, auth), total, start };
}

/** Rows as plain values (see plain.ts), for reads that change nothing. */
async function readPlain(def: Definition, options: FindOptions): Promise<Values[]> {
  const rows = await def.model.findAll({ ...options, raw: true });
  return plainValues(def.model, rows as unknown as Values[]);
}

/** API records of plain rows: formatted, masked and decorated as toApiRecords does for instances. */
export async function toApiRecordsOf(def: Definition, rows: readonly Values[], ctx: ReadContext): Promise<ApiRecord[]> {
  const records = rows.map((row) => toApiValues(def, row, ctx));
  if (def.decorate && records.length) await def.decorate(records, ctx);
  return records;
}

/** One record the user may read, as the API shows it (GET /resource/:id). */
export async function readRecord(def: Definition, auth: Auth, id: unknown): Promise<ApiRecord> {
  const pk = parseId(def, id);
  const rows = await readPlain(def, { where: { [Op.and]: [readWhere(def, auth, {}), { [def.model.primaryKeyAttribute]: pk }] } });
  if (!rows.length) throw notFound(recordNoun(def));
  return (await toApiRecordsOf(def, rows, auth))[0];
}

/**
 * The resource's list index, when it can answer this list alone: one value of its filter (so that
 * each record is in it once), every other filter and the sort on its attributes, and a user who
 * may read every row (the index carries no columns for the ability's conditions).
 */
function listIndexFor(def: Definition, auth: Auth, query: ListQuery): NonNullable<Definition['listIndex']> | null {
  const index = def.listIndex;
  if (!index) return null;
  const value = query.filter[index.filter];
  if (typeof value !== 'string' && !(Array.isArray(value) && value.length === 1)) return null;
  const allowed = abilityWhere(auth.ability, 'read', def.name);
  if (!allowed || Reflect.ownKeys(allowed).length > 0 || def.scope?.(auth)) return null;
  const attributes = index.model.getAttributes();
  const covered = (field: string) => field !== 'q' && Object.hasOwn(attributes, field);
  const filtered = Object.keys(query.filter).every((k) => covered(k.replace(/_(gte|lte)$/, '')));
  return filtered && covered(query.sort.field) ? index : null;
}

async function indexedPage(def: Definition, index: NonNullable<Definition['listIndex']>, query: ListQuery, offset: number, limit: number, counts?: CountCache): Promise<[Values[], number]> {
  const model = index.model;
  const filter = { ...query.filter, [index.filter]: [query.filter[index.filter]].flat()[0] };
  const where = { [Op.and]: filterToWhere(model, filter, { filterable: Object.keys(model.getAttributes()) }) };
  const order = orderBy(model, sortKey(model, query.sort.field, query.sort.order));
  const [keys, total] = await Promise.all([
    model.findAll({ attributes: ['id'], where, order, offset, limit, raw: true }),
    countOf(model, where, counts, def.model),
  ]);
  const ids = keys.map((k) => (k as unknown as { id: number }).id);
  const pk = def.model.primaryKeyAttribute;
  const rows = ids.length ? await readPlain(def, { where: { [pk]: { [Op.in]: ids } } }) : [];
  const byId = new Map<unknown, Values>(rows.map((r) => [r[pk], r]));
  return [ids.map((id) => byId.get(id)).filter((r): r is Values => r !== undefined), total];
}

/** The number of rows `where` matches, from the cache of recent totals when there is one. */
function countOf(model: ModelStatic<Model>, where: WhereOptions, counts: CountCache | undefined, owner: ModelStatic<Model> = model): Promise<number> {
  const compute = () => model.count({ where });
  if (!counts?.enabled) return compute();
  const generator = model.sequelize!.getQueryInterface().queryGenerator as { whereQuery(where: WhereOptions, options: object): string };
  const table = String(model.getTableName());
  const sql = `SELECT count(*) FROM ${table} ${generator.whereQuery(where, {})}`;
  // The resource's own table too: a list index is written by triggers on it, never directly.
  return counts.count(sql, [...new Set([String(owner.getTableName()), ...readTables(sql)])], compute);
}

export async function findReadable(def: Definition, auth: Auth, id: unknown, t?: Transaction): Promise<Model> {
  const pk = parseId(def, id);
  const where = readWhere(def, auth, {});
  const row = await def.model.findOne({ where: { [Op.and]: [where, { [def.model.primaryKeyAttribute]: pk }] }, transaction: t, lock: t ? t.LOCK.UPDATE : undefined });
  if (!row) throw notFound(recordNoun(def));
  return row;
}

export function parseId(def: Definition, id: unknown): string | number {
  const attribute = def.model.getAttributes()[def.model.primaryKeyAttribute];
  const key = (attribute?.type as { key?: string }).key;
  if (key === 'INTEGER') {
    if (typeof id === 'number' && Number.isSafeInteger(id)) return id;
    if (typeof id === 'string' && /^\d{1,15}$/.test(id)) return Number(id);
    throw notFound(recordNoun(def));
  }
  if (typeof id !== 'string') throw notFound(recordNoun(def));
  return id;
}

export async function createRecord(def: Definition, db: Database, auth: Auth, body: unknown): Promise<ApiRecord> {
  if (def.readOnly || !def.input) throw forbidden();
  ForbiddenError.from(auth.ability).throwUnlessCan('create', def.name);
  const input = asObject(body);
  refuseStatusChange(def, input, String(def.model.getAttributes().status?.defaultValue ?? ''));
  let values = parseInput(def.input.create, input);
  const row = await db.transaction(async (t) => {
    const ctx: WriteContext = { db, t, ...auth };
    if (def.hooks?.beforeCreate) values = await def.hooks.beforeCreate(ctx, values);
    const created = def.model.build(values);
    setSearchText(def, created);
    ForbiddenError.from(auth.ability).throwUnlessCan('create', subject(def.name, { ...(created.get({ plain: true }) as Values) }));
    await created.save({ transaction: t });
    if (def.hooks?.afterCreate) await def.hooks.afterCreate(ctx, created);
    await recordChange(def, ctx, created, 'create', {}, toApiRecord(def, created, auth));
    return created;
  });
  return (await toApiRecords(def, [row], auth))[0];
}

export async function updateRecord(def: Definition, db: Database, auth: Auth, id: unknown, body: unknown): Promise<ApiRecord> {
  if (def.readOnly || !def.input) throw forbidden();
  ForbiddenError.from(auth.ability).throwUnlessCan('update', def.name);
  const input = asObject(body);
  const versioned = 'version' in def.model.getAttributes();
  if (versioned && (input.version === undefined || input.version === null)) {
    throw preconditionRequired('Send the record\'s version with every update, so that no one else\'s change is overwritten.');
  }
  let values = parseInput(def.input.update, input);
  const row = await db.transaction(async (t) => {
    const ctx: WriteContext = { db, t, ...auth };
    const current = await findReadable(def, auth, id, t);
    ForbiddenError.from(auth.ability).throwUnlessCan('update', subject(def.name, { ...(current.get({ plain: true }) as Values) }));
    refuseStatusChange(def, input, String(current.get('status') ?? ''));
    if (versioned && Number(input.version) !== current.get('version')) {
      throw conflict('Someone else changed this record meanwhile. Reload it and try again.');
    }
    const before = toApiRecord(def, current, auth);
    if (def.hooks?.beforeUpdate) values = await def.hooks.beforeUpdate(ctx, current, values);
    current.set(values);
    setSearchText(def, current);
    if (!current.changed()) return current;
    ForbiddenError.from(auth.ability).throwUnlessCan('update', subject(def.name, { ...(current.get({ plain: true }) as Values) }));
    await current.save({ transaction: t });
    if (def.hooks?.afterUpdate) await def.hooks.afterUpdate(ctx, current, before);
    await recordChange(def, ctx, current, 'update', before, toApiRecord(def, current, auth));
    return current;
  });
  return (await toApiRecords(def, [row], auth))[0];
}

export async function deleteRecord(def: Definition, db: Database, auth: Auth, id: unknown): Promise<ApiRecord> {
  if (def.readOnly) throw forbidden();
  ForbiddenError.from(auth.ability).throwUnlessCan('delete', def.name);
  return db.transaction(async (t) => {
    const ctx: WriteContext = { db, t, ...auth };
    const row = await findReadable(def, auth, id, t);
    ForbiddenError.from(auth.ability).throwUnlessCan('delete', subject(def.name, { ...(row.get({ plain: true }) as Values) }));
    const before = toApiRecord(def, row, auth);
    if (def.hooks?.beforeDelete) await def.hooks.beforeDelete(ctx, row);
    await recordChange(def, ctx, row, 'delete', before, {});
    await row.destroy({ transaction: t });
    return before;
  });
}

/** Records the change of one row as an event, when the resource keeps a history. */
export async function recordChange(def: Definition, ctx: WriteContext, row: Model, action: string, before: ApiRecord, after: ApiRecord, reason?: string | null): Promise<void> {
  if (!def.history) return;
  const fields = def.fields.filter((f) => !['version', 'createdAt', 'updatedAt', 'searchText'].includes(f));
  const changes = diff(before, after, fields);
  if (action === 'update' && Object.keys(changes).length === 0) return;
  await recordEvent(ctx.t, {
    entityType: def.name,
    entityId: Number(row.get(def.model.primaryKeyAttribute)),
    action,
    place: await def.history(row, ctx.t),
    // Id 0 is the system itself (an API client's report, the demo data): no user acted.
    actorId: ctx.user.id > 0 ? ctx.user.id : null,
    changes,
    reason,
  });
}

export function setSearchText(def: Definition, row: Model): void {
  if (!def.searchFields) return;
  // A field is found both as stored and as the API shows it (a FEIN as 251234567 and 25-1234567).
  const text = def.searchFields.map((f) => {
    const value = row.get(f);
    const format = def.format?.[f];
    return format && value !== null && value !== undefined ? `${searchable(value)} ${String(format(value))}` : searchable(value);
  }).join(' ');
  row.set('searchText', normalizeText(text));
}

function searchable(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(' ');
  return String(value);
}

function asObject(body: unknown): Values {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalid({ root: 'Send the record as a JSON object.' }, 'Send the record as a JSON object.');
  return body as Values;
}

/** A client may send `status` back unchanged; a different one is refused, since status moves only through actions. */
function refuseStatusChange(def: Definition, input: Values, current: string): void {
  if (!def.fields.includes('status') || input.status === undefined || input.status === current) return;
  throw invalid({ status: 'The status changes only through the account\'s actions (Submit, Activate, Suspend …).' });
}

function parseInput(schema: NonNullable<Definition['input']>['create'], input: Values): Values {
  const writable = Object.fromEntries(Object.entries(input).filter(([k]) => !SERVER_OWNED.has(k)));
  return parseOrInvalid(schema, writable);
}

function recordNoun(def: Definition): string {
  return def.name.replace(/-/g, ' ').replace(/s$/, '');
}
