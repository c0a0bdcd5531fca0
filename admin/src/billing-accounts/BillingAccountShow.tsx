import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { DateField, FunctionField, Labeled, Show, TextField, useCreatePath, useRecordContext, type RaRecord } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { INVOICE_METHOD_LABELS, PERMIT_SYSTEM_LABELS, statusLabel, type InvoiceMethod, type PermitSystem } from '../../../config/vocabulary';
import { AccountActions } from '../accounts/AccountActions';
import { AccountNumberHeading } from '../accounts/AccountNumberField';
import { HistoryList } from '../accounts/HistoryList';
import { ReassignButton } from '../accounts/ReassignDialog';
import { StatusField } from '../accounts/StatusField';
import { AttachmentsPanel } from '../attachments';
import { ContactsPanel } from '../contacts';
import { NotesPanel } from '../notes';
import { AccountTabs } from '../records/AccountTabs';
import { Detached } from '../records/Detached';
import { ownerOf } from '../records/owner';

function Field({ label, children }: { label: string; children: React.ReactElement }) {
  return (
    <Labeled label={label} sx={{ minWidth: 180, mr: 3, mb: 1 }}>
      {children}
    </Labeled>
  );
}

function ParentLink() {
  const record = useRecordContext();
  const createPath = useCreatePath();
  if (!record) return null;
  return (
    <Link component={RouterLink} to={createPath({ resource: 'customers', id: record.customerId as string, type: 'show' })}>
      {String(record.customerAccountNumber ?? '')} — {String(record.customerName ?? '')}
      {record.customerStatus ? ` (${statusLabel(String(record.customerStatus))})` : ''}
    </Link>
  );
}

function Details() {
  return (
    <>
      <Typography variant="h6" component="h2" sx={{ mb: 1 }}>Details</Typography>
      <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Field label="Address"><FunctionField render={(r: RaRecord) => [r.addressLine1, r.addressLine2].filter(Boolean).join(', ') || '—'} /></Field>
        <Field label="City, state, ZIP"><FunctionField render={(r: RaRecord) => [r.city, r.state, r.zip].filter(Boolean).join(' ') || '—'} /></Field>
        <Field label="Permit system"><FunctionField render={(r: RaRecord) => PERMIT_SYSTEM_LABELS[r.permitSystem as PermitSystem] ?? String(r.permitSystem ?? '')} /></Field>
        <Field label="Invoice method"><FunctionField render={(r: RaRecord) => INVOICE_METHOD_LABELS[r.invoiceMethod as InvoiceMethod] ?? ''} /></Field>
        <Field label="Primary invoice email"><TextField source="invoiceEmailPrimary" emptyText="—" /></Field>
        <Field label="Secondary invoice email"><TextField source="invoiceEmailSecondary" emptyText="—" /></Field>
        <Field label="Districts served"><FunctionField render={(r: RaRecord) => (Array.isArray(r.districts) && r.districts.length ? r.districts.join(', ') : 'None')} /></Field>
        <Field label="Submitted"><DateField source="submittedAt" showTime emptyText="Not submitted" /></Field>
        <Field label="Created"><DateField source="createdAt" showTime /></Field>
        <Field label="Last changed"><DateField source="updatedAt" showTime /></Field>
      </Stack>
    </>
  );
}

function History() {
  return (
    <>
      <Typography variant="h6" component="h2" sx={{ mb: 1 }}>History</Typography>
      <HistoryList resource="billing-accounts" />
    </>
  );
}

function BillingAccountPage() {
  const record = useRecordContext();
  if (!record) return <Typography sx={{ p: 2 }}>Loading the billing account…</Typography>;
  const owner = ownerOf('billing-accounts', record.id);
  return (
    <Box sx={{ mt: 2 }}>
      <Card sx={{ mb: 2 }}>
        <CardContent>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={3} sx={{ alignItems: { md: 'center' }, mb: 2 }}>
            <AccountNumberHeading kind="Billing account" />
            <Box sx={{ flex: 1 }}>
              <Typography variant="h5" component="h1">{String(record.billingName)}</Typography>
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mt: 0.5 }}>
                <StatusField />
                {record.suspendedByCustomer ? <Typography variant="body2" color="text.secondary">Suspended with its customer</Typography> : null}
              </Stack>
              <Typography variant="body2" sx={{ mt: 0.5 }}>
                Customer account: <ParentLink />
              </Typography>
            </Box>
          </Stack>
          <AccountActions resource="billing-accounts">
            <ReassignButton from="billing-accounts" />
          </AccountActions>
        </CardContent>
      </Card>
      <AccountTabs
        resource="billing-accounts"
        label="Billing account sections"
        tabs={[
          { id: 'details', label: 'Details', content: <Details /> },
          { id: 'contacts', label: 'Contacts', content: <Detached><ContactsPanel owner={owner} /></Detached> },
          { id: 'notes', label: 'Notes', content: <Detached><NotesPanel owner={owner} /></Detached> },
          { id: 'attachments', label: 'Attachments', content: <Detached><AttachmentsPanel owner={owner} /></Detached> },
          { id: 'history', label: 'History', content: <History /> },
        ]}
      />
    </Box>
  );
}

function Title() {
  const record = useRecordContext();
  return <span>Billing account {record ? `${String(record.accountNumber)} — ${String(record.billingName)}` : ''}</span>;
}

export function BillingAccountShow() {
  return (
    <Show title={<Title />} actions={false} component="div">
      <BillingAccountPage />
    </Show>
  );
}
