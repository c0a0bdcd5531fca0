import Typography from '@mui/material/Typography';
import { BooleanInput, CheckboxGroupInput, PasswordInput, SelectInput, TextInput, required, useRecordContext } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { DISTRICT_CHOICES, ROLE_CHOICES } from '../accounts/labels';

function DistrictInput() {
  const roles = (useWatch({ name: 'roles' }) as string[] | undefined) ?? [];
  const needed = roles.includes('district_viewer');
  return (
    <SelectInput
      source="district"
      label="District"
      choices={DISTRICT_CHOICES}
      emptyText="(none)"
      validate={needed ? required('A district viewer belongs to a district.') : undefined}
      helperText={needed ? 'Required for a Read-only Account Manager.' : 'Only Read-only Account Managers belong to a district.'}
    />
  );
}

export function UserInputs() {
  const record = useRecordContext();
  const editing = Boolean(record?.id);
  return (
    <>
      <TextInput source="username" label="Username" validate={required('The username is required.')} helperText="2–64 letters, digits, dots, dashes or underscores" />
      <TextInput source="fullName" label="Full name" validate={required('The full name is required.')} />
      <CheckboxGroupInput source="roles" label="Roles" choices={ROLE_CHOICES} row={false} validate={required('Give the user at least one role.')} />
      <DistrictInput />
      <BooleanInput source="active" label="Active (may sign in)" defaultValue={true} />
      <Typography variant="body2" color="text.secondary">
        {editing ? 'Leave the password empty to keep the current one.' : 'The user signs in with this password.'}
      </Typography>
      <PasswordInput source="password" label={editing ? 'New password' : 'Password'} validate={editing ? undefined : required('A password is required.')} autoComplete="new-password" />
    </>
  );
}
