// CSV export of every row a list's filter matches (not a page), streamed in keyset batches so
// that memory stays flat however many rows there are, with the API's row and field permissions.
// A UTF-8 BOM lets Excel keep accents; cells a spreadsheet would run as formulas are neutralised.
import { once } from 'node:events';
import { ForbiddenError } from '@casl/ability';
import { stringify } from 'csv-stringify';
import type { Response } from 'express';
import { Op, type Model } from 'sequelize';
import type { Auth } from '../auth/context';
import { readWhere, toApiRecords } from './engine';
import { after, orderBy, sortKey } from './order';
import type { ListQuery } from './query';
import type { ApiRecord, ResourceDefinition } from './resource';

const BATCH = 2000;

export async function exportCsv(def: ResourceDefinition<Model>, auth: Auth, query: ListQuery, res: Response): Promise<void> {
  ForbiddenError.from(auth.ability).throwUnlessCan('export', def.name);
  const where = readWhere(def, auth, query.filter);
  const key = sortKey(def.model, query.sort.field, query.sort.order);
  const columns = ['id', ...def.fields];
  const batch = (last: Record<string, unknown> | null) =>
    def.model.findAll({ where: last ? { [Op.and]: [where, after(def.model, key, last)] } : where, order: orderBy(def.model, key), limit: BATCH });
  // Read the first batch before sending anything: a query that fails is then an error response,
  // not an empty file that looks like a successful export.
  let rows = await batch(null);
  res.set({
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${def.name}-${new Date().toISOString().slice(0, 10)}.csv"`,
    'Cache-Control': 'no-store',
  });
  const csv = stringify({ header: true, columns, cast: { boolean: (v) => (v ? 'true' : 'false') } });
  csv.pipe(res);
  res.write('\uFEFF');
  let closed = false;
  res.on('close', () => {
    closed = true;
  });
  while (!closed && rows.length) {
    for (const record of await toApiRecords(def, rows, auth)) {
      if (!csv.write(cells(record, columns))) await once(csv, 'drain');
    }
    if (rows.length < BATCH) break;
    rows = await batch(rows.at(-1)!.get({ plain: true }) as Record<string, unknown>);
  }
  csv.end();
  await once(csv, 'end');
}

function cells(record: ApiRecord, columns: string[]): string[] {
  return columns.map((c) => neutralise(cell(record[c])));
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join('; ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A cell beginning with = + - @ (or a tab or carriage return) is a formula to a spreadsheet: prefix a quote. */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
