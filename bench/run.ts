// `npm run bench`: builds (or reuses) a CIMS database of N customers and ~10N billing accounts,
// runs the server as a child process, and measures lists, searches, export, import and a mixed
// load, each beside a baseline of the same SQL sent straight through the driver. Prints a table
// and writes results.json (see bench/README.md).
//
//   tsx bench/run.ts [--customers 100000] [--iterations 50] [--load-seconds 30] [--load-clients 10,25,50]
//                    [--import-rows 100000] [--db sqlite:PATH | postgres://…] [--out bench/results.json] [--rebuild]
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { abilityFromRules, defineRulesFor } from '../config/abilities';
import { FIRST_SEQUENCE_VALUE } from '../config/account-numbers';
import { DISTRICT_CODES } from '../config/districts';
import { openDatabase, prepareDatabase } from '../server/db';
import { migrate } from '../server/db/migrator';
import { initModels } from '../server/models';
import { REGISTRY } from '../server/resources';
import { listRecords } from '../server/rest/engine';
import { parseListQuery } from '../server/rest/query';
import { IMPORT_COLUMNS } from '../server/domain/import';
import { BENCH_PASSWORD, buildData, DATA_VERSION, customerRow, ensureUsers, prng, SURNAMES } from './data';
import { openDriver, type Driver } from './driver';
import { Client, q, stats } from './http';

const ROOT = resolve(__dirname, '..');
const CLI = join(ROOT, 'bin', 'cims.cjs');

const { values: args } = parseArgs({
  options: {
    customers: { type: 'string' },
    iterations: { type: 'string' },
    'load-seconds': { type: 'string' },
    'load-clients': { type: 'string' },
    'import-rows': { type: 'string' },
    db: { type: 'string' },
    out: { type: 'string' },
    seed: { type: 'string' },
    rebuild: { type: 'boolean' },
    'skip-minimal': { type: 'boolean' },
  },
  strict: true,
});
const env = process.env;
const num = (v: string | undefined, d: number) => (v === undefined ? d : Number(v));
const CUSTOMERS = num(args.customers ?? env.BENCH_CUSTOMERS, 100_000);
const ITERATIONS = num(args.iterations ?? env.BENCH_ITERATIONS, 50);
const LOAD_SECONDS = num(args['load-seconds'] ?? env.BENCH_LOAD_SECONDS, 30);
const LOAD_CLIENTS = (args['load-clients'] ?? env.BENCH_LOAD_CLIENTS ?? '10,25,50').split(',').map(Number).filter((n) => n > 0);
const IMPORT_ROWS = num(args['import-rows'] ?? env.BENCH_IMPORT_ROWS, Math.min(100_000, CUSTOMERS));
const SEED = num(args.seed ?? env.BENCH_SEED, 20261203);
const URL = args.db ?? env.BENCH_DATABASE_URL ?? env.DATABASE_URL ?? `sqlite:${join(ROOT, 'bench', 'data', `cims-bench-${CUSTOMERS}.sqlite`)}`;
const OUT = resolve(args.out ?? env.BENCH_OUT ?? join(ROOT, 'bench', 'results.json'));
const WORK_DIR = URL.startsWith('sqlite:') ? dirname(resolve(URL.slice('sqlite:'.length))) : join(ROOT, 'bench', 'data');
const WARMUP = Math.max(3, Math.min(10, Math.round(ITERATIONS / 5)));

const log = (s: string) => console.log(s);
const round = (n: number, d = 2) => (Number.isFinite(n) ? Math.round(n * 10 ** d) / 10 ** d : n);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Meta {
  customers: number;
  billingAccounts: number;
  seed: number;
  dataVersion: number;
}

async function readMeta(driver: Driver): Promise<Meta | null> {
  try {
    const rows = await driver.all('SELECT key, value FROM bench_meta');
    const m = Object.fromEntries(rows.map((r) => [r.key, Number(r.value)]));
    return m.customers ? (m as unknown as Meta) : null;
  } catch {
    return null;
  }
}

async function tableRows(driver: Driver, table: string): Promise<number> {
  try {
    return Number((await driver.all(`SELECT count(*) AS n FROM ${table}`))[0].n);
  } catch {
    return 0;
  }
}

