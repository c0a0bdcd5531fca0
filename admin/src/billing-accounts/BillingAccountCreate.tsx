import { Create, SimpleForm } from 'react-admin';
import { BillingAccountInputs } from './BillingAccountInputs';

export function BillingAccountCreate() {
  return (
    <Create redirect="show" title="New billing account">
      <SimpleForm>
        <BillingAccountInputs />
      </SimpleForm>
    </Create>
  );
}
