// The CSV of an export, the same whichever process writes it: a UTF-8 BOM (so that Excel keeps
// accents), a header of the API's field names, one line per record as the API shows it, cells a
// spreadsheet would run as formulas neutralised, and csv-stringify's RFC 4180 quoting.
import { stringify } from 'csv-stringify/sync';
import type { Model } from 'sequelize';
import type { ApiRecord, ResourceDefinition } from './resource';

export const BOM = '\uFEFF';

/** The CSV columns: the record's id and its fields, in display order (decorations are not columns). */
export function exportColumns(def: ResourceDefinition<Model>): string[] {
  return ['id', ...def.fields];
}

/** The header line, BOM first. */
export function csvHeader(columns: readonly string[]): string {
  return BOM + stringify([columns.slice()]);
}

/** Lines for many records at once: one call per batch costs far less than one per record. */
export function csvLines(rows: string[][]): string {
  return stringify(rows);
}

export function cells(record: ApiRecord, columns: readonly string[]): string[] {
  const out = new Array<string>(columns.length);
  for (let i = 0; i < columns.length; i++) out[i] = neutralise(cellText(record[columns[i]]));
  return out;
}

/** A value as the text of its cell, before neutralising: lists joined, objects as JSON. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join('; ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

// = + - @ tab and carriage return, as character codes: a million rows have twenty million cells,
// and comparing the first code is several times cheaper than a regular expression.
const FORMULA_STARTS = new Set([0x3d, 0x2b, 0x2d, 0x40, 0x09, 0x0d]);

/** A cell beginning with = + - @ (or a tab or carriage return) is a formula to a spreadsheet: prefix a quote. */
export function neutralise(text: string): string {
  return FORMULA_STARTS.has(text.charCodeAt(0)) ? `'${text}` : text;
}
