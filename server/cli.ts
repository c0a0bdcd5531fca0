// The `cims` command: start (the developer's one-step run), serve, migrate, user add, seed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { loadSettings, SettingsError, type Settings } from '../config/settings';
import { createApp, DEFAULT_ADMIN_DIR } from './app';
import { openDatabase, prepareDatabase, type Database } from './db';
import { createMigrator, migrate } from './db/migrator';
import { ApiClient, Customer, initModels, User } from './models';
import { createApiClient } from './interfaces/clients';
import { importCsv } from './domain/import';
import { PERMIT_SYSTEMS } from '../config/vocabulary';
import { users } from './resources/users';
import { createRecord } from './rest/engine';
import { DEMO_PASSWORD, DEMO_USERS, seedDemoData, seedDemoUsers } from './seed/demo';
import { abilityFromRules, defineRulesFor } from '../config/abilities';
import { HttpError } from './errors';

const USAGE = `Usage: cims <command>

  start                      build if needed, migrate, load demo data on an empty database, serve
  serve                      serve the admin UI and the API (no building, seeding or prompting)
  migrate                    bring the database to the newest schema
  user add --username U --role R[,R…] [--district D] [--name "Full Name"]
                             create a user; password from CIMS_PASSWORD or a prompt
  seed --demo [--customers N]
                             load the demo data set
  import customers|billing-accounts FILE.csv [--dry-run] [--report REPORT.csv]
                             load accounts from a former system (all or nothing; by legacyReference)
  api-client add --name N --system S
                             register a permit system; prints its bearer token once
  api-client revoke --name N  revoke a permit system's token

Configuration: DATABASE_URL, PORT, SESSION_SECRET, CIMS_UPLOAD_LIMIT_MB, NODE_ENV.`;

class UsageError extends Error {}
/** Ends the command with this exit code after it has said why. */
class ExitError extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const settings = loadSettings();
  switch (command) {
    case 'start':
      return start(settings);
    case 'serve':
      return serve(settings, await openReady(settings, { requireMigrated: true }));
    case 'migrate':
      return withDb(settings, async (db) => {
        const done = await migrate(db);
        console.log(done.length ? `Applied ${done.join(', ')}.` : 'The database schema is up to date.');
      });
    case 'user':
      if (rest[0] !== 'add') throw new UsageError('Did you mean: cims user add …');
      return withDb(settings, (db) => addUser(db, rest.slice(1)));
    case 'seed':
      return withDb(settings, (db) => seed(db, rest));
    case 'import':
      return withDb(settings, (db) => importFile(db, rest));
    case 'api-client':
      if (rest[0] === 'add') return withDb(settings, (db) => addApiClient(db, rest.slice(1)));
      if (rest[0] === 'revoke') return withDb(settings, (db) => revokeApiClient(db, rest.slice(1)));
      throw new UsageError('Did you mean: cims api-client add … or cims api-client revoke …');
    case undefined:
    case 'help':
    case '--help':
      console.log(USAGE);
      return command ? 0 : 1;
    default:
      throw new UsageError(`Unknown command "${command}".`);
  }
}

async function openReady(settings: Settings, { requireMigrated }: { requireMigrated: boolean }): Promise<Database> {
  const db = openDatabase(settings.databaseUrl, { countCacheSeconds: settings.countCacheSeconds });
  await prepareDatabase(db);
  initModels(db.sequelize);
  if (requireMigrated) {
    const pending = await createMigrator(db).pending();
    if (pending.length) {
      await db.close();
      throw new UsageError(`The database needs migrating (${pending.map((m) => m.name).join(', ')}): run cims migrate.`);
    }
  }
  return db;
}

async function withDb(settings: Settings, work: (db: Database) => Promise<void>): Promise<number> {
  const db = await openReady(settings, { requireMigrated: false });
  try {
    await work(db);
    return 0;
  } finally {
    await db.close();
  }
}

