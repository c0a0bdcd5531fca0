import { DeleteButton, SaveButton, Toolbar, useRecordContext } from 'react-admin';
import { deletable } from '../../../config/lifecycle';
import type { AccountStatus } from '../../../config/vocabulary';

/** Save, and Delete only for drafts (others are inactivated instead). */
export function AccountEditToolbar() {
  const record = useRecordContext();
  const canDelete = Boolean(record?.status && deletable({ status: record.status as AccountStatus }));
  return (
    <Toolbar sx={{ display: 'flex', justifyContent: 'space-between' }}>
      <SaveButton />
      {canDelete ? <DeleteButton mutationMode="pessimistic" /> : null}
    </Toolbar>
  );
}
