// The lifecycle buttons of an account: each shown only when the status allows it (the shared
// lifecycle table) and the user may do it (the shared CASL rules). Actions that need a reason ask.
import { useState } from 'react';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import {
  DeleteButton, EditButton, useCanAccess, useDataProvider, useNotify, useRecordContext, useRefresh, type RaRecord,
} from 'react-admin';
import { allowedActions, deletable } from '../../../config/lifecycle';
import { ACCOUNT_ACTIONS, ACTION_LABELS, ACTIONS_WITH_REASON, type AccountAction, type AccountStatus } from '../../../config/vocabulary';
import type { AccountResource, CimsDataProvider } from '../providers/dataProvider';
import { describeError } from './errors';
import { RESOURCE_KIND } from './labels';
import { ReasonDialog } from './ReasonDialog';

const DONE: Record<AccountAction, string> = {
  submit: 'submitted for authorization',
  activate: 'activated',
  return: 'returned to the Account Manager',
  suspend: 'suspended',
  reinstate: 'reinstated',
  inactivate: 'inactivated',
};

const REASON_PROMPTS: Partial<Record<AccountAction, string>> = {
  return: 'Say what the Account Manager must fix before submitting again.',
  suspend: 'Say why the account is suspended (for example unpaid invoices after dunning, or an expired security).',
  inactivate: 'Say why the account is inactivated. Inactive is final: the account cannot be reactivated.',
};

function statusOf(record: RaRecord): { status: AccountStatus; submittedAt: string | null } {
  return { status: record.status as AccountStatus, submittedAt: (record.submittedAt as string | null) ?? null };
}

export interface ActionButtonProps {
  resource: AccountResource;
  action: AccountAction;
  record: RaRecord;
}

export function ActionButton({ resource, action, record }: ActionButtonProps) {
  const { canAccess } = useCanAccess({ action, resource, record });
  const dataProvider = useDataProvider<CimsDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!canAccess || !allowedActions(statusOf(record)).includes(action)) return null;
  const needsReason = ACTIONS_WITH_REASON.includes(action);
  const kind = RESOURCE_KIND[resource];
  const run = async (reason?: string) => {
    setBusy(true);
    try {
      await dataProvider.action(resource, record.id, action, reason ? { reason } : {});
      notify(`${kind} ${String(record.accountNumber ?? '')} ${DONE[action]}.`, { type: 'success' });
      setOpen(false);
      refresh();
    } catch (error) {
      notify(describeError(error, `Could not ${ACTION_LABELS[action].toLowerCase()}.`), { type: 'error', multiLine: true });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button
        variant={action === 'activate' || action === 'submit' ? 'contained' : 'outlined'}
        color={action === 'inactivate' || action === 'suspend' ? 'warning' : 'primary'}
        size="small"
        disabled={busy}
        onClick={() => (needsReason ? setOpen(true) : void run())}
      >
        {ACTION_LABELS[action]}
      </Button>
      {needsReason ? (
        <ReasonDialog
          open={open}
          busy={busy}
          title={`${ACTION_LABELS[action]}: ${kind.toLowerCase()} ${String(record.accountNumber ?? '')}`}
          description={REASON_PROMPTS[action]}
          confirmLabel={ACTION_LABELS[action]}
          onCancel={() => setOpen(false)}
          onConfirm={(reason) => void run(reason)}
        />
      ) : null}
    </>
  );
}

export interface AccountActionsProps {
  resource: AccountResource;
  /** Shown after the lifecycle buttons, e.g. Create billing account or Reassign. */
  children?: React.ReactNode;
}

/** Edit, the lifecycle actions, then Delete (drafts only). */
export function AccountActions({ resource, children }: AccountActionsProps) {
  const record = useRecordContext();
  if (!record) return null;
  const kind = RESOURCE_KIND[resource].toLowerCase();
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }} role="group" aria-label="Account actions">
      {record.status !== 'inactive' ? <EditButton resource={resource} record={record} variant="outlined" /> : null}
      {ACCOUNT_ACTIONS.map((action) => (
        <ActionButton key={action} resource={resource} action={action} record={record} />
      ))}
      {children}
      {deletable(statusOf(record)) ? (
        <DeleteButton
          resource={resource}
          record={record}
          mutationMode="pessimistic"
          confirmTitle={`Delete ${kind} ${String(record.accountNumber ?? '')}?`}
          confirmContent={
            resource === 'customers'
              ? 'This Preliminary customer account and its billing accounts will be deleted. Its number is never reused.'
              : 'This Preliminary billing account will be deleted. Its number is never reused.'
          }
          variant="outlined"
        />
      ) : null}
    </Stack>
  );
}