async function start(settings: Settings): Promise<number> {
  if (!existsSync(join(DEFAULT_ADMIN_DIR, 'index.html'))) {
    console.log('Building the admin UI…');
    const built = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', cwd: join(__dirname, '..') });
    if (built.status !== 0) throw new UsageError('The admin UI did not build; see the messages above.');
  }
  const db = await openReady(settings, { requireMigrated: false });
  await migrate(db);
  if (!settings.production && (await Customer.count()) === 0 && (await User.count()) === 0) {
    console.log('Empty database: loading the demo data set…');
    await seedDemoUsers(db);
    const made = await seedDemoData(db);
    console.log(`Loaded ${made.customers} customer accounts and ${made.billingAccounts} billing accounts.`);
  }
  if (!settings.production && (await User.count({ where: { username: DEMO_USERS.map((u) => u.username) } })) > 0) {
    console.log(`\nDemo logins (password "${DEMO_PASSWORD}" for each):`);
    for (const u of DEMO_USERS) console.log(`  ${u.username.padEnd(11)} ${u.roles.join(', ')}${u.district ? ` (District ${u.district})` : ''}`);
  }
  return serve(settings, db);
}

function serve(settings: Settings, db: Database): Promise<number> {
  const app = createApp({ db, settings });
  return new Promise((resolve) => {
    const server = app.listen(settings.port, () => {
      console.log(`\nCIMS is serving on http://localhost:${settings.port} (database ${settings.databaseUrl.replace(/\/\/[^@]*@/, '//…@')})`);
    });
    const stop = () => {
      server.close(() => void db.close().then(() => resolve(0)));
      setTimeout(() => resolve(0), 5000).unref();
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
}

async function addUser(db: Database, args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { username: { type: 'string' }, role: { type: 'string' }, district: { type: 'string' }, name: { type: 'string' } }, strict: true });
  if (!values.username || !values.role) throw new UsageError('cims user add needs --username and --role.');
  const password = process.env.CIMS_PASSWORD ?? (await prompt(`Password for ${values.username}: `));
  if (await User.findOne({ where: { username: values.username.toLowerCase() } })) {
    throw new UsageError(`The username "${values.username}" is already taken.`);
  }
  // Through the users resource, so the command validates exactly as the admin screen does.
  const system = { id: 0, username: 'cims', fullName: 'cims command', roles: ['administrator' as const], district: null };
  const auth = { user: system, ability: abilityFromRules(defineRulesFor(system)), sessionId: 'cli' };
  const created = await createRecord(users, db, auth, {
    username: values.username,
    fullName: values.name ?? values.username,
    roles: values.role.split(',').map((r) => r.trim()),
    district: values.district ?? null,
    password,
  });
  console.log(`Created user ${created.username} (${(created.roles as string[]).join(', ')}).`);
}

async function seed(db: Database, args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { demo: { type: 'boolean' }, customers: { type: 'string' } }, strict: true });
  if (!values.demo) throw new UsageError('cims seed needs --demo.');
  const count = values.customers === undefined ? 300 : Number(values.customers);
  if (!Number.isSafeInteger(count) || count < 1) throw new UsageError('--customers takes a whole number of customers.');
  await migrate(db);
  await seedDemoUsers(db);
  const made = await seedDemoData(db, { customers: count, seed: Date.now() % 100000 });
  console.log(`Loaded ${made.customers} customer accounts and ${made.billingAccounts} billing accounts; demo logins use "${DEMO_PASSWORD}".`);
}

