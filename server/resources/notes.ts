// Notes on customer and billing accounts: newest first, at most 4,000 characters, edited only by
// their author (an inverted-free CASL condition on authorId).
import { z } from 'zod';
import { NOTE_MAX_LENGTH } from '../../config/vocabulary';
import { Note } from '../models';
import { defineResource } from '../rest/resource';
import { assertOwner, ownerInput, ownerPlace, refuseOwnerChange } from './owner';

const editable = {
  ...ownerInput,
  text: z.preprocess((v) => (typeof v === 'string' ? v.trim() : v),
    z.string({ message: 'Write the note.' }).min(1, 'Write the note.').max(NOTE_MAX_LENGTH, `A note has at most ${NOTE_MAX_LENGTH} characters.`)),
};

export const notes = defineResource<Note>({
  name: 'notes',
  model: Note,
  fields: ['customerId', 'billingAccountId', 'text', 'authorId', 'version', 'createdAt', 'updatedAt'],
  sortable: ['createdAt', 'updatedAt', 'authorId'],
  filterable: ['customerId', 'billingAccountId', 'authorId', 'createdAt'],
  defaultSort: { field: 'createdAt', order: 'DESC' },
  searchFields: ['text'],
  input: { create: z.object(editable), update: z.object(editable).partial() },
  history: ownerPlace,
  hooks: {
    beforeCreate: async (ctx, values) => {
      await assertOwner(ctx.t, values);
      return { ...values, authorId: ctx.user.id };
    },
    beforeUpdate: async (_ctx, row, values) => {
      refuseOwnerChange(row, values);
      return values;
    },
  },
});
