import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import {
  CreateButton, Datagrid, DateField, FunctionField, Labeled, ReferenceManyField, Show, TextField, useRecordContext, type RaRecord,
} from 'react-admin';
import { ACCOUNT_TYPE_LABELS, INVOICE_METHOD_LABELS, type AccountType, type InvoiceMethod } from '../../../config/vocabulary';
import { AccountActions } from '../accounts/AccountActions';
import { AccountNumberHeading } from '../accounts/AccountNumberField';
import { HistoryList } from '../accounts/HistoryList';
import { ReassignButton } from '../accounts/ReassignDialog';
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

function Field({ label, children }: { label: string; children: React.ReactElement }) {
  return (
    <Labeled label={label} sx={{ minWidth: 180, mr: 3, mb: 1 }}>
      {children}
    </Labeled>
  );
}

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
    <>
      <Typography variant="h6" component="h2" sx={{ mb: 1 }}>Details</Typography>
      <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Field label="Address"><FunctionField render={(r: RaRecord) => [r.addressLine1, r.addressLine2].filter(Boolean).join(', ') || '—'} /></Field>
        <Field label="City, state, ZIP"><FunctionField render={(r: RaRecord) => [r.city, r.state, r.zip].filter(Boolean).join(' ') || '—'} /></Field>
        <Field label="Phone"><FunctionField render={(r: RaRecord) => (r.phone ? `${String(r.phone)}${r.phoneExt ? ` ext. ${String(r.phoneExt)}` : ''}` : '—')} /></Field>
        <Field label="Email"><TextField source="email" emptyText="—" /></Field>
        <Field label="FEIN"><TextField source="fein" emptyText="—" /></Field>
        <Field label="Business Partner ID"><TextField source="bpid" emptyText="—" /></Field>
        <Field label="Business partner name"><TextField source="bpName" emptyText="—" /></Field>
        <Field label="Submitted"><DateField source="submittedAt" showTime emptyText="Not submitted" /></Field>
        <Field label="Created"><DateField source="createdAt" showTime /></Field>
        <Field label="Last changed"><DateField source="updatedAt" showTime /></Field>
      </Stack>
    </>
  );
}

function BillingAccounts() {
  return (
    <>
      <Typography variant="h6" component="h2" sx={{ mb: 1 }}>Billing accounts</Typography>
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
    </>
  );
}

function History() {
  return (
    <>
      <Typography variant="h6" component="h2" sx={{ mb: 1 }}>History</Typography>
      <HistoryList resource="customers" />
    </>
  );
}

function CustomerPage() {
  const record = useRecordContext();
  if (!record) return <Typography sx={{ p: 2 }}>Loading the customer account…</Typography>;
  const owner = ownerOf('customers', record.id);
  return (
    <Box sx={{ mt: 2 }}>
      <Card sx={{ mb: 2 }}>
        <CardContent>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={3} sx={{ alignItems: { md: 'center' }, mb: 2 }}>
            <AccountNumberHeading kind="Customer account" />
            <Box sx={{ flex: 1 }}>
              <Typography variant="h5" component="h1">{String(record.name)}</Typography>
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mt: 0.5 }}>
                <StatusField />
                <Typography variant="body2" color="text.secondary">
                  {ACCOUNT_TYPE_LABELS[record.accountType as AccountType] ?? String(record.accountType ?? '')} customer
                </Typography>
              </Stack>
            </Box>
          </Stack>
          <AccountActions resource="customers">
            <CreateBillingAccountButton />
            <ReassignButton from="customers" />
          </AccountActions>
        </CardContent>
      </Card>

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
          { id: 'history', label: 'History', content: <History /> },
        ]}
      />
    </Box>
  );
}

function Title() {
  const record = useRecordContext();
  return <span>Customer account {record ? `${String(record.accountNumber)} — ${String(record.name)}` : ''}</span>;
}

export function CustomerShow() {
  return (
    <Show title={<Title />} actions={false} component="div">
      <CustomerPage />
    </Show>
  );
}
