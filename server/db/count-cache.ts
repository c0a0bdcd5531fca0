// Totals of lists, kept a few seconds. Counting a million rows costs milliseconds on SQLite and
// tens of them on PostgreSQL, and paging through a list asks for the same total on every page;
// the page itself is always read fresh. Any write this process makes (any statement that is not
// a SELECT, and every commit) forgets every total at once, so a user always sees their own
// change counted. Another process's write shows in the total within the time-to-live.
import { QueryTypes, type Sequelize } from 'sequelize';

export class CountCache {
  private readonly entries = new Map<string, { readonly total: number; readonly at: number }>();
  private generation = 0;

  constructor(private readonly ttlMs: number) {}

  get enabled(): boolean {
    return this.ttlMs > 0;
  }

  /** Something may have been written: no total read before now is used again. */
  invalidate(): void {
    this.generation++;
    this.entries.clear();
  }

  async count(key: string, compute: () => Promise<number>): Promise<number> {
    if (this.ttlMs <= 0) return compute();
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && now - hit.at < this.ttlMs) return hit.total;
    const generation = this.generation;
    const total = await compute();
    // A write during the count may or may not be in it: such a total is not kept.
    if (generation === this.generation) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      this.entries.set(key, { total, at: now });
    }
    return total;
  }

  /** Forgets every total whenever `sequelize` runs anything but a SELECT (writes, BEGIN, COMMIT). */
  watch(sequelize: Sequelize): this {
    if (this.ttlMs > 0) {
      sequelize.addHook('afterQuery', (options: { type?: string }) => {
        if (options.type !== QueryTypes.SELECT) this.invalidate();
      });
    }
    return this;
  }
}

/** Distinct lists a cache holds at most; past it, it starts over rather than track age. */
const MAX_ENTRIES = 1000;
