// CSV export of every row a list's filter matches (not a page), in the list's order, with the
// API's row and field permissions. The server builds the list's SELECT (ability + scope + filter,
// sort) with its own Sequelize; a child process (./export-child.ts) runs it on its own connection
// and writes the CSV, which the server only pipes to the client: a million rows take neither the
// server's event loop nor its memory. An in-memory SQLite database, which no other process can
// open, and resources whose `decorate` changes exported fields are exported in-process instead,
// in keyset batches. Either way the first rows are read before the headers are sent, so that a
// query that fails is an error response, not an empty file that looks like a successful export.
import { once } from 'node:events';
import { ForbiddenError } from '@casl/ability';
import type { Response } from 'express';
import { Op, type Model, type Options, type Sequelize, type WhereOptions } from 'sequelize';
import type { ResourceName } from '../../config/resources';
import type { Auth } from '../auth/context';
import { HttpError } from '../errors';
import { readWhere, toApiRecords } from './engine';
import { cells, csvHeader, csvLines, exportColumns } from './export-format';
import { ExportSlots, exportThroughChild } from './export-process';
import type { ExportSource } from './export-protocol';
import { exportSql } from './export-sql';
import { after, orderBy, sortKey, type SortKey } from './order';
import type { ListQuery } from './query';
import type { ResourceDefinition } from './resource';

export { neutralise } from './export-format';

type Definition = ResourceDefinition<Model>;

/**
 * Exports running at once in one server process. Each holds a child process (a core while it
 * formats) and a database snapshot; two leave the other core to the requests of everyone else.
 */
export const MAX_CONCURRENT_EXPORTS = 2;
export const exportSlots = new ExportSlots(MAX_CONCURRENT_EXPORTS);
const RETRY_AFTER_SECONDS = 30;

/**
 * Resources whose `decorate` only adds values that are not CSV columns (a billing account's
 * customer name, a note's author name, …): the child, which has no Sequelize connection to run
 * it, may skip it. Any other resource with a `decorate` exports in-process, events above all
 * (they mask FEINs inside `changes`). test/server/rest/export-child.db.test.ts holds every
 * exportable resource's file to its list, so a decorate that begins to change a field shows.
 */
const DECORATION_NOT_EXPORTED: ReadonlySet<ResourceName> = new Set(['billing-accounts', 'notes', 'attachments']);

/** The in-process path reads this many rows per query. */
const BATCH = 2000;

export async function exportCsv(def: Definition, auth: Auth, query: ListQuery, res: Response): Promise<void> {
  ForbiddenError.from(auth.ability).throwUnlessCan('export', def.name);
  const where = readWhere(def, auth, query.filter);
  const key = sortKey(def.model, query.sort.field, query.sort.order);
  const release = exportSlots.take();
  if (!release) throw busy();
  let gone = false;
  res.once('close', () => {
    gone = true;
  });
  try {
    const source = childSource(def);
    if (source) {
      const job = { resource: def.name, sql: exportSql(def, where, orderBy(def.model, key)), source, timezone: timezoneOf(def), rules: auth.ability.rules };
      const outcome = await exportThroughChild(job, res, headersFor(def));
      if (outcome.kind === 'sent' || gone) return;
      console.warn(`Exporting ${def.name} in the server process, as the export process could not: ${outcome.reason}`);
    }
    await exportInProcess(def, auth, where, key, res);
  } finally {
    release();
  }
}

/** 429 rather than 503: the server is fine, this client should simply come back a little later. */
function busy(): HttpError {
  return new HttpError(
    429,
    `${MAX_CONCURRENT_EXPORTS} exports are already running on this server. Please try again in a minute.`,
    undefined,
    { 'Retry-After': String(RETRY_AFTER_SECONDS) },
  );
}

function headersFor(def: Definition): Record<string, string> {
  return {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${def.name}-${new Date().toISOString().slice(0, 10)}.csv"`,
    'Cache-Control': 'no-store',
  };
}

function timezoneOf(def: Definition): string {
  return optionsOf(def.model.sequelize!).timezone ?? '+00:00';
}

/** The options a Sequelize instance was made with (kept at runtime, left out of its typings). */
function optionsOf(sequelize: Sequelize): Options {
  return (sequelize as unknown as { options: Options }).options;
}

/** Where a child process can read this resource's rows from, or null: export in-process. */
export function childSource(def: Definition): ExportSource | null {
  if (def.decorate && !DECORATION_NOT_EXPORTED.has(def.name)) return null;
  const sequelize = def.model.sequelize!;
  if (sequelize.getDialect() === 'sqlite') {
    const file = optionsOf(sequelize).storage;
    // ':memory:' (and '', a temporary database) exists only inside this process.
    if (!file || file === ':memory:' || file.startsWith('file:')) return null;
    return { dialect: 'sqlite', file };
  }
  if (sequelize.getDialect() === 'postgres') {
    const c = sequelize.config;
    return {
      dialect: 'postgres',
      database: c.database,
      username: c.username,
      password: c.password,
      host: c.host ?? null,
      port: c.port ? Number(c.port) : null,
      dialectOptions: { ...(optionsOf(sequelize).dialectOptions ?? {}) },
    };
  }
  return null;
}

/** The same CSV from this process, in keyset batches: memory stays flat however many rows. */
async function exportInProcess(def: Definition, auth: Auth, where: WhereOptions, key: SortKey, res: Response): Promise<void> {
  const columns = exportColumns(def);
  const batch = (last: Record<string, unknown> | null) =>
    def.model.findAll({ where: last ? { [Op.and]: [where, after(def.model, key, last)] } : where, order: orderBy(def.model, key), limit: BATCH });
  let rows = await batch(null);
  res.status(200).set(headersFor(def));
  let closed = false;
  res.once('close', () => {
    closed = true;
  });
  await write(res, csvHeader(columns));
  while (!closed && rows.length) {
    const records = await toApiRecords(def, rows, auth);
    await write(res, csvLines(records.map((record) => cells(record, columns))));
    if (rows.length < BATCH) break;
    rows = await batch(rows.at(-1)!.get({ plain: true }) as Record<string, unknown>);
  }
  res.end();
}

/** Waits while the client is slower than the database, or until it has gone. */
async function write(res: Response, text: string): Promise<void> {
  if (res.write(text) || res.destroyed) return;
  const waiting = new AbortController();
  try {
    await Promise.race([once(res, 'drain', { signal: waiting.signal }), once(res, 'close', { signal: waiting.signal })]);
  } finally {
    waiting.abort();
  }
}
