// In the export child: writes batches of records to the output through the CSV worker thread
// (./export-csv-worker.ts), in order, with backpressure both ways: no more than a few batches are
// with the worker, and none is sent while the output (the pipe to the server) is full.
import { once } from 'node:events';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import { packRecords } from './export-csv-worker';
import type { ApiRecord } from './resource';

/** Batches with the worker at once: enough to keep both threads busy, few enough to stay small. */
const IN_FLIGHT = 3;
/**
 * Bytes the output may hold before no more batches go to the worker. A socket's own mark (16 KB)
 * is less than one batch: waiting for every drain would stop the threads after each batch, while
 * the server, on the other side of the pipe, has yet to read it.
 */
const OUT_BUFFER = 1 << 20;

export class CsvWriter {
  readonly #out: Writable;
  readonly #worker: Worker;
  #inFlight = 0;
  #failure: Error | null = null;
  #wake: (() => void) | null = null;

  constructor(out: Writable) {
    this.#out = out;
    // The worker inherits this process's options, tsx's loader among them.
    // Its heap holds a few batches at a time; the limit makes it collect early rather than grow.
    this.#worker = new Worker(join(__dirname, 'export-csv-worker.ts'), { resourceLimits: { maxOldGenerationSizeMb: 64 } });
    this.#worker.on('message', (bytes: Uint8Array) => {
      this.#inFlight--;
      out.write(bytes);
      this.#notify();
    });
    this.#worker.on('error', (err) => this.#fail(err));
    out.on('drain', () => this.#notify());
    out.on('error', (err) => this.#fail(err));
  }

  /** Text that needs no quoting of its own (the BOM and header), written before any batch. */
  async writeText(text: string): Promise<void> {
    if (!this.#out.write(text)) await once(this.#out, 'drain');
  }

  async writeRecords(records: readonly ApiRecord[], columns: readonly string[]): Promise<void> {
    while (this.#inFlight >= IN_FLIGHT || this.#out.writableLength > OUT_BUFFER) await this.#changed();
    this.#inFlight++;
    const packed = packRecords(records, columns);
    this.#worker.postMessage(packed, [packed.lengths.buffer]);
  }

  /** Waits for every batch to be written, then ends the output. */
  async end(): Promise<void> {
    while (this.#inFlight > 0) await this.#changed();
    await this.#worker.terminate();
    this.#out.end();
    await once(this.#out, 'finish');
  }

  #changed(): Promise<void> {
    if (this.#failure) return Promise.reject(this.#failure);
    return new Promise((resolve) => {
      this.#wake = resolve;
    });
  }

  #notify(): void {
    const wake = this.#wake;
    this.#wake = null;
    wake?.();
  }

  #fail(err: Error): void {
    this.#failure ??= err;
    this.#notify();
  }
}
