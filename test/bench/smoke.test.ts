// A small run of the benchmark (`npm run bench`) end to end: a few thousand rows, a couple of
// seconds of load, in a temporary folder. It checks that every figure of results.json is there
// and finite and that nothing failed; it never asserts speed (speed is not a unit test).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');

const finite = (v: unknown) => typeof v === 'number' && Number.isFinite(v);

describe('the benchmark, small', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cims-bench-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('builds, measures and writes results.json with every figure', () => {
    const out = join(dir, 'results.json');
    const run = spawnSync(process.execPath, [
      '--import', 'tsx', join(ROOT, 'bench', 'run.ts'),
      '--customers', '200', '--iterations', '5', '--load-seconds', '1', '--load-clients', '5,50', '--import-rows', '300',
      '--db', `sqlite:${join(dir, 'bench.sqlite')}`, '--out', out,
    ], { cwd: ROOT, encoding: 'utf8', timeout: 170_000 });
    if (run.status !== 0) throw new Error(`bench exited with ${run.status}:\n${run.stdout}\n${run.stderr}`);
    const r = JSON.parse(readFileSync(out, 'utf8'));

    expect(r.database).toBe('sqlite');
    expect(r.rows.customers).toBe(200);
    expect(r.rows.billingAccounts).toBeGreaterThanOrEqual(200);
    for (const group of [r.lists, r.search]) {
      expect(group.length).toBeGreaterThan(0);
      for (const m of group) {
        expect(typeof m.name).toBe('string');
        for (const f of ['apiP50Ms', 'apiP95Ms', 'baselineP50Ms', 'ratio']) expect({ [f]: finite(m[f]) }).toEqual({ [f]: true });
        for (const f of ['apiP50Ms', 'apiP95Ms', 'ratio']) expect({ [f]: finite(m.uncached[f]) }).toEqual({ [f]: true });
      }
    }
    expect(r.export.rows).toBe(r.rows.billingAccounts);
    for (const f of ['rows', 'rowsPerSec', 'peakRssMb']) expect({ [f]: finite(r.export[f]) }).toEqual({ [f]: true });
    expect(r.import.rows).toBe(300);
    expect(finite(r.import.rowsPerSec)).toBe(true);
    expect(r.load.clients).toBe(50);
    for (const f of ['clients', 'seconds', 'rps', 'p99Ms', 'errors']) expect({ [f]: finite(r.load[f]) }).toEqual({ [f]: true });
    for (const level of r.loadLevels) expect(level.errors).toBe(0);
    expect(r.loadStatusDistrict.cims.errors).toBe(0);
    expect(r.loadStatusDistrict.minimalServer.errors).toBe(0);
  }, 180_000);
});
