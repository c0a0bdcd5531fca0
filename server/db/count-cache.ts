// Totals of lists, kept a few seconds. Counting a million rows costs milliseconds on SQLite and
// tens of them on PostgreSQL, and paging through a list asks for the same total on every page;
// the page itself is always read fresh. A total is kept with the tables it read, and any write
// this process makes to one of them forgets it at once (again when the write's transaction
// commits), so a user always sees their own change counted. A statement the cache cannot read
// (a schema change, say) forgets every total. Another process's write shows in a total within
// the time-to-live.
import type { Sequelize, Transaction } from 'sequelize';

interface Entry {
  readonly total: number;
  readonly at: number;
  readonly tables: readonly string[];
}

export class CountCache {
  private readonly entries = new Map<string, Entry>();
  /** Bumped per table on each write, and for all tables at once by `everything`. */
  private readonly written = new Map<string, number>();
  private everything = 0;

  constructor(private readonly ttlMs: number) {}

  get enabled(): boolean {
    return this.ttlMs > 0;
  }

  /** Something may have been written to `tables` (to any table, without them): totals that read them are forgotten. */
  invalidate(tables?: readonly string[]): void {
    if (!tables) {
      this.everything++;
      this.entries.clear();
      return;
    }
    for (const table of tables) this.written.set(table, (this.written.get(table) ?? 0) + 1);
    for (const [key, entry] of this.entries) {
      if (entry.tables.some((t) => tables.includes(t))) this.entries.delete(key);
    }
  }

  /** The total of `sql` (the count's key), which reads `tables`; counted by `compute` when not kept. */
  async count(sql: string, tables: readonly string[], compute: () => Promise<number>): Promise<number> {
    if (!this.enabled) return compute();
    const now = Date.now();
    const hit = this.entries.get(sql);
    if (hit && now - hit.at < this.ttlMs) return hit.total;
    const before = this.stamp(tables);
    const total = await compute();
    // A write during the count may or may not be in it: such a total is not kept.
    if (this.stamp(tables) === before) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      this.entries.set(sql, { total, at: now, tables });
    }
    return total;
  }

  /** Watches every statement `sequelize` runs, forgetting the totals its writes may change. */
  watch(sequelize: Sequelize): this {
    if (!this.enabled) return this;
    const committing = new WeakMap<Transaction, Set<string>>();
    // By the statement's text, not the query type a caller gave (an INSERT … RETURNING may be run as a SELECT).
    sequelize.addHook('afterQuery', (options, query) => {
      const touched = writtenTables((query as unknown as { sql?: string }).sql ?? '');
      if (touched === 'none') return;
      this.invalidate(touched === 'unknown' ? undefined : touched);
      const t = options.transaction;
      if (!t || touched === 'unknown') return;
      // Readers on other connections see the write only once it commits: forget again then.
      let pending = committing.get(t);
      if (!pending) {
        const tables = new Set<string>();
        committing.set(t, tables);
        t.afterCommit(() => this.invalidate([...tables]));
        pending = tables;
      }
      for (const table of touched) pending.add(table);
    });
    return this;
  }

  private stamp(tables: readonly string[]): string {
    return `${this.everything}:${tables.map((t) => this.written.get(t) ?? 0).join(',')}`;
  }
}

/** Distinct lists a cache holds at most; past it, it starts over rather than track age. */
const MAX_ENTRIES = 1000;

const NAME = '[`"]?([A-Za-z_][A-Za-z0-9_]*)[`"]?';
const WRITE = new RegExp(`^\\s*(?:INSERT\\s+(?:OR\\s+\\w+\\s+)?INTO|UPDATE(?:\\s+OR\\s+\\w+)?|DELETE\\s+FROM)\\s+${NAME}`, 'i');
const NEUTRAL = /^\s*(?:SELECT|BEGIN|START\s+TRANSACTION|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|SET\s|SHOW\s|PRAGMA\s+\w+\s*(?:;|$)|EXPLAIN\s)/i;

/**
 * The tables a statement writes: 'none' for reads and transaction control, 'unknown' for what
 * cannot be told (schema changes, statements with a WITH clause, several statements at once).
 */
export function writtenTables(sql: string): readonly string[] | 'none' | 'unknown' {
  const body = sql.replace(/;\s*$/, '');
  if (body.includes(';')) return 'unknown';
  if (NEUTRAL.test(body)) return 'none';
  const m = WRITE.exec(body);
  return m ? [m[1]] : 'unknown';
}

/** The tables a statement reads, by the names after FROM and JOIN (subqueries included). */
export function readTables(sql: string): string[] {
  return [...new Set([...sql.matchAll(new RegExp(`\\b(?:FROM|JOIN)\\s+${NAME}`, 'gi'))].map((m) => m[1]))];
}
