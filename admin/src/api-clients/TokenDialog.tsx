// The new client's token, shown once: the server keeps only its hash, so this is the one chance
// to copy it. Closing the dialog forgets it.
import { useId, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';

export interface TokenDialogProps {
  clientName: string;
  token: string | null;
  onClose: () => void;
}

export function TokenDialog({ clientName, token, onClose }: TokenDialogProps) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const titleId = useId();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token ?? '');
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  };
  const close = () => {
    setCopied(null);
    onClose();
  };
  return (
    <Dialog open={token !== null} onClose={(_e, reason) => reason !== 'backdropClick' && close()} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <DialogTitle id={titleId}>Token for {clientName}</DialogTitle>
      <DialogContent>
        <Alert severity="warning" role="note" sx={{ mb: 2 }}>
          This token will not be shown again. Copy it now and hand it to the permit system’s administrators by a secure
          channel. If it is lost, revoke this client and register a new one.
        </Alert>
        <TextField
          label="API token"
          value={token ?? ''}
          fullWidth
          slotProps={{ htmlInput: { readOnly: true, spellCheck: false, style: { fontFamily: 'monospace' } } }}
          onFocus={(e) => e.target.select()}
        />
        <span role="status" aria-live="polite">
          {copied === 'yes' ? 'Copied to the clipboard.' : copied === 'no' ? 'The browser refused to copy; select the token and copy it yourself.' : ''}
        </span>
      </DialogContent>
      <DialogActions>
        <Button startIcon={<ContentCopyIcon />} onClick={() => void copy()}>Copy token</Button>
        <Button variant="contained" onClick={close}>I have copied the token</Button>
      </DialogActions>
    </Dialog>
  );
}