/** A database of the right size and seed is reused; what earlier runs added (import, load writes) is removed first. */
async function prepareData(): Promise<{ driver: Driver; meta: Meta; buildSeconds: number | null }> {
  mkdirSync(WORK_DIR, { recursive: true });
  let driver = await openDriver(URL);
  let meta = await readMeta(driver);
  let wipe = Boolean(args.rebuild);
  if (meta && (meta.customers !== CUSTOMERS || meta.seed !== SEED || meta.dataVersion !== DATA_VERSION)) {
    // A benchmark database of another size, seed or data version: ours to rebuild.
    log(`The database holds a benchmark of ${meta.customers} customers (seed ${meta.seed}, data version ${meta.dataVersion ?? 1}): rebuilding it.`);
    meta = null;
    wipe = true;
  }
  if (!meta && !wipe && (await tableRows(driver, 'customers')) > 0) {
    throw new Error(`The database ${URL} holds data that is not a benchmark's; pass --rebuild to wipe it, or another --db.`);
  }
  if (args.rebuild) meta = null;
  if (wipe) {
    if (driver.dialect === 'sqlite') {
      await driver.close();
      const file = resolve(URL.slice('sqlite:'.length));
      for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
      driver = await openDriver(URL);
    } else {
      await driver.run('DROP SCHEMA public CASCADE');
      await driver.run('CREATE SCHEMA public');
    }
  }
  const db = openDatabase(URL);
  await prepareDatabase(db);
  await migrate(db);
  await db.close();
  let buildSeconds: number | null = null;
  if (!meta) {
    const built = await buildData(driver, CUSTOMERS, SEED, log);
    buildSeconds = built.seconds;
    await driver.run('CREATE TABLE IF NOT EXISTS bench_meta (key VARCHAR(32) PRIMARY KEY, value VARCHAR(32))');
    await driver.run('DELETE FROM bench_meta');
    meta = { customers: built.customers, billingAccounts: built.billingAccounts, seed: SEED, dataVersion: DATA_VERSION };
    for (const [k, v] of Object.entries(meta)) await driver.run(`INSERT INTO bench_meta (key, value) VALUES ('${k}', '${v}')`);
  } else {
    log(`Reusing the benchmark database ${URL} (${meta.customers.toLocaleString()} customers, ${meta.billingAccounts.toLocaleString()} billing accounts).`);
    const started = Date.now();
    await driver.run('DELETE FROM events');
    await driver.run('DELETE FROM sessions');
    await driver.run(`DELETE FROM billing_accounts WHERE id > ${meta.billingAccounts}`);
    await driver.run(`DELETE FROM customers WHERE id > ${meta.customers}`);
    await driver.run(`DELETE FROM account_numbers WHERE value >= ${FIRST_SEQUENCE_VALUE + meta.customers + meta.billingAccounts}`);
    log(`  removed rows added by earlier runs in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  await driver.maintain();
  await ensureUsers(driver);
  return { driver, meta, buildSeconds };
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
    s.on('error', fail);
  });
}

async function startServer(port: number, env: NodeJS.ProcessEnv = {}): Promise<ChildProcess> {
  mkdirSync(WORK_DIR, { recursive: true });
  const logFile = createWriteStream(join(WORK_DIR, 'server.log'));
  // node itself, not npx/npm, so that the pid is the server's and its memory can be read.
  const child = spawn(process.execPath, [CLI, 'serve'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: URL, PORT: String(port), NODE_ENV: 'production', SESSION_SECRET: 'bench-session-secret-0123456789abcdef', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(logFile);
  child.stderr!.pipe(logFile);
  const probe = new Client(port, 1);
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode}; see ${join(WORK_DIR, 'server.log')}.`);
    try {
      if ((await probe.get('/healthz')).status === 200) {
        probe.close();
        return child;
      }
    } catch {
      /* not listening yet */
    }
    await sleep(100);
  }
  throw new Error('The server did not answer /healthz within 60 s.');
}

function memoryOf(pid: number): { rssMb: number; hwmMb: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
    return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
  } catch {
    return { rssMb: NaN, hwmMb: NaN };
  }
}

/** The summed resident memory of a process's children (the export's child process). */
function childrenRssMb(pid: number): number {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    return children.reduce((sum, child) => sum + (memoryOf(child).rssMb || 0), 0);
  } catch {
    return 0;
  }
}

// ---------------------------------------------------------------------------------------------
// Lists and searches: the API over HTTP beside the same SQL (page + count) through the driver.

interface ListCase {
  name: string;
  resource: 'customers' | 'billing-accounts';
  sort?: [string, 'ASC' | 'DESC'];
  range: [number, number];
  filter?: Record<string, unknown>;
}

interface Captured {
  page: string;
  count: string;
  others: string[];
}

