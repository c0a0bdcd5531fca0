// The one definition of who may do what. The server builds an ability from these rules for every
// request and enforces it; the admin rebuilds the same ability from the rules /api/auth/me sends.
// Status rules (delete only drafts, …) are not here: they are domain conflicts (409), not
// permissions (403), and live in ./lifecycle.
import { AbilityBuilder, createMongoAbility, type MongoAbility, type MongoQuery, type RawRuleOf } from '@casl/ability';
import type { ResourceName } from './resources';
import type { AccountAction, Role } from './vocabulary';

export type Action = 'manage' | 'read' | 'create' | 'update' | 'delete' | 'export' | 'import' | 'reassign' | AccountAction;
/** A resource name, or one record of it marked with subject(name, record). */
export type Subject = ResourceName | 'all' | SubjectRecord;
export type SubjectRecord = { readonly __caslSubjectType__?: ResourceName } & object;
export type AppAbility = MongoAbility<[Action, Subject], MongoQuery>;
export type AppRule = RawRuleOf<AppAbility>;

export interface AbilityUser {
  readonly id: number;
  readonly roles: readonly Role[];
  readonly district: string | null;
}

const ACCOUNTS: ResourceName[] = ['customers', 'billing-accounts'];
/** Records kept under an account, edited by Account Managers along with it. */
const ACCOUNT_RECORDS: ResourceName[] = ['contacts', 'insurance-policies', 'securities', 'agreements', 'attachments'];
const ACCOUNT_DATA: ResourceName[] = [...ACCOUNTS, ...ACCOUNT_RECORDS, 'notes', 'saved-searches', 'districts'];
/** The history of accounts; events about users and API clients are the administrator's audit log alone. */
const ACCOUNT_EVENTS = { entityType: { $in: [...ACCOUNTS, ...ACCOUNT_RECORDS, 'notes'] } };

type Builder = AbilityBuilder<AppAbility>;

/** What every role that works with accounts reads: the accounts, what they hold, their history. */
function readAccounts(can: Builder['can']): void {
  can('read', ACCOUNT_DATA);
  can('read', 'events', ACCOUNT_EVENTS);
}

const ROLE_RULES: Record<Role, (b: Builder, user: AbilityUser) => void> = {
  district_viewer: ({ can, cannot }) => {
    readAccounts(can);
    cannot('read', 'customers', 'fein').because('The full FEIN is shown to Central Office only.');
  },
  analyst: ({ can, cannot }, user) => {
    readAccounts(can);
    can('export', [...ACCOUNT_DATA, 'events']);
    can('create', 'saved-searches');
    can(['update', 'delete'], 'saved-searches', { ownerId: user.id });
    cannot('read', 'customers', 'fein').because('The full FEIN is shown to Central Office only.');
  },
  administrator: ({ can }) => {
    can('manage', ['users', 'api-clients']);
    can('read', ['events', 'districts']);
  },
  authorizer: ({ can, cannot }, user) => {
    readAccounts(can);
    can('create', 'notes');
    can(['update', 'delete'], 'notes', { authorId: user.id });
    can(['activate', 'return'], ACCOUNTS);
    can('create', 'saved-searches');
    can(['update', 'delete'], 'saved-searches', { ownerId: user.id });
    cannot('activate', ACCOUNTS, { submittedById: user.id }).because(
      'You submitted this account; another Authorizer must activate it.',
    );
  },
  account_manager: ({ can }, user) => {
    readAccounts(can);
    // Notes are kept by their authors: anyone of Central Office writes them, only the author edits.
    can('create', ['notes', 'saved-searches']);
    can(['update', 'delete'], 'notes', { authorId: user.id });
    can(['update', 'delete'], 'saved-searches', { ownerId: user.id });
    can('import', ACCOUNTS);
    can(['create', 'update', 'delete', 'submit', 'suspend', 'reinstate', 'inactivate'], ACCOUNTS);
    can(['create', 'update', 'delete'], ACCOUNT_RECORDS);
    can('reassign', 'billing-accounts');
  },
};

/**
 * Roles are applied in this order because a later CASL rule wins over an earlier one: the
 * restrictions of the read-only roles (masked FEIN) come first, so that a user who also holds a
 * Central Office role keeps that role's wider view. The four-eyes rule is an inverted rule of
 * the authorizer itself, so an account manager's rules, applied after it, never grant activation.
 */
const ROLE_ORDER: readonly Role[] = ['district_viewer', 'analyst', 'administrator', 'account_manager', 'authorizer'];

export function defineRulesFor(user: AbilityUser): AppRule[] {
  const builder = new AbilityBuilder<AppAbility>(createMongoAbility);
  for (const role of ROLE_ORDER) {
    if (user.roles.includes(role)) ROLE_RULES[role](builder, user);
  }
  return builder.rules;
}

export function abilityFromRules(rules: AppRule[]): AppAbility {
  return createMongoAbility<AppAbility>(rules);
}
