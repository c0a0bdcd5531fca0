// Notes on customer and billing accounts: newest first, at most 4,000 characters, edited only by
// their author (a CASL condition on authorId).
import { z } from 'zod';
import { NOTE_MAX_LENGTH } from '../../config/vocabulary';
import { Note } from '../models';
import { defineResource } from '../rest/resource';
import { ownedHooks, ownerInput, ownerPlace } from './owner';
import { nameUsers } from './users';

const owned = ownedHooks();

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
  input: { create: z.object(editable), update: z.object(editable).partial() },
  history: ownerPlace,
  // The author by name: colleagues read each other's notes without being able to list users.
  decorate: (records) => nameUsers(records, 'authorId', 'authorName'),
  hooks: {
    ...owned,
    beforeCreate: async (ctx, values) => ({ ...(await owned.beforeCreate(ctx, values)), authorId: ctx.user.id }),
  },
});
