import Grid from '@mui/material/Grid';
import Typography from '@mui/material/Typography';
import { SelectInput, TextInput, required, useRecordContext } from 'react-admin';
import { ACCOUNT_TYPE_CHOICES } from '../accounts/labels';
import { AddressInputs } from '../accounts/AddressInputs';

/** The customer's fields, shared by Create and Edit. Only the name is needed to save a draft. */
export function CustomerInputs() {
  const record = useRecordContext();
  const typeLocked = Boolean(record && record.status && record.status !== 'preliminary');
  return (
    <Grid container columnSpacing={2} sx={{ width: '100%', maxWidth: 900 }}>
      <Grid size={12}>
        <Typography variant="h6" component="h2">Customer</Typography>
      </Grid>
      <Grid size={{ xs: 12, md: 8 }}>
        <TextInput source="name" label="Customer name" validate={required('The customer name is required.')} fullWidth />
      </Grid>
      <Grid size={{ xs: 12, md: 4 }}>
        <SelectInput
          source="accountType"
          label="Account type"
          choices={ACCOUNT_TYPE_CHOICES}
          defaultValue="utility"
          disabled={typeLocked}
          helperText={typeLocked ? 'Fixed once the account is past Preliminary.' : 'One account never serves both.'}
          fullWidth
        />
      </Grid>
      <Grid size={12}>
        <Typography variant="h6" component="h2">Address</Typography>
      </Grid>
      <AddressInputs />
      <Grid size={12}>
        <Typography variant="h6" component="h2">Contact</Typography>
      </Grid>
      <Grid size={{ xs: 8, md: 4 }}>
        <TextInput source="phone" label="Phone" fullWidth />
      </Grid>
      <Grid size={{ xs: 4, md: 2 }}>
        <TextInput source="phoneExt" label="Extension" fullWidth />
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <TextInput source="email" label="Email" fullWidth />
      </Grid>
      <Grid size={12}>
        <Typography variant="h6" component="h2">Business partner</Typography>
      </Grid>
      <Grid size={{ xs: 12, md: 4 }}>
        <TextInput source="fein" label="Federal Employer ID (FEIN)" helperText="9 digits, NN-NNNNNNN" fullWidth />
      </Grid>
      <Grid size={{ xs: 12, md: 3 }}>
        <TextInput source="bpid" label="Business Partner ID (BPID)" fullWidth />
      </Grid>
      <Grid size={{ xs: 12, md: 5 }}>
        <TextInput source="bpName" label="Business partner name" fullWidth />
      </Grid>
    </Grid>
  );
}
