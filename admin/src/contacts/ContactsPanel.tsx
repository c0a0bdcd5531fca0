import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import type { RaRecord } from 'react-admin';
import { OwnedRecords, type Column } from '../records/OwnedRecords';
import type { Owner } from '../records/owner';
import { ContactInputs } from './ContactInputs';

function phoneText(r: RaRecord): string {
  return r.phone ? `${String(r.phone)}${r.phoneExt ? ` ext. ${String(r.phoneExt)}` : ''}` : '—';
}

const COLUMNS: Column[] = [
  {
    label: 'Name',
    render: (r) => (
      <>
        {String(r.name ?? '')}
        {r.isPrimary ? <Chip size="small" color="primary" variant="outlined" label="Primary" sx={{ ml: 1 }} /> : null}
      </>
    ),
  },
  { label: 'Title', render: (r) => String(r.title ?? '') || '—' },
  { label: 'Email', render: (r) => (r.email ? <Link href={`mailto:${String(r.email)}`}>{String(r.email)}</Link> : '—') },
  { label: 'Phone', render: phoneText },
  { label: 'Mobile', render: (r) => String(r.mobile ?? '') || '—' },
];

/** The people to reach about a customer or a billing account, primary first. */
export function ContactsPanel({ owner }: { owner: Owner }) {
  return (
    <OwnedRecords
      resource="contacts"
      owner={owner}
      kind="contact"
      title="Contacts"
      columns={COLUMNS}
      nameOf={(r) => String(r.name ?? '')}
      sort={{ field: 'isPrimary', order: 'DESC' }}
      empty="No contacts yet."
      inputs={<ContactInputs />}
      defaults={{ isPrimary: false }}
      hint="An account has at most one primary contact."
    />
  );
}
