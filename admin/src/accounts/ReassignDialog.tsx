// Moving billing accounts to the buyer's customer account when a company sells part of its
// business. Only Active and Suspended billing accounts move; the buyer is found by name or number.
import { useEffect, useId, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import Typography from '@mui/material/Typography';
import {
  AutocompleteInput, Form, ReferenceInput, TextInput, required, useCanAccess, useDataProvider, useGetList, useNotify,
  useRecordContext, useRefresh, type Identifier, type RaRecord,
} from 'react-admin';
import { reassignable } from '../../../config/lifecycle';
import { statusLabel, type AccountStatus } from '../../../config/vocabulary';
import type { CimsDataProvider, PreviewRecord } from '../providers/dataProvider';
import { describeError } from './errors';

export const TARGET_STATUSES: AccountStatus[] = ['preliminary', 'active', 'suspended'];

export function customerOptionText(record: RaRecord | undefined): string {
  if (!record) return '';
  return `${String(record.accountNumber ?? '')} — ${String(record.name ?? '')}`;
}

export const customerFilterToQuery = (searchText: string) => ({ q: searchText });

export interface ReassignDialogProps {
  open: boolean;
  onClose: () => void;
  /** The billing accounts that may be picked. */
  candidates: RaRecord[];
  /** Ticked when the dialog opens. */
  initialIds: Identifier[];
  /** The seller's account type: the buyer must have the same. */
  accountType: string;
  sellerId: Identifier;
}

export function ReassignDialog({ open, onClose, candidates, initialIds, accountType, sellerId }: ReassignDialogProps) {
  const dataProvider = useDataProvider<CimsDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const titleId = useId();
  const [ids, setIds] = useState<Identifier[]>(initialIds);
  const [preview, setPreview] = useState<PreviewRecord[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (open) setIds(initialIds);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const idsKey = JSON.stringify(ids);
  useEffect(() => {
    if (!open || ids.length === 0) {
      setPreview(null);
      return;
    }
    let live = true;
    dataProvider
      .reassignPreview(ids)
      .then(({ data }) => live && setPreview(data))
      .catch(() => live && setPreview(null));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, idsKey]);

  const toggle = (id: Identifier) => setIds((now) => (now.includes(id) ? now.filter((x) => x !== id) : [...now, id]));

  const submit = async (values: Record<string, unknown>) => {
    setProblem(null);
    if (ids.length === 0) {
      setProblem('Tick at least one billing account to move.');
      return;
    }
    if (String(values.customerId) === String(sellerId)) {
      setProblem('The buyer must be another customer account.');
      return;
    }
    setBusy(true);
    try {
      const { data } = await dataProvider.reassign({ ids, customerId: values.customerId as Identifier, reason: String(values.reason ?? '').trim() });
      notify(`${data.length} billing account${data.length === 1 ? '' : 's'} moved; each keeps its number.`, { type: 'success' });
      onClose();
      refresh();
    } catch (error) {
      setProblem(describeError(error, 'The billing accounts could not be moved.'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth="md">
      <Form onSubmit={(values: Record<string, unknown>) => void submit(values)} noValidate>
        <DialogTitle id={titleId}>Reassign billing accounts</DialogTitle>
        <DialogContent>
          <Typography sx={{ mb: 1 }}>
            The billing accounts move to the buyer's customer account and keep their numbers, contacts and notes. Only Active
            and Suspended billing accounts can move.
          </Typography>
          <FormGroup aria-label="Billing accounts to move" sx={{ mb: 2 }}>
            {candidates.length === 0 ? <Typography color="text.secondary">No billing account here can be moved.</Typography> : null}
            {candidates.map((b, i) => (
              <FormControlLabel
                key={b.id}
                // Focus starts on the first field, the first account to tick, not on the dialog's frame.
                control={<Checkbox checked={ids.includes(b.id)} onChange={() => toggle(b.id)} autoFocus={i === 0} />}
                label={`${String(b.accountNumber)} — ${String(b.billingName)} (${statusLabel(String(b.status))})`}
              />
            ))}
          </FormGroup>
          <ReferenceInput
            source="customerId"
            reference="customers"
            filter={{ accountType, status: TARGET_STATUSES }}
            sort={{ field: 'name', order: 'ASC' }}
          >
            <AutocompleteInput
              label="Buyer's customer account (name or number)"
              optionText={customerOptionText}
              filterToQuery={customerFilterToQuery}
              validate={required('Choose the buyer’s customer account.')}
              fullWidth
              helperText="Type part of the name or the account number. Same account type, Preliminary, Active or Suspended."
            />
          </ReferenceInput>
          <TextInput source="reason" label="Reason" multiline minRows={2} fullWidth validate={required('Please give a reason.')} />
          {preview && preview.length > 0 ? (
            <Alert severity={preview.some((p) => !p.movable) ? 'warning' : 'info'} sx={{ mt: 1 }}>
              <Typography variant="subtitle2">Before you move them</Typography>
              {preview.map((p) => (
                <div key={p.id}>
                  {String(p.accountNumber)} {String(p.billingName)}: {p.movable ? 'can move.' : p.why}
                  {p.workInProcess.length > 0
                    ? ` Work in process that moves with it: ${p.workInProcess.map((w) => `${w.permitSystem} ${w.externalId}${w.description ? ` (${w.description})` : ''}`).join(', ')}.`
                    : ''}
                </div>
              ))}
            </Alert>
          ) : null}
          {problem ? (
            <Alert severity="error" role="alert" sx={{ mt: 1 }}>
              {problem}
            </Alert>
          ) : null}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={busy}>
            Move billing accounts
          </Button>
        </DialogActions>
      </Form>
    </Dialog>
  );
}

/** "Reassign billing accounts" on a customer, or "Reassign" on one billing account. */
export function ReassignButton({ from }: { from: 'customers' | 'billing-accounts' }) {
  const record = useRecordContext();
  const [open, setOpen] = useState(false);
  const { canAccess } = useCanAccess({ action: 'reassign', resource: 'billing-accounts' });
  const customerId = from === 'customers' ? record?.id : record?.customerId;
  const { data: siblings } = useGetList<RaRecord>(
    'billing-accounts',
    { filter: { customerId, status: ['active', 'suspended'] }, pagination: { page: 1, perPage: 200 }, sort: { field: 'accountNumber', order: 'ASC' } },
    { enabled: Boolean(canAccess && customerId !== undefined && from === 'customers') },
  );
  if (!record || !canAccess) return null;
  const candidates = from === 'customers' ? (siblings ?? []) : reassignable({ status: record.status as AccountStatus }) ? [record] : [];
  if (candidates.length === 0) return null;
  const accountType = String((from === 'customers' ? record.accountType : record.accountType) ?? 'utility');
  return (
    <>
      <Button variant="outlined" size="small" onClick={() => setOpen(true)}>
        {from === 'customers' ? 'Reassign billing accounts' : 'Reassign'}
      </Button>
      {open ? (
        <ReassignDialog
          open={open}
          onClose={() => setOpen(false)}
          candidates={candidates}
          initialIds={from === 'customers' ? [] : [record.id]}
          accountType={accountType}
          sellerId={customerId as Identifier}
        />
      ) : null}
    </>
  );
}
