// Plain-row reads and multi-row writes for the bulk load. On files of 100,000 rows Sequelize's
// model instances (build, bulkCreate, save) cost more than the database's own work, so the
// importer keeps rows as plain attribute values and writes them with a few large statements.
// What is written is what Sequelize would write: the model's setters, getters and defaults, and
// each dialect's own formats for dates and booleans, so that reading back through the models
// gives the same values as before.
import { QueryTypes, type Model, type ModelAttributeColumnOptions, type ModelStatic, type Transaction } from 'sequelize';
import type { Database } from '../db';
import type { Values } from '../rest/resource';

type AnyModel = ModelStatic<Model>;

interface Attribute {
  readonly name: string;
  readonly column: string;
  /** The data type's key: STRING, INTEGER, DATE, BOOLEAN, JSON … */
  readonly kind: string;
  readonly autoIncrement: boolean;
  readonly options: ModelAttributeColumnOptions<Model>;
}

/** Rows per INSERT: larger statements gain nothing measurable. */
const ROWS_PER_STATEMENT = 1000;
/** Keys per SELECT … IN (…). */
const KEYS_PER_SELECT = 5000;

interface Attributes {
  readonly list: readonly Attribute[];
  readonly byName: ReadonlyMap<string, Attribute>;
  readonly hasGetters: boolean;
}

// Looked up per value of every row, so kept in a map per model.
const attributeCache = new WeakMap<AnyModel, Attributes>();

function attributesOfModel(model: AnyModel): Attributes {
  let attributes = attributeCache.get(model);
  if (!attributes) {
    const list = Object.entries(model.getAttributes() as Record<string, ModelAttributeColumnOptions<Model>>).map(([name, options]): Attribute => ({
      name,
      column: options.field ?? name,
      kind: String((options.type as { key?: string }).key ?? ''),
      autoIncrement: Boolean(options.autoIncrement),
      options,
    }));
    attributes = { list, byName: new Map(list.map((a) => [a.name, a])), hasGetters: list.some((a) => a.options.get) };
    attributeCache.set(model, attributes);
  }
  return attributes;
}

function attributesOf(model: AnyModel): readonly Attribute[] {
  return attributesOfModel(model).list;
}

function attributeOf(model: AnyModel, name: string): Attribute | undefined {
  return attributesOfModel(model).byName.get(name);
}

/** The names of the model's attributes of these data types. */
export function attributesOfKind(model: AnyModel, kinds: readonly string[]): string[] {
  return attributesOf(model).filter((a) => kinds.includes(a.kind)).map((a) => a.name);
}

/**
 * The value as the model stores it: its attribute setter applied (districts ['8-0','11-0'] →
 * ",8-0,11-0,"), run on a stand-in for the instance so that no instance is built.
 */
export function storedValue(model: AnyModel, name: string, value: unknown): unknown {
  const set = attributeOf(model, name)?.options.set;
  if (!set) return value;
  let stored: unknown = value;
  const standIn = { setDataValue: (_key: string, v: unknown) => { stored = v; } };
  set.call(standIn as unknown as Model, value);
  return stored;
}

/** The value as the model reads it (`row.get(name)`): its attribute getter applied to the stored value. */
export function readValue(model: AnyModel, name: string, stored: unknown): unknown {
  const get = attributeOf(model, name)?.options.get;
  if (!get) return stored;
  const standIn = { getDataValue: () => stored };
  return get.call(standIn as unknown as Model);
}

/**
 * A new row's stored values, as `Model.build({ ...values, ...more })` makes them: setters applied
 * to what is given, the model's default for each attribute that is not.
 */
export function newStoredRow(model: AnyModel, values: Values, more: Values = {}): Values {
  const row: Values = {};
  for (const a of attributesOf(model)) {
    const value = more[a.name] !== undefined ? more[a.name] : values[a.name];
    if (value !== undefined) row[a.name] = storedValue(model, a.name, value);
    else if (isLiteral(a.options.defaultValue)) row[a.name] = a.options.defaultValue;
  }
  return row;
}

/** The plain values of a stored row as `row.get({ plain: true })` gives them (getters applied). */
export function plainRow(model: AnyModel, stored: Values): Values {
  // Most models have no getter: their stored values are the plain ones, and need no copy.
  if (!attributesOfModel(model).hasGetters) return stored;
  const plain: Values = {};
  for (const a of attributesOf(model)) if (a.name in stored) plain[a.name] = readValue(model, a.name, stored[a.name]);
  return plain;
}