/** The SQL the API runs for a list, captured from Sequelize's log by running the engine's own listRecords. */
async function captureSql(c: ListCase, managerId: number): Promise<Captured> {
  const db = openDatabase(URL);
  initModels(db.sequelize);
  const statements: string[] = [];
  (db.sequelize as unknown as { options: { logging: (sql: string) => void } }).options.logging = (sql: string) => statements.push(sql.replace(/^Executing \([^)]*\): /, '').replace(/;\s*$/, ''));
  const def = REGISTRY[c.resource];
  const user = { id: managerId, username: 'bench_manager', fullName: 'Bench', roles: ['account_manager' as const], district: null };
  const auth = { user, ability: abilityFromRules(defineRulesFor(user)), sessionId: 'bench' };
  const raw: Record<string, unknown> = { range: JSON.stringify(c.range) };
  if (c.sort) raw.sort = JSON.stringify(c.sort);
  if (c.filter) raw.filter = JSON.stringify(c.filter);
  await listRecords(def, auth, parseListQuery(raw, def));
  await db.close();
  const count = statements.find((s) => /count\(/i.test(s));
  const page = statements.find((s) => s !== count && /LIMIT/i.test(s));
  if (!page || !count) throw new Error(`Could not capture the SQL of ${c.name}: ${statements.join('\n')}`);
  return { page, count, others: statements.filter((s) => s !== page && s !== count) };
}

function apiPath(c: ListCase): string {
  const parts = [`range=${q(c.range)}`];
  if (c.sort) parts.unshift(`sort=${q(c.sort)}`);
  if (c.filter) parts.push(`filter=${q(c.filter)}`);
  return `/api/${c.resource}?${parts.join('&')}`;
}

interface Measured {
  name: string;
  apiP50Ms: number;
  apiP95Ms: number;
  baselineP50Ms: number;
  baselineP95Ms: number;
  ratio: number;
  /** The same requests to a server that counts every total (CIMS_COUNT_CACHE_SECONDS=0). */
  uncached?: { apiP50Ms: number; apiP95Ms: number; ratio: number };
  total: number;
  sql: { page: string; count: string };
}

/** The API's latencies for one list, and the total it answered. */
async function measureApi(c: ListCase, client: Client): Promise<{ samples: number[]; total: number }> {
  const path = apiPath(c);
  let total = NaN;
  const samples: number[] = [];
  for (let i = 0; i < WARMUP + ITERATIONS; i++) {
    const res = await client.get(path);
    if (res.status !== 200) throw new Error(`${c.name}: ${path} answered ${res.status}: ${res.body.slice(0, 300)}`);
    if (i >= WARMUP) samples.push(res.ms);
    total = Number(/\/(\d+)$/.exec(String(res.headers['content-range']))?.[1]);
  }
  return { samples, total };
}

async function measureList(c: ListCase, client: Client, driver: Driver, managerId: number): Promise<Measured> {
  const sql = await captureSql(c, managerId);
  const { samples: api, total } = await measureApi(c, client);
  const base: number[] = [];
  let baseTotal = NaN;
  for (let i = 0; i < WARMUP + ITERATIONS; i++) {
    const t = performance.now();
    // As the engine runs them: the page and the count at once.
    const [, counted] = await Promise.all([driver.all(sql.page), driver.all(sql.count)]);
    if (i >= WARMUP) base.push(performance.now() - t);
    baseTotal = Number(Object.values(counted[0])[0]);
  }
  if (baseTotal !== total) log(`  ! ${c.name}: the API's total ${total} differs from the driver's ${baseTotal}`);
  const a = stats(api);
  const b = stats(base);
  return { name: c.name, apiP50Ms: round(a.p50), apiP95Ms: round(a.p95), baselineP50Ms: round(b.p50), baselineP95Ms: round(b.p95), ratio: round(a.p50 / b.p50), total, sql: { page: sql.page, count: sql.count } };
}

/** Adds to each measured list the latencies of a server that counts every total. */
async function measureUncached(cases: ListCase[], measured: Measured[]): Promise<void> {
  const port = await freePort();
  const server = await startServer(port, { CIMS_COUNT_CACHE_SECONDS: '0' });
  const client = new Client(port, 2);
  try {
    await client.login('bench_manager', BENCH_PASSWORD);
    for (const [i, c] of cases.entries()) {
      const { samples } = await measureApi(c, client);
      const a = stats(samples);
      measured[i].uncached = { apiP50Ms: round(a.p50), apiP95Ms: round(a.p95), ratio: round(a.p50 / measured[i].baselineP50Ms) };
    }
  } finally {
    client.close();
    await stop(server);
  }
}

