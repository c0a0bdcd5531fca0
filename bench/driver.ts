// The database straight through its driver (sqlite3 or pg), without Sequelize: the bulk loader
// and the baseline that the API's latency is compared with.
import { resolve } from 'node:path';
import sqlite3 from 'sqlite3';
import pg from 'pg';

export interface Driver {
  readonly dialect: 'sqlite' | 'postgres';
  /** Placeholder for the n-th (1-based) parameter. */
  p(n: number): string;
  all(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  run(sql: string): Promise<void>;
  begin(): Promise<void>;
  commit(): Promise<void>;
  insertMany(table: string, cols: string[], rows: unknown[][]): Promise<void>;
  afterBulkLoad(tables: string[]): Promise<void>;
  /** After bulk writes or deletes: PostgreSQL's VACUUM ANALYZE (visibility map and statistics), as autovacuum would do in time. */
  maintain(): Promise<void>;
  close(): Promise<void>;
}

export function openDriver(url: string): Promise<Driver> {
  return url.startsWith('sqlite:') ? openSqliteDriver(url.slice('sqlite:'.length)) : openPgDriver(url);
}

async function openSqliteDriver(path: string): Promise<Driver> {
  const db = await new Promise<sqlite3.Database>((ok, fail) => {
    const d = new sqlite3.Database(resolve(path), (err) => (err ? fail(err) : ok(d)));
  });
  const all = (sql: string, params: unknown[] = []) =>
    new Promise<Record<string, unknown>[]>((ok, fail) => db.all(sql, params, (err, rows) => (err ? fail(err) : ok(rows as Record<string, unknown>[]))));
  const run = (sql: string, params: unknown[] = []) => new Promise<void>((ok, fail) => db.run(sql, params, (err) => (err ? fail(err) : ok())));
  const statements = new Map<string, sqlite3.Statement>();
  await run('PRAGMA busy_timeout = 10000');
  return {
    dialect: 'sqlite',
    p: () => '?',
    all,
    run: (sql) => run(sql),
    begin: () => run('BEGIN IMMEDIATE'),
    commit: () => run('COMMIT'),
    insertMany: (table, cols, rows) => {
      const key = `${table}:${rows.length}`;
      let st = statements.get(key);
      if (!st) {
        const tuple = `(${cols.map(() => '?').join(',')})`;
        st = db.prepare(`INSERT INTO ${table} (${cols.join(',')}) VALUES ${rows.map(() => tuple).join(',')}`);
        statements.set(key, st);
      }
      const s = st;
      return new Promise<void>((ok, fail) => s.run(rows.flat(), (err) => (err ? fail(err) : ok())));
    },
    afterBulkLoad: async () => {
      // An explicit rowid in an AUTOINCREMENT table moves sqlite_sequence along by itself.
    },
    maintain: async () => {},
    close: async () => {
      for (const st of statements.values()) await new Promise<void>((ok) => st.finalize(() => ok()));
      await new Promise<void>((ok, fail) => db.close((err) => (err ? fail(err) : ok())));
    },
  };
}

async function openPgDriver(url: string): Promise<Driver> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  let tx: pg.PoolClient | null = null;
  const q = async (sql: string, params: unknown[] = []) => (await (tx ?? pool).query(sql, params)).rows as Record<string, unknown>[];
  return {
    dialect: 'postgres',
    p: (n) => `$${n}`,
    all: q,
    run: async (sql) => {
      await q(sql);
    },
    begin: async () => {
      tx = await pool.connect();
      await tx.query('BEGIN');
    },
    commit: async () => {
      await tx!.query('COMMIT');
      tx!.release();
      tx = null;
    },
    insertMany: async (table, cols, rows) => {
      let n = 0;
      const values = rows.map((row) => `(${row.map(() => `$${++n}`).join(',')})`).join(',');
      await q(`INSERT INTO ${table} (${cols.join(',')}) VALUES ${values}`, rows.flat());
    },
    afterBulkLoad: async (tables) => {
      // Explicit ids leave the serial sequences behind: move them past the loaded rows.
      for (const t of tables) {
        const col = t === 'account_numbers' ? 'value' : 'id';
        await q(`SELECT setval(pg_get_serial_sequence('${t}', '${col}'), (SELECT max(${col}) FROM ${t}))`);
      }
    },
    maintain: async () => {
      for (const t of ['customers', 'billing_accounts', 'billing_account_districts', 'account_numbers', 'events']) await q(`VACUUM ANALYZE ${t}`);
    },
    close: () => pool.end(),
  };
}
