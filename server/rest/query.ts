// Parsing of the ra-data-simple-rest list query (sort, range, filter), done once at the edge.
// Pure: takes the raw query string values and the resource's declared fields, returns what the
// engine needs or throws a 400 that says what was wrong.
import { badRequest } from '../errors';

export const MAX_PAGE_SIZE = 1000;
/** A list asked for without a range gets the first page, never the whole table. */
export const DEFAULT_RANGE: readonly [number, number] = [0, 24];

export interface ListQuery {
  readonly sort: { readonly field: string; readonly order: 'ASC' | 'DESC' };
  /** Inclusive [start, end], or null for "every match": only for getMany (a filter on ids). */
  readonly range: readonly [number, number] | null;
  readonly filter: Readonly<Record<string, unknown>>;
}

export interface QueryFields {
  readonly sortable: readonly string[];
  readonly defaultSort?: { readonly field: string; readonly order: 'ASC' | 'DESC' };
}

export function parseListQuery(raw: Record<string, unknown>, fields: QueryFields): ListQuery {
  const filter = parseFilter(raw.filter);
  const byIds = 'id' in filter || 'ids' in filter;
  return {
    sort: parseSort(raw.sort, fields),
    range: parseRange(raw.range) ?? (byIds ? null : DEFAULT_RANGE),
    filter,
  };
}

function parseJson(value: unknown, name: string): unknown {
  if (typeof value !== 'string') throw badRequest(`The ${name} parameter must be given once, as JSON.`);
  try {
    return JSON.parse(value);
  } catch {
    throw badRequest(`The ${name} parameter is not valid JSON.`);
  }
}

function parseSort(value: unknown, fields: QueryFields): ListQuery['sort'] {
  if (value === undefined) return fields.defaultSort ?? { field: 'id', order: 'ASC' };
  const sort = parseJson(value, 'sort');
  if (!Array.isArray(sort) || sort.length !== 2 || typeof sort[0] !== 'string' || typeof sort[1] !== 'string') {
    throw badRequest('The sort parameter must look like ["field","ASC"].');
  }
  const [field, order] = sort as [string, string];
  const upper = order.toUpperCase();
  if (upper !== 'ASC' && upper !== 'DESC') throw badRequest('The sort order must be ASC or DESC.');
  if (field !== 'id' && !fields.sortable.includes(field)) throw badRequest(`Cannot sort by "${field}".`);
  return { field, order: upper };
}

function parseRange(value: unknown): ListQuery['range'] {
  if (value === undefined) return null;
  const range = parseJson(value, 'range');
  if (!Array.isArray(range) || range.length !== 2 || !range.every((n) => Number.isSafeInteger(n) && n >= 0)) {
    throw badRequest('The range parameter must look like [0,24].');
  }
  const [start, end] = range as [number, number];
  if (end < start) throw badRequest('The range must not end before it starts.');
  if (end - start + 1 > MAX_PAGE_SIZE) throw badRequest(`A page holds at most ${MAX_PAGE_SIZE} records; use the export for more.`);
  return [start, end];
}

function parseFilter(value: unknown): ListQuery['filter'] {
  if (value === undefined) return {};
  const filter = parseJson(value, 'filter');
  if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) {
    throw badRequest('The filter parameter must be a JSON object.');
  }
  return filter as Record<string, unknown>;
}

/** The Content-Range header of a page: the client reads the total after the slash. */
export function contentRange(resource: string, start: number, count: number, total: number): string {
  const end = count > 0 ? start + count - 1 : start;
  return `${resource} ${start}-${end}/${total}`;
}
