import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import {
  CanAccess, Datagrid, FilterButton, FunctionField, List, SearchInput, SelectInput, TextField, TopToolbar, type RaRecord,
} from 'react-admin';
import { INVOICE_METHOD_LABELS, type InvoiceMethod } from '../../../config/vocabulary';
import { DISTRICT_CHOICES, INVOICE_METHOD_CHOICES, PERMIT_SYSTEM_CHOICES, STATUS_CHOICES, SUBMITTED_CHOICES } from '../accounts/labels';
import { ExportCsvButton } from '../accounts/ExportCsvButton';
import { SaveSearchButton } from '../saved-searches/SaveSearchButton';
import { StatusField } from '../accounts/StatusField';
import { useDistrictDefault } from '../accounts/useDistrictDefault';

export const billingAccountFilters = [
  // The name goes on the input itself: given to SearchInput, it lands on a wrapper no screen reader announces.
  <SearchInput key="q" source="q" alwaysOn placeholder="Billing name or number" slotProps={{ htmlInput: { 'aria-label': 'Search billing accounts' } }} />,
  <SelectInput key="status" source="status" label="Status" choices={STATUS_CHOICES} />,
  <SelectInput key="district" source="district" label="District served" choices={DISTRICT_CHOICES} />,
  <SelectInput key="invoiceMethod" source="invoiceMethod" label="Invoice method" choices={INVOICE_METHOD_CHOICES} />,
  <SelectInput key="permitSystem" source="permitSystem" label="Permit system" choices={PERMIT_SYSTEM_CHOICES} />,
  <SelectInput key="submitted" source="submitted" label="Authorization" choices={SUBMITTED_CHOICES} />,
];

function ListActions() {
  return (
    <TopToolbar>
      <FilterButton />
      <CanAccess action="export" resource="billing-accounts">
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
      <Typography>No billing account matches these filters.</Typography>
      <Typography variant="body2" color="text.secondary">
        Billing accounts are created from their customer account’s page.
      </Typography>
    </Box>
  );
}

export function BillingAccountList() {
  const { isPending, filterDefaultValues } = useDistrictDefault();
  if (isPending) return null;
  return (
    <List
      title="Billing accounts"
      filters={billingAccountFilters}
      filterDefaultValues={filterDefaultValues}
      sort={{ field: 'billingName', order: 'ASC' }}
      actions={<ListActions />}
      empty={false}
    >
      <Datagrid rowClick="show" bulkActionButtons={false} empty={<Empty />}>
        <TextField source="accountNumber" label="Account number" />
        <TextField source="billingName" label="Billing name" />
        <TextField source="customerName" label="Customer" sortable={false} />
        <TextField source="customerAccountNumber" label="Customer number" sortable={false} />
        <StatusField source="status" label="Status" />
        <FunctionField source="invoiceMethod" label="Invoice method" render={(r: RaRecord) => INVOICE_METHOD_LABELS[r.invoiceMethod as InvoiceMethod] ?? ''} />
        <FunctionField source="districts" label="Districts" sortable={false} render={(r: RaRecord) => (Array.isArray(r.districts) ? r.districts.join(', ') : '')} />
      </Datagrid>
    </List>
  );
}
