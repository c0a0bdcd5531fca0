import { useEffect } from 'react';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import { ReferenceInput, SelectInput, TextInput, maxLength, required, useRecordContext, type Validator } from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import { customerOptionText } from '../accounts/ReassignDialog';
import { DateOnlyInput } from '../records/DateOnlyInput';
import { serverToday, suggestedConfirmationDate } from '../records/dates';

export const INSURANCE_TYPE_CHOICES = [
  { id: 'commercial', name: 'Commercial' },
  { id: 'self', name: 'Self-insured' },
  { id: 'both', name: 'Both' },
];

export const INSURANCE_TYPE_LABELS: Record<string, string> = Object.fromEntries(INSURANCE_TYPE_CHOICES.map((c) => [c.id, c.name]));

/**
 * The confirmation date. Self-insured coverage is confirmed by April 30 each year, so for a
 * self-insured customer the next April 30 is filled in when the date is empty, and offered
 * otherwise. A date in the past is refused, unless it is the one already on file.
 */
function ConfirmationDateInput({ now }: { now?: Date }) {
  const record = useRecordContext();
  const { setValue } = useFormContext();
  const type = useWatch({ name: 'insuranceType' }) as string | undefined;
  const value = useWatch({ name: 'confirmationDueOn' }) as string | null | undefined;
  const suggestion = suggestedConfirmationDate(now);
  const selfInsured = type === 'self';
  useEffect(() => {
    if (selfInsured && !value) setValue('confirmationDueOn', suggestion, { shouldDirty: true, shouldValidate: true });
    // Only when the type becomes self-insured (or the form opens so), not on every keystroke.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selfInsured]);
  const onFile = record?.confirmationDueOn as string | undefined;
  const notPast: Validator = (v: unknown) =>
    typeof v === 'string' && v && v < serverToday(now) && v !== onFile ? 'The confirmation date cannot be in the past.' : undefined;
  const helper = selfInsured
    ? `Self-insured coverage is confirmed by April 30 each year: the next is ${suggestion}.`
    : 'When the customer must next confirm its coverage. Never in the past.';
  return (
    <>
      <DateOnlyInput source="confirmationDueOn" label="Confirmation due on" helperText={helper} validate={notPast} fullWidth />
      {selfInsured && value !== suggestion ? (
        <Button size="small" onClick={() => setValue('confirmationDueOn', suggestion, { shouldDirty: true, shouldValidate: true })}>
          Use {suggestion}
        </Button>
      ) : null}
    </>
  );
}

export interface InsuranceInputsProps {
  /** Choose the customer (the insurance pages); off in the customer's own page, which knows it. */
  withCustomer?: boolean;
  /** For tests: the moment that counts as now. */
  now?: Date;
}

export function InsuranceInputs({ withCustomer = true, now }: InsuranceInputsProps) {
  const record = useRecordContext();
  const type = useWatch({ name: 'insuranceType' }) as string | undefined;
  const policyFields = type !== 'self';
  return (
    <Grid container columnSpacing={2}>
      {withCustomer ? (
        <Grid size={12}>
          <ReferenceInput source="customerId" reference="customers">
            <SelectInput label="Customer account" optionText={customerOptionText} disabled={Boolean(record?.id)} validate={required('Choose the customer account.')} fullWidth />
          </ReferenceInput>
        </Grid>
      ) : null}
      <Grid size={{ xs: 12, md: 6 }}>
        <SelectInput source="insuranceType" label="Insurance type" choices={INSURANCE_TYPE_CHOICES} validate={required('Choose the type of insurance.')} fullWidth />
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <TextInput source="systemInsuranceId" label="System insurance ID" validate={maxLength(40)} fullWidth />
      </Grid>
      {policyFields ? (
        <>
          <Grid size={{ xs: 12, md: 6 }}>
            <TextInput source="carrier" label="Carrier" validate={maxLength(200)} fullWidth />
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <TextInput source="policyNumber" label="Policy number" validate={maxLength(60)} fullWidth />
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <DateOnlyInput source="policyExpiresOn" label="Policy expires on" helperText="Commercial coverage is in force until this day." fullWidth />
          </Grid>
        </>
      ) : null}
      <Grid size={{ xs: 12, md: 6 }}>
        <ConfirmationDateInput now={now} />
      </Grid>
    </Grid>
  );
}
