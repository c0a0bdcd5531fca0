import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import {
  CreateButton, Datagrid, DateField, EditButton, FunctionField, Labeled, ReferenceManyField, Show, TextField, WrapperField,
  useCanAccess, useRecordContext, type RaRecord,
} from 'react-admin';
import { ACCOUNT_TYPE_LABELS, INVOICE_METHOD_LABELS, type AccountType, type InvoiceMethod } from '../../../config/vocabulary';
import { AccountActions } from '../accounts/AccountActions';
import { AccountNumberHeading } from '../accounts/AccountNumberField';
import { HistoryList } from '../accounts/HistoryList';
import { ReassignButton } from '../accounts/ReassignDialog';
import { StatusField } from '../accounts/StatusField';

function Section({ title, children, actions }: { title: string; children: React.ReactNode; actions?: React.ReactNode }) {
  return (
    <Card component="section" aria-label={title} sx={{ mb: 2 }}>
      <CardContent>
        <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 1 }}>
          <Typography variant="h6" component="h2">{title}</Typography>
          {actions}
        </Stack>
        {children}
      </CardContent>
    </Card>
  );
}

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

function InsuranceSection() {
  const record = useRecordContext();
  const { canAccess: canEdit } = useCanAccess({ action: 'edit', resource: 'insurance-policies' });
  if (!record) return null;
  return (
    <ReferenceManyField reference="insurance-policies" target="customerId" perPage={1}
      empty={
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <Typography color="text.secondary">No insurance on file. A Utility customer needs insurance in force to be activated.</Typography>
          <CreateButton
            resource="insurance-policies"
            label="Add insurance"
            to={{ pathname: '/insurance-policies/create', search: `?source=${encodeURIComponent(JSON.stringify({ customerId: record.id }))}` }}
            variant="outlined"
          />
        </Stack>
      }
    >
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <FunctionField source="insuranceType" label="Type" render={(r: RaRecord) => ({ commercial: 'Commercial', self: 'Self-insured', both: 'Both' } as Record<string, string>)[String(r.insuranceType)] ?? String(r.insuranceType ?? '')} />
        <TextField source="carrier" label="Carrier" />
        <TextField source="policyNumber" label="Policy number" />
        <DateField source="policyExpiresOn" label="Policy expires on" />
        <DateField source="confirmationDueOn" label="Confirmation due on" />
        {canEdit ? <WrapperField label="Actions"><EditButton label="Edit insurance" /></WrapperField> : null}
      </Datagrid>
    </ReferenceManyField>
  );
}

function CustomerPage() {
  const record = useRecordContext();
  if (!record) return <Typography sx={{ p: 2 }}>Loading the customer account…</Typography>;
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

      <Section title="Details">
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
      </Section>

      <Section title="Insurance">
        <InsuranceSection />
      </Section>

      <Section title="Billing accounts">
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
      </Section>

      <Section title="History">
        <HistoryList resource="customers" />
      </Section>
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
