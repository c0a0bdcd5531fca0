// Upload a document: its type, a description and the file, sent as multipart form data.
import { useId, useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useNotify, useRefresh } from 'react-admin';
import { describeError } from '../accounts/errors';
import type { Owner } from '../records/owner';
import { DOCUMENT_TYPES } from './documentTypes';
import { formatSize, uploadAttachment } from './upload';

export interface UploadDialogProps {
  owner: Owner;
  open: boolean;
  onClose: () => void;
  /** For tests: the fetch to send with. */
  fetchImpl?: typeof fetch;
}

interface Problems {
  documentType?: string;
  description?: string;
  file?: string;
}

export function UploadDialog({ owner, open, onClose, fetchImpl }: UploadDialogProps) {
  const titleId = useId();
  const fileId = useId();
  const notify = useNotify();
  const refresh = useRefresh();
  const [documentType, setDocumentType] = useState('');
  const [description, setDescription] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [problems, setProblems] = useState<Problems>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const reset = () => {
    setDocumentType('');
    setDescription('');
    setFile(null);
    setProblems({});
    setServerError(null);
  };
  const close = () => {
    if (busy) return;
    reset();
    onClose();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Problems = {};
    if (!documentType) found.documentType = 'Choose the type of document.';
    if (description.length > 500) found.description = 'At most 500 characters.';
    if (!file) found.file = 'Choose a file to upload.';
    setProblems(found);
    setServerError(null);
    if (Object.keys(found).length > 0 || !file) return;
    setBusy(true);
    try {
      await uploadAttachment({ owner, documentType, description, file }, fetchImpl);
      notify(`${file.name} uploaded.`, { type: 'success' });
      reset();
      onClose();
      refresh();
    } catch (error) {
      const body = (error as { body?: { errors?: Record<string, string> } }).body;
      if (body?.errors) setProblems(body.errors as Problems);
      setServerError(describeError(error, 'The file could not be uploaded.'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={close} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <DialogTitle id={titleId}>Upload a document</DialogTitle>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <DialogContent dividers>
          <Stack spacing={2}>
            {serverError ? <Alert severity="error" role="alert">{serverError}</Alert> : null}
            <TextField
              autoFocus
              select
              label="Document type"
              value={documentType}
              onChange={(e) => setDocumentType(e.target.value)}
              required
              error={Boolean(problems.documentType)}
              helperText={problems.documentType ?? ' '}
              fullWidth
            >
              {DOCUMENT_TYPES.map((t) => (
                <MenuItem key={t} value={t}>{t}</MenuItem>
              ))}
            </TextField>
            <TextField
              label="Description"
              value={description}
              onChange={(e) => setDescription(e.target.value)}
              multiline
              minRows={2}
              error={Boolean(problems.description)}
              helperText={problems.description ?? 'Optional: what the document is, e.g. 2027 certificate from the carrier.'}
              fullWidth
            />
            <FormControl error={Boolean(problems.file)} required>
              <FormLabel htmlFor={fileId}>File</FormLabel>
              <input
                id={fileId}
                type="file"
                aria-describedby={`${fileId}-help`}
                aria-invalid={Boolean(problems.file)}
                onChange={(e) => setFile(e.target.files?.[0] ?? null)}
                style={{ marginTop: 8 }}
              />
              <FormHelperText id={`${fileId}-help`}>
                {problems.file ?? (file ? `${file.name}, ${formatSize(file.size)}` : 'PDF, an image, an office document, plain text or CSV.')}
              </FormHelperText>
            </FormControl>
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={close} disabled={busy}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={busy}>
            {busy ? 'Uploading…' : 'Upload'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
