import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { DeleteButton, useCanAccess, useNotify, useRefresh, type RaRecord } from 'react-admin';
import { describeError } from '../accounts/errors';

export interface RecordActionsProps {
  resource: string;
  record: RaRecord;
  /** e.g. "contact Jane Doe": names the buttons, "Edit contact Jane Doe". */
  name: string;
  onEdit?: () => void;
  /** Offer Delete (when the user may). */
  deletable?: boolean;
  deleteContent?: string;
}

/** Edit and Delete for one record, each shown only if the user may do it to this very record. */
export function RecordActions({ resource, record, name, onEdit, deletable = true, deleteContent }: RecordActionsProps) {
  const { canAccess: canEdit } = useCanAccess({ action: 'edit', resource, record });
  const { canAccess: canDelete } = useCanAccess({ action: 'delete', resource, record });
  const notify = useNotify();
  const refresh = useRefresh();
  if (!canEdit && !(deletable && canDelete)) return null;
  const capitalised = name.charAt(0).toUpperCase() + name.slice(1);
  return (
    <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
      {canEdit && onEdit ? (
        <Button size="small" variant="outlined" onClick={onEdit} aria-label={`Edit ${name}`}>
          Edit
        </Button>
      ) : null}
      {deletable && canDelete ? (
        <DeleteButton
          resource={resource}
          record={record}
          mutationMode="pessimistic"
          redirect={false}
          label="Delete"
          aria-label={`Delete ${name}`}
          confirmTitle={`Delete ${name}?`}
          confirmContent={deleteContent ?? 'This cannot be undone.'}
          mutationOptions={{
            onSuccess: () => {
              notify(`${capitalised} deleted.`, { type: 'success' });
              refresh();
            },
            onError: (error: unknown) => notify(describeError(error, `Could not delete the ${name}.`), { type: 'error', multiLine: true }),
          }}
        />
      ) : null}
    </Stack>
  );
}
