import Grid from '@mui/material/Grid';
import { SelectInput, TextInput } from 'react-admin';
import { STATE_CHOICES } from './labels';

/** The address fields of customer and billing accounts, as grid items of the form around them. */
export function AddressInputs() {
  return (
    <>
      <Grid size={{ xs: 12, md: 6 }}>
        <TextInput source="addressLine1" label="Address line 1" fullWidth />
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <TextInput source="addressLine2" label="Address line 2" fullWidth />
      </Grid>
      <Grid size={{ xs: 12, md: 5 }}>
        <TextInput source="city" label="City" fullWidth />
      </Grid>
      <Grid size={{ xs: 6, md: 3 }}>
        <SelectInput source="state" label="State" choices={STATE_CHOICES} emptyText="(none)" fullWidth />
      </Grid>
      <Grid size={{ xs: 6, md: 4 }}>
        <TextInput source="zip" label="ZIP code" helperText="5 or 9 digits" fullWidth />
      </Grid>
    </>
  );
}
