// The export child process (forked by ./export-process.ts): reads one SELECT's rows and writes
// them as CSV on DATA_FD, formatted exactly as the API formats a record (toApiValues, with the
// user's own ability rebuilt from their rules); a worker thread does the quoting. It runs in a
// process of its own so that reading and formatting a million rows take neither the server's
// event loop nor its memory.
import { Socket } from 'node:net';
import type { Writable } from 'node:stream';
import type { Model } from 'sequelize';
import { abilityFromRules, type AppAbility } from '../../config/abilities';
import { initModels } from '../models';
import { REGISTRY } from '../resources';
import { toApiValues } from './engine';
import { CsvWriter } from './export-csv-writer';
import { csvHeader, exportColumns } from './export-format';
import { DATA_FD, type ChildMessage, type ExportJob, type FailureStage } from './export-protocol';
import { connect, type Connection, type RowReader } from './export-source';
import { rowConverter } from './export-values';
import type { ResourceDefinition } from './resource';

/** How long a spare child waits for its job before it ends. */
const IDLE_MS = 60_000;

// The server gone (its IPC channel closed) means no one reads the file: stop, and with it the
// snapshot this process holds open.
process.on('disconnect', () => process.exit(3));
// Started ahead of its job (a spare, export-process.ts), it does not wait for one forever.
const idle = setTimeout(() => process.exit(0), IDLE_MS);
process.once('message', (job: ExportJob) => {
  clearTimeout(idle);
  run(job).then((code) => process.exit(code), () => process.exit(1));
});

class Failure extends Error {
  constructor(readonly stage: FailureStage, cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

async function run(job: ExportJob): Promise<number> {
  let connection: Connection | null = null;
  try {
    connection = await step('open', () => connect(job.source, job.timezone));
    initModels(connection.sequelize);
    const def = REGISTRY[job.resource];
    const reader = await step('query', () => connection!.query(job.sql));
    await say({ type: 'started' });
    const rows = await step('stream', () => writeCsv(def, reader, abilityFromRules(job.rules), dataPipe()));
    await say({ type: 'done', rows, maxRssKb: process.resourceUsage().maxRSS });
    return 0;
  } catch (err) {
    const failure = err instanceof Failure ? err : new Failure('stream', err);
    await say({ type: 'failed', stage: failure.stage, message: failure.message });
    return 1;
  } finally {
    await connection?.close().catch(() => undefined);
  }
}

async function step<T>(stage: FailureStage, work: () => Promise<T> | T): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw new Failure(stage, err);
  }
}

function dataPipe(): Writable {
  return new Socket({ fd: DATA_FD, readable: false, writable: true });
}

async function writeCsv(def: ResourceDefinition<Model>, reader: RowReader, ability: AppAbility, out: Writable): Promise<number> {
  const columns = exportColumns(def);
  const values = rowConverter(def, reader.columns, ability);
  const ctx = { ability };
  const csv = new CsvWriter(out);
  let count = 0;
  await csv.writeText(csvHeader(columns));
  for (let rows = await reader.next(); rows.length; rows = await reader.next()) {
    count += rows.length;
    await csv.writeRecords(rows.map((row) => toApiValues(def, values(row), ctx)), columns);
  }
  await csv.end();
  return count;
}

function say(message: ChildMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send || !process.connected) return resolve();
    process.send(message, undefined, {}, () => resolve());
  });
}
