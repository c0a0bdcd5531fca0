// API clients of the interface for permit systems (issue 4), for administrators: who may call
// CIMS, when they last did, and the revocation of a token.
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import KeyIcon from '@mui/icons-material/VpnKey';
import { DateField, Datagrid, FunctionField, List, TextField, TopToolbar, WrapperField, type RaRecord } from 'react-admin';
import { PERMIT_SYSTEM_LABELS, type PermitSystem } from '../../../config/vocabulary';
import { RegisterClientButton } from './RegisterClientButton';
import { RevokeButton } from './RevokeButton';

function Empty() {
  return (
    <Box sx={{ p: 3 }}>
      <Typography>No permit system is registered yet.</Typography>
      <Typography variant="body2" color="text.secondary">Choose “Register a permit system” to give one a token.</Typography>
    </Box>
  );
}

export function ApiClientList() {
  return (
    <List
      title="API clients"
      sort={{ field: 'name', order: 'ASC' }}
      actions={<TopToolbar><RegisterClientButton /></TopToolbar>}
      empty={false}
      exporter={false}
    >
      <Datagrid bulkActionButtons={false} empty={<Empty />} rowClick={false}>
        <TextField source="name" label="Name" />
        <FunctionField source="permitSystem" label="Permit system" render={(r: RaRecord) => PERMIT_SYSTEM_LABELS[r.permitSystem as PermitSystem] ?? String(r.permitSystem ?? '')} />
        <FunctionField
          source="active"
          label="Token"
          render={(r: RaRecord) => (r.active ? <Chip size="small" color="success" label="Active" /> : <Chip size="small" label="Revoked" />)}
        />
        <DateField source="revokedAt" label="Revoked on" showTime emptyText="—" />
        <DateField source="lastUsedAt" label="Last used" showTime emptyText="Never" />
        <DateField source="createdAt" label="Created" showTime />
        <WrapperField label="Actions" sortable={false}>
          <RevokeButton />
        </WrapperField>
      </Datagrid>
    </List>
  );
}

export default { list: ApiClientList, icon: KeyIcon, recordRepresentation: 'name', options: { label: 'API clients' } };
