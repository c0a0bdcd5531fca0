import { CountCache, readTables, writtenTables } from '../../../server/db/count-cache';

describe('CountCache', () => {
  const counter = (values: number[]) => {
    let calls = 0;
    return { compute: async () => values[Math.min(calls++, values.length - 1)], calls: () => calls };
  };

  it('reuses a total within its time-to-live, per statement', async () => {
    const cache = new CountCache(60_000);
    const a = counter([10, 11]);
    expect(await cache.count('a', ['t'], a.compute)).toBe(10);
    expect(await cache.count('a', ['t'], a.compute)).toBe(10);
    expect(a.calls()).toBe(1);
    const b = counter([3]);
    expect(await cache.count('b', ['t'], b.compute)).toBe(3);
    expect(b.calls()).toBe(1);
  });

  it('forgets the totals that read a written table, and only those', async () => {
    const cache = new CountCache(60_000);
    const a = counter([10, 11]);
    const b = counter([20, 21]);
    await cache.count('a', ['customers', 'billing_accounts'], a.compute);
    await cache.count('b', ['events'], b.compute);
    cache.invalidate(['billing_accounts']);
    expect(await cache.count('a', ['customers', 'billing_accounts'], a.compute)).toBe(11);
    expect(await cache.count('b', ['events'], b.compute)).toBe(20);
    cache.invalidate();
    expect(await cache.count('b', ['events'], b.compute)).toBe(21);
  });

  it.each([[['t']], [undefined]])('does not keep a total counted while %j was written', async (written) => {
    const cache = new CountCache(60_000);
    let calls = 0;
    const racing = async () => {
      calls++;
      if (calls === 1) cache.invalidate(written);
      return calls;
    };
    expect(await cache.count('a', ['t'], racing)).toBe(1);
    expect(await cache.count('a', ['t'], racing)).toBe(2);
    expect(await cache.count('a', ['t'], racing)).toBe(2);
  });

  it('keeps a total counted while another table was written', async () => {
    const cache = new CountCache(60_000);
    let calls = 0;
    const racing = async () => {
      calls++;
      cache.invalidate(['other']);
      return calls;
    };
    await cache.count('a', ['t'], racing);
    expect(await cache.count('a', ['t'], racing)).toBe(1);
  });

  it('counts every time with a time-to-live of 0, and after the time-to-live', async () => {
    const off = new CountCache(0);
    const a = counter([1, 2]);
    await off.count('a', ['t'], a.compute);
    expect(await off.count('a', ['t'], a.compute)).toBe(2);
    const short = new CountCache(20);
    const b = counter([1, 2]);
    await short.count('b', ['t'], b.compute);
    await new Promise((r) => setTimeout(r, 40));
    expect(await short.count('b', ['t'], b.compute)).toBe(2);
  });
});

describe('writtenTables', () => {
  it.each([
    ['INSERT INTO `customers` (`id`) VALUES (1);', ['customers']],
    ['INSERT OR IGNORE INTO account_numbers (value) VALUES (1)', ['account_numbers']],
    ['INSERT INTO "events" ("id") VALUES ($1) RETURNING "id"', ['events']],
    ['UPDATE `billing_accounts` SET `status`=$1 WHERE `id` = $2', ['billing_accounts']],
    ['  update sessions set expires_at = 1', ['sessions']],
    ['DELETE FROM "notes" WHERE "id" = 3', ['notes']],
    ['SELECT 1', 'none'],
    ['SELECT pg_advisory_xact_lock(7265420)', 'none'],
    ['BEGIN IMMEDIATE TRANSACTION;', 'none'],
    ['START TRANSACTION;', 'none'],
    ['COMMIT;', 'none'],
    ['ROLLBACK;', 'none'],
    ['SAVEPOINT "x";', 'none'],
    ['SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED;', 'none'],
    ['PRAGMA journal_mode', 'none'],
    ['PRAGMA journal_mode = WAL', 'unknown'],
    ['CREATE INDEX x ON customers (name)', 'unknown'],
    ['DROP TABLE customers', 'unknown'],
    ['ALTER TABLE customers ADD COLUMN x TEXT', 'unknown'],
    ['WITH x AS (DELETE FROM notes RETURNING id) SELECT * FROM x', 'unknown'],
    ['UPDATE customers SET a = 1; DELETE FROM notes', 'unknown'],
    ['VACUUM', 'unknown'],
  ])('%s → %j', (sql, expected) => {
    expect(writtenTables(sql)).toEqual(expected);
  });
});

describe('readTables', () => {
  it.each([
    ['SELECT count(*) FROM customers WHERE (`status` = \'active\')', ['customers']],
    ['SELECT count(*) FROM billing_accounts WHERE (`id` IN (SELECT billing_account_id FROM billing_account_districts WHERE district IN (\'11-0\')))', ['billing_accounts', 'billing_account_districts']],
    ['SELECT count(*) FROM "customers" WHERE "id" IN (SELECT customer_id FROM billing_accounts b JOIN `insurance_policies` i ON 1)', ['customers', 'billing_accounts', 'insurance_policies']],
  ])('%s → %j', (sql, expected) => {
    expect(readTables(sql)).toEqual(expected);
  });
});
