import { FunctionField, TextField, type RaRecord } from 'react-admin';
import { ACCOUNT_TYPE_LABELS, type AccountType } from '../../../config/vocabulary';
import { AccountList, accountFilters } from '../accounts/AccountList';
import { StatusField } from '../accounts/StatusField';

export const customerFilters = accountFilters(
  { placeholder: 'Name, number, FEIN or BPID', label: 'Search customer accounts' },
  ['status', 'accountType', 'district', 'submitted'],
);

export function CustomerList() {
  return (
    <AccountList
      resource="customers"
      title="Customer accounts"
      filters={customerFilters}
      sort={{ field: 'name', order: 'ASC' }}
      createLabel="Create customer account"
      nothingMatches="No customer account matches these filters."
    >
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
    </AccountList>
  );
}
