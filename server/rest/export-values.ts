// In the export child: a driver's raw row → the attribute values Sequelize's
// `row.get({ plain: true })` would have given for it, which toApiValues then formats. Building a
// model instance per row does exactly that but costs about 6 µs (a million rows: 6 s); this does
// the same three steps per column, chosen once per export:
//   1. the dialect's parser (Sequelize's own, from the source: by declared type or by OID),
//   2. the attribute type's sanitizer, which Model#set runs on every fetched value (0/1 → boolean),
//   3. the attribute's custom getter (districts ",8-0,11-0," → ["8-0", "11-0"]).
import type { Model, ModelAttributeColumnOptions } from 'sequelize';
import type { AppAbility } from '../../config/abilities';
import type { ResourceDefinition, Values } from './resource';

export type Parse = (raw: unknown) => unknown;

export interface SourceColumn {
  /** The attribute name (the SELECT aliases every column to it). */
  readonly name: string;
  /** What the dialect's query layer does to a non-null value of this column, or null: nothing. */
  readonly parse: Parse | null;
  /**
   * For a date column: the ISO text Date#toISOString would give, straight from the stored text
   * when it has the form the server writes, else null (then `parse` makes the Date). Skipping the
   * Date saves about 1 µs per value, a third of the work for three dates a row.
   */
  readonly isoDate: ((raw: unknown) => string | null) | null;
}

type Sanitize = (value: unknown, options: { raw: true }) => unknown;
type Getter = (this: DataValues) => unknown;
interface DataValues {
  getDataValue(key: string): unknown;
}

/** Model#set passes this when it fills an instance from a query's result. */
const FETCHED = { raw: true } as const;

export type RowConverter = (row: readonly unknown[]) => Values;

export function rowConverter(def: ResourceDefinition<Model>, columns: readonly SourceColumn[], ability: AppAbility): RowConverter {
  const attributes = def.model.getAttributes() as Record<string, ModelAttributeColumnOptions>;
  const names = columns.map((c) => c.name);
  const isoSafe = isoSafeAttributes(def, attributes, ability);
  const parsers = columns.map((c) => valueParser(c, isoSafe.has(c.name)));
  const sanitizers = names.map((n) => sanitizerOf(attributes[n]));
  const getters = names.flatMap((n) => {
    const get = attributes[n]?.get as Getter | undefined;
    return get ? [[n, get] as const] : [];
  });
  const applyGetters = getters.length ? getterStep(getters) : null;
  return (row) => {
    const values: Values = {};
    for (let i = 0; i < names.length; i++) {
      let value = row[i];
      const parse = parsers[i];
      if (value !== null && value !== undefined && parse) value = parse(value);
      const sanitize = sanitizers[i];
      values[names[i]] = sanitize ? sanitize(value, FETCHED) : value;
    }
    return applyGetters ? applyGetters(values) : values;
  };
}

function valueParser(column: SourceColumn, isoSafe: boolean): Parse | null {
  const { parse, isoDate } = column;
  if (!isoSafe || !isoDate) return parse;
  return (raw) => isoDate(raw) ?? (parse ? parse(raw) : raw);
}

function sanitizerOf(attribute: ModelAttributeColumnOptions | undefined): Sanitize | null {
  // Sequelize's data types carry `_sanitize` without declaring it in their typings.
  const type = attribute?.type as { _sanitize?: Sanitize } | undefined;
  return type?._sanitize ? type._sanitize.bind(type) : null;
}

/** Every getter sees the values as fetched (as getDataValue does), never another getter's result. */
function getterStep(getters: readonly (readonly [string, Getter])[]): (values: Values) => Values {
  let current: Values = {};
  // One stand-in for the model instance, pointed at each row in turn: no allocation per row.
  const instance: DataValues = {
    getDataValue: (key) => {
      if (!(key in current)) throw new Error(`A getter read "${key}", which the export does not select.`);
      return current[key];
    },
  };
  return (values) => {
    current = values;
    const results = getters.map(([, get]) => get.call(instance));
    for (let i = 0; i < getters.length; i++) values[getters[i][0]] = results[i];
    return values;
  };
}

/**
 * The date attributes for which toApiValues gets the same output from the ISO text as from a
 * Date: it only turns a Date into that text, unless a getter, a format or a mask sees the value,
 * or a CASL condition (read when a field is masked) compares it.
 */
function isoSafeAttributes(def: ResourceDefinition<Model>, attributes: Record<string, ModelAttributeColumnOptions>, ability: AppAbility): Set<string> {
  const conditions = def.masks
    ? ability.possibleRulesFor('read', def.name).map((r) => JSON.stringify(r.conditions ?? {})).join(' ')
    : '';
  const safe = new Set<string>();
  for (const [name, attribute] of Object.entries(attributes)) {
    const key = (attribute.type as { key?: string }).key;
    if (key !== 'DATE' || attribute.get || def.format?.[name] || def.masks?.[name]) continue;
    if (conditions.includes(JSON.stringify(name))) continue;
    safe.add(name);
  }
  return safe;
}
