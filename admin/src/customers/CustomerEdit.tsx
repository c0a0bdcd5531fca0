import { Edit, SimpleForm, useRecordContext } from 'react-admin';
import { AccountEditToolbar } from '../accounts/EditToolbar';
import { CustomerInputs } from './CustomerInputs';

function Title() {
  const record = useRecordContext();
  return <span>Edit customer account {record ? `${String(record.accountNumber)} — ${String(record.name)}` : ''}</span>;
}

/** Pessimistic, so that the server's field errors (422) and version conflicts (409) show here. */
export function CustomerEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show" title={<Title />}>
      <SimpleForm toolbar={<AccountEditToolbar />}>
        <CustomerInputs />
      </SimpleForm>
    </Edit>
  );
}
