// Turns a parsed filter into a Sequelize `where`, field by field, checking every name and value
// against the model so that a bad filter is a 400 and never reaches the database as an error.
import { Op, Sequelize, type ModelStatic, type Model, type WhereOptions } from 'sequelize';
import { badRequest } from '../errors';
import { isRealDay } from '../../config/dates';
import { containsPattern, normalizeText } from './search';

export type CustomFilter = (value: unknown) => WhereOptions;

export interface FilterFields {
  readonly filterable: readonly string[];
  readonly filters?: Readonly<Record<string, CustomFilter>>;
  /** Attribute holding the normalised search text; `q` searches it. */
  readonly searchAttribute?: string;
}

export function filterToWhere(model: ModelStatic<Model>, filter: Readonly<Record<string, unknown>>, fields: FilterFields): WhereOptions[] {
  const where: WhereOptions[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined) continue;
    if (key === 'q') {
      const q = searchWhere(model, value, fields.searchAttribute);
      if (q) where.push(q);
      continue;
    }
    // Own properties only: a filter named "constructor" or "toString" is unknown, not Object's.
    const custom = fields.filters && Object.hasOwn(fields.filters, key) ? fields.filters[key] : undefined;
    if (custom) {
      where.push(custom(value));
      continue;
    }
    where.push(fieldWhere(model, key, value, fields.filterable));
  }
  return where;
}

/** SQLite tables whose search text has an FTS5 trigram index beside them (migration 004). */
const TRIGRAM_INDEXED = new Set(['customers', 'billing_accounts']);

function searchWhere(model: ModelStatic<Model>, value: unknown, attribute: string | undefined): WhereOptions | null {
  if (!attribute) throw badRequest('This list cannot be searched with q.');
  if (typeof value !== 'string') throw badRequest('The search text q must be a string.');
  if (value.trim() === '') return null;
  const sequelize = model.sequelize!;
  const table = model.getTableName() as string;
  const term = normalizeText(value);
  // A trigram index answers terms of three characters or more; shorter ones scan. The term as one
  // phrase of trigrams is exactly "contains the term" (% and _ are plain characters there), and
  // the index answers it alone, where a LIKE would re-read each candidate row's text.
  if (sequelize.getDialect() === 'sqlite' && TRIGRAM_INDEXED.has(table) && term.length >= 3) {
    const phrase = sequelize.escape(`"${term.replace(/"/g, '""')}"`);
    return { [model.primaryKeyAttribute]: { [Op.in]: Sequelize.literal(`(SELECT rowid FROM ${table}_search WHERE ${table}_search MATCH ${phrase})`) } };
  }
  const like = containsPattern(value);
  // ESCAPE only when the term has a wildcard to take literally: the plain form is the one every index reads.
  const pattern = like.includes('\\') ? `${sequelize.escape(like)} ESCAPE '\\'` : sequelize.escape(like);
  const column = model.getAttributes()[attribute]?.field ?? attribute;
  return Sequelize.where(Sequelize.col(`${model.name}.${column}`), { [Op.like]: Sequelize.literal(pattern) });
}

const RANGE = /^(.+)_(gte|lte)$/;

function fieldWhere(model: ModelStatic<Model>, key: string, value: unknown, filterable: readonly string[]): WhereOptions {
  const range = RANGE.exec(key);
  const field = range ? range[1] : key;
  if (field !== 'id' && !filterable.includes(field)) throw badRequest(`Cannot filter by "${key}".`);
  const kind = attributeKind(model, field);
  if (range) {
    const op = range[2] === 'gte' ? Op.gte : Op.lte;
    return { [field]: { [op]: coerce(kind, value, key) } };
  }
  if (Array.isArray(value)) return { [field]: { [Op.in]: value.map((v) => coerce(kind, v, key)) } };
  if (value === null) return { [field]: { [Op.is]: null } };
  return { [field]: coerce(kind, value, key) };
}

type Kind = 'integer' | 'number' | 'boolean' | 'date' | 'string';

function attributeKind(model: ModelStatic<Model>, field: string): Kind {
  const attributes = model.getAttributes();
  const attribute = Object.hasOwn(attributes, field) ? (attributes as Record<string, { type: unknown }>)[field] : undefined;
  if (!attribute) throw badRequest(`Cannot filter by "${field}".`);
  const key = (attribute.type as { key?: string }).key ?? 'STRING';
  if (key === 'INTEGER' || key === 'BIGINT') return 'integer';
  if (key === 'DECIMAL' || key === 'FLOAT' || key === 'DOUBLE') return 'number';
  if (key === 'BOOLEAN') return 'boolean';
  if (key === 'DATE' || key === 'DATEONLY') return 'date';
  return 'string';
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

/** A filter value of the attribute's type, or a 400 naming the filter. */
export function coerce(kind: Kind, value: unknown, key: string): string | number | boolean {
  const fail = (): never => {
    throw badRequest(`The filter "${key}" has a value of the wrong kind.`);
  };
  switch (kind) {
    case 'integer': {
      const n = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
      return typeof n === 'number' && Number.isSafeInteger(n) ? n : fail();
    }
    case 'number': {
      const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      return typeof n === 'number' && Number.isFinite(n) ? n : fail();
    }
    case 'boolean':
      if (value === 'true' || value === 'false') return value === 'true';
      return typeof value === 'boolean' ? value : fail();
    case 'date':
      return typeof value === 'string' && ISO_DATE.test(value) && !Number.isNaN(Date.parse(value)) && isRealDay(value.slice(0, 10)) ? value : fail();
    default:
      return typeof value === 'string' || typeof value === 'number' ? String(value) : fail();
  }
}
