// Agreements with a customer.
import { z } from 'zod';
import { invalid } from '../errors';
import { Agreement } from '../models';
import { defineResource } from '../rest/resource';
import { isoDate, oneOf, optionalText, requiredText } from './fields';
import { ownedHooks, ownerPlace } from './owner';

const owned = ownedHooks({ billing: false });
const ORDER = 'The agreement cannot expire before it takes effect.';

export const AGREEMENT_STATUSES = ['pending', 'active', 'expired', 'terminated'] as const;

const editable = {
  customerId: z.coerce.number({ message: 'Choose the customer account.' }).int().positive(),
  agreementType: requiredText(60, 'The agreement type is required.'),
  agreementNumber: optionalText(60),
  effectiveOn: isoDate,
  expiresOn: isoDate,
  agreementStatus: oneOf(AGREEMENT_STATUSES, AGREEMENT_STATUSES.join(', ')),
};

export const agreements = defineResource<Agreement>({
  name: 'agreements',
  model: Agreement,
  fields: ['customerId', 'agreementType', 'agreementNumber', 'effectiveOn', 'expiresOn', 'agreementStatus', 'version', 'createdAt', 'updatedAt'],
  sortable: ['agreementType', 'agreementNumber', 'effectiveOn', 'expiresOn', 'agreementStatus'],
  filterable: ['customerId', 'agreementType', 'agreementNumber', 'effectiveOn', 'expiresOn', 'agreementStatus'],
  defaultSort: { field: 'expiresOn', order: 'ASC' },
  input: {
    // Fix: an agreement could expire before it took effect (securities already refused that).
    create: z.object({ ...editable, agreementStatus: editable.agreementStatus.default('active') })
      .refine((v) => !v.effectiveOn || !v.expiresOn || v.expiresOn >= v.effectiveOn, { message: ORDER, path: ['expiresOn'] }),
    update: z.object(editable).partial(),
  },
  history: ownerPlace,
  hooks: {
    ...owned,
    // The same check on update, against the dates as they will stand.
    beforeUpdate: async (ctx, row, values) => {
      const v = await owned.beforeUpdate(ctx, row, values);
      const effectiveOn = v.effectiveOn !== undefined ? v.effectiveOn : row.effectiveOn;
      const expiresOn = v.expiresOn !== undefined ? v.expiresOn : row.expiresOn;
      if (typeof effectiveOn === 'string' && typeof expiresOn === 'string' && expiresOn < effectiveOn) throw invalid({ expiresOn: ORDER });
      return v;
    },
  },
});
