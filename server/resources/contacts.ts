// Contacts of customer and billing accounts; one of an account's contacts may be its primary.
import { Op } from 'sequelize';
import { z } from 'zod';
import { Contact } from '../models';
import { recordChange, toApiRecord } from '../rest/engine';
import { defineResource, type WriteContext } from '../rest/resource';
import { email, optionalText, phone, phoneExt, requiredText } from './fields';
import { ownedHooks, ownerInput, ownerPlace } from './owner';

const editable = {
  ...ownerInput,
  name: requiredText(120, 'The contact\'s name is required.'),
  title: optionalText(120),
  email,
  phone,
  phoneExt,
  mobile: phone,
  isPrimary: z.boolean().optional(),
};

export const contacts = defineResource<Contact>({
  name: 'contacts',
  model: Contact,
  fields: ['customerId', 'billingAccountId', 'name', 'title', 'email', 'phone', 'phoneExt', 'mobile', 'isPrimary', 'version', 'createdAt', 'updatedAt'],
  sortable: ['name', 'email', 'isPrimary', 'createdAt'],
  filterable: ['customerId', 'billingAccountId', 'name', 'email', 'isPrimary'],
  defaultSort: { field: 'name', order: 'ASC' },
  input: { create: z.object(editable), update: z.object(editable).partial() },
  history: ownerPlace,
  hooks: {
    ...ownedHooks(),
    afterCreate: (ctx, row) => keepOnePrimary(ctx, row),
    afterUpdate: (ctx, row) => keepOnePrimary(ctx, row),
  },
});

/** Making a contact primary makes the account's former primary contact an ordinary one. */
async function keepOnePrimary(ctx: WriteContext, row: Contact): Promise<void> {
  if (!row.isPrimary) return;
  const owner = row.billingAccountId ? { billingAccountId: row.billingAccountId } : { customerId: row.customerId };
  const others = await Contact.findAll({ where: { ...owner, isPrimary: true, id: { [Op.ne]: row.id } }, transaction: ctx.t });
  for (const other of others) {
    const before = toApiRecord(contacts, other, ctx);
    await other.update({ isPrimary: false }, { transaction: ctx.t });
    await recordChange(contacts, ctx, other, 'update', before, toApiRecord(contacts, other, ctx), 'Another contact became the primary one.');
  }
}
