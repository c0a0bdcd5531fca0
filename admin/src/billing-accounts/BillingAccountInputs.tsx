import Grid from '@mui/material/Grid';
import Typography from '@mui/material/Typography';
import {
  AutocompleteInput, RadioButtonGroupInput, ReferenceInput, SelectArrayInput, SelectInput, TextInput, required, useRecordContext,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { DISTRICT_CHOICES, INVOICE_METHOD_CHOICES, PERMIT_SYSTEM_CHOICES } from '../accounts/labels';
import { customerFilterToQuery, customerOptionText, TARGET_STATUSES } from '../accounts/ReassignDialog';
import { CopyFromCustomerButton } from './CopyFromCustomerButton';
import { AddressInputs } from '../accounts/AddressInputs';

function InvoiceEmails() {
  const method = useWatch({ name: 'invoiceMethod' }) as unknown;
  const needed = method === 'email';
  return (
    <>
      <Grid size={{ xs: 12, md: 6 }}>
        <TextInput
          source="invoiceEmailPrimary"
          label="Primary invoice email"
         
          helperText={needed ? 'Required when invoices go by email. A shared mailbox is fine.' : 'A shared mailbox is fine.'}
          fullWidth
        />
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <TextInput source="invoiceEmailSecondary" label="Secondary invoice email" fullWidth />
      </Grid>
    </>
  );
}

/** The billing account's fields, shared by Create and Edit. Only the billing name is needed for a draft. */
export function BillingAccountInputs() {
  const record = useRecordContext();
  const editing = Boolean(record?.id);
  return (
    <Grid container columnSpacing={2} sx={{ width: '100%', maxWidth: 900 }}>
      <Grid size={12}>
        <Typography variant="h6" component="h2">Customer account</Typography>
      </Grid>
      <Grid size={{ xs: 12, md: 8 }}>
        <ReferenceInput source="customerId" reference="customers" filter={{ status: TARGET_STATUSES }} sort={{ field: 'name', order: 'ASC' }}>
          <AutocompleteInput
            label="Customer account (name or number)"
            optionText={customerOptionText}
            filterToQuery={customerFilterToQuery}
            validate={required('Choose the customer account.')}
            disabled={editing}
            helperText={editing ? 'To move this billing account to another customer, use Reassign.' : 'Preliminary, Active or Suspended customers.'}
            fullWidth
          />
        </ReferenceInput>
      </Grid>
      <Grid size={{ xs: 12, md: 4 }} sx={{ display: 'flex', alignItems: 'center' }}>
        <CopyFromCustomerButton />
      </Grid>
      <Grid size={12}>
        <Typography variant="h6" component="h2">Bill to</Typography>
      </Grid>
      <Grid size={12}>
        <TextInput source="billingName" label="Billing name" validate={required('The billing name is required.')} fullWidth />
      </Grid>
      <AddressInputs />
      <Grid size={12}>
        <Typography variant="h6" component="h2">Invoices</Typography>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <SelectInput source="permitSystem" label="Permit system" choices={PERMIT_SYSTEM_CHOICES} defaultValue="HOP" fullWidth />
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        {/* The legend names the fieldset; the radio group itself needs the name too, or it is read as "radio group". */}
        <RadioButtonGroupInput source="invoiceMethod" label="Invoice method" options={{ 'aria-label': 'Invoice method' }} choices={INVOICE_METHOD_CHOICES} defaultValue="email" />
      </Grid>
      <InvoiceEmails />
      <Grid size={12}>
        <SelectArrayInput
          source="districts"
          label="Districts served"
          choices={DISTRICT_CHOICES}
          defaultValue={[]}
          helperText="The engineering districts whose permits this account pays for."
          fullWidth
        />
      </Grid>
    </Grid>
  );
}
