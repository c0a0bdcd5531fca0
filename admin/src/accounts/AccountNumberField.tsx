import Typography from '@mui/material/Typography';
import { useRecordContext } from 'react-admin';

/** The account number, large, for the top of an account page. */
export function AccountNumberHeading({ kind }: { kind: string }) {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <div>
      <Typography variant="overline" component="p" color="text.secondary">
        {kind} number
      </Typography>
      <Typography variant="h4" component="p" sx={{ fontFamily: 'monospace', letterSpacing: 1 }} aria-label={`${kind} number ${String(record.accountNumber ?? '')}`}>
        {String(record.accountNumber ?? '')}
      </Typography>
    </div>
  );
}
