import Typography from '@mui/material/Typography';
import Box from '@mui/material/Box';
import {
  CanAccess, CreateButton, Datagrid, FilterButton, FunctionField, List, SearchInput, SelectInput, TextField, TopToolbar,
  type RaRecord,
} from 'react-admin';
import { ACCOUNT_TYPE_LABELS, type AccountType } from '../../../config/vocabulary';
import { ACCOUNT_TYPE_CHOICES, DISTRICT_CHOICES, STATUS_CHOICES, SUBMITTED_CHOICES } from '../accounts/labels';
import { ExportCsvButton } from '../accounts/ExportCsvButton';
import { SaveSearchButton } from '../saved-searches/SaveSearchButton';
import { StatusField } from '../accounts/StatusField';
import { useDistrictDefault } from '../accounts/useDistrictDefault';

export const customerFilters = [
  // The name goes on the input itself: given to SearchInput, it lands on a wrapper no screen reader announces.
  <SearchInput key="q" source="q" alwaysOn placeholder="Name, number, FEIN or BPID" slotProps={{ htmlInput: { 'aria-label': 'Search customer accounts' } }} />,
  <SelectInput key="status" source="status" label="Status" choices={STATUS_CHOICES} />,
  <SelectInput key="accountType" source="accountType" label="Account type" choices={ACCOUNT_TYPE_CHOICES} />,
  <SelectInput key="district" source="district" label="District served" choices={DISTRICT_CHOICES} />,
  <SelectInput key="submitted" source="submitted" label="Authorization" choices={SUBMITTED_CHOICES} />,
];

function ListActions() {
  return (
    <TopToolbar>
      <FilterButton />
      <CreateButton label="Create customer account" />
      <CanAccess action="export" resource="customers">
        <ExportCsvButton />
      </CanAccess>
      <CanAccess action="create" resource="saved-searches">
        <SaveSearchButton />
      </CanAccess>
    </TopToolbar>
  );
}

function Empty() {
  return (
    <Box sx={{ p: 3 }}>
      <Typography>No customer account matches these filters.</Typography>
    </Box>
  );
}

export function CustomerList() {
  const { isPending, filterDefaultValues } = useDistrictDefault();
  if (isPending) return null;
  return (
    <List
      title="Customer accounts"
      filters={customerFilters}
      filterDefaultValues={filterDefaultValues}
      sort={{ field: 'name', order: 'ASC' }}
      actions={<ListActions />}
      empty={false}
    >
      <Datagrid rowClick="show" bulkActionButtons={false} empty={<Empty />}>
        <TextField source="accountNumber" label="Account number" />
        <TextField source="name" label="Name" />
        <FunctionField
          source="accountType"
          label="Type"
          render={(r: RaRecord) => ACCOUNT_TYPE_LABELS[r.accountType as AccountType] ?? String(r.accountType ?? '')}
        />
        <StatusField source="status" label="Status" />
        <TextField source="city" label="City" />
        <TextField source="state" label="State" />
        <TextField source="bpid" label="BPID" />
      </Datagrid>
    </List>
  );
}
