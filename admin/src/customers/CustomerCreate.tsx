import { Create, SimpleForm } from 'react-admin';
import { CustomerInputs } from './CustomerInputs';

export function CustomerCreate() {
  return (
    <Create redirect="show" title="New customer account">
      <SimpleForm>
        <CustomerInputs />
      </SimpleForm>
    </Create>
  );
}
