// The upload of an import file with XMLHttpRequest, for its upload progress (fetch has none).
// The answer is the importer's report, a 200 or, when the file itself is refused, a 422.

export interface RowResult {
  row: number;
  legacyReference: string | null;
  outcome: 'created' | 'updated' | 'unchanged' | 'refused';
  accountNumber: string | null;
  errors: Record<string, string>;
}

export interface ImportReport {
  resource: ImportResource;
  dryRun: boolean;
  written: boolean;
  rows: number;
  counts: { created: number; updated: number; unchanged: number; refused: number };
  results: RowResult[];
  fileErrors: string[];
}

export type ImportResource = 'customers' | 'billing-accounts';

export type UploadProgress = { phase: 'uploading'; loaded: number; total: number | null } | { phase: 'processing' };

export class UploadError extends Error {
  constructor(message: string, readonly status: number) {
    super(message);
  }
}

function isReport(body: unknown): body is ImportReport {
  return Boolean(body && typeof body === 'object' && 'counts' in body && 'results' in body);
}

export function uploadImport(
  resource: ImportResource,
  file: File,
  dryRun: boolean,
  onProgress: (p: UploadProgress) => void,
): Promise<ImportReport> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/imports/${resource}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e: ProgressEvent) => onProgress({ phase: 'uploading', loaded: e.loaded, total: e.lengthComputable ? e.total : null });
    xhr.upload.onload = () => onProgress({ phase: 'processing' });
    xhr.onerror = () => reject(new UploadError('The upload was interrupted; check the connection and try again.', 0));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = null;
      }
      if ((xhr.status === 200 || xhr.status === 422) && isReport(body)) return resolve(body);
      const b = body as { message?: unknown; errors?: Record<string, unknown> } | null;
      const detail = b?.errors ? Object.values(b.errors).map(String).join(' ') : '';
      const message =
        typeof b?.message === 'string' && b.message
          ? `${b.message}${detail ? ` ${detail}` : ''}`
          : xhr.status === 403
            ? 'You are not allowed to load accounts.'
            : xhr.status === 401
              ? 'Your session has ended; please sign in again.'
              : `The file could not be loaded (HTTP ${xhr.status}).`;
      reject(new UploadError(message, xhr.status));
    };
    const form = new FormData();
    form.append('file', file);
    form.append('dryRun', dryRun ? 'true' : 'false');
    xhr.send(form);
  });
}

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The report as CSV, one line per row of the file: row, legacy reference, outcome, number, errors. */
export function reportCsv(report: ImportReport): string {
  const lines = [['row', 'legacyReference', 'outcome', 'accountNumber', 'errors']];
  for (const r of report.results) {
    const errors = Object.entries(r.errors ?? {}).map(([field, msg]) => `${field}: ${msg}`).join('; ');
    lines.push([String(r.row), r.legacyReference ?? '', r.outcome, r.accountNumber ?? '', errors]);
  }
  for (const e of report.fileErrors ?? []) lines.push(['', '', 'file refused', '', e]);
  return `\uFEFF${lines.map((l) => l.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
