// The history: read-only, newest first by default. FEIN values in changes are masked for those
// who may not read the FEIN, as they are on the account itself.
import { subject } from '@casl/ability';
import { Event } from '../models';
import { defineResource } from '../rest/resource';
import { maskFein } from './fields';
import { nameUsers } from './users';

export const events = defineResource<Event>({
  name: 'events',
  model: Event,
  fields: ['entityType', 'entityId', 'action', 'accountNumber', 'customerAccountNumber', 'status', 'actorId', 'at', 'changes', 'reason'],
  sortable: ['at', 'entityType', 'action', 'accountNumber', 'customerAccountNumber', 'actorId'],
  filterable: ['entityType', 'entityId', 'action', 'accountNumber', 'customerAccountNumber', 'status', 'actorId', 'at'],
  defaultSort: { field: 'id', order: 'DESC' },
  readOnly: true,
  decorate: async (records, ctx) => {
    const feinReadable = ctx.ability.can('read', subject('customers', {} as Record<string, unknown>), 'fein');
    // Who acted, by name: the history is read by people who cannot list users. The system
    // (actor 0) and a missing actor have no name.
    await nameUsers(records, 'actorId', 'actorName');
    if (feinReadable) return;
    for (const r of records) {
      const changes = r.changes as Record<string, [unknown, unknown]> | null;
      if (changes?.fein) changes.fein = changes.fein.map((v) => (v ? maskFein(v) : v)) as [unknown, unknown];
    }
  },
});
