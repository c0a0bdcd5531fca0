import Typography from '@mui/material/Typography';
import {
  CreateButton, Datagrid, FunctionField, ReferenceManyField, TextField, useRecordContext, type RaRecord,
} from 'react-admin';
import { ACCOUNT_TYPE_LABELS, INVOICE_METHOD_LABELS, type AccountType, type InvoiceMethod } from '../../../config/vocabulary';
import { AccountDetails, AccountHeader, AccountHistory, AccountSection, AccountShow, DetailField } from '../accounts/AccountPage';
import { StatusField } from '../accounts/StatusField';
import { AgreementsPanel } from '../agreements';
import { AttachmentsPanel } from '../attachments';
import { ContactsPanel } from '../contacts';
import { InsurancePanel } from '../insurance-policies';
import { NotesPanel } from '../notes';
import { AccountTabs } from '../records/AccountTabs';
import { Detached } from '../records/Detached';
import { ownerOf } from '../records/owner';
import { SecuritiesPanel } from '../securities';

function CreateBillingAccountButton() {
  const record = useRecordContext();
  if (!record || !['preliminary', 'active', 'suspended'].includes(String(record.status))) return null;
  return (
    <CreateButton
      resource="billing-accounts"
      label="Create billing account"
      to={{ pathname: '/billing-accounts/create', search: `?source=${encodeURIComponent(JSON.stringify({ customerId: record.id }))}` }}
      variant="outlined"
    />
  );
}

function Details() {
  return (
    <AccountDetails>
      <DetailField label="Phone"><FunctionField render={(r: RaRecord) => (r.phone ? `${String(r.phone)}${r.phoneExt ? ` ext. ${String(r.phoneExt)}` : ''}` : '—')} /></DetailField>
      <DetailField label="Email"><TextField source="email" emptyText="—" /></DetailField>
      <DetailField label="FEIN"><TextField source="fein" emptyText="—" /></DetailField>
      <DetailField label="Business Partner ID"><TextField source="bpid" emptyText="—" /></DetailField>
      <DetailField label="Business partner name"><TextField source="bpName" emptyText="—" /></DetailField>
    </AccountDetails>
  );
}

function BillingAccounts() {
  return (
    <AccountSection title="Billing accounts">
      <ReferenceManyField
        reference="billing-accounts"
        target="customerId"
        sort={{ field: 'accountNumber', order: 'ASC' }}
        perPage={100}
        empty={<Typography color="text.secondary">No billing accounts yet.</Typography>}
      >
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <TextField source="accountNumber" label="Account number" />
          <TextField source="billingName" label="Billing name" />
          <StatusField source="status" label="Status" />
          <FunctionField source="invoiceMethod" label="Invoice method" render={(r: RaRecord) => INVOICE_METHOD_LABELS[r.invoiceMethod as InvoiceMethod] ?? ''} />
          <FunctionField source="districts" label="Districts" render={(r: RaRecord) => (Array.isArray(r.districts) ? r.districts.join(', ') : '')} />
        </Datagrid>
      </ReferenceManyField>
    </AccountSection>
  );
}

function CustomerPage({ record }: { record: RaRecord }) {
  const owner = ownerOf('customers', record.id);
  return (
    <>
      <AccountHeader
        resource="customers"
        name={String(record.name)}
        about={`${ACCOUNT_TYPE_LABELS[record.accountType as AccountType] ?? String(record.accountType ?? '')} customer`}
        actions={<CreateBillingAccountButton />}
      />
      <AccountTabs
        resource="customers"
        label="Customer account sections"
        tabs={[
          { id: 'details', label: 'Details', content: <Details /> },
          { id: 'contacts', label: 'Contacts', content: <Detached><ContactsPanel owner={owner} /></Detached> },
          { id: 'insurance', label: 'Insurance', content: <Detached><InsurancePanel customerId={record.id} /></Detached> },
          { id: 'securities', label: 'Securities', content: <Detached><SecuritiesPanel owner={owner} /></Detached> },
          { id: 'agreements', label: 'Agreements', content: <Detached><AgreementsPanel owner={owner} /></Detached> },
          { id: 'attachments', label: 'Attachments', content: <Detached><AttachmentsPanel owner={owner} /></Detached> },
          { id: 'notes', label: 'Notes', content: <Detached><NotesPanel owner={owner} /></Detached> },
          { id: 'billing-accounts', label: 'Billing accounts', content: <BillingAccounts /> },
          { id: 'history', label: 'History', content: <AccountHistory resource="customers" /> },
        ]}
      />
    </>
  );
}

export function CustomerShow() {
  return (
    <AccountShow resource="customers" nameSource="name">
      {(record) => <CustomerPage record={record} />}
    </AccountShow>
  );
}
