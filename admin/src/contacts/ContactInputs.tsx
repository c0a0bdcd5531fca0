import Grid from '@mui/material/Grid';
import { BooleanInput, TextInput, email, maxLength, required } from 'react-admin';

/** A contact's fields, shared by Add and Edit. */
export function ContactInputs() {
  return (
    <Grid container columnSpacing={2}>
      <Grid size={{ xs: 12, md: 6 }}>
        <TextInput source="name" label="Name" validate={[required('The contact’s name is required.'), maxLength(120)]} fullWidth />
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <TextInput source="title" label="Title" helperText="For example Permit coordinator" validate={maxLength(120)} fullWidth />
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <TextInput source="email" label="Email" type="email" validate={[email('Enter an email address such as name@example.com.'), maxLength(254)]} fullWidth />
      </Grid>
      <Grid size={{ xs: 8, md: 4 }}>
        <TextInput source="phone" label="Phone" validate={maxLength(20)} fullWidth />
      </Grid>
      <Grid size={{ xs: 4, md: 2 }}>
        <TextInput source="phoneExt" label="Extension" validate={maxLength(10)} fullWidth />
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <TextInput source="mobile" label="Mobile" validate={maxLength(20)} fullWidth />
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <BooleanInput source="isPrimary" label="Primary contact" helperText="Making this contact primary makes any other contact of the account not primary." />
      </Grid>
    </Grid>
  );
}
