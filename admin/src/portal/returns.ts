// Which accounts came back to an Account Manager. A return clears the submission on the account
// itself (config/lifecycle.ts: `return` takes a submitted Preliminary account back to
// unsubmitted), so who it went back to is found in the history: the one whose submission the
// latest return undid. Pure, so that it is tested on its own.
import type { Identifier, RaRecord } from 'react-admin';
import type { AccountResource } from '../providers/dataProvider';

export const ACCOUNT_RESOURCES: AccountResource[] = ['customers', 'billing-accounts'];

export interface AccountRef {
  resource: AccountResource;
  id: Identifier;
}

export interface ReturnedAccount extends AccountRef {
  /** The return event: when, by whom (actorName), why (reason). */
  event: RaRecord;
}

export const refKey = (ref: { resource: string; id: Identifier }) => `${ref.resource}:${String(ref.id)}`;
const eventKey = (e: RaRecord) => `${String(e.entityType)}:${String(e.entityId)}`;
const newest = (a: RaRecord | undefined, b: RaRecord) => (!a || Number(b.id) > Number(a.id) ? b : a);

/**
 * The accounts whose latest return undid a submission by `userId`, newest return first. Events
 * are compared by id, which is their order, so the server's sort does not matter.
 */
export function returnedTo(userId: Identifier, returns: readonly RaRecord[], submits: readonly RaRecord[]): ReturnedAccount[] {
  const latest = new Map<string, RaRecord>();
  for (const r of returns) latest.set(eventKey(r), newest(latest.get(eventKey(r)), r));
  const found: ReturnedAccount[] = [];
  for (const [key, ret] of latest) {
    const undone = submits.filter((s) => eventKey(s) === key && Number(s.id) < Number(ret.id)).reduce<RaRecord | undefined>(newest, undefined);
    if (!undone || String(undone.actorId) !== String(userId)) continue;
    found.push({ resource: ret.entityType as AccountResource, id: ret.entityId as Identifier, event: ret });
  }
  return found.sort((a, b) => Number(b.event.id) - Number(a.event.id));
}

/** The accounts that events are about, once each, in the events' order. */
export function refsOf(events: readonly RaRecord[]): AccountRef[] {
  const seen = new Map<string, AccountRef>();
  for (const e of events) {
    const ref = { resource: e.entityType as AccountResource, id: e.entityId as Identifier };
    if (ACCOUNT_RESOURCES.includes(ref.resource) && !seen.has(refKey(ref))) seen.set(refKey(ref), ref);
  }
  return [...seen.values()];
}

/** Still a draft: Preliminary and not waiting in the Authorizer's queue. */
export function isOpenDraft(record: RaRecord | undefined): boolean {
  return Boolean(record) && record!.status === 'preliminary' && !record!.submittedAt;
}
