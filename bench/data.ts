// Builds the benchmark database: CIMS-shaped customers and billing accounts written with raw
// multi-row INSERTs in large transactions, after the migrations, with exactly the values the
// server would store (search text, account numbers, districts as ",8-0,11-0,").
import { formatAccountNumber, FIRST_SEQUENCE_VALUE } from '../config/account-numbers';
import { compareDistricts } from '../server/models/billing-account';
import type { Model } from 'sequelize';
import { setSearchText } from '../server/rest/engine';
import type { ResourceDefinition } from '../server/rest/resource';
import { billingAccounts } from '../server/resources/billing-accounts';
import { customers as customersResource } from '../server/resources/customers';
import { hashPassword } from '../server/auth/passwords';
import { DISTRICT_CODES } from '../config/districts';
import type { Driver } from './driver';

/** mulberry32: small, fast, deterministic. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const SURNAMES = [
  'Kowalski', 'Müller', 'Peña', 'Nguyen', 'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez',
  'Martinez', 'Hernández', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Perez',
  'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright',
  'Scott', 'Torres', 'Hill', 'Flores', 'Green', 'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell', 'Mitchell', 'Carter', 'Roberts',
  'Zimmerman', 'Schäfer', 'Novák', 'Dvořák', 'Łukasz', 'Brennan', 'O\'Neill', 'Fitzgerald', 'Yoder', 'Stoltzfus', 'Hershey', 'Kline',
  'Snyder', 'Weaver', 'Fisher', 'Bauer', 'Becker', 'Koch', 'Richter', 'Wagner', 'Hoffmann', 'Schmitt', 'Krause', 'Lehmann', 'Keller',
  'Zięba', 'Kaczmarek', 'Wójcik', 'Mazur', 'Kravitz', 'Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci',
  'Marino', 'Greco', 'Bruno', 'Gallo', 'Conti', 'De Luca', 'Mancini', 'Costa', 'Giordano', 'Rizzo',
];
const KINDS = ['Gas Company', 'Excavating LLC', 'Paving Inc.', 'Electric Cooperative', 'Water Authority', 'Fiber Networks', 'Construction Co.',
  'Telecom Services', 'Pipeline Partners', 'Utility Contractors', 'Landscaping', 'Driveway Services', 'Sewer & Water', 'Broadband LLC'];
const CITIES = ['Harrisburg', 'Pittsburgh', 'Philadelphia', 'Allentown', 'Erie', 'Scranton', 'Reading', 'Lancaster', 'Altoona', 'York',
  'Bethlehem', 'State College', 'Wilkes-Barre', 'Chester', 'Williamsport', 'Uniontown', 'Indiana', 'Clearfield', 'Oil City', 'Dunmore'];
const STREETS = ['Main', 'Market', 'State', 'Front', 'Second', 'Walnut', 'Chestnut', 'Pine', 'Oak', 'Maple', 'Ridge', 'Penn', 'Liberty'];
const SUFFIXES = ['Accounts Payable', 'Billing', 'Permits Office', 'Field Operations', 'Regional Office', 'Main Office'];

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)];
}

function status(r: () => number): string {
  const x = r();
  if (x < 0.7) return 'active';
  if (x < 0.8) return 'preliminary';
  if (x < 0.85) return 'suspended';
  if (x < 0.9) return 'pending_inactivation';
  return 'inactive';
}

function digits(r: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(r() * 10);
  return s;
}

export function customerName(r: () => number): string {
  return `${pick(r, SURNAMES)} ${pick(r, KINDS)}`;
}

export function customerRow(r: () => number) {
  const name = customerName(r);
  const utility = r() < 0.7;
  const city = pick(r, CITIES);
  const fein = utility ? digits(r, 9) : null;
  const bpid = utility ? `BP${digits(r, 8)}` : null;
  const bpName = utility ? name : null;
  return {
    name, accountType: utility ? 'utility' : 'driveway', status: status(r),
    addressLine1: `${1 + Math.floor(r() * 9999)} ${pick(r, STREETS)} St`, addressLine2: r() < 0.2 ? `Suite ${100 + Math.floor(r() * 900)}` : null,
    city, state: 'PA', zip: `1${digits(r, 4)}`, phone: `717-555-${digits(r, 4)}`, phoneExt: r() < 0.1 ? digits(r, 3) : null,
    email: `billing${digits(r, 5)}@example.com`, fein, bpid, bpName,
  };
}

const CUSTOMER_COLS = ['id', 'account_number', 'name', 'account_type', 'address_line1', 'address_line2', 'city', 'state', 'zip', 'phone', 'phone_ext',
  'email', 'fein', 'bpid', 'bp_name', 'status', 'submitted_at', 'submitted_by_id', 'search_text', 'version', 'created_at', 'updated_at'];
const BILLING_COLS = ['id', 'account_number', 'customer_id', 'billing_name', 'address_line1', 'address_line2', 'city', 'state', 'zip', 'permit_system',
  'invoice_method', 'invoice_email_primary', 'invoice_email_secondary', 'districts', 'suspended_by_customer', 'status', 'submitted_at',
  'submitted_by_id', 'search_text', 'version', 'created_at', 'updated_at'];

/** Bumped when the stored values change (such as the search text), so that older benchmark databases are rebuilt. */
export const DATA_VERSION = 2;

/** The search text exactly as the server computes it: its own setSearchText, on a stand-in for the model instance. */
function searchText(def: ResourceDefinition<Model>, values: Record<string, unknown>): string {
  let text = '';
  const row = { get: (f: string) => values[f], set: (_k: string, v: string) => (text = v) };
  setSearchText(def, row as unknown as Model);
  return text;
}

