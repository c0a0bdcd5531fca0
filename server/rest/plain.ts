// Rows of a list read as plain values, without Sequelize model instances: building instances was
// the largest part of a list's time on the server. The values come out as an instance's
// get({ plain: true }) gives them: dates as Date, booleans as booleans, JSON parsed, and each
// attribute's own getter applied (districts ",8-0,11-0," → ["8-0", "11-0"]).
import type { Model, ModelStatic } from 'sequelize';
import type { Values } from './resource';

type Convert = (value: unknown) => unknown;

const byModel = new WeakMap<ModelStatic<Model>, readonly (readonly [string, Convert])[]>();

export function plainValues(model: ModelStatic<Model>, rows: readonly Values[]): Values[] {
  const converts = convertersOf(model);
  return rows.map((row) => {
    const values: Values = { ...row };
    for (const [name, convert] of converts) {
      if (name in values) values[name] = convert(values[name]);
    }
    return values;
  });
}

function convertersOf(model: ModelStatic<Model>): readonly (readonly [string, Convert])[] {
  let found = byModel.get(model);
  if (!found) {
    found = Object.entries(model.getAttributes()).flatMap(([name, attribute]) => {
      const base = BY_TYPE[(attribute.type as { key?: string }).key ?? ''];
      const getter = attribute.get as ((this: { getDataValue(key: string): unknown }) => unknown) | undefined;
      if (!getter) return base ? [[name, base] as const] : [];
      const convert: Convert = (value) => getter.call({ getDataValue: () => (base ? base(value) : value) });
      return [[name, convert] as const];
    });
    byModel.set(model, found);
  }
  return found;
}

const BY_TYPE: Readonly<Record<string, Convert>> = {
  // SQLite keeps "2026-12-03 14:00:00.000 +00:00"; PostgreSQL's driver already gives a Date.
  DATE: (v) => (v === null || v === undefined || v instanceof Date ? v : new Date(String(v).includes('+') || String(v).endsWith('Z') ? String(v) : `${String(v)}+00:00`)),
  // SQLite keeps 1 and 0.
  BOOLEAN: (v) => (v === null || v === undefined || typeof v === 'boolean' ? v : v === 1 || v === '1' || v === 't' || v === 'true'),
  // SQLite keeps JSON as text.
  JSON: (v) => (typeof v === 'string' ? JSON.parse(v) : v),
};
