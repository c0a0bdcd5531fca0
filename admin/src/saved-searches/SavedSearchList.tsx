// The team's saved searches. Each opens as its list with the saved filter and sort, can be
// exported as the list's CSV (for those who may export), and is deleted only by its owner.
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import OpenInNewIcon from '@mui/icons-material/ManageSearch';
import {
  CanAccess, Datagrid, DeleteButton, FunctionField, List, SelectInput, TextField, WrapperField, useGetIdentity,
  useRecordContext, type RaRecord,
} from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { ExportButton } from '../accounts/ExportCsvButton';
import { describeFilter } from './describe';
import { SAVED_RESOURCE_LABELS, listUrl, savedFilter, savedSort, type SavedResource } from './urls';

const RESOURCE_CHOICES = Object.entries(SAVED_RESOURCE_LABELS).map(([id, name]) => ({ id, name }));

const filters = [<SelectInput key="resource" source="resource" label="List" choices={RESOURCE_CHOICES} alwaysOn />];

function OpenButton() {
  const record = useRecordContext();
  const navigate = useNavigate();
  if (!record) return null;
  return (
    <Button
      size="small"
      variant="outlined"
      startIcon={<OpenInNewIcon />}
      aria-label={`Open ${String(record.name)}`}
      onClick={(e) => {
        e.stopPropagation();
        navigate(listUrl(String(record.resource), savedFilter(record), savedSort(record)));
      }}
    >
      Open
    </Button>
  );
}

function ExportSaved() {
  const record = useRecordContext();
  if (!record) return null;
  const sort = savedSort(record);
  return (
    <CanAccess action="export" resource={String(record.resource)}>
      <Box onClick={(e) => e.stopPropagation()} component="span">
        <ExportButton
          resource={String(record.resource)}
          filter={savedFilter(record)}
          sort={sort ? { field: sort[0], order: sort[1] } : { field: 'id', order: 'ASC' }}
          label="Export"
        />
      </Box>
    </CanAccess>
  );
}

function DeleteOwn() {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <CanAccess action="delete" resource="saved-searches" record={record}>
      <Box onClick={(e) => e.stopPropagation()} component="span">
        <DeleteButton
          mutationMode="pessimistic"
          confirmTitle={`Delete the saved search “${String(record.name)}”?`}
          confirmContent="The search disappears for the whole team. The accounts themselves are not touched."
        />
      </Box>
    </CanAccess>
  );
}

function Owner() {
  const record = useRecordContext();
  const { identity } = useGetIdentity();
  if (!record) return null;
  return identity && String(identity.id) === String(record.ownerId) ? <Chip size="small" label="Yours" /> : <span>A colleague</span>;
}

function Empty() {
  return (
    <Box sx={{ p: 3 }}>
      <Typography>No saved search yet.</Typography>
      <Typography variant="body2" color="text.secondary">
        Filter the Customer accounts or Billing accounts list, then choose “Save this search” to share it with the team.
      </Typography>
    </Box>
  );
}

export function SavedSearchList() {
  return (
    <List title="Saved searches" filters={filters} sort={{ field: 'name', order: 'ASC' }} empty={false} exporter={false} actions={false}>
      <Datagrid
        bulkActionButtons={false}
        empty={<Empty />}
        rowClick={(_id, _resource, record) => listUrl(String(record.resource), savedFilter(record), savedSort(record))}
      >
        <TextField source="name" label="Name" />
        <FunctionField source="resource" label="List" render={(r: RaRecord) => SAVED_RESOURCE_LABELS[r.resource as SavedResource] ?? String(r.resource)} />
        <FunctionField label="Criteria" sortable={false} render={(r: RaRecord) => describeFilter(savedFilter(r))} />
        <TextField source="description" label="Description" emptyText="—" sortable={false} />
        <WrapperField label="Saved by" sortable={false}>
          <Owner />
        </WrapperField>
        <WrapperField label="Actions" sortable={false}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <OpenButton />
            <ExportSaved />
            <DeleteOwn />
          </Stack>
        </WrapperField>
      </Datagrid>
    </List>
  );
}
