// Securities (bonds, letters of credit) held for a customer, amounts as exact money.
import { z } from 'zod';
import { invalid } from '../errors';
import { Security } from '../models';
import { defineResource } from '../rest/resource';
import { isoDate, oneOf, optionalText } from './fields';
import { ownedHooks, ownerPlace } from './owner';

const owned = ownedHooks({ billing: false });

export const SECURITY_TYPES = ['bond', 'letter_of_credit'] as const;

const money = z
  .preprocess((v) => (v === '' ? null : typeof v === 'number' ? v.toFixed(2) : v),
    z.string().trim().regex(/^\d{1,12}(\.\d{1,2})?$/, 'An amount in dollars and cents, such as 250000.00.').nullable())
  .optional();

const editable = {
  customerId: z.coerce.number({ message: 'Choose the customer account.' }).int().positive(),
  securityType: oneOf(SECURITY_TYPES, 'bond, letter of credit'),
  systemNumber: optionalText(40),
  issuerName: optionalText(200),
  issuerNumber: optionalText(60),
  issuerReference: optionalText(120),
  amount: money,
  effectiveOn: isoDate,
  expiresOn: isoDate,
  blanket: z.boolean().optional(),
};

export const securities = defineResource<Security>({
  name: 'securities',
  model: Security,
  fields: ['customerId', 'securityType', 'systemNumber', 'issuerName', 'issuerNumber', 'issuerReference', 'amount', 'effectiveOn', 'expiresOn', 'blanket', 'version', 'createdAt', 'updatedAt'],
  sortable: ['securityType', 'systemNumber', 'issuerName', 'amount', 'effectiveOn', 'expiresOn', 'blanket'],
  filterable: ['customerId', 'securityType', 'systemNumber', 'issuerName', 'effectiveOn', 'expiresOn', 'blanket'],
  defaultSort: { field: 'expiresOn', order: 'ASC' },
  input: {
    create: z.object(editable).refine((v) => !v.effectiveOn || !v.expiresOn || v.expiresOn >= v.effectiveOn, { message: 'The security cannot expire before it takes effect.', path: ['expiresOn'] }),
    update: z.object(editable).partial(),
  },
  history: ownerPlace,
  hooks: {
    ...owned,
    // Fix: the create schema's refine does not run on a (partial) update, so a PUT could move the
    // expiry before the effective date. Check the dates as they will stand after the update.
    beforeUpdate: async (ctx, row, values) => {
      const v = await owned.beforeUpdate(ctx, row, values);
      const effectiveOn = v.effectiveOn !== undefined ? v.effectiveOn : row.effectiveOn;
      const expiresOn = v.expiresOn !== undefined ? v.expiresOn : row.expiresOn;
      if (typeof effectiveOn === 'string' && typeof expiresOn === 'string' && expiresOn < effectiveOn) {
        throw invalid({ expiresOn: 'The security cannot expire before it takes effect.' });
      }
      return v;
    },
  },
});