async function importFile(db: Database, args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, options: { 'dry-run': { type: 'boolean' }, report: { type: 'string' } }, allowPositionals: true, strict: true });
  const [resource, file] = positionals;
  if ((resource !== 'customers' && resource !== 'billing-accounts') || !file) throw new UsageError('Usage: cims import customers|billing-accounts FILE.csv [--dry-run] [--report REPORT.csv]');
  const system = { id: 0, username: 'cims', fullName: 'cims import', roles: ['account_manager' as const], district: null };
  const started = Date.now();
  const result = await importCsv(db, { user: system, ability: abilityFromRules(defineRulesFor(system)) }, resource, readFileSync(file, 'utf8'), {
    dryRun: values['dry-run'],
    onProgress: (done, total) => progress(done, total),
  });
  if (process.stderr.isTTY) process.stderr.write('\n');
  for (const e of result.fileErrors) console.error(e);
  const refused = result.results.filter((r) => r.outcome === 'refused');
  for (const r of refused.slice(0, 20)) console.error(`  row ${r.row}${r.legacyReference ? ` (${r.legacyReference})` : ''}: ${Object.entries(r.errors).map(([f, m]) => `${f}: ${m}`).join('; ')}`);
  if (refused.length > 20) console.error(`  … and ${refused.length - 20} more refused rows (see the report).`);
  const { created, updated, unchanged } = result.counts;
  const seconds = (Date.now() - started) / 1000;
  console.log(`${result.dryRun ? 'Dry run: ' : ''}${result.rows} rows: ${created} to create, ${updated} to update, ${unchanged} unchanged, ${refused.length} refused. ${result.written ? `Written in ${seconds.toFixed(1)} s.` : 'Nothing was written.'}`);
  if (values.report) {
    writeFileSync(values.report, stringifyCsv(result.results.map((r) => [r.row, r.legacyReference ?? '', r.outcome, r.accountNumber ?? '', Object.entries(r.errors).map(([f, m]) => `${f}: ${m}`).join('; ')]), { header: true, columns: ['row', 'legacyReference', 'outcome', 'accountNumber', 'errors'] }));
    console.log(`Report written to ${values.report}.`);
  }
  if (result.fileErrors.length || refused.length) throw new ExitError(1);
}

function progress(done: number, total: number): void {
  if (!process.stderr.isTTY) return;
  const width = 30;
  const filled = Math.round((done / total) * width);
  process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
}

async function addApiClient(db: Database, args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { name: { type: 'string' }, system: { type: 'string' } }, strict: true });
  if (!values.name || !values.system) throw new UsageError('cims api-client add needs --name and --system.');
  const system = values.system.toUpperCase();
  if (!(PERMIT_SYSTEMS as readonly string[]).includes(system)) throw new UsageError(`The permit system is one of ${PERMIT_SYSTEMS.join(', ')}.`);
  if (await ApiClient.findOne({ where: { name: values.name } })) throw new UsageError(`An API client named "${values.name}" exists already.`);
  const { client, token } = await db.transaction((t) => createApiClient(t, values.name!, system));
  console.log(`Registered API client ${client.name} for ${client.permitSystem}. Its bearer token, shown only this once:`);
  console.log(token);
}

async function revokeApiClient(db: Database, args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { name: { type: 'string' } }, strict: true });
  if (!values.name) throw new UsageError('cims api-client revoke needs --name.');
  const client = await ApiClient.findOne({ where: { name: values.name } });
  if (!client) throw new UsageError(`No API client is named "${values.name}".`);
  await db.transaction((t) => client.update({ active: false, revokedAt: new Date() }, { transaction: t }));
  console.log(`Revoked the token of ${client.name}.`);
}

async function prompt(question: string): Promise<string> {
  if (!process.stdin.isTTY) throw new UsageError('Set CIMS_PASSWORD, or run on a terminal to be asked for the password.');
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}

export function reportError(err: unknown): number {
  if (err instanceof ExitError) return err.code;
  if (err instanceof UsageError || err instanceof SettingsError) {
    console.error(err.message);
    return 2;
  }
  if (err instanceof HttpError) {
    const fields = err.errors ? Object.entries(err.errors).map(([f, m]) => `  ${f}: ${m}`).join('\n') : '';
    console.error(fields ? `${err.message}\n${fields}` : err.message);
    return 1;
  }
  console.error(err);
  return 1;
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => process.exit(code), (err: unknown) => process.exit(reportError(err)));
}
