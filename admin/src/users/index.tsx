// Users and their roles, for administrators. The password is write-only.
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import PersonIcon from '@mui/icons-material/ManageAccounts';
import {
  BooleanField, Create, CreateButton, Datagrid, Edit, FunctionField, List, SimpleForm, TextField, TopToolbar,
  type RaRecord,
} from 'react-admin';
import { ROLE_LABELS, type Role } from '../../../config/vocabulary';
import { UserInputs } from './UserInputs';

/** Never send an empty password: the field is write-only and empty means "keep it". */
export function withoutEmptyPassword(data: RaRecord): RaRecord {
  const { password, ...rest } = data;
  return typeof password === 'string' && password !== '' ? { ...rest, password } : rest;
}

export function UserList() {
  return (
    <List
      title="Users"
      sort={{ field: 'username', order: 'ASC' }}
      actions={<TopToolbar><CreateButton label="Create user" /></TopToolbar>}
    >
      <Datagrid rowClick="edit" bulkActionButtons={false}>
        <TextField source="username" label="Username" />
        <TextField source="fullName" label="Full name" />
        <FunctionField
          source="roles"
          label="Roles"
          sortable={false}
          render={(r: RaRecord) => (
            <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
              {(Array.isArray(r.roles) ? (r.roles as Role[]) : []).map((role) => (
                <Chip key={role} size="small" label={ROLE_LABELS[role] ?? role} />
              ))}
            </Stack>
          )}
        />
        <TextField source="district" label="District" emptyText="—" />
        <BooleanField source="active" label="Active" />
      </Datagrid>
    </List>
  );
}

export function UserCreate() {
  return (
    <Create redirect="list" title="New user" transform={withoutEmptyPassword}>
      <SimpleForm>
        <UserInputs />
      </SimpleForm>
    </Create>
  );
}

export function UserEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="list" title="Edit user" transform={withoutEmptyPassword}>
      <SimpleForm>
        <UserInputs />
      </SimpleForm>
    </Edit>
  );
}

export default { list: UserList, create: UserCreate, edit: UserEdit, icon: PersonIcon, recordRepresentation: 'username', options: { label: 'Users' } };
