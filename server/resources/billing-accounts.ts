// Billing accounts: where the invoices for permit and inspection fees go. Each has one parent
// customer account, which can change (reassignment) while its number stays.
import { Op, QueryTypes, Sequelize } from 'sequelize';
import { z } from 'zod';
import { DISTRICT_CODES } from '../../config/districts';
import { INVOICE_METHODS, LIVE_STATUSES, PERMIT_SYSTEMS, statusLabel } from '../../config/vocabulary';
import { conflict, invalid } from '../errors';
import { BillingAccount, BillingAccountDistrict, Customer } from '../models';
import { nextAccountNumber } from '../domain/numbers';
import { assertMovable, recordMove } from '../domain/reassign';
import { assertKeepsBillingAccount } from '../domain/billing-rules';
import { defineResource } from '../rest/resource';
import { withdrawnIfChanged } from './submission';
import { billingIdsInDistricts } from './districts';
import { email, oneOf, optionalText, requiredText, usState, zip } from './fields';

const editable = {
  customerId: z.coerce.number({ message: 'Choose the customer account.' }).int().positive('Choose the customer account.'),
  billingName: requiredText(200, 'The billing name is required.'),
  addressLine1: optionalText(120),
  addressLine2: optionalText(120),
  city: optionalText(80),
  state: usState,
  zip,
  permitSystem: oneOf(PERMIT_SYSTEMS, PERMIT_SYSTEMS.join(', ')),
  invoiceMethod: oneOf(INVOICE_METHODS, 'email, physical'),
  invoiceEmailPrimary: email,
  invoiceEmailSecondary: email,
  districts: z.array(z.enum(DISTRICT_CODES as [string, ...string[]], { message: 'Not a PennDOT district.' })).max(11),
};

export const billingAccounts = defineResource<BillingAccount>({
  name: 'billing-accounts',
  model: BillingAccount,
  fields: [
    'accountNumber', 'customerId', 'billingName', 'status', 'addressLine1', 'addressLine2', 'city', 'state', 'zip', 'permitSystem',
    'invoiceMethod', 'invoiceEmailPrimary', 'invoiceEmailSecondary', 'districts', 'suspendedByCustomer', 'submittedAt',
    'submittedById', 'version', 'createdAt', 'updatedAt',
  ],
  sortable: ['accountNumber', 'billingName', 'status', 'city', 'state', 'permitSystem', 'invoiceMethod', 'customerId', 'submittedAt', 'createdAt', 'updatedAt'],
  filterable: ['accountNumber', 'customerId', 'billingName', 'status', 'city', 'state', 'zip', 'permitSystem', 'invoiceMethod', 'submittedAt', 'submittedById', 'createdAt', 'updatedAt'],
  filters: {
    district: (value) => ({ id: { [Op.in]: Sequelize.literal(billingIdsInDistricts(value)) } }),
    submitted: (value) => (value === true || value === 'true'
      ? { status: 'preliminary', submittedAt: { [Op.ne]: null } }
      : { submittedAt: { [Op.is]: null } }),
  },
  listIndex: { model: BillingAccountDistrict, filter: 'district' },
  searchFields: ['billingName', 'accountNumber'],
  input: {
    create: z.object({
      ...editable,
      permitSystem: editable.permitSystem.default('HOP'),
      invoiceMethod: editable.invoiceMethod.default('email'),
      districts: editable.districts.default([]),
    }),
    update: z.object(editable).partial(),
  },
  decorate: async (records) => {
    const ids = [...new Set(records.map((r) => Number(r.customerId)))];
    // On every list and record of billing accounts: plain rows of plain columns, without model
    // instances (a third of a list's time otherwise).
    const parents = await Customer.sequelize!.query<{ id: number; name: string; accountNumber: string; accountType: string; status: string }>(
      'SELECT id, name, account_number AS "accountNumber", account_type AS "accountType", status FROM customers WHERE id IN (:ids)',
      { replacements: { ids }, type: QueryTypes.SELECT },
    );
    const byId = new Map(parents.map((c) => [Number(c.id), c]));
    for (const r of records) {
      const parent = byId.get(Number(r.customerId));
      r.customerName = parent?.name ?? null;
      r.customerAccountNumber = parent?.accountNumber ?? null;
      r.accountType = parent?.accountType ?? null;
      r.customerStatus = parent?.status ?? null;
    }
  },
  history: async (row, t) => {
    const parent = await Customer.findByPk(row.customerId, { attributes: ['accountNumber'], transaction: t });
    return { accountNumber: row.accountNumber, customerAccountNumber: parent?.accountNumber ?? null, status: row.status };
  },
  hooks: {
    beforeCreate: async (ctx, values) => {
      const parent = await Customer.findByPk(Number(values.customerId), { transaction: ctx.t, lock: ctx.t.LOCK.UPDATE });
      if (!parent) throw invalid({ customerId: 'No such customer account.' });
      if (!LIVE_STATUSES.includes(parent.status)) {
        throw conflict(`A billing account cannot be created under a customer account that is ${statusLabel(parent.status)}.`);
      }
      return { ...values, accountNumber: await nextAccountNumber(ctx.t, 'billing-accounts'), status: 'preliminary' };
    },
    beforeUpdate: async (ctx, row, values) => {
      // Changing the parent through a plain update is a reassignment and follows its rules.
      if (values.customerId !== undefined && Number(values.customerId) !== row.customerId) {
        await assertMovable(ctx, [row], Number(values.customerId));
      }
      return withdrawnIfChanged(row, values);
    },
    afterUpdate: async (ctx, row, before) => {
      if (Number(before.customerId) !== row.customerId) await recordMove(ctx, row, Number(before.customerId), null);
    },
    beforeDelete: async (ctx, row) => {
      if (row.status !== 'preliminary') throw conflict('Only a Preliminary billing account can be deleted; inactivate it instead.');
      const parent = await Customer.findByPk(row.customerId, { transaction: ctx.t, lock: ctx.t.LOCK.UPDATE });
      if (parent) await assertKeepsBillingAccount(ctx.t, parent, [row.id], `delete billing account ${row.accountNumber}`);
    },
  },
});
