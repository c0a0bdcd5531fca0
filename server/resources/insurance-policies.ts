// A customer's insurance: exactly one record per customer.
import { z } from 'zod';
import { conflict, invalid } from '../errors';
import { Customer, InsurancePolicy } from '../models';
import { today } from '../domain/insurance';
import { defineResource } from '../rest/resource';
import { isoDate, oneOf, optionalText } from './fields';

const INSURANCE_TYPES = ['commercial', 'self', 'both'] as const;

const confirmationDue = isoDate.refine((v) => !v || v >= today(), 'The confirmation date cannot be in the past.');

const editable = {
  customerId: z.coerce.number({ message: 'Choose the customer account.' }).int().positive(),
  insuranceType: oneOf(INSURANCE_TYPES, 'commercial, self-insured, both'),
  systemInsuranceId: optionalText(40),
  carrier: optionalText(200),
  policyNumber: optionalText(60),
  policyExpiresOn: isoDate,
  confirmationDueOn: confirmationDue,
};

export const insurancePolicies = defineResource<InsurancePolicy>({
  name: 'insurance-policies',
  model: InsurancePolicy,
  fields: ['customerId', 'insuranceType', 'systemInsuranceId', 'carrier', 'policyNumber', 'policyExpiresOn', 'confirmationDueOn', 'version', 'createdAt', 'updatedAt'],
  sortable: ['customerId', 'insuranceType', 'carrier', 'policyNumber', 'policyExpiresOn', 'confirmationDueOn'],
  filterable: ['customerId', 'insuranceType', 'carrier', 'policyNumber', 'policyExpiresOn', 'confirmationDueOn'],
  input: {
    create: z.object(editable),
    // On update the past-date check moves to beforeUpdate, so that a stored confirmation date that has
    // since passed, sent back unchanged with the whole record, does not block every other edit.
    update: z.object({ ...editable, confirmationDueOn: isoDate }).partial(),
  },
  history: async (row, t) => {
    const customer = await Customer.findByPk(row.customerId, { attributes: ['accountNumber', 'status'], transaction: t });
    return { accountNumber: customer?.accountNumber ?? null, customerAccountNumber: customer?.accountNumber ?? null, status: customer?.status ?? null };
  },
  hooks: {
    beforeCreate: async (ctx, values) => {
      const customer = await Customer.findByPk(Number(values.customerId), { transaction: ctx.t, lock: ctx.t.LOCK.UPDATE });
      if (!customer) throw invalid({ customerId: 'No such customer account.' });
      if (await InsurancePolicy.count({ where: { customerId: customer.id }, transaction: ctx.t })) {
        throw conflict('This customer account already has its insurance record; edit that one.');
      }
      return values;
    },
    beforeUpdate: async (_ctx, row, values) => {
      if (values.customerId !== undefined && Number(values.customerId) !== row.customerId) {
        throw invalid({ customerId: 'Insurance stays with its customer account.' });
      }
      const due = values.confirmationDueOn;
      if (typeof due === 'string' && due !== row.confirmationDueOn && due < today()) {
        throw invalid({ confirmationDueOn: 'The confirmation date cannot be in the past.' });
      }
      return values;
    },
  },
});
