// What the server and its export child process say to each other. The server sends one job over
// the IPC channel; the child answers with messages there and writes the CSV bytes on a pipe of its
// own (DATA_FD), not on stdout, so that nothing a library prints can end up inside a file.
import type { AppRule } from '../../config/abilities';
import type { ResourceName } from '../../config/resources';

/** The child's file descriptor for the CSV: stdin, stdout, stderr, IPC, then this pipe. */
export const DATA_FD = 4;

export interface SqliteSource {
  readonly dialect: 'sqlite';
  /** The database file, which the child opens read-only with better-sqlite3. */
  readonly file: string;
}

export interface PostgresSource {
  readonly dialect: 'postgres';
  readonly database: string;
  readonly username: string;
  readonly password: string | null;
  readonly host: string | null;
  readonly port: number | null;
  readonly dialectOptions: Readonly<Record<string, unknown>>;
}

export type ExportSource = SqliteSource | PostgresSource;

export interface ExportJob {
  readonly resource: ResourceName;
  /** The SELECT the server's Sequelize wrote, values inlined and escaped: rows, order and all. */
  readonly sql: string;
  readonly source: ExportSource;
  /** Sequelize's `timezone` option of the server, which its date parsers use. */
  readonly timezone: string;
  /** The user's CASL rules, from which the child rebuilds the ability that masks fields. */
  readonly rules: AppRule[];
}

/**
 * `open`: the child could not reach the database (the server then exports in-process);
 * `query`: the SELECT failed before the first row (an error response);
 * `stream`: it failed after the response began (the response is cut off, never ended cleanly).
 */
export type FailureStage = 'open' | 'query' | 'stream';

export type ChildMessage =
  | { readonly type: 'started' }
  | { readonly type: 'failed'; readonly stage: FailureStage; readonly message: string }
  | { readonly type: 'done'; readonly rows: number; readonly maxRssKb: number };
