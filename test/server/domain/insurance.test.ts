import { isInForce, nextApril30, today } from '../../../server/domain/insurance';

type Policy = Parameters<typeof isInForce>[0];

describe('isInForce', () => {
  const on = '2026-06-15';
  it.each<[string, Policy, boolean]>([
    ['no policy', null, false],
    ['commercial, not expired', { insuranceType: 'commercial', policyExpiresOn: '2026-12-31', confirmationDueOn: null }, true],
    ['commercial, expires today', { insuranceType: 'commercial', policyExpiresOn: on, confirmationDueOn: null }, true],
    ['commercial, expired yesterday', { insuranceType: 'commercial', policyExpiresOn: '2026-06-14', confirmationDueOn: null }, false],
    ['commercial, no expiry date', { insuranceType: 'commercial', policyExpiresOn: null, confirmationDueOn: '2027-04-30' }, false],
    ['commercial, confirmation overdue', { insuranceType: 'commercial', policyExpiresOn: '2027-12-31', confirmationDueOn: '2026-06-14' }, false],
    ['both, valid', { insuranceType: 'both', policyExpiresOn: '2027-01-01', confirmationDueOn: '2027-04-30' }, true],
    ['self, confirmed until April', { insuranceType: 'self', policyExpiresOn: null, confirmationDueOn: '2027-04-30' }, true],
    ['self, confirmation due today', { insuranceType: 'self', policyExpiresOn: null, confirmationDueOn: on }, true],
    ['self, no confirmation date', { insuranceType: 'self', policyExpiresOn: null, confirmationDueOn: null }, false],
    ['self, overdue', { insuranceType: 'self', policyExpiresOn: null, confirmationDueOn: '2026-04-30' }, false],
  ])('%s → %s', (_name, policy, expected) => {
    expect(isInForce(policy, on)).toBe(expected);
  });
});

describe('nextApril30', () => {
  it.each([
    ['2026-01-01', '2026-04-30'],
    ['2026-04-29', '2026-04-30'],
    ['2026-04-30', '2026-04-30'],
    ['2026-05-01', '2027-04-30'],
    ['2026-12-31', '2027-04-30'],
  ])('%s → %s', (on, expected) => {
    expect(nextApril30(on)).toBe(expected);
  });

  it('defaults to today', () => {
    expect(today()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(nextApril30() >= today()).toBe(true);
  });
});
