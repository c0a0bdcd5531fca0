import type { RaRecord } from 'react-admin';

export { NotesPanel } from './NotesPanel';
export { NoteInputs, counterText } from './NoteInputs';

/** Notes live on their account's page; the resource has no pages of its own. */
export default {
  recordRepresentation: (r: RaRecord) => String(r.text ?? '').slice(0, 40),
  options: { label: 'Notes' },
};
