import Chip from '@mui/material/Chip';
import { OwnedRecords, type Column } from '../records/OwnedRecords';
import type { Owner } from '../records/owner';
import { TERM_COLUMNS } from '../records/Term';
import { AGREEMENT_STATUS_LABELS, AgreementInputs } from './AgreementInputs';

const COLORS: Record<string, 'default' | 'success' | 'info' | 'warning'> = { pending: 'info', active: 'success', expired: 'warning', terminated: 'default' };

const COLUMNS: Column[] = [
  { label: 'Agreement type', render: (r) => String(r.agreementType ?? '') },
  { label: 'Number', render: (r) => String(r.agreementNumber ?? '') || '—' },
  {
    label: 'Status',
    render: (r) => <Chip size="small" label={AGREEMENT_STATUS_LABELS[String(r.agreementStatus)] ?? String(r.agreementStatus ?? '')} color={COLORS[String(r.agreementStatus)] ?? 'default'} />,
  },
  ...TERM_COLUMNS,
];

/** Agreements with a customer, soonest to expire first. */
export function AgreementsPanel({ owner }: { owner: Owner }) {
  return (
    <OwnedRecords
      resource="agreements"
      owner={owner}
      kind="agreement"
      title="Agreements"
      columns={COLUMNS}
      nameOf={(r) => String(r.agreementNumber ?? r.agreementType ?? '')}
      sort={{ field: 'expiresOn', order: 'ASC' }}
      empty="No agreements on file."
      inputs={<AgreementInputs />}
      defaults={{ agreementStatus: 'pending' }}
    />
  );
}
