// Insurance and activation: a Utility customer is activated only with insurance in force.
import { InsurancePolicy } from '../../../server/models';
import { createTestApp, listQuery, type Cast, type TestApp } from '../../support/app';
import { describeDb, dialect } from '../../support/db';
import { completeBilling, completeCustomer, insurance } from '../../support/factories';
import { statusOf } from '../helpers';

describeDb(`insurance and activation on ${dialect}`, () => {
  let t: TestApp;
  let as: Cast;
  beforeAll(async () => {
    t = await createTestApp();
    as = await t.cast();
  });
  afterAll(() => t.close());

  /** A complete, submitted Utility customer with one billing account and no insurance. */
  const submittedWithoutInsurance = async () => {
    const c = (await as.manager.post('/api/customers').send(completeCustomer())).body;
    expect((await as.manager.post('/api/billing-accounts').send(completeBilling(c.id))).status).toBe(201);
    expect((await as.manager.post(`/api/customers/${c.id}/submit`).send({})).status).toBe(200);
    return c as { id: number; accountNumber: string };
  };

  it('refuses activation without insurance (422 errors.insurance), allows it once insurance is in force', async () => {
    const c = await submittedWithoutInsurance();
    const r = await as.authorizer.post(`/api/customers/${c.id}/activate`).send({});
    expect(r.status).toBe(422);
    expect(Object.keys(r.body.errors)).toEqual(['insurance']);
    expect(await statusOf('customers', c.id)).toBe('preliminary');
    expect((await as.manager.post('/api/insurance-policies').send(insurance(c.id))).status).toBe(201);
    const ok = await as.authorizer.post(`/api/customers/${c.id}/activate`).send({});
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('active');
  });

  it('refuses activation while the policy has expired', async () => {
    const c = await submittedWithoutInsurance();
    const p = (await as.manager.post('/api/insurance-policies').send({ ...insurance(c.id), policyExpiresOn: '2020-12-31' })).body;
    const r = await as.authorizer.post(`/api/customers/${c.id}/activate`).send({});
    expect(r.status).toBe(422);
    expect(r.body.errors).toHaveProperty('insurance');
    const renewed = await as.manager.put(`/api/insurance-policies/${p.id}`).send({ ...p, policyExpiresOn: '2099-12-31' });
    expect(renewed.status).toBe(200);
    expect((await as.authorizer.post(`/api/customers/${c.id}/activate`).send({})).status).toBe(200);
  });

  it('refuses activation while the confirmation is overdue', async () => {
    const c = await submittedWithoutInsurance();
    const p = (await as.manager.post('/api/insurance-policies').send(insurance(c.id))).body;
    await InsurancePolicy.update({ confirmationDueOn: '2020-04-30' }, { where: { id: p.id } });
    const r = await as.authorizer.post(`/api/customers/${c.id}/activate`).send({});
    expect(r.status).toBe(422);
    expect(r.body.errors).toHaveProperty('insurance');
  });

  it('a Driveway customer needs no insurance', async () => {
    const c = (await as.manager.post('/api/customers').send({ name: 'Driveway Owner', accountType: 'driveway' })).body;
    await as.manager.post('/api/billing-accounts').send(completeBilling(c.id));
    expect((await as.manager.post(`/api/customers/${c.id}/submit`).send({})).status).toBe(200);
    expect((await as.authorizer.post(`/api/customers/${c.id}/activate`).send({})).status).toBe(200);
  });

  it('a second policy for the same customer is 409 and still one row; the read-only roles cannot write it', async () => {
    const c = (await as.manager.post('/api/customers').send({ name: 'Once Insured' })).body;
    expect((await as.manager.post('/api/insurance-policies').send(insurance(c.id))).status).toBe(201);
    expect((await as.manager.post('/api/insurance-policies').send(insurance(c.id))).status).toBe(409);
    expect(await InsurancePolicy.count({ where: { customerId: c.id } })).toBe(1);
    for (const who of ['authorizer', 'district', 'analyst'] as const) {
      const other = (await as.manager.post('/api/customers').send({ name: `Uninsured ${who}` })).body;
      expect((await as[who].post('/api/insurance-policies').send(insurance(other.id))).status).toBe(403);
      expect((await as[who].get(`/api/insurance-policies${listQuery({ filter: { customerId: c.id } })}`)).body).toHaveLength(1);
    }
  });

  it('refuses a confirmation date in the past (422)', async () => {
    const c = (await as.manager.post('/api/customers').send({ name: 'Late Co' })).body;
    const r = await as.manager.post('/api/insurance-policies').send({ ...insurance(c.id), confirmationDueOn: '2000-01-01' });
    expect(r.status).toBe(422);
    expect(r.body.errors).toHaveProperty('confirmationDueOn');
    expect(await InsurancePolicy.count({ where: { customerId: c.id } })).toBe(0);
  });
});
