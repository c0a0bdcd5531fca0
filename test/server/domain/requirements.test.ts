import { billingActivationErrors, customerActivationErrors, requiresBillingAccount, type BillingFacts, type CustomerFacts } from '../../../server/domain/requirements';

const customer: CustomerFacts = {
  accountType: 'utility', addressLine1: '1 Main St', city: 'Harrisburg', state: 'PA', zip: '17101', bpid: 'BP1', fein: '251234567',
  liveBillingAccounts: 1, insuranceInForce: true,
};

describe('customerActivationErrors', () => {
  it('a complete Utility customer has none', () => {
    expect(customerActivationErrors(customer)).toEqual({});
  });

  it.each<[Partial<CustomerFacts>, string[]]>([
    [{ fein: null }, ['fein']],
    [{ bpid: '' }, ['bpid']],
    [{ addressLine1: null, city: null, state: null, zip: null }, ['addressLine1', 'city', 'state', 'zip']],
    [{ insuranceInForce: false }, ['insurance']],
    [{ liveBillingAccounts: 0 }, ['billingAccounts']],
    [{ fein: null, bpid: null, insuranceInForce: false, liveBillingAccounts: 0 }, ['bpid', 'fein', 'insurance', 'billingAccounts']],
  ])('%j → %j', (change, fields) => {
    const errors = customerActivationErrors({ ...customer, ...change });
    expect(Object.keys(errors).sort()).toEqual([...fields].sort());
    for (const f of fields) expect(errors[f]).toEqual(expect.any(String));
  });

  it('a Driveway customer needs only a billing account', () => {
    const bare: CustomerFacts = { accountType: 'driveway', addressLine1: null, city: null, state: null, zip: null, bpid: null, fein: null, liveBillingAccounts: 1, insuranceInForce: false };
    expect(customerActivationErrors(bare)).toEqual({});
    expect(Object.keys(customerActivationErrors({ ...bare, liveBillingAccounts: 0 }))).toEqual(['billingAccounts']);
  });
});

describe('billingActivationErrors', () => {
  const billing: BillingFacts = {
    billingName: 'B', addressLine1: '1 Main', city: 'Erie', state: 'PA', zip: '16501', permitSystem: 'HOP', invoiceMethod: 'email',
    invoiceEmailPrimary: 'ap@x.example', districts: ['1-0'],
  };
  it.each<[Partial<BillingFacts>, string[]]>([
    [{}, []],
    [{ invoiceEmailPrimary: null }, ['invoiceEmailPrimary']],
    [{ invoiceMethod: 'physical', invoiceEmailPrimary: null }, []],
    [{ districts: [] }, ['districts']],
    [{ addressLine1: null, zip: null, permitSystem: null }, ['addressLine1', 'zip', 'permitSystem']],
    [{ invoiceMethod: null }, ['invoiceMethod']],
  ])('%j → %j', (change, fields) => {
    expect(Object.keys(billingActivationErrors({ ...billing, ...change })).sort()).toEqual([...fields].sort());
  });
});

describe('requiresBillingAccount', () => {
  it.each([
    ['active', 'utility', true],
    ['suspended', 'utility', true],
    ['active', 'driveway', true],
    ['suspended', 'driveway', true],
    ['pending_inactivation', 'utility', true],
    ['pending_inactivation', 'driveway', false],
    ['preliminary', 'utility', false],
    ['inactive', 'utility', false],
  ])('%s %s → %s', (status, accountType, required) => {
    expect(requiresBillingAccount({ status, accountType })).toBe(required);
  });
});