export interface BuildResult {
  customers: number;
  billingAccounts: number;
  seconds: number;
}

/** The number of billing accounts customer i (1-based) has: 1–19, 10 on average. */
function billingCountOf(r: () => number): number {
  return 1 + Math.floor(r() * 19);
}

export async function buildData(driver: Driver, customers: number, seed: number, log: (s: string) => void): Promise<BuildResult> {
  const started = Date.now();
  const r = prng(seed);
  const when = driver.dialect === 'sqlite' ? (d: Date) => d.toISOString().replace('T', ' ').replace('Z', ' +00:00') : (d: Date) => d.toISOString();
  const bool = (b: boolean) => (driver.dialect === 'sqlite' ? (b ? 1 : 0) : b);
  const CHUNK = 1000;
  const base = Date.UTC(2020, 0, 1);
  // Customers first (numbers FIRST…FIRST+N-1), then billing accounts (numbers after).
  const counts: number[] = [];
  for (let i = 0; i < customers; i++) counts.push(billingCountOf(r));
  const billingTotal = counts.reduce((a, b) => a + b, 0);
  log(`Building ${customers.toLocaleString()} customers and ${billingTotal.toLocaleString()} billing accounts…`);

  const names: string[] = [];
  await driver.begin();
  let rows: unknown[][] = [];
  let numbers: unknown[][] = [];
  const flush = async (table: string, cols: string[]) => {
    if (rows.length) await driver.insertMany(table, cols, rows);
    if (numbers.length) await driver.insertMany('account_numbers', ['value', 'entity_type', 'issued_at'], numbers);
    rows = [];
    numbers = [];
  };
  for (let i = 1; i <= customers; i++) {
    const c = customerRow(r);
    names.push(c.name);
    const value = FIRST_SEQUENCE_VALUE + i - 1;
    const accountNumber = formatAccountNumber(value);
    const created = new Date(base + i * 60_000);
    const submitted = c.status === 'preliminary' ? null : when(new Date(created.getTime() + 3_600_000));
    rows.push([i, accountNumber, c.name, c.accountType, c.addressLine1, c.addressLine2, c.city, c.state, c.zip, c.phone, c.phoneExt, c.email, c.fein,
      c.bpid, c.bpName, c.status, submitted, null, searchText(customersResource, { ...c, accountNumber }), 0, when(created), when(created)]);
    numbers.push([value, 'customers', when(created)]);
    if (rows.length >= CHUNK) await flush('customers', CUSTOMER_COLS);
  }
  await flush('customers', CUSTOMER_COLS);
  await driver.commit();
  log(`  customers written in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  let id = 0;
  await driver.begin();
  for (let ci = 1; ci <= customers; ci++) {
    for (let k = 0; k < counts[ci - 1]; k++) {
      id++;
      const value = FIRST_SEQUENCE_VALUE + customers + id - 1;
      const accountNumber = formatAccountNumber(value);
      const billingName = r() < 0.5 ? `${names[ci - 1]} – ${pick(r, CITIES)}` : `${names[ci - 1]} ${pick(r, SUFFIXES)}`;
      const n = 1 + Math.floor(r() * 3);
      const ds = new Set<string>();
      while (ds.size < n) ds.add(pick(r, DISTRICT_CODES));
      const districts = `,${[...ds].sort(compareDistricts).join(',')},`;
      const st = status(r);
      const created = new Date(base + ci * 60_000 + k * 1000);
      const email = r() < 0.8;
      rows.push([id, accountNumber, ci, billingName, `${1 + Math.floor(r() * 9999)} ${pick(r, STREETS)} St`, null, pick(r, CITIES), 'PA', `1${digits(r, 4)}`,
        'HOP', email ? 'email' : 'physical', email ? `ap${digits(r, 5)}@example.com` : null, null, districts, bool(false), st,
        st === 'preliminary' ? null : when(new Date(created.getTime() + 3_600_000)), null, searchText(billingAccounts, { billingName, accountNumber }), 0, when(created), when(created)]);
      numbers.push([value, 'billing-accounts', when(created)]);
      if (rows.length >= CHUNK) await flush('billing_accounts', BILLING_COLS);
      if (id % 100_000 === 0) {
        await driver.commit();
        log(`  ${id.toLocaleString()} billing accounts (${((Date.now() - started) / 1000).toFixed(0)} s)`);
        await driver.begin();
      }
    }
  }
  await flush('billing_accounts', BILLING_COLS);
  await driver.commit();
  await driver.afterBulkLoad(['customers', 'billing_accounts', 'account_numbers']);
  const seconds = (Date.now() - started) / 1000;
  log(`  built in ${seconds.toFixed(1)} s`);
  return { customers, billingAccounts: billingTotal, seconds };
}

export const BENCH_USERS = [
  { username: 'bench_manager', roles: 'account_manager' },
  { username: 'bench_analyst', roles: 'analyst' },
];
export const BENCH_PASSWORD = 'bench-password-123';

export async function ensureUsers(driver: Driver): Promise<void> {
  const now = driver.dialect === 'sqlite' ? new Date().toISOString().replace('T', ' ').replace('Z', ' +00:00') : new Date().toISOString();
  for (const u of BENCH_USERS) {
    const existing = await driver.all(`SELECT id FROM users WHERE username = ${driver.p(1)}`, [u.username]);
    if (existing.length) continue;
    await driver.insertMany('users', ['username', 'full_name', 'password_hash', 'roles', 'district', 'active', 'version', 'created_at', 'updated_at'],
      [[u.username, `Bench ${u.roles}`, await hashPassword(BENCH_PASSWORD), u.roles, null, driver.dialect === 'sqlite' ? 1 : true, 0, now, now]]);
  }
}
