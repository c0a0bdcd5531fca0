// Substring search served by an index instead of a scan: on SQLite an FTS5 trigram table kept in
// step with the accounts by triggers; on PostgreSQL a pg_trgm GIN index, which plain LIKE uses.
import type { QueryInterface } from 'sequelize';
import type { Migration } from '../server/db/migrator';

export const SEARCH_INDEXED_TABLES = ['customers', 'billing_accounts'] as const;

export const up: Migration = async ({ context: qi }) => {
  if (qi.sequelize.getDialect() === 'postgres') return postgresUp(qi);
  for (const table of SEARCH_INDEXED_TABLES) {
    const fts = `${table}_search`;
    await qi.sequelize.query(`CREATE VIRTUAL TABLE ${fts} USING fts5(search_text, content='${table}', content_rowid='id', tokenize='trigram')`);
    await qi.sequelize.query(`INSERT INTO ${fts} (rowid, search_text) SELECT id, search_text FROM ${table}`);
    await qi.sequelize.query(`CREATE TRIGGER ${table}_search_insert AFTER INSERT ON ${table} BEGIN
      INSERT INTO ${fts} (rowid, search_text) VALUES (new.id, new.search_text); END`);
    await qi.sequelize.query(`CREATE TRIGGER ${table}_search_delete AFTER DELETE ON ${table} BEGIN
      INSERT INTO ${fts} (${fts}, rowid, search_text) VALUES ('delete', old.id, old.search_text); END`);
    await qi.sequelize.query(`CREATE TRIGGER ${table}_search_update AFTER UPDATE OF search_text ON ${table} BEGIN
      INSERT INTO ${fts} (${fts}, rowid, search_text) VALUES ('delete', old.id, old.search_text);
      INSERT INTO ${fts} (rowid, search_text) VALUES (new.id, new.search_text); END`);
  }
};

async function postgresUp(qi: QueryInterface): Promise<void> {
  await qi.sequelize.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
  for (const table of SEARCH_INDEXED_TABLES) {
    await qi.sequelize.query(`CREATE INDEX ${table}_search_trgm ON ${table} USING gin (search_text gin_trgm_ops)`);
  }
}

export const down: Migration = async ({ context: qi }) => {
  const pg = qi.sequelize.getDialect() === 'postgres';
  for (const table of SEARCH_INDEXED_TABLES) {
    if (pg) {
      await qi.sequelize.query(`DROP INDEX IF EXISTS ${table}_search_trgm`);
      continue;
    }
    for (const op of ['insert', 'delete', 'update']) await qi.sequelize.query(`DROP TRIGGER IF EXISTS ${table}_search_${op}`);
    await qi.sequelize.query(`DROP TABLE IF EXISTS ${table}_search`);
  }
};
