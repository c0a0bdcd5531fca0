// Notes on an account: newest first, with author and time; each editable only by its author.
import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useCanAccess, useGetList, type Identifier, type RaRecord } from 'react-admin';
import { formatDateTime } from '../records/dates';
import { ownerDefaults, ownerFilter, type Owner } from '../records/owner';
import { useWhoLabel } from '../records/people';
import { RecordActions } from '../records/RecordActions';
import { RecordDialog } from '../records/RecordDialog';
import { NoteInputs } from './NoteInputs';

const PAGE = 25;

type DialogState = { mode: 'closed' } | { mode: 'create' } | { mode: 'edit'; id: Identifier };

function edited(note: RaRecord): boolean {
  if (!note.updatedAt || !note.createdAt) return false;
  return Math.abs(new Date(String(note.updatedAt)).getTime() - new Date(String(note.createdAt)).getTime()) > 1000;
}

export function NotesPanel({ owner }: { owner: Owner }) {
  const [perPage, setPerPage] = useState(PAGE);
  const [dialog, setDialog] = useState<DialogState>({ mode: 'closed' });
  const { canAccess: canCreate } = useCanAccess({ action: 'create', resource: 'notes' });
  const who = useWhoLabel();
  const { data, total, isPending, error } = useGetList<RaRecord>('notes', {
    filter: ownerFilter(owner),
    sort: { field: 'createdAt', order: 'DESC' },
    pagination: { page: 1, perPage },
  });
  const close = () => setDialog({ mode: 'closed' });

  return (
    <Box>
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 1 }}>
        <Typography variant="h6" component="h2">Notes</Typography>
        {canCreate ? <Button variant="outlined" onClick={() => setDialog({ mode: 'create' })}>Add note</Button> : null}
      </Stack>
      {isPending ? <Typography color="text.secondary">Loading the notes…</Typography> : null}
      {error ? <Typography color="error">The notes could not be loaded.</Typography> : null}
      {!isPending && !error && (!data || data.length === 0) ? <Typography color="text.secondary">No notes yet.</Typography> : null}
      {data && data.length > 0 ? (
        <List aria-label="Notes, newest first" disablePadding>
          {data.map((note, i) => (
            <Box component="li" key={note.id} sx={{ listStyle: 'none' }} aria-label={`Note by ${who(note.authorId as Identifier, note.authorName)}, ${formatDateTime(note.createdAt)}`}>
              {i > 0 ? <Divider component="div" /> : null}
              <ListItem component="div" disableGutters sx={{ display: 'block', py: 1.5 }}>
                <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'flex-start', gap: 1 }}>
                  <Typography variant="body2" color="text.secondary">
                    <strong>{who(note.authorId as Identifier, note.authorName)}</strong> · {formatDateTime(note.createdAt)}
                    {edited(note) ? ` · edited ${formatDateTime(note.updatedAt)}` : ''}
                  </Typography>
                  <RecordActions
                    resource="notes"
                    record={note}
                    name={`note of ${formatDateTime(note.createdAt)}`}
                    onEdit={() => setDialog({ mode: 'edit', id: note.id })}
                    deleteContent="The note will be deleted."
                  />
                </Stack>
                <Typography sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', mt: 0.5 }}>{String(note.text ?? '')}</Typography>
              </ListItem>
            </Box>
          ))}
        </List>
      ) : null}
      {data && total !== undefined && total > data.length ? (
        <Button onClick={() => setPerPage((p) => p + PAGE)} sx={{ mt: 1 }}>
          Show older notes ({total - data.length} more)
        </Button>
      ) : null}
      <RecordDialog
        resource="notes"
        open={dialog.mode !== 'closed'}
        onClose={close}
        title={dialog.mode === 'edit' ? 'Edit note' : 'Add note'}
        id={dialog.mode === 'edit' ? dialog.id : undefined}
        defaults={{ ...ownerDefaults(owner), text: '' }}
        savedMessage="Note saved."
      >
        <NoteInputs />
      </RecordDialog>
    </Box>
  );
}
