// Before the PostgreSQL project runs: is a server there? If not, its tests are skipped, and the
// run says so plainly instead of passing quietly.
const { Client } = require('pg');

module.exports = async () => {
  const url = process.env.CIMS_TEST_PG_URL || 'postgres://root@127.0.0.1:5432/postgres';
  process.env.CIMS_TEST_PG_URL = url;
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    process.env.CIMS_TEST_PG_AVAILABLE = '1';
  } catch (e) {
    process.env.CIMS_TEST_PG_AVAILABLE = '0';
    console.warn(`\n*** PostgreSQL is not reachable at ${url} (${e.message}): the PostgreSQL tests are SKIPPED. ***\n`);
  } finally {
    await client.end().catch(() => undefined);
  }
};
