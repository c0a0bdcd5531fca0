import { OwnedRecords, type Column } from '../records/OwnedRecords';
import type { Owner } from '../records/owner';
import { TERM_COLUMNS } from '../records/Term';
import { formatAmount } from './money';
import { SECURITY_TYPE_LABELS, SecurityInputs } from './SecurityInputs';

const COLUMNS: Column[] = [
  { label: 'Type', render: (r) => SECURITY_TYPE_LABELS[String(r.securityType)] ?? String(r.securityType ?? '') },
  { label: 'System number', render: (r) => String(r.systemNumber ?? '') || '—' },
  { label: 'Issuer', render: (r) => [r.issuerName, r.issuerNumber].filter(Boolean).join(' · ') || '—' },
  { label: 'Amount', align: 'right', render: (r) => formatAmount(r.amount) },
  ...TERM_COLUMNS,
  { label: 'Blanket', render: (r) => (r.blanket ? 'Yes' : 'No') },
];

/** Bonds and letters of credit held for a customer, soonest to expire first. */
export function SecuritiesPanel({ owner }: { owner: Owner }) {
  return (
    <OwnedRecords
      resource="securities"
      owner={owner}
      kind="security"
      title="Securities"
      columns={COLUMNS}
      nameOf={(r) => String(r.systemNumber ?? r.issuerReference ?? '')}
      sort={{ field: 'expiresOn', order: 'ASC' }}
      empty="No bonds or letters of credit on file."
      inputs={<SecurityInputs />}
      defaults={{ securityType: 'bond', blanket: false }}
    />
  );
}
