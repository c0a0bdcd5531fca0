// The history: read-only, newest first by default. FEIN values in changes are masked for those
// who may not read the FEIN, as they are on the account itself.
import { subject } from '@casl/ability';
import { Event, User } from '../models';
import { defineResource } from '../rest/resource';
import { maskFein } from './fields';

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
    // Who acted, by name: the history is read by people who cannot list users.
    const actorIds = [...new Set(records.map((r) => r.actorId).filter((id): id is number => typeof id === 'number'))];
    const names = new Map((await User.findAll({ where: { id: actorIds }, attributes: ['id', 'fullName'] })).map((u) => [u.id, u.fullName]));
    for (const r of records) {
      r.actorName = typeof r.actorId === 'number' ? (names.get(r.actorId) ?? null) : null;
      const changes = r.changes as Record<string, [unknown, unknown]> | null;
      if (!feinReadable && changes?.fein) {
        changes.fein = changes.fein.map((v) => (v ? maskFein(v) : v)) as [unknown, unknown];
      }
    }
  },
});
