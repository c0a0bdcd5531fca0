import Grid from '@mui/material/Grid';
import { SelectInput, TextInput, maxLength, required } from 'react-admin';
import { TermInputs } from '../records/Term';

export const AGREEMENT_STATUS_CHOICES = [
  { id: 'pending', name: 'Pending' },
  { id: 'active', name: 'Active' },
  { id: 'expired', name: 'Expired' },
  { id: 'terminated', name: 'Terminated' },
];

export const AGREEMENT_STATUS_LABELS: Record<string, string> = Object.fromEntries(AGREEMENT_STATUS_CHOICES.map((c) => [c.id, c.name]));

/** An agreement's fields, shared by Add and Edit. */
export function AgreementInputs() {
  return (
    <Grid container columnSpacing={2}>
      <Grid size={{ xs: 12, md: 6 }}>
        <TextInput
          source="agreementType"
          label="Agreement type"
          helperText="For example Master utility agreement"
          validate={[required('Say what kind of agreement this is.'), maxLength(60)]}
          fullWidth
        />
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <TextInput source="agreementNumber" label="Agreement number" validate={maxLength(60)} fullWidth />
      </Grid>
      <Grid size={{ xs: 12, md: 4 }}>
        <SelectInput source="agreementStatus" label="Agreement status" choices={AGREEMENT_STATUS_CHOICES} validate={required('Choose the status.')} fullWidth />
      </Grid>
      <TermInputs what="agreement" />
    </Grid>
  );
}
