import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import { useRecordContext } from 'react-admin';
import { statusLabel, type AccountStatus } from '../../../config/vocabulary';

const COLORS: Record<AccountStatus, 'default' | 'success' | 'warning' | 'error' | 'info'> = {
  preliminary: 'info',
  active: 'success',
  suspended: 'warning',
  pending_inactivation: 'warning',
  inactive: 'default',
};

export interface StatusFieldProps {
  source?: string;
  label?: string;
  /** Also say "Waiting for authorization" for submitted drafts. */
  showQueue?: boolean;
}

/** The account's status as a chip, in the agency's words. */
export function StatusField({ source = 'status', showQueue = true }: StatusFieldProps) {
  const record = useRecordContext();
  if (!record) return null;
  const status = String(record[source] ?? '');
  if (!status) return null;
  const waiting = showQueue && source === 'status' && status === 'preliminary' && Boolean(record.submittedAt);
  return (
    <Stack direction="row" spacing={0.5} component="span" sx={{ display: 'inline-flex' }}>
      <Chip size="small" label={statusLabel(status)} color={COLORS[status as AccountStatus] ?? 'default'} />
      {waiting ? <Chip size="small" variant="outlined" label="Waiting for authorization" /> : null}
    </Stack>
  );
}
