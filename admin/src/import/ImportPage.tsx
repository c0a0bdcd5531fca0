// Bulk load of customer or billing accounts from a CSV file (issue 5), for Account Managers.
// A dry run checks every row and writes nothing; a real run writes only if no row is refused.
import { useId, useRef, useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import LinearProgress from '@mui/material/LinearProgress';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import DownloadIcon from '@mui/icons-material/Download';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Title, useCanAccess } from 'react-admin';
import { formatBytes, saveBlob } from '../accounts/ExportCsvButton';
import { fieldLabel } from '../accounts/labels';
import { IMPORT_COLUMNS } from './columns';
import { reportCsv, uploadImport, type ImportReport, type ImportResource, type UploadProgress } from './upload';

const KIND_LABELS: Record<ImportResource, string> = { customers: 'Customer accounts', 'billing-accounts': 'Billing accounts' };

function Columns({ resource }: { resource: ImportResource }) {
  const columns = IMPORT_COLUMNS[resource];
  return (
    <Box component="section" aria-label="Column layout">
      <Typography variant="subtitle1" component="h2">Column layout for {KIND_LABELS[resource].toLowerCase()}</Typography>
      <Typography variant="body2" sx={{ mb: 1 }}>
        A UTF-8 CSV file whose first line names its columns; the documented order is:
      </Typography>
      <Box component="pre" sx={{ p: 1, bgcolor: 'action.hover', overflowX: 'auto', fontSize: 13 }} aria-label="Header line">
        {columns.map((c) => c.name).join(',')}
      </Box>
      <Table size="small" aria-label={`Columns of the ${KIND_LABELS[resource].toLowerCase()} file`}>
        <TableHead>
          <TableRow><TableCell>Column</TableCell><TableCell>What it holds</TableCell></TableRow>
        </TableHead>
        <TableBody>
          {columns.map((c) => (
            <TableRow key={c.name}>
              <TableCell><code>{c.name}</code></TableCell>
              <TableCell>{c.note}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

function Counts({ report }: { report: ImportReport }) {
  const items: [string, number][] = [
    [report.dryRun ? 'Would be created' : 'Created', report.counts.created],
    [report.dryRun ? 'Would be updated' : 'Updated', report.counts.updated],
    ['Unchanged', report.counts.unchanged],
    ['Refused', report.counts.refused],
  ];
  return (
    <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'repeat(4, minmax(100px, 1fr))', gap: 1, m: 0 }} aria-label="Counts">
      {items.map(([label, n]) => (
        <Box key={label}>
          <Typography component="dt" variant="body2" color="text.secondary">{label}</Typography>
          <Typography component="dd" variant="h6" sx={{ m: 0 }}>{n.toLocaleString('en-US')}</Typography>
        </Box>
      ))}
    </Box>
  );
}

function Report({ report }: { report: ImportReport }) {
  const refused = report.results.filter((r) => r.outcome === 'refused');
  const download = () => {
    const blob = new Blob([reportCsv(report)], { type: 'text/csv;charset=utf-8' });
    saveBlob(blob, `import-${report.resource}-${report.dryRun ? 'dry-run-' : ''}report.csv`);
  };
  let verdict: { severity: 'success' | 'info' | 'warning' | 'error'; text: string };
  if (report.fileErrors.length) verdict = { severity: 'error', text: 'The file was refused as a whole; nothing was written.' };
  else if (report.dryRun && refused.length) verdict = { severity: 'warning', text: `Dry run: ${refused.length} of ${report.rows} rows would be refused. Nothing was written. Mend the rows below and check again.` };
  else if (report.dryRun) verdict = { severity: 'success', text: `Dry run: all ${report.rows} rows can be loaded. Nothing was written yet; clear “Dry run” and load the file.` };
  else if (report.written) verdict = { severity: 'success', text: `The file was loaded: ${report.rows} rows.` };
  else verdict = { severity: 'error', text: `Nothing was written: ${refused.length} rows were refused, and a file is loaded only when every row can be.` };

  return (
    <Stack spacing={2} component="section" aria-label="Import report">
      <Typography variant="h6" component="h2">Report</Typography>
      <Alert severity={verdict.severity} role="status">{verdict.text}</Alert>
      {report.fileErrors.length ? (
        <Alert severity="error" role="note" aria-label="Problems with the file">
          <Box component="ul" sx={{ m: 0, pl: 2 }}>
            {report.fileErrors.map((e, i) => <li key={i}>{e}</li>)}
          </Box>
        </Alert>
      ) : null}
      <Counts report={report} />
      {refused.length ? (
        <Table size="small" aria-label="Refused rows">
          <TableHead>
            <TableRow>
              <TableCell>Row</TableCell>
              <TableCell>Legacy reference</TableCell>
              <TableCell>Account number</TableCell>
              <TableCell>Problems</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {refused.map((r) => (
              <TableRow key={r.row}>
                <TableCell>{r.row}</TableCell>
                <TableCell>{r.legacyReference ?? '—'}</TableCell>
                <TableCell>{r.accountNumber ?? '—'}</TableCell>
                <TableCell>
                  <Box component="ul" sx={{ m: 0, pl: 2 }}>
                    {Object.entries(r.errors).map(([field, msg]) => (
                      <li key={field}>{fieldLabel(field)}: {msg}</li>
                    ))}
                  </Box>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
      <Box>
        <Button startIcon={<DownloadIcon />} onClick={download} variant="outlined">Download report</Button>
      </Box>
    </Stack>
  );
}

export function ImportPage() {
  const customers = useCanAccess({ action: 'import', resource: 'customers' });
  const billing = useCanAccess({ action: 'import', resource: 'billing-accounts' });
  const [resource, setResource] = useState<ImportResource>('customers');
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(true);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const kindId = useId();
  const fileId = useId();
  const fileHelpId = useId();

  if (customers.isPending || billing.isPending) return null;
  if (!customers.canAccess && !billing.canAccess) {
    return (
      <Box sx={{ mt: 2 }}>
        <Title title="Load accounts" />
        <Typography>Loading accounts from a file is for Account Managers.</Typography>
      </Box>
    );
  }
  const allowed: ImportResource[] = [...(customers.canAccess ? ['customers' as const] : []), ...(billing.canAccess ? ['billing-accounts' as const] : [])];
  const kind = allowed.includes(resource) ? resource : allowed[0];
  const busy = progress !== null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setProblem('Choose a CSV file to load.');
      fileInput.current?.focus();
      return;
    }
    setProblem(null);
    setReport(null);
    setProgress({ phase: 'uploading', loaded: 0, total: file.size });
    try {
      setReport(await uploadImport(kind, file, dryRun, setProgress));
    } catch (e) {
      setProblem(e instanceof Error ? e.message : 'The file could not be loaded.');
    } finally {
      setProgress(null);
    }
  };

  return (
    <Stack spacing={2} sx={{ mt: 2 }}>
      <Title title="Load accounts" />
      <Typography variant="h5" component="h1">Load accounts from a file</Typography>
      <Card>
        <CardContent>
          <form onSubmit={(e) => void submit(e)} noValidate aria-label="Load accounts">
            <Stack spacing={2}>
              <Alert severity="info" role="note">
                Check the file with a dry run first: every row is checked and nothing is written. A file is loaded only when
                no row is refused; rows with a known legacy reference update their account.
              </Alert>
              <Box>
                <Typography id={kindId} variant="subtitle2">What the file holds</Typography>
                <RadioGroup row aria-labelledby={kindId} value={kind} onChange={(e) => setResource(e.target.value as ImportResource)}>
                  {allowed.map((r) => (
                    <FormControlLabel key={r} value={r} control={<Radio />} label={KIND_LABELS[r]} disabled={busy} />
                  ))}
                </RadioGroup>
              </Box>
              <Box>
                <Typography component="label" htmlFor={fileId} variant="subtitle2" sx={{ display: 'block', mb: 0.5 }}>
                  CSV file
                </Typography>
                <input
                  id={fileId}
                  ref={fileInput}
                  type="file"
                  accept=".csv,text/csv"
                  aria-describedby={fileHelpId}
                  aria-invalid={problem && !file ? true : undefined}
                  disabled={busy}
                  onChange={(e) => {
                    setFile(e.target.files?.[0] ?? null);
                    setProblem(null);
                  }}
                />
                <Typography id={fileHelpId} variant="body2" color="text.secondary">
                  {file ? `${file.name}, ${formatBytes(file.size)}` : 'UTF-8, with the header line shown below.'}
                </Typography>
              </Box>
              <FormControlLabel
                control={<Checkbox checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} disabled={busy} />}
                label="Dry run: check every row, write nothing"
              />
              {!dryRun ? <Alert severity="warning" role="note">This run writes to CIMS if every row can be loaded.</Alert> : null}
              <Box>
                <Button type="submit" variant="contained" startIcon={<UploadFileIcon />} disabled={busy}>
                  {dryRun ? 'Check the file' : 'Load the file'}
                </Button>
              </Box>
              <div role="status" aria-live="polite">
                {progress?.phase === 'uploading' ? (
                  <>
                    <Typography variant="body2">
                      Uploading… {formatBytes(progress.loaded)}{progress.total ? ` of ${formatBytes(progress.total)}` : ''}
                    </Typography>
                    <LinearProgress
                      aria-label="Upload progress"
                      variant={progress.total ? 'determinate' : 'indeterminate'}
                      value={progress.total ? Math.min(100, (progress.loaded / progress.total) * 100) : undefined}
                    />
                  </>
                ) : progress?.phase === 'processing' ? (
                  <>
                    <Typography variant="body2">Uploaded. The server is checking the rows…</Typography>
                    <LinearProgress aria-label="Checking the rows" />
                  </>
                ) : null}
              </div>
              {problem ? <Alert severity="error" role="alert">{problem}</Alert> : null}
            </Stack>
          </form>
        </CardContent>
      </Card>
      {report ? (
        <Card>
          <CardContent>
            <Report report={report} />
          </CardContent>
        </Card>
      ) : null}
      <Card>
        <CardContent>
          <Columns resource={kind} />
        </CardContent>
      </Card>
    </Stack>
  );
}
