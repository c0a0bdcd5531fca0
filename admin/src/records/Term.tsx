// The term of a security or an agreement: the day it takes effect and the day it expires, as the
// form asks for them and as the tables show them.
import Grid from '@mui/material/Grid';
import type { Validator } from 'react-admin';
import { DateOnlyText } from './DateOnlyField';
import { DateOnlyInput } from './DateOnlyInput';
import type { Column } from './OwnedRecords';

/** "The security cannot expire before it takes effect." The server checks this too. */
function expiresAfterEffective(what: string): Validator {
  return (value: unknown, all: Record<string, unknown>) =>
    typeof value === 'string' && typeof all.effectiveOn === 'string' && all.effectiveOn && value < all.effectiveOn
      ? `The ${what} cannot expire before it takes effect.`
      : undefined;
}

/** Effective on, then Expires on, in a form's grid; `what` names the record in the error, e.g. "security". */
export function TermInputs({ what }: { what: string }) {
  return (
    <>
      <Grid size={{ xs: 6, md: 4 }}>
        <DateOnlyInput source="effectiveOn" label="Effective on" fullWidth />
      </Grid>
      <Grid size={{ xs: 6, md: 4 }}>
        <DateOnlyInput source="expiresOn" label="Expires on" validate={expiresAfterEffective(what)} fullWidth />
      </Grid>
    </>
  );
}

export const TERM_COLUMNS: Column[] = [
  { label: 'Effective on', render: (r) => <DateOnlyText value={r.effectiveOn} /> },
  { label: 'Expires on', render: (r) => <DateOnlyText value={r.expiresOn} /> },
];
