import Grid from '@mui/material/Grid';
import { BooleanInput, SelectInput, TextInput, maxLength, required, type Validator } from 'react-admin';
import { TermInputs } from '../records/Term';
import { amountProblem } from './money';

export const SECURITY_TYPE_CHOICES = [
  { id: 'bond', name: 'Bond' },
  { id: 'letter_of_credit', name: 'Letter of credit' },
];

export const SECURITY_TYPE_LABELS: Record<string, string> = Object.fromEntries(SECURITY_TYPE_CHOICES.map((c) => [c.id, c.name]));

const amount: Validator = (value: unknown) => amountProblem(value);

/** A bond's or letter of credit's fields, shared by Add and Edit. */
export function SecurityInputs() {
  return (
    <Grid container columnSpacing={2}>
      <Grid size={{ xs: 12, md: 6 }}>
        <SelectInput source="securityType" label="Security type" choices={SECURITY_TYPE_CHOICES} validate={required('Choose bond or letter of credit.')} fullWidth />
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <TextInput source="systemNumber" label="System number" validate={maxLength(40)} fullWidth />
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <TextInput source="issuerName" label="Issuer (surety or bank)" validate={maxLength(200)} fullWidth />
      </Grid>
      <Grid size={{ xs: 12, md: 3 }}>
        <TextInput source="issuerNumber" label="Issuer number" validate={maxLength(60)} fullWidth />
      </Grid>
      <Grid size={{ xs: 12, md: 3 }}>
        <TextInput source="issuerReference" label="Issuer reference" validate={maxLength(120)} fullWidth />
      </Grid>
      <Grid size={{ xs: 12, md: 4 }}>
        <TextInput
          source="amount"
          label="Amount (dollars)"
          helperText="Dollars and cents, such as 250000.00"
          // Kept as text: "250000.10" is saved exactly as typed, without separators.
          parse={(v: string) => (v === '' ? null : v.replace(/[\s,$]/g, ''))}
          validate={amount}
          slotProps={{ htmlInput: { inputMode: 'decimal', autoComplete: 'off' } }}
          fullWidth
        />
      </Grid>
      <TermInputs what="security" />
      <Grid size={12}>
        <BooleanInput source="blanket" label="Blanket security" helperText="Covers all of the customer’s permits, not one." />
      </Grid>
    </Grid>
  );
}
