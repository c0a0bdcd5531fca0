import type { RaRecord } from 'react-admin';

export { ContactsPanel } from './ContactsPanel';
export { ContactInputs } from './ContactInputs';

/** Contacts live on their account's page; the resource has no pages of its own. */
export default {
  recordRepresentation: (r: RaRecord) => String(r.name ?? ''),
  options: { label: 'Contacts' },
};
