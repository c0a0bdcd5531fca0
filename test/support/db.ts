// A fresh, migrated database of its own for each test file: a temporary SQLite file, or a
// PostgreSQL database created on the local server and dropped afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { openDatabase, prepareDatabase, type Database, type OpenOptions } from '../../server/db';
import { migrate } from '../../server/db/migrator';
import { initModels } from '../../server/models';

export type TestDialect = 'sqlite' | 'postgres';

export const dialect: TestDialect = process.env.CIMS_TEST_DIALECT === 'postgres' ? 'postgres' : 'sqlite';

/** False when the run has no PostgreSQL server; the suite then skips, and the run said so. */
export const databaseAvailable = dialect === 'sqlite' || process.env.CIMS_TEST_PG_AVAILABLE === '1';

/** `describe` on a database this run has, `describe.skip` otherwise. */
export const describeDb: jest.Describe = databaseAvailable ? describe : describe.skip;

export interface TestDatabase {
  readonly db: Database;
  readonly url: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(options: OpenOptions = {}): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'cims-test-'));
    const url = `sqlite:${join(dir, 'cims.sqlite')}`;
    const db = await ready(url, options);
    return { db, url, drop: async () => { await db.close(); rmSync(dir, { recursive: true, force: true }); } };
  }
  const admin = process.env.CIMS_TEST_PG_URL ?? 'postgres://root@127.0.0.1:5432/postgres';
  const name = `cims_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await adminQuery(admin, `CREATE DATABASE ${name}`);
  const u = new URL(admin);
  u.pathname = `/${name}`;
  const url = u.toString();
  const db = await ready(url, options);
  return {
    db,
    url,
    drop: async () => {
      await db.close();
      await adminQuery(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function ready(url: string, options: OpenOptions): Promise<Database> {
  const db = openDatabase(url, options);
  await prepareDatabase(db);
  await migrate(db);
  initModels(db.sequelize);
  return db;
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
