// Export a list as the server's CSV: every matching row (not one page), with the filters and
// sort on screen, the same masking as the API, a BOM for Excel and formula cells neutralised.
// The file is streamed with fetch so that the page can say how far it has got, then saved from
// a Blob; a refusal or a broken connection is said in words, never as a half-saved file.
import { useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import DownloadIcon from '@mui/icons-material/Download';
import { useListContext } from 'react-admin';
import { API_URL } from '../providers/dataProvider';

export interface ExportSort {
  field: string;
  order: string;
}

export function exportUrl(resource: string, filter: Record<string, unknown>, sort: ExportSort): string {
  const params = new URLSearchParams({ filter: JSON.stringify(filter), sort: JSON.stringify([sort.field, sort.order]) });
  return `${API_URL}/${resource}/export.csv?${params.toString()}`;
}

export interface ExportProgress {
  rows: number;
  bytes: number;
}

/** Counts CSV records as the text arrives, across chunk boundaries and quoted line breaks. */
export function rowCounter(): (text: string) => number {
  let inQuotes = false;
  let lines = 0;
  let pending = false;
  return (text: string) => {
    for (const ch of text) {
      if (ch === '"') inQuotes = !inQuotes;
      else if (ch === '\n' && !inQuotes) {
        lines += 1;
        pending = false;
        continue;
      }
      if (ch !== '\r' && ch !== '\n') pending = true;
    }
    // The header line is not a row; a last line without a line break is one.
    return Math.max(0, lines + (pending ? 1 : 0) - 1);
  };
}

function filenameOf(res: Response, fallback: string): string {
  const disposition = res.headers.get('Content-Disposition') ?? '';
  const match = /filename="?([^";]+)"?/i.exec(disposition);
  return match ? match[1] : fallback;
}

async function messageOf(res: Response): Promise<string> {
  const fallback =
    res.status === 403
      ? 'You are not allowed to export this list.'
      : res.status === 401
        ? 'Your session has ended; please sign in again.'
        : `The export failed (HTTP ${res.status}).`;
  try {
    const body = (await res.json()) as { message?: unknown };
    return typeof body?.message === 'string' && body.message ? body.message : fallback;
  } catch {
    return fallback;
  }
}

/** Fetches the CSV, reporting rows and bytes received, and returns it as a Blob with its file name. */
export async function fetchCsv(
  url: string,
  onProgress: (p: ExportProgress) => void,
  signal?: AbortSignal,
): Promise<{ blob: Blob; filename: string; rows: number }> {
  const res = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'text/csv' }, signal });
  if (!res.ok) throw new Error(await messageOf(res));
  const filename = filenameOf(res, 'export.csv');
  const count = rowCounter();
  const decoder = new TextDecoder();
  const parts: BlobPart[] = [];
  let bytes = 0;
  let rows = 0;
  if (res.body && typeof res.body.getReader === 'function') {
    const reader = res.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
      bytes += value.byteLength;
      rows = count(decoder.decode(value, { stream: true }));
      onProgress({ rows, bytes });
    }
  } else {
    const text = await res.text();
    parts.push(text);
    bytes = new TextEncoder().encode(text).byteLength;
    rows = count(text);
    onProgress({ rows, bytes });
  }
  return { blob: new Blob(parts, { type: 'text/csv;charset=utf-8' }), filename, rows };
}

/** Saves a Blob as a download through an object URL. */
export function saveBlob(blob: Blob, filename: string): void {
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 0);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

type State =
  | { phase: 'idle' }
  | { phase: 'running'; progress: ExportProgress }
  | { phase: 'done'; rows: number; filename: string }
  | { phase: 'failed'; message: string };

export interface ExportButtonProps {
  resource: string;
  filter: Record<string, unknown>;
  sort: ExportSort;
  label?: string;
  disabled?: boolean;
}

/** An export of one list with a given filter and sort; the caller checks canAccess('export'). */
export function ExportButton({ resource, filter, sort, label = 'Export CSV', disabled }: ExportButtonProps) {
  const [state, setState] = useState<State>({ phase: 'idle' });
  const abort = useRef<AbortController | null>(null);

  const start = async () => {
    const controller = new AbortController();
    abort.current = controller;
    setState({ phase: 'running', progress: { rows: 0, bytes: 0 } });
    try {
      const { blob, filename, rows } = await fetchCsv(
        url,
        (progress) => setState({ phase: 'running', progress }),
        controller.signal,
      );
      saveBlob(blob, filename);
      setState({ phase: 'done', rows, filename });
    } catch (e) {
      if (controller.signal.aborted) {
        setState({ phase: 'failed', message: 'The export was cancelled; nothing was saved.' });
      } else {
        const why = e instanceof Error && e.message ? e.message : 'The export failed.';
        setState({ phase: 'failed', message: e instanceof TypeError ? `The export was interrupted (${why}); nothing was saved. Try again.` : why });
      }
    } finally {
      abort.current = null;
    }
  };

  const running = state.phase === 'running';
  const url = exportUrl(resource, filter, sort);
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }} component="span">
      {running ? (
        <Button size="small" onClick={() => abort.current?.abort()}>Cancel export</Button>
      ) : (
        // A real link to the file (it works without script too); the click streams it instead,
        // so that progress and errors can be shown.
        <Button
          component="a"
          href={url}
          download
          size="small"
          startIcon={<DownloadIcon />}
          aria-disabled={disabled || undefined}
          onClick={(event: React.MouseEvent) => {
            event.preventDefault();
            if (!disabled) void start();
          }}
        >
          {label}
        </Button>
      )}
      <span role="status" aria-live="polite">
        {running ? (
          <Stack component="span" spacing={0.5} sx={{ minWidth: 180, display: 'inline-flex' }}>
            <Typography variant="caption" component="span">
              Exporting… {state.progress.rows.toLocaleString('en-US')} rows ({formatBytes(state.progress.bytes)})
            </Typography>
            <LinearProgress aria-label="Export progress" />
          </Stack>
        ) : state.phase === 'done' ? (
          <Typography variant="caption" component="span">
            Saved {state.filename}: {state.rows.toLocaleString('en-US')} rows.
          </Typography>
        ) : null}
      </span>
      {state.phase === 'failed' ? (
        <Alert severity="error" role="alert" onClose={() => setState({ phase: 'idle' })} sx={{ py: 0 }}>
          {state.message}
        </Alert>
      ) : null}
    </Stack>
  );
}

/** The export of the list on screen: its filter and sort, every matching row. */
export function ExportCsvButton() {
  const { resource, filterValues, sort, total } = useListContext();
  if (!resource) return null;
  return (
    <ExportButton
      resource={resource}
      filter={filterValues ?? {}}
      sort={sort ?? { field: 'id', order: 'ASC' }}
      disabled={total === 0}
    />
  );
}
