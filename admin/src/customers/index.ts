import PeopleIcon from '@mui/icons-material/Business';
import type { RaRecord } from 'react-admin';
import { CustomerCreate } from './CustomerCreate';
import { CustomerEdit } from './CustomerEdit';
import { CustomerList } from './CustomerList';
import { CustomerShow } from './CustomerShow';

export default {
  list: CustomerList,
  show: CustomerShow,
  edit: CustomerEdit,
  create: CustomerCreate,
  icon: PeopleIcon,
  recordRepresentation: (r: RaRecord) => `${String(r.accountNumber ?? '')} — ${String(r.name ?? '')}`,
  options: { label: 'Customer accounts' },
};
