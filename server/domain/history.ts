// Every change is an event: what changed (before and after), the account's status and its parent
// customer's number at the time, who, when. Events are only ever inserted.
import type { Transaction } from 'sequelize';
import { Event } from '../models';
import type { Changes } from '../models/event';
import type { HistoryPlace } from '../rest/resource';

export interface NewEvent {
  readonly entityType: string;
  readonly entityId: number;
  readonly action: string;
  readonly place: HistoryPlace;
  readonly actorId: number | null;
  readonly changes: Changes;
  readonly reason?: string | null;
}

export async function recordEvent(t: Transaction, e: NewEvent): Promise<Event> {
  return Event.create(
    {
      entityType: e.entityType,
      entityId: e.entityId,
      action: e.action,
      accountNumber: e.place.accountNumber,
      customerAccountNumber: e.place.customerAccountNumber,
      status: e.place.status,
      actorId: e.actorId,
      at: new Date(),
      changes: e.changes,
      reason: e.reason ?? null,
    },
    { transaction: t },
  );
}

/** The fields whose values differ, as {field: [before, after]}; pure. */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>, fields: readonly string[]): Changes {
  const changes: Changes = {};
  for (const field of fields) {
    const a = normalize(before[field]);
    const b = normalize(after[field]);
    if (JSON.stringify(a) !== JSON.stringify(b)) changes[field] = [a, b];
  }
  return changes;
}

function normalize(value: unknown): unknown {
  if (value === undefined || value === '') return null;
  if (value instanceof Date) return value.toISOString();
  return value;
}
