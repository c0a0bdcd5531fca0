// The one Sequelize instance of a running server, on SQLite (embedded default) or PostgreSQL.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { QueryTypes, Sequelize, Transaction, type Options } from 'sequelize';
import { CountCache } from './count-cache';

export type Dialect = 'sqlite' | 'postgres';

export interface Database {
  readonly sequelize: Sequelize;
  readonly dialect: Dialect;
  /** Recent totals of lists (see count-cache.ts); it keeps nothing unless opened with a time-to-live. */
  readonly counts: CountCache;
  /** Runs `work` in one managed transaction; every write of a request goes through here. */
  transaction<T>(work: (t: Transaction) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OpenOptions {
  readonly logging?: boolean;
  /** How long a list's total may be reused; 0 (the default) counts every time. */
  readonly countCacheSeconds?: number;
}

export function openDatabase(url: string, { logging = false, countCacheSeconds = 0 }: OpenOptions = {}): Database {
  const log = logging ? (sql: string) => console.log(sql) : false;
  if (url.startsWith('sqlite:')) return openSqlite(url.slice('sqlite:'.length), log, countCacheSeconds);
  const sequelize = new Sequelize(url, {
    dialect: 'postgres',
    logging: log,
    pool: { max: 10, min: 0, idle: 10_000 },
  });
  return {
    sequelize,
    dialect: 'postgres',
    counts: new CountCache(countCacheSeconds * 1000).watch(sequelize),
    // Write transactions take one advisory lock first and hold it to their end, so that they
    // commit one at a time, in the order of the ids they give events: a reader of the change feed
    // who has seen event N never later finds a smaller id committed. Taken before any row lock,
    // it cannot deadlock; reads never take it. Across processes too, as it lives in the database.
    transaction: (work) => sequelize.transaction(async (t) => {
      await sequelize.query('SELECT pg_advisory_xact_lock(7265420)', { transaction: t });
      return work(t);
    }),
    close: () => sequelize.close(),
  };
}

function openSqlite(path: string, logging: Options['logging'], countCacheSeconds: number): Database {
  const storage = path === ':memory:' ? ':memory:' : resolve(path);
  if (storage !== ':memory:') mkdirSync(dirname(storage), { recursive: true });
  const sequelize = new Sequelize({
    dialect: 'sqlite',
    storage,
    logging,
    // Every transaction takes the write lock at BEGIN, so two never deadlock upgrading a read lock.
    transactionType: Transaction.TYPES.IMMEDIATE,
  });
  if (storage !== ':memory:') poolReads(sequelize);
  // SQLite has one writer at a time; queueing write transactions here keeps requests of this
  // process from failing with SQLITE_BUSY while another holds the lock.
  let tail: Promise<unknown> = Promise.resolve();
  return {
    sequelize,
    dialect: 'sqlite',
    counts: new CountCache(countCacheSeconds * 1000).watch(sequelize),
    transaction: <T>(work: (t: Transaction) => Promise<T>): Promise<T> => {
      const next = tail.then(() => sequelize.transaction(work));
      tail = next.catch(() => undefined);
      return next;
    },
    close: () => sequelize.close(),
  };
}

/** Connections for the queries outside transactions: with several, reads run side by side. */
const READERS = 4;
/** How long a connection waits for another's write lock (another process's, say) before failing. */
const BUSY_TIMEOUT_MS = 5000;

/**
 * Sequelize runs every query outside a transaction on one SQLite connection, so one slow count
 * would queue every other request behind it. Here plain SELECTs take turns over a few persistent
 * connections instead (WAL lets them read side by side). Everything else stays where Sequelize
 * puts it: a transaction on a connection of its own, other statements (schema changes, whose
 * sequences may set a connection's PRAGMAs) on the one default connection. Every connection
 * waits for a busy lock rather than failing.
 */
function poolReads(sequelize: Sequelize): void {
  interface SqliteConnection { configure(option: 'busyTimeout', ms: number): void }
  const manager = sequelize.connectionManager as unknown as { getConnection(options?: { uuid?: string; type?: string }): Promise<SqliteConnection> };
  const open = manager.getConnection.bind(manager);
  const configured = new WeakSet<SqliteConnection>();
  let turn = 0;
  manager.getConnection = async (options = {}) => {
    const read = !options.uuid && options.type === QueryTypes.SELECT;
    const connection = await open(read ? { ...options, uuid: `read-${turn++ % READERS}` } : options);
    if (!configured.has(connection)) {
      connection.configure('busyTimeout', BUSY_TIMEOUT_MS);
      configured.add(connection);
    }
    return connection;
  };
}

/** Write-ahead logging lets readers go on while a write transaction runs; the mode is kept in the file. */
export async function prepareDatabase(db: Database): Promise<void> {
  if (db.dialect === 'sqlite' && db.sequelize.getQueryInterface().sequelize.config.host !== ':memory:') {
    await db.sequelize.query('PRAGMA journal_mode = WAL');
  }
}
