import { FunctionField, TextField, type RaRecord } from 'react-admin';
import { INVOICE_METHOD_LABELS, type InvoiceMethod } from '../../../config/vocabulary';
import { AccountList, accountFilters } from '../accounts/AccountList';
import { StatusField } from '../accounts/StatusField';

export const billingAccountFilters = accountFilters(
  { placeholder: 'Billing name or number', label: 'Search billing accounts' },
  ['status', 'district', 'invoiceMethod', 'permitSystem', 'submitted'],
);

export function BillingAccountList() {
  return (
    <AccountList
      resource="billing-accounts"
      title="Billing accounts"
      filters={billingAccountFilters}
      sort={{ field: 'billingName', order: 'ASC' }}
      nothingMatches="No billing account matches these filters."
      nothingMatchesHint="Billing accounts are created from their customer account’s page."
    >
      <TextField source="accountNumber" label="Account number" />
      <TextField source="billingName" label="Billing name" />
      <TextField source="customerName" label="Customer" sortable={false} />
      <TextField source="customerAccountNumber" label="Customer number" sortable={false} />
      <StatusField source="status" label="Status" />
      <FunctionField source="invoiceMethod" label="Invoice method" render={(r: RaRecord) => INVOICE_METHOD_LABELS[r.invoiceMethod as InvoiceMethod] ?? ''} />
      <FunctionField source="districts" label="Districts" sortable={false} render={(r: RaRecord) => (Array.isArray(r.districts) ? r.districts.join(', ') : '')} />
    </AccountList>
  );
}
