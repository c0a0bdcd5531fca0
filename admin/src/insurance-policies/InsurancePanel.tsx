// A customer's insurance (one record per customer): shown, added and edited in place.
import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useCanAccess, useGetList, type Identifier, type RaRecord } from 'react-admin';
import { DateOnlyText } from '../records/DateOnlyField';
import { serverToday } from '../records/dates';
import { RecordActions } from '../records/RecordActions';
import { RecordDialog } from '../records/RecordDialog';
import { INSURANCE_TYPE_LABELS, InsuranceInputs } from './InsuranceInputs';

/** The server's rule (server/domain/insurance.ts): confirmation not overdue, and for policies, not expired. */
export function inForce(policy: RaRecord | undefined, on: string = serverToday()): boolean {
  if (!policy) return false;
  const due = policy.confirmationDueOn as string | null;
  if (due && due < on) return false;
  if (policy.insuranceType === 'self') return Boolean(due);
  const expires = policy.policyExpiresOn as string | null;
  return Boolean(expires && expires >= on);
}

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Box sx={{ minWidth: 180, mr: 3, mb: 1 }}>
      <Typography variant="caption" color="text.secondary" component="div">{label}</Typography>
      <Typography component="div">{children}</Typography>
    </Box>
  );
}

export function InsurancePanel({ customerId, now }: { customerId: Identifier; now?: Date }) {
  const [open, setOpen] = useState<'closed' | 'create' | 'edit'>('closed');
  const { canAccess: canCreate } = useCanAccess({ action: 'create', resource: 'insurance-policies' });
  const { data, isPending, error } = useGetList<RaRecord>('insurance-policies', {
    filter: { customerId },
    pagination: { page: 1, perPage: 1 },
    sort: { field: 'id', order: 'ASC' },
  });
  const policy = data?.[0];
  const close = () => setOpen('closed');
  return (
    <Box>
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 1 }}>
        <Typography variant="h6" component="h2">Insurance</Typography>
        {policy ? (
          <RecordActions
            resource="insurance-policies"
            record={policy}
            name="insurance"
            onEdit={() => setOpen('edit')}
            deleteContent="The customer's insurance record will be deleted. A Utility customer needs insurance in force to be activated."
          />
        ) : canCreate && !isPending ? (
          <Button variant="outlined" onClick={() => setOpen('create')}>Add insurance</Button>
        ) : null}
      </Stack>
      {isPending ? <Typography color="text.secondary">Loading the insurance…</Typography> : null}
      {error ? <Typography color="error">The insurance could not be loaded.</Typography> : null}
      {!isPending && !error && !policy ? (
        <Typography color="text.secondary">No insurance on file. A Utility customer needs insurance in force to be activated.</Typography>
      ) : null}
      {policy ? (
        <>
          <Box sx={{ mb: 1 }}>
            {inForce(policy, serverToday(now)) ? <Chip size="small" color="success" label="In force" /> : <Chip size="small" color="warning" label="Not in force" />}
          </Box>
          <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap' }} aria-label="Insurance details">
            <Item label="Insurance type">{INSURANCE_TYPE_LABELS[String(policy.insuranceType)] ?? String(policy.insuranceType ?? '')}</Item>
            <Item label="System insurance ID">{String(policy.systemInsuranceId ?? '') || '—'}</Item>
            {policy.insuranceType !== 'self' ? (
              <>
                <Item label="Carrier">{String(policy.carrier ?? '') || '—'}</Item>
                <Item label="Policy number">{String(policy.policyNumber ?? '') || '—'}</Item>
                <Item label="Policy expires on"><DateOnlyText value={policy.policyExpiresOn} /></Item>
              </>
            ) : null}
            <Item label="Confirmation due on"><DateOnlyText value={policy.confirmationDueOn} /></Item>
          </Stack>
        </>
      ) : null}
      <RecordDialog
        resource="insurance-policies"
        open={open !== 'closed'}
        onClose={close}
        title={open === 'edit' ? 'Edit insurance' : 'Add insurance'}
        id={open === 'edit' && policy ? policy.id : undefined}
        defaults={{ customerId, insuranceType: 'commercial' }}
        savedMessage="Insurance saved."
      >
        <InsuranceInputs withCustomer={false} now={now} />
      </RecordDialog>
    </Box>
  );
}
