// A customer's insurance (one record per customer): edited in place on the customer's page
// (InsurancePanel), and on these pages too.
import { Create, Edit, SimpleForm, useRecordContext } from 'react-admin';
import { InsuranceInputs } from './InsuranceInputs';

export { InsurancePanel, inForce } from './InsurancePanel';
export { InsuranceInputs, INSURANCE_TYPE_CHOICES, INSURANCE_TYPE_LABELS } from './InsuranceInputs';

const backToCustomer = (_resource?: string, _id?: unknown, data?: Record<string, unknown>) => `customers/${String(data?.customerId ?? '')}/show`;

function Title() {
  const record = useRecordContext();
  return <span>Insurance {record?.policyNumber ? String(record.policyNumber) : ''}</span>;
}

export function InsuranceCreate() {
  return (
    <Create redirect={backToCustomer} title="Add insurance">
      <SimpleForm>
        <InsuranceInputs />
      </SimpleForm>
    </Create>
  );
}

export function InsuranceEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect={backToCustomer} title={<Title />}>
      <SimpleForm>
        <InsuranceInputs />
      </SimpleForm>
    </Edit>
  );
}

export default { create: InsuranceCreate, edit: InsuranceEdit, recordRepresentation: 'policyNumber', options: { label: 'Insurance' } };
