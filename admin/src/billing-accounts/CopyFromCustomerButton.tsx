// "Copy from customer": fills the billing name and address from the parent customer account.
// Never the invoice emails: those say where invoices go, which the customer record does not know.
import { useState } from 'react';
import Button from '@mui/material/Button';
import { useDataProvider, useNotify } from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';

export const COPIED_FIELDS: Array<[from: string, to: string]> = [
  ['name', 'billingName'],
  ['addressLine1', 'addressLine1'],
  ['addressLine2', 'addressLine2'],
  ['city', 'city'],
  ['state', 'state'],
  ['zip', 'zip'],
];

export function CopyFromCustomerButton() {
  const customerId = useWatch({ name: 'customerId' }) as unknown;
  const { setValue } = useFormContext();
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const copy = async () => {
    if (customerId === undefined || customerId === null || customerId === '') return;
    setBusy(true);
    try {
      const { data } = await dataProvider.getOne('customers', { id: customerId as string | number });
      for (const [from, to] of COPIED_FIELDS) {
        setValue(to, data[from] ?? '', { shouldDirty: true, shouldValidate: to === 'billingName' });
      }
      notify('Billing name and address copied from the customer account. Invoice emails are not copied.', { type: 'info' });
    } catch {
      notify('The customer account could not be read.', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button variant="outlined" size="small" onClick={() => void copy()} disabled={busy || customerId === undefined || customerId === null || customerId === ''}>
      Copy from customer
    </Button>
  );
}
