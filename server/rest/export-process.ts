// The server's side of an export child process: fork it, hand it the job, wait until it has read
// its first rows (a failing query is then still an error response), pipe its CSV into the
// response, and stop it as soon as the client goes away. The server itself only moves bytes.
import { fork, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { Response } from 'express';
import { DATA_FD, type ChildMessage, type ExportJob } from './export-protocol';

const CHILD = join(__dirname, 'export-child.ts');
/** After SIGTERM, how long a child may take before it is killed outright. */
const KILL_AFTER_MS = 5_000;

export interface ChildReport {
  readonly pid: number;
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** The child's own account of the end, when it gave one. */
  readonly message: ChildMessage | null;
}

/** Emits `exit` with a ChildReport for every export child that ends: for logs and tests. */
export const exportChildren = new EventEmitter<{ exit: [ChildReport] }>();

export type ChildOutcome =
  | { readonly kind: 'sent' }
  /** The child could not start or reach the database: nothing was sent, export another way. */
  | { readonly kind: 'unavailable'; readonly reason: string };

export class ExportQueryError extends Error {}

/**
 * The server runs from its TypeScript sources through tsx; so does the child (and its worker
 * thread, which inherits these options). Its heap is capped: a child that misbehaves dies alone.
 */
function childExecArgv(): string[] {
  return ['--require', require.resolve('tsx/cjs'), '--max-old-space-size=128'];
}

export async function exportThroughChild(job: ExportJob, res: Response, headers: Record<string, string>): Promise<ChildOutcome> {
  let child: ChildProcess;
  try {
    child = takeChild();
  } catch (err) {
    return { kind: 'unavailable', reason: String(err) };
  }
  const ended = watch(child);
  // The next export's process, started once this one is done (not while it competes for CPU).
  void ended.then(prepareSpare);
  // Stop the child when the client goes away, whether before or during the stream.
  res.once('close', () => {
    if (!res.writableFinished) stop(child);
  });
  child.send(job);
  const first = await firstWord(child);
  if (!first || (first.type === 'failed' && first.stage === 'open')) {
    stop(child);
    await ended;
    return { kind: 'unavailable', reason: first?.type === 'failed' ? first.message : 'the export process ended before it began' };
  }
  if (first.type === 'failed') {
    await ended;
    throw new ExportQueryError(first.message);
  }
  res.status(200).set(headers);
  await stream(child, res, ended);
  return { kind: 'sent' };
}

function startChild(): ChildProcess {
  return fork(CHILD, [], { execArgv: childExecArgv(), stdio: ['ignore', 'inherit', 'inherit', 'ipc', 'pipe'], serialization: 'advanced' });
}

/**
 * One export process started ahead, its modules loaded (half a second of a small export's time),
 * waiting for a job. Unreferenced, it never keeps the server (or a test) running; it ends by
 * itself when no job comes for a while (export-child.ts), or when the server ends.
 */
let spare: ChildProcess | null = null;

function takeChild(): ChildProcess {
  const ready = spare;
  spare = null;
  if (ready?.connected && ready.exitCode === null && ready.signalCode === null) {
    referenced(ready, true);
    return ready;
  }
  return startChild();
}

function prepareSpare(): void {
  if (spare) return;
  try {
    const child = startChild();
    referenced(child, false);
    child.once('exit', () => {
      if (spare === child) spare = null;
    });
    spare = child;
  } catch {
    // No spare then: the next export starts its own process.
  }
}

type Handle = { ref?(): void; unref?(): void } | null | undefined;

function referenced(child: ChildProcess, ref: boolean): void {
  for (const handle of [child, child.channel, child.stdio[DATA_FD]] as Handle[]) {
    if (ref) handle?.ref?.();
    else handle?.unref?.();
  }
}

/** Pipes the CSV on; the response ends cleanly only if the child finished, else it is cut off. */
async function stream(child: ChildProcess, res: Response, ended: Promise<ChildReport>): Promise<void> {
  const data = child.stdio[DATA_FD] as Readable;
  data.pipe(res, { end: false });
  const [report] = await Promise.all([ended, finished(data).catch(() => undefined)]);
  if (res.destroyed) return;
  if (report.code === 0) {
    res.end();
    return;
  }
  const why = report.message?.type === 'failed' ? report.message.message : `exit ${report.code ?? report.signal}`;
  console.error(`Export of ${res.req.originalUrl} failed after the response began: ${why}`);
  // A cut-off transfer, never a clean end: the client must not take a part for the whole file.
  res.destroy(new Error(why));
}

/** The child's first message that decides: started, or failed; null if it ended without one. */
function firstWord(child: ChildProcess): Promise<ChildMessage | null> {
  return new Promise((resolve) => {
    const done = (message: ChildMessage | null) => {
      child.off('message', onMessage);
      child.off('exit', onEnd);
      child.off('error', onEnd);
      resolve(message);
    };
    const onMessage = (message: ChildMessage) => {
      if (message.type === 'started' || message.type === 'failed') done(message);
    };
    const onEnd = () => done(null);
    child.on('message', onMessage);
    child.once('exit', onEnd);
    child.once('error', onEnd);
  });
}

/** Resolves when the child has exited, with how, and reports it. */
function watch(child: ChildProcess): Promise<ChildReport> {
  let last: ChildMessage | null = null;
  child.on('message', (message: ChildMessage) => {
    if (message.type !== 'started') last = message;
  });
  return new Promise((resolve) => {
    const report = (code: number | null, signal: NodeJS.Signals | null) => {
      const r: ChildReport = { pid: child.pid ?? 0, code, signal, message: last };
      exportChildren.emit('exit', r);
      resolve(r);
    };
    // 'error' without 'exit' means it never ran (spawn failed).
    child.once('error', () => {
      if (child.exitCode === null && child.signalCode === null && !child.pid) report(null, null);
    });
    child.once('exit', report);
  });
}

function stop(child: ChildProcess): void {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  setTimeout(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }, KILL_AFTER_MS).unref();
}

/** How many exports may run at once in this process; beyond that a client is told to come back. */
export class ExportSlots {
  #busy = 0;

  constructor(readonly size: number) {}

  get busy(): number {
    return this.#busy;
  }

  /** A release function, or null when every slot is taken. Releasing twice frees one slot. */
  take(): (() => void) | null {
    if (this.#busy >= this.size) return null;
    this.#busy++;
    let held = true;
    return () => {
      if (held) this.#busy--;
      held = false;
    };
  }
}
