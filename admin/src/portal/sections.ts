// Which boxes the account portal shows, and in what order, for the roles a user holds: each role
// finds its own work first. Pure, so that the choice is tested on its own.
import type { Role } from '../../../config/vocabulary';

export type SectionKey =
  | 'waiting' // the Authorizer's queue, as the Authorizer's own work
  | 'returned' // accounts an Authorizer returned to this Account Manager
  | 'drafts' // this Account Manager's drafts, not yet submitted
  | 'district' // a District viewer's district
  | 'open' // open an account by number
  | 'submitted' // the Authorizer's queue, as an Account Manager follows it
  | 'dueSoon' // insurance, securities and agreements coming due
  | 'search'
  | 'savedSearches'
  | 'export'
  | 'administration';

export function portalSections(roles: readonly Role[]): SectionKey[] {
  const has = (role: Role) => roles.includes(role);
  const readsAccounts = roles.some((r) => r !== 'administrator');
  const acts = has('account_manager') || has('authorizer');
  const keys: SectionKey[] = [];
  if (has('authorizer')) keys.push('waiting');
  if (has('account_manager')) keys.push('returned', 'drafts');
  if (has('district_viewer')) keys.push('district');
  if (readsAccounts) keys.push('open');
  if (has('account_manager') && !has('authorizer')) keys.push('submitted');
  // Those who renew and check coverage; readers and reporters have their own boxes.
  if (acts) keys.push('dueSoon');
  if (readsAccounts) keys.push('search');
  if (has('analyst')) keys.push('savedSearches', 'export');
  if (has('administrator')) keys.push('administration');
  return keys;
}
