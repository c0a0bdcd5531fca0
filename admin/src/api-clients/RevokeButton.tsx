// Revoke a client's token (POST /api/api-clients/{id}/revoke) after a confirmation: the permit
// system's calls fail from then on, and a revoked token cannot be restored.
import { useState } from 'react';
import Button from '@mui/material/Button';
import BlockIcon from '@mui/icons-material/Block';
import { Confirm, useDataProvider, useNotify, useRecordContext, useRefresh } from 'react-admin';
import type { AccountAction } from '../../../config/vocabulary';
import { describeError } from '../accounts/errors';
import type { AccountResource, CimsDataProvider } from '../providers/dataProvider';

/** The revoke action, through the data provider's POST /{resource}/{id}/{action}. */
export function revokeClient(dataProvider: CimsDataProvider, id: string | number) {
  // action() is typed for the account lifecycle, but it is the generic POST the revoke route needs.
  return dataProvider.action('api-clients' as AccountResource, id, 'revoke' as AccountAction, {});
}

export function RevokeButton() {
  const record = useRecordContext();
  const dataProvider = useDataProvider<CimsDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!record || !record.active) return null;
  const name = String(record.name ?? '');
  const confirm = async () => {
    setBusy(true);
    try {
      await revokeClient(dataProvider, record.id);
      notify(`The token of ${name} is revoked.`, { type: 'success' });
      setOpen(false);
      refresh();
    } catch (error) {
      notify(describeError(error, 'The token could not be revoked.'), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button
        size="small"
        color="error"
        startIcon={<BlockIcon />}
        aria-label={`Revoke ${name}`}
        onClick={(e) => {
          e.stopPropagation();
          setOpen(true);
        }}
      >
        Revoke
      </Button>
      <Confirm
        isOpen={open}
        loading={busy}
        title={`Revoke the token of ${name}?`}
        content="The permit system can no longer call CIMS with it. This cannot be undone; a new client must be registered to reconnect."
        confirm="Revoke token"
        cancel="Keep it"
        confirmColor="warning"
        onConfirm={() => void confirm()}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
