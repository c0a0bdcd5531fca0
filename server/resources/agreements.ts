// Agreements with a customer.
import { z } from 'zod';
import { Agreement } from '../models';
import { defineResource } from '../rest/resource';
import { isoDate, oneOf, optionalText, requiredText } from './fields';
import { ownedHooks, ownerPlace } from './owner';

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
  searchFields: ['agreementType', 'agreementNumber'],
  input: {
    create: z.object({ ...editable, agreementStatus: editable.agreementStatus.default('active') }),
    update: z.object(editable).partial(),
  },
  history: ownerPlace,
  hooks: ownedHooks({ billing: false }),
});
