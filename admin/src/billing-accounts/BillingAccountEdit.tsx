import { Edit, SimpleForm, useRecordContext } from 'react-admin';
import { AccountEditToolbar } from '../accounts/EditToolbar';
import { BillingAccountInputs } from './BillingAccountInputs';

function Title() {
  const record = useRecordContext();
  return <span>Edit billing account {record ? `${String(record.accountNumber)} — ${String(record.billingName)}` : ''}</span>;
}

/** Pessimistic, so that the server's field errors (422) and version conflicts (409) show here. */
export function BillingAccountEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show" title={<Title />}>
      <SimpleForm toolbar={<AccountEditToolbar />}>
        <BillingAccountInputs />
      </SimpleForm>
    </Edit>
  );
}
