// The export streams: memory does not grow with the rows. 200,000 billing accounts (about 30 MB
// of CSV) go out over a real socket, read slowly by the client so that backpressure must hold;
// the server's heap and buffers after the export, garbage collected, are compared with those
// before it. A server that gathered the CSV, or buffered what the client (or its export child
// process) had not passed on yet, would keep far more. The child that formats the rows is held to
// a ceiling too, and a client that goes away mid-export stops it.
import v8 from 'node:v8';
import vm from 'node:vm';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { formatAccountNumber } from '../../../config/account-numbers';
import { BillingAccount, Customer } from '../../../server/models';
import { exportSlots } from '../../../server/rest/export';
import { exportChildren, type ChildReport } from '../../../server/rest/export-process';
import { createTestApp, type Cast, type TestApp } from '../../support/app';
import { describeDb, dialect } from '../../support/db';

const ROWS = 200_000;
const HEAP_GROWTH_LIMIT_MB = 10;
/**
 * The export child's peak resident memory: most of it is its code, compiled by tsx (about 180 MB
 * at a million rows in the benchmark, up to 270 MB on a fresh checkout whose compile cache is
 * cold); 200,000 rows piling up as records would add well over 100 MB. The limit is the issue's own
 * for server memory.
 */
const CHILD_RSS_LIMIT_MB = 300;

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/** The heap and the buffers outside it (a piped chunk of CSV is a Buffer, not on the heap). */
function heapAfterGc(): number {
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/** The next export child to end, as it ended. */
function nextChildExit(): Promise<ChildReport> {
  return new Promise((ok) => exportChildren.once('exit', ok));
}

describeDb(`export memory on ${dialect}`, () => {
  let t: TestApp;
  let as: Cast;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    t = await createTestApp();
    as = await t.cast();
    const customer = await Customer.create({ accountNumber: formatAccountNumber(90_000_000), name: 'Bulk Utility', addressLine1: null, addressLine2: null, city: null, state: null, zip: null, phone: null, phoneExt: null, email: null, fein: null, bpid: null, bpName: null, submittedAt: null, submittedById: null });
    // The form Sequelize's sqlite dialect writes and reads back.
    const now = dialect === 'sqlite' ? new Date().toISOString().replace('T', ' ').replace('Z', ' +00:00') : new Date().toISOString();
    const sequelize = t.database.db.sequelize;
    // Raw multi-row inserts: building 200,000 model instances would take longer than the export.
    for (let start = 0; start < ROWS; start += 2000) {
      const values: string[] = [];
      for (let i = start; i < Math.min(ROWS, start + 2000); i++) {
        const number = formatAccountNumber(91_000_000 + i);
        values.push(`('${number}', ${customer.id}, 'Bulk billing account ${i} — Région', 'HOP', 'email', ',11-0,', false, 'active', 'bulk billing account ${i} ${number}', 0, '${now}', '${now}')`);
      }
      await sequelize.query(`INSERT INTO billing_accounts (account_number, customer_id, billing_name, permit_system, invoice_method, districts, suspended_by_customer, status, search_text, version, created_at, updated_at) VALUES ${values.join(',')}`);
    }
    server = await new Promise((ok) => {
      const s = t.app.listen(0, '127.0.0.1', () => ok(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 300_000);

  afterAll(async () => {
    await new Promise((ok) => server?.close(() => ok(undefined)));
    await t?.close();
  });

  it(`streams ${ROWS.toLocaleString('en-US')} rows keeping less than ${HEAP_GROWTH_LIMIT_MB} MB, while the client pauses and after`, async () => {
    expect(await BillingAccount.count()).toBe(ROWS);
    const cookie = await sessionCookie();
    const before = heapAfterGc();
    let paused = 0;
    const child = nextChildExit();
    const res = await fetch(`${base}/api/billing-accounts/export.csv`, { headers: { Cookie: cookie } });
    expect(res.status).toBe(200);
    let lines = 0;
    let bytes = 0;
    const reader = res.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.length;
      for (const b of value) if (b === 10) lines++;
      // A tenth of the way, with 27 MB still to send (more than the kernel's socket buffers
      // hold), the client stops reading for three seconds: what the server holds must
      // still be small, as the export has to wait for the client instead of piling up the rest.
      if (!paused && lines > ROWS / 10) {
        await new Promise((ok) => setTimeout(ok, 3000));
        paused = heapAfterGc();
      }
      // A slow reader now and then, so that the server has to wait for the socket to drain.
      if (lines % 20_000 < 150) await new Promise((ok) => setTimeout(ok, 5));
    }
    expect(lines).toBe(ROWS + 1);
    expect(bytes).toBeGreaterThan(ROWS * 100);
    const mb = (n: number) => (n - before) / 2 ** 20;
    expect(mb(paused)).toBeLessThan(HEAP_GROWTH_LIMIT_MB);
    expect(mb(heapAfterGc())).toBeLessThan(HEAP_GROWTH_LIMIT_MB);
    const report = await child;
    expect(report).toMatchObject({ code: 0, message: { type: 'done', rows: ROWS } });
    const maxRssKb = report.message?.type === 'done' ? report.message.maxRssKb : Infinity;
    expect(maxRssKb / 1024).toBeLessThan(CHILD_RSS_LIMIT_MB);
  }, 300_000);

  it('a client that goes away mid-export stops the child at once, and frees its slot', async () => {
    const cookie = await sessionCookie();
    const child = nextChildExit();
    const abort = new AbortController();
    const res = await fetch(`${base}/api/billing-accounts/export.csv`, { headers: { Cookie: cookie }, signal: abort.signal });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    let bytes = 0;
    while (bytes < 2 ** 20) bytes += (await reader.read()).value!.length;
    // A megabyte of thirty read: the child is waiting on the full pipe when the client leaves.
    const left = Date.now();
    abort.abort();
    const report = await child;
    expect(report.signal).toBe('SIGTERM');
    expect(report.message).toBeNull();
    expect(Date.now() - left).toBeLessThan(2_000);
    expect(() => process.kill(report.pid, 0)).toThrow();
    await new Promise((ok) => setTimeout(ok, 50));
    expect(exportSlots.busy).toBe(0);
  }, 60_000);

  async function sessionCookie(): Promise<string> {
    const r = await as.analyst.get('/api/auth/me');
    expect(r.status).toBe(200);
    // supertest's agent keeps the cookie; fetch needs it by hand.
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'analyst', password: 'Test-Password-42' }) });
    return (login.headers.getSetCookie()[0] ?? '').split(';')[0];
  }
});
