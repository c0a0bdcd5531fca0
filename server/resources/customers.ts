// Customer accounts: the parent of billing accounts. Never billed.
import { Op, Sequelize } from 'sequelize';
import { z } from 'zod';
import { ACCOUNT_TYPES } from '../../config/vocabulary';
import { conflict } from '../errors';
import { BillingAccount, Customer } from '../models';
import { nextAccountNumber } from '../domain/numbers';
import { recordChange, toApiRecord } from '../rest/engine';
import { defineResource } from '../rest/resource';
import { withdrawnIfChanged } from './submission';
import { billingAccounts } from './billing-accounts';
import { billingIdsInDistricts } from './districts';
import { email, fein, formatFein, maskFein, oneOf, optionalText, phone, phoneExt, requiredText, usState, zip } from './fields';

const editable = {
  name: requiredText(200, 'The customer name is required.'),
  accountType: oneOf(ACCOUNT_TYPES, 'utility, driveway'),
  addressLine1: optionalText(120),
  addressLine2: optionalText(120),
  city: optionalText(80),
  state: usState,
  zip,
  phone,
  phoneExt,
  email,
  fein,
  bpid: optionalText(20),
  bpName: optionalText(200),
};

export const customers = defineResource<Customer>({
  name: 'customers',
  model: Customer,
  fields: [
    'accountNumber', 'name', 'accountType', 'status', 'addressLine1', 'addressLine2', 'city', 'state', 'zip', 'phone', 'phoneExt',
    'email', 'fein', 'bpid', 'bpName', 'submittedAt', 'submittedById', 'version', 'createdAt', 'updatedAt',
  ],
  sortable: ['accountNumber', 'name', 'accountType', 'status', 'city', 'state', 'bpid', 'submittedAt', 'createdAt', 'updatedAt'],
  filterable: ['accountNumber', 'name', 'accountType', 'status', 'city', 'state', 'zip', 'bpid', 'fein', 'submittedAt', 'submittedById', 'createdAt', 'updatedAt'],
  filters: {
    // Customers serving a district: those with a billing account that serves it.
    district: (value) => ({
      id: { [Op.in]: Sequelize.literal(`(SELECT customer_id FROM billing_accounts WHERE id IN ${billingIdsInDistricts(value)})`) },
    }),
    // The Authorizer's queue: submitted drafts.
    submitted: (value) => (value === true || value === 'true'
      ? { status: 'preliminary', submittedAt: { [Op.ne]: null } }
      : { submittedAt: { [Op.is]: null } }),
  },
  searchFields: ['name', 'accountNumber', 'fein', 'bpid', 'bpName'],
  input: {
    create: z.object({ ...editable, accountType: editable.accountType.default('utility') }),
    update: z.object(editable).partial(),
  },
  format: { fein: formatFein },
  masks: { fein: maskFein },
  history: async (row) => ({ accountNumber: row.accountNumber, customerAccountNumber: row.accountNumber, status: row.status }),
  hooks: {
    beforeCreate: async (ctx, values) => ({ ...values, accountNumber: await nextAccountNumber(ctx.t, 'customers'), status: 'preliminary' }),
    beforeUpdate: async (_ctx, row, values) => {
      if (values.accountType !== undefined && values.accountType !== row.accountType && row.status !== 'preliminary') {
        throw conflict('The account type can change only while the account is Preliminary: one account never serves both.');
      }
      return withdrawnIfChanged(row, values);
    },
    beforeDelete: async (ctx, row) => {
      if (row.status !== 'preliminary') throw conflict('Only a Preliminary account can be deleted; inactivate it instead.');
      // Its billing accounts go with it, each with its own event.
      for (const b of await BillingAccount.findAll({ where: { customerId: row.id }, transaction: ctx.t })) {
        await recordChange(billingAccounts, ctx, b, 'delete', toApiRecord(billingAccounts, b, ctx), {}, 'Deleted with its customer account.');
        await b.destroy({ transaction: ctx.t });
      }
    },
  },
});