function isLiteral(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** A value as the SQLite literal Sequelize itself writes for a column of this kind. */
function sqliteLiteral(db: Database, kind: string, value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (kind === 'JSON') return db.sequelize.escape(JSON.stringify(value));
  if (value instanceof Date) return `'${sequelizeDate(value)}'`;
  // SQLite keeps booleans as 1/0.
  if (typeof value === 'boolean') return String(Number(value));
  if (typeof value === 'string' || typeof value === 'number') return db.sequelize.escape(value);
  throw new TypeError(`A ${kind} column cannot hold ${JSON.stringify(value)}.`);
}

/** A value as the JSON that PostgreSQL's json_populate_recordset turns into the column's value. */
function postgresJson(kind: string, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return sequelizeDate(value);
  if (typeof value === 'object' && kind !== 'JSON') throw new TypeError(`A ${kind} column cannot hold ${JSON.stringify(value)}.`);
  return value;
}

let lastDate = NaN;
let lastDateText = '';

/**
 * A date as Sequelize writes it on both dialects with its default time zone '+00:00':
 * 'YYYY-MM-DD HH:MM:SS.SSS +00:00'. The rows of a chunk share their instants, so the last
 * one's text is kept.
 */
function sequelizeDate(date: Date): string {
  if (date.getTime() !== lastDate) {
    lastDate = date.getTime();
    lastDateText = `${date.toISOString().slice(0, 23).replace('T', ' ')} +00:00`;
  }
  return lastDateText;
}

function quote(db: Database, identifier: string): string {
  return db.sequelize.getQueryInterface().quoteIdentifier(identifier);
}

/**
 * Inserts stored rows (see newStoredRow) with multi-row INSERTs and returns their primary keys
 * in row order. Row triggers (search index, district table) fire for every row as for single
 * inserts.
 */
export async function insertRows(db: Database, t: Transaction, model: AnyModel, rows: readonly Values[]): Promise<number[]> {
  const columns = attributesOf(model).filter((a) => !a.autoIncrement && a.kind !== 'VIRTUAL');
  const keys: number[] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) keys.push(...(await insertStatement(db, t, model, columns, rows.slice(i, i + ROWS_PER_STATEMENT))));
  return keys;
}

async function insertStatement(db: Database, t: Transaction, model: AnyModel, columns: readonly Attribute[], rows: readonly Values[]): Promise<number[]> {
  if (!rows.length) return [];
  return db.dialect === 'postgres' ? insertPostgres(db, t, model, columns, rows) : insertSqlite(db, t, model, columns, rows);
}

/**
 * PostgreSQL: the rows travel as one bound JSON parameter, which json_populate_recordset turns
 * into rows of the table's own column types; the statement text stays short and nothing needs
 * escaping. Rows are inserted and returned in the order of the array, as Sequelize's bulkCreate
 * relies on for the order of VALUES.
 */
async function insertPostgres(db: Database, t: Transaction, model: AnyModel, columns: readonly Attribute[], rows: readonly Values[]): Promise<number[]> {
  const data = JSON.stringify(rows.map((row) => {
    const json: Values = {};
    for (const c of columns) json[c.column] = postgresJson(c.kind, row[c.name]);
    return json;
  }));
  const table = quote(db, model.tableName);
  const names = columns.map((c) => quote(db, c.column)).join(', ');
  const key = attributeOf(model, model.primaryKeyAttribute)!.column;
  const sql = `INSERT INTO ${table} (${names}) SELECT ${names} FROM json_populate_recordset(NULL::${table}, $1::json) RETURNING ${quote(db, key)}`;
  const returned = await db.sequelize.query<Record<string, number>>(sql, { bind: [data], type: QueryTypes.SELECT, transaction: t });
  return returned.map((r) => Number(r[key]));
}

/**
 * SQLite: one multi-row VALUES of literals escaped by Sequelize, as its bulkCreate writes them.
 * (Bound parameters are no option: node-sqlite3 binds them by name, which SQLite resolves with a
 * linear search per parameter, so 20,000 of them take seconds; and SQLite spends a third more
 * time unpacking the same rows from one JSON parameter than parsing them as literals.)
 */
async function insertSqlite(db: Database, t: Transaction, model: AnyModel, columns: readonly Attribute[], rows: readonly Values[]): Promise<number[]> {
  const tuples = rows.map((row) => `(${columns.map((c) => sqliteLiteral(db, c.kind, row[c.name])).join(',')})`);
  const sql = `INSERT INTO ${quote(db, model.tableName)} (${columns.map((c) => quote(db, c.column)).join(',')}) VALUES ${tuples.join(',')}`;
  // Sequelize runs an INSERT on SQLite without reading rows back, so RETURNING would return
  // nothing; the ids of one statement are consecutive instead (one writer, AUTOINCREMENT), which
  // is how Sequelize's bulkCreate finds them on SQLite too.
  const [lastId, changes] = await db.sequelize.query(sql, { type: QueryTypes.INSERT, transaction: t });
  if (changes !== rows.length) throw new Error(`Inserted ${changes} rows into ${model.tableName} instead of ${rows.length}.`);
  return rows.map((_row, i) => lastId - rows.length + 1 + i);
}

/**
 * The rows whose `key` attribute is one of `values`, as plain objects of the named attributes,
 * with each value as the database returns it (use it for text and integer attributes).
 */
export async function selectWhereIn(db: Database, model: AnyModel, attributes: readonly string[], key: string, values: readonly (string | number)[]): Promise<Values[]> {
  const list = attributes.map((name) => `${quote(db, attributeOf(model, name)!.column)} AS ${quote(db, name)}`).join(', ');
  const where = quote(db, attributeOf(model, key)!.column);
  const rows: Values[] = [];
  for (let i = 0; i < values.length; i += KEYS_PER_SELECT) {
    const keys = values.slice(i, i + KEYS_PER_SELECT).map((v) => db.sequelize.escape(v)).join(',');
    rows.push(...(await db.sequelize.query<Values>(`SELECT ${list} FROM ${quote(db, model.tableName)} WHERE ${where} IN (${keys})`, { type: QueryTypes.SELECT })));
  }
  return rows;
}