async function measurePlain(name: string, client: Client, path: string): Promise<{ name: string; p50Ms: number; p95Ms: number }> {
  const samples: number[] = [];
  for (let i = 0; i < WARMUP + ITERATIONS; i++) {
    const res = await client.get(path);
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
    if (i >= WARMUP) samples.push(res.ms);
  }
  const s = stats(samples);
  return { name, p50Ms: round(s.p50), p95Ms: round(s.p95) };
}

// ---------------------------------------------------------------------------------------------
// Export, import, load.

async function measureExport(analyst: Client, probe: Client, pid: number, maxBillingId: number) {
  const before = memoryOf(pid);
  let peak = before.rssMb;
  // The export runs in a child process of the server: its memory is reported beside the server's.
  let peakChildren = 0;
  const sampler = setInterval(() => {
    const m = memoryOf(pid);
    if (m.rssMb > peak) peak = m.rssMb;
    peakChildren = Math.max(peakChildren, childrenRssMb(pid));
  }, 100);
  // Meanwhile one reader asks for a record every 250 ms: an export must not block other requests.
  const probes: number[] = [];
  let done = false;
  const r = prng(7);
  const prober = (async () => {
    while (!done) {
      const res = await probe.get(`/api/billing-accounts/${1 + Math.floor(r() * maxBillingId)}`);
      probes.push(res.ms);
      await sleep(250);
    }
  })();
  const res = await analyst.stream(`/api/billing-accounts/export.csv?sort=${q(['id', 'ASC'])}`);
  done = true;
  clearInterval(sampler);
  await prober;
  const after = memoryOf(pid);
  if (res.status !== 200) throw new Error(`The export answered ${res.status}`);
  const rows = res.lines - 1; // the header row
  const p = stats(probes);
  return {
    rows, rowsPerSec: Math.round(rows / (res.ms / 1000)), peakRssMb: round(Math.max(peak, after.rssMb), 1), peakChildRssMb: round(peakChildren, 1),
    seconds: round(res.ms / 1000), firstByteMs: round(res.firstByteMs), bytes: res.bytes,
    rssBeforeMb: round(before.rssMb, 1), vmHwmAfterMb: round(after.hwmMb, 1),
    concurrentGetOne: { samples: probes.length, p50Ms: round(p.p50), maxMs: round(probes.length ? Math.max(...probes) : NaN) },
  };
}

export function importCsvText(rows: number): string {
  const r = prng(SEED + 1);
  const cols = IMPORT_COLUMNS.customers;
  const esc = (v: unknown) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const stamp = Date.now().toString(36);
  const lines = [cols.join(',')];
  for (let i = 0; i < rows; i++) {
    const c = customerRow(r);
    const v: Record<string, unknown> = { ...c, legacyReference: `bench-${stamp}-${i}`, status: r() < 0.5 ? 'active' : 'preliminary' };
    lines.push(cols.map((k) => esc(v[k])).join(','));
  }
  return `${lines.join('\n')}\n`;
}

