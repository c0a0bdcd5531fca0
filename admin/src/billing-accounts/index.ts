import ReceiptIcon from '@mui/icons-material/ReceiptLong';
import type { RaRecord } from 'react-admin';
import { BillingAccountCreate } from './BillingAccountCreate';
import { BillingAccountEdit } from './BillingAccountEdit';
import { BillingAccountList } from './BillingAccountList';
import { BillingAccountShow } from './BillingAccountShow';

export default {
  list: BillingAccountList,
  show: BillingAccountShow,
  edit: BillingAccountEdit,
  create: BillingAccountCreate,
  icon: ReceiptIcon,
  recordRepresentation: (r: RaRecord) => `${String(r.accountNumber ?? '')} — ${String(r.billingName ?? '')}`,
  options: { label: 'Billing accounts' },
};
