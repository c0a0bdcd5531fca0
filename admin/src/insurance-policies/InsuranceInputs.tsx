import { DateInput, ReferenceInput, SelectInput, TextInput, required, useRecordContext } from 'react-admin';
import { customerOptionText } from '../accounts/ReassignDialog';

export const INSURANCE_TYPE_CHOICES = [
  { id: 'commercial', name: 'Commercial' },
  { id: 'self', name: 'Self-insured' },
  { id: 'both', name: 'Both' },
];

export function InsuranceInputs() {
  const record = useRecordContext();
  return (
    <>
      <ReferenceInput source="customerId" reference="customers">
        <SelectInput label="Customer account" optionText={customerOptionText} disabled={Boolean(record?.id)} validate={required()} />
      </ReferenceInput>
      <SelectInput source="insuranceType" label="Insurance type" choices={INSURANCE_TYPE_CHOICES} validate={required()} />
      <TextInput source="systemInsuranceId" label="System insurance ID" />
      <TextInput source="carrier" label="Carrier" />
      <TextInput source="policyNumber" label="Policy number" />
      <DateInput source="policyExpiresOn" label="Policy expires on" />
      <DateInput source="confirmationDueOn" label="Confirmation due on" helperText="Never in the past. Self-insured coverage is confirmed by April 30 each year." />
    </>
  );
}
