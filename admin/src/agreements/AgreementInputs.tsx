import Grid from '@mui/material/Grid';
import { SelectInput, TextInput, maxLength, required, type Validator } from 'react-admin';
import { DateOnlyInput } from '../records/DateOnlyInput';

export const AGREEMENT_STATUS_CHOICES = [
  { id: 'pending', name: 'Pending' },
  { id: 'active', name: 'Active' },
  { id: 'expired', name: 'Expired' },
  { id: 'terminated', name: 'Terminated' },
];

export const AGREEMENT_STATUS_LABELS: Record<string, string> = Object.fromEntries(AGREEMENT_STATUS_CHOICES.map((c) => [c.id, c.name]));

const expiresAfterEffective: Validator = (value: unknown, all: Record<string, unknown>) =>
  typeof value === 'string' && typeof all.effectiveOn === 'string' && all.effectiveOn && value < all.effectiveOn
    ? 'The agreement cannot expire before it takes effect.'
    : undefined;

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
      <Grid size={{ xs: 6, md: 4 }}>
        <DateOnlyInput source="effectiveOn" label="Effective on" fullWidth />
      </Grid>
      <Grid size={{ xs: 6, md: 4 }}>
        <DateOnlyInput source="expiresOn" label="Expires on" validate={expiresAfterEffective} fullWidth />
      </Grid>
    </Grid>
  );
}
