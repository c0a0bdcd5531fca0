import { subject } from '@casl/ability';
import { abilityFromRules, defineRulesFor, type Action, type AppAbility } from '../../config/abilities';
import type { ResourceName } from '../../config/resources';
import type { Role } from '../../config/vocabulary';

const ME = 7;
const ability = (roles: Role[], district: string | null = null): AppAbility => abilityFromRules(defineRulesFor({ id: ME, roles, district }));

const ACTIONS: Action[] = ['read', 'create', 'update', 'delete', 'export', 'reassign', 'submit', 'activate', 'return', 'suspend', 'reinstate', 'inactivate'];
const SUBJECTS: ResourceName[] = ['customers', 'billing-accounts', 'insurance-policies', 'events', 'users', 'districts'];

/** What each role may do, as "action subject" strings; everything else is refused. */
const ALLOWED: Record<Role, string[]> = {
  account_manager: [
    ...['customers', 'billing-accounts', 'insurance-policies', 'events', 'districts'].map((s) => `read ${s}`),
    ...['create', 'update', 'delete'].flatMap((a) => ['customers', 'billing-accounts', 'insurance-policies'].map((s) => `${a} ${s}`)),
    ...['submit', 'suspend', 'reinstate', 'inactivate'].flatMap((a) => ['customers', 'billing-accounts'].map((s) => `${a} ${s}`)),
    'reassign billing-accounts',
  ],
  authorizer: [
    ...['customers', 'billing-accounts', 'insurance-policies', 'events', 'districts'].map((s) => `read ${s}`),
    'activate customers', 'activate billing-accounts', 'return customers', 'return billing-accounts',
  ],
  district_viewer: ['customers', 'billing-accounts', 'insurance-policies', 'events', 'districts'].map((s) => `read ${s}`),
  analyst: ['customers', 'billing-accounts', 'insurance-policies', 'events', 'districts'].flatMap((s) => [`read ${s}`, `export ${s}`]),
  administrator: [...ACTIONS.map((a) => `${a} users`), 'read events', 'read districts'],
};

describe.each(Object.keys(ALLOWED) as Role[])('role %s', (role) => {
  const a = ability([role], role === 'district_viewer' ? '11-0' : null);
  it.each(ACTIONS.flatMap((action) => SUBJECTS.map((s) => [action, s] as const)))('%s %s', (action, s) => {
    expect(a.can(action, s)).toBe(ALLOWED[role].includes(`${action} ${s}`));
  });
});

describe('the FEIN field rule', () => {
  const customer = subject('customers', { id: 1, fein: '251234567' });
  it.each<[Role[], boolean]>([
    [['account_manager'], true],
    [['authorizer'], true],
    [['district_viewer'], false],
    [['analyst'], false],
    [['district_viewer', 'account_manager'], true],
    [['account_manager', 'district_viewer'], true],
    [['analyst', 'authorizer'], true],
    [['district_viewer', 'analyst'], false],
  ])('%j reads the full FEIN: %s', (roles, full) => {
    const a = ability(roles, '11-0');
    expect(a.can('read', customer, 'fein')).toBe(full);
    expect(a.can('read', customer, 'name')).toBe(true);
  });

  it('has a reason for the masked FEIN', () => {
    expect(ability(['analyst']).relevantRuleFor('read', customer, 'fein')?.reason).toMatch(/Central Office/);
  });
});

describe('four eyes', () => {
  const submittedByMe = { status: 'preliminary', submittedById: ME };
  const submittedByOther = { status: 'preliminary', submittedById: ME + 1 };
  it.each<[Role[]]>([[['authorizer']], [['account_manager', 'authorizer']], [['authorizer', 'account_manager']]])('%j', (roles) => {
    const a = ability(roles);
    for (const kind of ['customers', 'billing-accounts'] as const) {
      expect(a.can('activate', subject(kind, { ...submittedByMe }))).toBe(false);
      expect(a.can('activate', subject(kind, { ...submittedByOther }))).toBe(true);
      // Returning one's own submission is not an activation.
      expect(a.can('return', subject(kind, { ...submittedByMe }))).toBe(true);
    }
  });

  it('an account manager alone never activates', () => {
    expect(ability(['account_manager']).can('activate', subject('customers', { ...submittedByOther }))).toBe(false);
  });
});

describe('rules are plain data for /me', () => {
  it('round-trips through JSON', () => {
    const rules = defineRulesFor({ id: ME, roles: ['authorizer'], district: null });
    const a = abilityFromRules(JSON.parse(JSON.stringify(rules)));
    expect(a.can('activate', subject('customers', { submittedById: ME }))).toBe(false);
    expect(a.can('activate', subject('customers', { submittedById: 1 }))).toBe(true);
  });

  it('no roles, no rights', () => {
    expect(defineRulesFor({ id: 1, roles: [], district: null })).toEqual([]);
  });
});
