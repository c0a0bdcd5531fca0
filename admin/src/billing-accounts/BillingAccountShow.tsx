import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { FunctionField, TextField, useCreatePath, useRecordContext, type RaRecord } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { INVOICE_METHOD_LABELS, PERMIT_SYSTEM_LABELS, statusLabel, type InvoiceMethod, type PermitSystem } from '../../../config/vocabulary';
import { AccountDetails, AccountHeader, AccountHistory, AccountShow, DetailField } from '../accounts/AccountPage';
import { AttachmentsPanel } from '../attachments';
import { ContactsPanel } from '../contacts';
import { NotesPanel } from '../notes';
import { AccountTabs } from '../records/AccountTabs';
import { Detached } from '../records/Detached';
import { ownerOf } from '../records/owner';

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
    <AccountDetails>
      <DetailField label="Permit system"><FunctionField render={(r: RaRecord) => PERMIT_SYSTEM_LABELS[r.permitSystem as PermitSystem] ?? String(r.permitSystem ?? '')} /></DetailField>
      <DetailField label="Invoice method"><FunctionField render={(r: RaRecord) => INVOICE_METHOD_LABELS[r.invoiceMethod as InvoiceMethod] ?? ''} /></DetailField>
      <DetailField label="Primary invoice email"><TextField source="invoiceEmailPrimary" emptyText="—" /></DetailField>
      <DetailField label="Secondary invoice email"><TextField source="invoiceEmailSecondary" emptyText="—" /></DetailField>
      <DetailField label="Districts served"><FunctionField render={(r: RaRecord) => (Array.isArray(r.districts) && r.districts.length ? r.districts.join(', ') : 'None')} /></DetailField>
    </AccountDetails>
  );
}

function BillingAccountPage({ record }: { record: RaRecord }) {
  const owner = ownerOf('billing-accounts', record.id);
  return (
    <>
      <AccountHeader
        resource="billing-accounts"
        name={String(record.billingName)}
        about={record.suspendedByCustomer ? 'Suspended with its customer' : null}
      >
        <Typography variant="body2" sx={{ mt: 0.5 }}>
          Customer account: <ParentLink />
        </Typography>
      </AccountHeader>
      <AccountTabs
        resource="billing-accounts"
        label="Billing account sections"
        tabs={[
          { id: 'details', label: 'Details', content: <Details /> },
          { id: 'contacts', label: 'Contacts', content: <Detached><ContactsPanel owner={owner} /></Detached> },
          { id: 'notes', label: 'Notes', content: <Detached><NotesPanel owner={owner} /></Detached> },
          { id: 'attachments', label: 'Attachments', content: <Detached><AttachmentsPanel owner={owner} /></Detached> },
          { id: 'history', label: 'History', content: <AccountHistory resource="billing-accounts" /> },
        ]}
      />
    </>
  );
}

export function BillingAccountShow() {
  return (
    <AccountShow resource="billing-accounts" nameSource="billingName">
      {(record) => <BillingAccountPage record={record} />}
    </AccountShow>
  );
}
