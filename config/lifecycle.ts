// The account lifecycle as data: which action applies in which status, and where it leads.
// The server enforces it inside a transaction; the admin reads the same table to show only the
// buttons that would succeed.
import type { AccountAction, AccountStatus } from './vocabulary';

export interface LifecycleState {
  readonly status: AccountStatus;
  readonly submittedAt?: string | Date | null;
}

interface Transition {
  readonly from: readonly AccountStatus[];
  /** Whether the account must (true) or must not (false) be waiting in the Authorizer's queue. */
  readonly submitted?: boolean;
  readonly to: AccountStatus;
}

export const TRANSITIONS: Record<AccountAction, Transition> = {
  // Submitting again is harmless (200, nothing changes), so it is not restricted by `submitted`.
  submit: { from: ['preliminary'], to: 'preliminary' },
  activate: { from: ['preliminary'], submitted: true, to: 'active' },
  return: { from: ['preliminary'], submitted: true, to: 'preliminary' },
  suspend: { from: ['active'], to: 'suspended' },
  reinstate: { from: ['suspended'], to: 'active' },
  // Goes to pending_inactivation instead while a permit system has work in process.
  inactivate: { from: ['active', 'suspended'], to: 'inactive' },
};

export function actionAllowed(action: AccountAction, state: LifecycleState): boolean {
  const t = TRANSITIONS[action];
  if (!t.from.includes(state.status)) return false;
  if (t.submitted === undefined) return true;
  return Boolean(state.submittedAt) === t.submitted;
}

export function allowedActions(state: LifecycleState): AccountAction[] {
  return (Object.keys(TRANSITIONS) as AccountAction[]).filter((a) => actionAllowed(a, state));
}

/** Only drafts may be deleted; after that an account is inactivated instead. */
export function deletable(state: LifecycleState): boolean {
  return state.status === 'preliminary';
}

/** A billing account may change owner only while it is Active or Suspended. */
export function reassignable(state: LifecycleState): boolean {
  return state.status === 'active' || state.status === 'suspended';
}