async function measureImport(rows: number) {
  const file = join(WORK_DIR, `import-${rows}.csv`);
  writeFileSync(file, importCsvText(rows));
  const started = performance.now();
  const child = spawn(process.execPath, [CLI, 'import', 'customers', file], { cwd: ROOT, env: { ...process.env, DATABASE_URL: URL }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (c) => (out += c));
  child.stderr!.on('data', (c) => (out += c));
  const code = await new Promise<number>((ok) => child.on('exit', (c) => ok(c ?? 1)));
  const seconds = (performance.now() - started) / 1000;
  rmSync(file, { force: true });
  if (code !== 0) throw new Error(`The import exited with ${code}:\n${out.slice(-2000)}`);
  const written = Number(/Written in ([\d.]+) s/.exec(out)?.[1] ?? NaN);
  return { rows, rowsPerSec: Math.round(rows / seconds), seconds: round(seconds), commandReportedSeconds: written, rowsPerSecExcludingStartup: Math.round(rows / written) };
}

type Op = 'getBillingAccount' | 'getCustomer' | 'firstPage' | 'customerBillingAccounts' | 'searchCustomers' | 'searchBillingAccounts' | 'createCustomer' | 'updateCustomer';
const MIX: [Op, number][] = [
  ['getBillingAccount', 40], ['getCustomer', 10], ['firstPage', 20], ['customerBillingAccounts', 10],
  ['searchCustomers', 6], ['searchBillingAccounts', 4], ['createCustomer', 5], ['updateCustomer', 5],
];
const STATUSES = ['active', 'active', 'active', 'preliminary', 'suspended'];

interface LoadResult {
  clients: number;
  seconds: number;
  requests: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  conflicts409: number;
  byOp: Record<string, { n: number; p50Ms: number; p99Ms: number }>;
  errorSamples: string[];
}

async function runLoad(client: Client, clients: number, seconds: number, meta: Meta, kind: 'mix' | 'statusDistrict', port?: number): Promise<LoadResult> {
  const deadline = performance.now() + seconds * 1000;
  const all: number[] = [];
  const byOp = new Map<string, number[]>();
  let errors = 0;
  let conflicts = 0;
  const errorSamples: string[] = [];
  const weights = MIX.reduce((a, [, w]) => a + w, 0);
  const fail = (what: string) => {
    errors++;
    if (errorSamples.length < 5) errorSamples.push(what);
  };
  const other = port ? new Client(port, clients + 4) : null;
  const worker = async (w: number) => {
    const r = prng(SEED + 100 + w);
    while (performance.now() < deadline) {
      let op: Op = 'firstPage';
      if (kind === 'mix') {
        let x = r() * weights;
        for (const [o, wt] of MIX) if ((x -= wt) < 0) {
          op = o;
          break;
        }
      }
      const t = performance.now();
      try {
        let ok = true;
        if (kind === 'statusDistrict') {
          const res = other
            ? await other.get('/list')
            : await client.get(`/api/billing-accounts?sort=${q(['billingName', 'ASC'])}&range=${q([0, 24])}&filter=${q({ status: 'active', district: '11-0' })}`);
          if (res.status !== 200) (ok = false), fail(`${res.status} ${res.body.slice(0, 120)}`);
        } else if (op === 'getBillingAccount' || op === 'getCustomer') {
          const res = op === 'getCustomer'
            ? await client.get(`/api/customers/${1 + Math.floor(r() * meta.customers)}`)
            : await client.get(`/api/billing-accounts/${1 + Math.floor(r() * meta.billingAccounts)}`);
          if (res.status !== 200) (ok = false), fail(`${op} ${res.status} ${res.body.slice(0, 120)}`);
        } else if (op === 'firstPage') {
          const filter = { status: STATUSES[Math.floor(r() * STATUSES.length)], district: DISTRICT_CODES[Math.floor(r() * DISTRICT_CODES.length)] };
          const res = await client.get(`/api/billing-accounts?sort=${q(['billingName', 'ASC'])}&range=${q([0, 24])}&filter=${q(filter)}`);
          if (res.status !== 200) (ok = false), fail(`${op} ${res.status} ${res.body.slice(0, 120)}`);
        } else if (op === 'customerBillingAccounts') {
          const res = await client.get(`/api/billing-accounts?sort=${q(['id', 'ASC'])}&range=${q([0, 24])}&filter=${q({ customerId: 1 + Math.floor(r() * meta.customers) })}`);
          if (res.status !== 200) (ok = false), fail(`${op} ${res.status} ${res.body.slice(0, 120)}`);
        } else if (op === 'searchCustomers' || op === 'searchBillingAccounts') {
          const word = SURNAMES[Math.floor(r() * SURNAMES.length)];
          const res = await client.get(`/api/${op === 'searchCustomers' ? 'customers' : 'billing-accounts'}?range=${q([0, 24])}&filter=${q({ q: word })}`);
          if (res.status !== 200) (ok = false), fail(`${op} ${res.status} ${res.body.slice(0, 120)}`);
        } else if (op === 'createCustomer') {
          const res = await client.request('POST', '/api/customers', { name: `Bench Draft ${w}-${Math.floor(r() * 1e9)}`, accountType: 'driveway', city: 'Harrisburg', state: 'PA' });
          if (res.status !== 201) (ok = false), fail(`${op} ${res.status} ${res.body.slice(0, 120)}`);
        } else {
          // Read, then write back with its version; a 409 (someone else won the race) is expected, not an error.
          const id = 1 + Math.floor(r() * meta.customers);
          const got = await client.get(`/api/customers/${id}`);
          if (got.status !== 200) (ok = false), fail(`${op} read ${got.status}`);
          else {
            const version = (JSON.parse(got.body) as { version: number }).version;
            const res = await client.request('PUT', `/api/customers/${id}`, { version, addressLine2: `Suite ${Math.floor(r() * 900) + 100}` });
            if (res.status === 409) conflicts++;
            else if (res.status !== 200) (ok = false), fail(`${op} ${res.status} ${res.body.slice(0, 120)}`);
          }
        }
        const ms = performance.now() - t;
        if (ok) {
          all.push(ms);
          if (!byOp.has(op)) byOp.set(op, []);
          byOp.get(op)!.push(ms);
        }
      } catch (e) {
        fail(`${op} ${(e as Error).message}`);
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: clients }, (_, i) => worker(i)));
  const elapsed = (performance.now() - started) / 1000;
  other?.close();
  const s = stats(all);
  return {
    clients, seconds, requests: all.length, rps: round(all.length / elapsed, 1), p50Ms: round(s.p50), p99Ms: round(s.p99), errors, conflicts409: conflicts,
    byOp: Object.fromEntries([...byOp].map(([k, v]) => {
      const o = stats(v);
      return [k, { n: v.length, p50Ms: round(o.p50), p99Ms: round(o.p99) }];
    })),
    errorSamples,
  };
}

/** The minimal node:http + driver server of performance.md, answering the status + district page with the same SQL. */
async function startMinimal(port: number, sql: Captured): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'minimal-server.ts')], {
    cwd: ROOT,
    env: { ...process.env, BENCH_URL: URL, BENCH_PORT: String(port), BENCH_PAGE_SQL: sql.page, BENCH_COUNT_SQL: sql.count },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const probe = new Client(port, 1);
  for (let i = 0; i < 300; i++) {
    try {
      if ((await probe.get('/list')).status === 200) {
        probe.close();
        return child;
      }
    } catch {
      /* starting */
    }
    await sleep(100);
  }
  throw new Error('The minimal server did not start.');
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  child.kill('SIGTERM');
  await Promise.race([exited, sleep(8000)]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

// ---------------------------------------------------------------------------------------------

function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

async function findCustomerWith(driver: Driver, n: number, customers: number): Promise<number> {
  const from = Math.floor(customers / 2);
  const rows = await driver.all(`SELECT customer_id, count(*) AS n FROM billing_accounts WHERE customer_id BETWEEN ${from} AND ${from + 200} GROUP BY customer_id`);
  const exact = rows.find((r) => Number(r.n) === n) ?? rows[0];
  return Number(exact.customer_id);
}

export async function main(): Promise<void> {
  const startedAt = new Date();
  const loadAtStart = loadavg().map((x) => round(x));
  log(`CIMS benchmark — ${URL.replace(/\/\/[^@]*@/, '//…@')}, ${CUSTOMERS.toLocaleString()} customers, ${ITERATIONS} iterations, load ${LOAD_CLIENTS.join('/')} clients × ${LOAD_SECONDS} s`);
  const { driver, meta, buildSeconds } = await prepareData();
  const managerId = Number((await driver.all(`SELECT id FROM users WHERE username = 'bench_manager'`))[0].id);
  const port = await freePort();
  const server = await startServer(port);
  const pid = server.pid!;
  const results: Record<string, unknown> = {};
  try {
    const manager = new Client(port, 128);
    const analyst = new Client(port, 2);
    await manager.login('bench_manager', BENCH_PASSWORD);
    await analyst.login('bench_analyst', BENCH_PASSWORD);

    const oneCustomer = await findCustomerWith(driver, 10, meta.customers);
    const deep = Math.min(49_975, Math.max(0, Math.floor(meta.billingAccounts / 2) - 25));
    const word = 'Kowalski';
    const someNumber = String((await driver.all(`SELECT account_number FROM billing_accounts WHERE id = ${Math.ceil(meta.billingAccounts / 3)}`))[0].account_number);
    const lists: ListCase[] = [
      { name: 'first page, by id', resource: 'billing-accounts', sort: ['id', 'ASC'], range: [0, 24] },
      { name: `offset ${deep.toLocaleString()}, by id`, resource: 'billing-accounts', sort: ['id', 'ASC'], range: [deep, deep + 24] },
      { name: 'sorted by billing name', resource: 'billing-accounts', sort: ['billingName', 'ASC'], range: [0, 24] },
      { name: 'status active + district 11-0, by name', resource: 'billing-accounts', sort: ['billingName', 'ASC'], range: [0, 24], filter: { status: 'active', district: '11-0' } },
      { name: 'billing accounts of one customer', resource: 'billing-accounts', sort: ['id', 'ASC'], range: [0, 24], filter: { customerId: oneCustomer } },
      { name: 'customers, first page by name', resource: 'customers', sort: ['name', 'ASC'], range: [0, 24] },
    ];
    const searches: ListCase[] = [
      { name: `customers q="${word.toLowerCase()}"`, resource: 'customers', range: [0, 24], filter: { q: word.toLowerCase() } },
      { name: 'customers q="müller gas" (accent)', resource: 'customers', range: [0, 24], filter: { q: 'muller gas' } },
      { name: `billing accounts q="${word.toLowerCase()}"`, resource: 'billing-accounts', range: [0, 24], filter: { q: word.toLowerCase() } },
      { name: `billing accounts q="${someNumber.slice(0, 7)}" (number)`, resource: 'billing-accounts', range: [0, 24], filter: { q: someNumber.slice(0, 7) } },
    ];
    log('\nLists and searches (API over HTTP vs. the same page + count SQL through the driver)…');
    const listResults: Measured[] = [];
    for (const c of lists) {
      listResults.push(await measureList(c, manager, driver, managerId));
      log(`  ${c.name}: done`);
    }
    const searchResults: Measured[] = [];
    for (const c of searches) {
      searchResults.push(await measureList(c, manager, driver, managerId));
      log(`  ${c.name}: done`);
    }
    log('  again on a second server that counts every total (CIMS_COUNT_CACHE_SECONDS=0)…');
    await measureUncached([...lists, ...searches], [...listResults, ...searchResults]);
    results.lists = listResults;
    results.search = searchResults;
    results.overhead = [
      await measurePlain('GET /healthz (SELECT 1, no session)', manager, '/healthz'),
      await measurePlain('GET /api/auth/me (session lookup only)', manager, '/api/auth/me'),
      await measurePlain('GET /api/billing-accounts/{id} (getOne)', manager, `/api/billing-accounts/${Math.ceil(meta.billingAccounts / 2)}`),
    ];

    log('\nExport of all billing accounts…');
    results.export = await measureExport(analyst, manager, pid, meta.billingAccounts);
    log(`  ${(results.export as { rows: number }).rows.toLocaleString()} rows`);

    log(`\nImport of ${IMPORT_ROWS.toLocaleString()} customers (cims import customers FILE.csv)…`);
    results.import = await measureImport(IMPORT_ROWS);

    const levels: LoadResult[] = [];
    for (const clients of LOAD_CLIENTS) {
      log(`\nLoad: ${clients} closed-loop clients, mixed reads and writes, ${LOAD_SECONDS} s…`);
      levels.push(await runLoad(manager, clients, LOAD_SECONDS, meta, 'mix'));
      log(`  ${levels.at(-1)!.rps} req/s, p99 ${levels.at(-1)!.p99Ms} ms, ${levels.at(-1)!.errors} errors`);
    }
    const main50 = levels.find((l) => l.clients === 50) ?? levels.at(-1)!;
    results.load = main50;
    results.loadLevels = levels;

    if (!args['skip-minimal']) {
      const single = Math.min(20, LOAD_SECONDS);
      const clients = Math.max(...LOAD_CLIENTS);
      log(`\nLoad: ${clients} clients on the status + district page only, ${single} s: CIMS, then a minimal node:http + driver server…`);
      const cims = await runLoad(manager, clients, single, meta, 'statusDistrict');
      const sql = await captureSql(lists[3], managerId);
      const minPort = await freePort();
      const minimal = await startMinimal(minPort, sql);
      let min: LoadResult;
      try {
        min = await runLoad(manager, clients, single, meta, 'statusDistrict', minPort);
      } finally {
        await stop(minimal);
      }
      results.loadStatusDistrict = { clients, seconds: single, cims: strip(cims), minimalServer: strip(min) };
    }
    manager.close();
    analyst.close();
    results.serverMemory = { vmHwmMb: round(memoryOf(pid).hwmMb, 1), vmRssMb: round(memoryOf(pid).rssMb, 1) };
  } finally {
    await stop(server);
    await driver.close();
  }

  const out = {
    database: driver.dialect,
    rows: { customers: meta.customers, billingAccounts: meta.billingAccounts },
    lists: results.lists,
    search: results.search,
    export: results.export,
    import: results.import,
    load: results.load,
    startedAt: startedAt.toISOString(),
    machine: { cpus: cpus().length, node: process.version, loadAverageAtStart: loadAtStart, loadAverageAtEnd: loadavg().map((x) => round(x)) },
    settings: { iterations: ITERATIONS, warmup: WARMUP, loadSeconds: LOAD_SECONDS, loadClients: LOAD_CLIENTS, seed: SEED },
    buildSeconds,
    overhead: results.overhead,
    loadLevels: results.loadLevels,
    loadStatusDistrict: results.loadStatusDistrict,
    serverMemory: results.serverMemory,
  };
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, `${JSON.stringify(out, null, 2)}\n`);
  printReport(out as never);
  log(`\nWrote ${OUT}`);
}

function strip(l: LoadResult) {
  return { rps: l.rps, p50Ms: l.p50Ms, p99Ms: l.p99Ms, errors: l.errors, requests: l.requests };
}

interface Out {
  database: string;
  rows: { customers: number; billingAccounts: number };
  lists: Measured[];
  search: Measured[];
  export: ReturnType<typeof measureExport> extends Promise<infer T> ? T : never;
  import: ReturnType<typeof measureImport> extends Promise<infer T> ? T : never;
  load: LoadResult;
  loadLevels: LoadResult[];
  overhead: { name: string; p50Ms: number; p95Ms: number }[];
  loadStatusDistrict?: { clients: number; seconds: number; cims: ReturnType<typeof strip>; minimalServer: ReturnType<typeof strip> };
  buildSeconds: number | null;
}

function printReport(o: Out): void {
  const mark = (ok: boolean) => (ok ? 'met' : 'MISSED');
  log(`\n== CIMS benchmark: ${o.database}, ${o.rows.customers.toLocaleString()} customers, ${o.rows.billingAccounts.toLocaleString()} billing accounts${o.buildSeconds ? ` (built in ${o.buildSeconds.toFixed(0)} s)` : ''}`);
  const listRows = (ms: Measured[]) => ms.map((m) => [m.name, m.total, m.apiP50Ms, m.apiP95Ms, m.baselineP50Ms, m.baselineP95Ms, `${m.ratio}×`,
    mark(m.apiP95Ms < 50 && m.ratio <= 1.5), m.uncached?.apiP50Ms ?? '', m.uncached?.apiP95Ms ?? '', m.uncached ? `${m.uncached.ratio}×` : '',
    m.uncached ? mark(m.uncached.apiP95Ms < 50 && m.uncached.ratio <= 1.5) : '']);
  log(`\nLists and searches, ms (target: API p95 < 50 and API p50 ≤ 1.5 × driver p50); "every count" = a server with CIMS_COUNT_CACHE_SECONDS=0`);
  log(table(['query', 'matches', 'API p50', 'API p95', 'driver p50', 'driver p95', 'ratio', 'target', 'every count p50', 'p95', 'ratio', 'target'], [...listRows(o.lists), ...listRows(o.search)]));
  log('\nPer-request overhead, ms');
  log(table(['request', 'p50', 'p95'], o.overhead.map((x) => [x.name, x.p50Ms, x.p95Ms])));
  const e = o.export;
  log(`\nExport: ${e.rows.toLocaleString()} rows in ${e.seconds} s = ${e.rowsPerSec.toLocaleString()} rows/s (target ≥ 100,000: ${mark(e.rowsPerSec >= 100_000)}); `
    + `peak server RSS ${e.peakRssMb} MB (target < 300: ${mark(e.peakRssMb < 300)}), of its export child process ${e.peakChildRssMb} MB; first byte ${e.firstByteMs} ms; `
    + `a getOne meanwhile: p50 ${e.concurrentGetOne.p50Ms} ms, max ${e.concurrentGetOne.maxMs} ms`);
  const i = o.import;
  log(`Import: ${i.rows.toLocaleString()} rows in ${i.seconds} s = ${i.rowsPerSec.toLocaleString()} rows/s (target ≥ 10,000: ${mark(i.rowsPerSec >= 10_000)}); `
    + `${i.rowsPerSecExcludingStartup.toLocaleString()} rows/s by the command's own timing`);
  log('\nLoad, mixed reads and writes (target at 50 clients: 0 errors, p99 < 250 ms)');
  log(table(['clients', 'seconds', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'errors', '409s', 'target'],
    o.loadLevels.map((l) => [l.clients, l.seconds, l.requests, l.rps, l.p50Ms, l.p99Ms, l.errors, l.conflicts409, l.clients === 50 ? mark(l.errors === 0 && l.p99Ms < 250) : ''])));
  const last = o.load;
  log(`\nAt ${last.clients} clients, by operation:`);
  log(table(['operation', 'n', 'p50 ms', 'p99 ms'], Object.entries(last.byOp).map(([k, v]) => [k, v.n, v.p50Ms, v.p99Ms])));
  if (last.errorSamples.length) log(`errors, e.g.: ${last.errorSamples.join(' | ')}`);
  if (o.loadStatusDistrict) {
    const s = o.loadStatusDistrict;
    log(`\nLoad, status + district page only, ${s.clients} clients × ${s.seconds} s`);
    log(table(['server', 'req/s', 'p50 ms', 'p99 ms', 'errors'], [
      ['CIMS', s.cims.rps, s.cims.p50Ms, s.cims.p99Ms, s.cims.errors],
      ['minimal node:http + driver', s.minimalServer.rps, s.minimalServer.p50Ms, s.minimalServer.p99Ms, s.minimalServer.errors],
    ]));
  }
}

if (require.main === module) {
  main().then(() => process.exit(0), (err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
