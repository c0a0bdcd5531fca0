import { actionAllowed, allowedActions, deletable, reassignable, type LifecycleState } from '../../config/lifecycle';
import { ACCOUNT_STATUSES, type AccountAction } from '../../config/vocabulary';

const draft: LifecycleState = { status: 'preliminary', submittedAt: null };
const submitted: LifecycleState = { status: 'preliminary', submittedAt: '2026-01-02T03:04:05Z' };

describe('allowedActions', () => {
  it.each<[string, LifecycleState, AccountAction[]]>([
    ['draft', draft, ['submit']],
    ['submitted draft', submitted, ['submit', 'activate', 'return']],
    ['submitted draft (Date)', { status: 'preliminary', submittedAt: new Date() }, ['submit', 'activate', 'return']],
    ['active', { status: 'active' }, ['suspend', 'inactivate']],
    ['suspended', { status: 'suspended' }, ['reinstate', 'inactivate']],
    ['pending inactivation', { status: 'pending_inactivation' }, []],
    ['inactive', { status: 'inactive' }, []],
  ])('%s → %j', (_name, state, actions) => {
    expect(allowedActions(state)).toEqual(actions);
  });
});

describe('actionAllowed', () => {
  it.each<[AccountAction, LifecycleState, boolean]>([
    ['activate', draft, false],
    ['return', draft, false],
    ['activate', submitted, true],
    ['activate', { status: 'active', submittedAt: '2026-01-01' }, false],
    ['reinstate', { status: 'active' }, false],
    ['suspend', { status: 'suspended' }, false],
    ['reinstate', { status: 'inactive' }, false],
    ['activate', { status: 'inactive', submittedAt: '2026-01-01' }, false],
    ['submit', { status: 'active' }, false],
    ['inactivate', { status: 'pending_inactivation' }, false],
    ['inactivate', { status: 'suspended' }, true],
  ])('%s on %j → %s', (action, state, allowed) => {
    expect(actionAllowed(action, state)).toBe(allowed);
  });
});

describe('deletable and reassignable', () => {
  it.each(ACCOUNT_STATUSES.map((s) => [s]))('%s', (status) => {
    expect(deletable({ status })).toBe(status === 'preliminary');
    expect(reassignable({ status })).toBe(status === 'active' || status === 'suspended');
  });
});
