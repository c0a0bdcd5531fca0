// Calendar days must come back as the same days whatever the server's time zone: here, and in a
// server started under Pacific/Honolulu (UTC−10) in a child process — setting process.env.TZ
// inside jest's sandbox does not change the zone of the worker (checked: the offset stays 0).
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Agreement, InsurancePolicy, Security } from '../../../server/models';
import { createTestApp, listQuery, type Cast, type TestApp } from '../../support/app';
import { describeDb, dialect } from '../../support/db';
import { insurance } from '../../support/factories';

describeDb(`calendar days on ${dialect}`, () => {
  let t: TestApp;
  let as: Cast;
  beforeAll(async () => {
    t = await createTestApp();
    as = await t.cast();
  });
  afterAll(() => t.close());

  it('a server in Honolulu keeps the same days', async () => {
    const days = ['2024-03-31', '2024-12-31', '2025-01-01'];
    const tsx = join(__dirname, '../../../node_modules/.bin/tsx');
    const { stdout } = await promisify(execFile)(tsx, [join(__dirname, 'timezone-probe.ts'), ...days], {
      env: { ...process.env, TZ: 'Pacific/Honolulu', CIMS_TEST_DIALECT: dialect },
      timeout: 60_000,
    });
    const out = JSON.parse(stdout.trim().split('\n').at(-1)!) as { offset: number; days: Record<string, { created: string[]; read: string[]; filtered: boolean }> };
    expect(out.offset).toBe(600);
    for (const day of days) expect(out.days[day]).toEqual({ created: [day, day, day], read: [day, day, day], filtered: true });
  }, 90_000);

  it.each(['2024-03-31', '2024-12-31', '2025-01-01', '2024-02-29'])('keeps %s on insurance, securities and agreements', async (day) => {
    const c = (await as.manager.post('/api/customers').send({ name: `Day ${day}` })).body;
    const p = await as.manager.post('/api/insurance-policies').send({ ...insurance(c.id), policyExpiresOn: day });
    expect(p.status).toBe(201);
    expect(p.body.policyExpiresOn).toBe(day);
    expect((await as.manager.get(`/api/insurance-policies/${p.body.id}`)).body.policyExpiresOn).toBe(day);
    expect((await InsurancePolicy.findByPk(p.body.id))?.policyExpiresOn).toBe(day);
    const byDay = await as.manager.get(`/api/insurance-policies${listQuery({ filter: { policyExpiresOn_gte: day, policyExpiresOn_lte: day } })}`);
    expect(byDay.body.map((x: { id: number }) => x.id)).toEqual([p.body.id]);

    const s = await as.manager.post('/api/securities').send({ customerId: c.id, securityType: 'bond', amount: '1.00', effectiveOn: day, expiresOn: day });
    expect(s.body).toMatchObject({ effectiveOn: day, expiresOn: day });
    expect((await Security.findByPk(s.body.id))?.expiresOn).toBe(day);
    const a = await as.manager.post('/api/agreements').send({ customerId: c.id, agreementType: 'Maintenance', effectiveOn: day, expiresOn: day });
    expect(a.body).toMatchObject({ effectiveOn: day, expiresOn: day });
    expect((await as.manager.get(`/api/agreements/${a.body.id}`)).body.expiresOn).toBe(day);
    expect((await Agreement.findByPk(a.body.id))?.effectiveOn).toBe(day);
    // An edit that sends the record back keeps the days.
    const u = await as.manager.put(`/api/agreements/${a.body.id}`).send({ ...a.body, agreementNumber: 'N-1' });
    expect(u.body).toMatchObject({ effectiveOn: day, expiresOn: day });
  });

  it('times are ISO 8601 UTC', async () => {
    const c = (await as.manager.post('/api/customers').send({ name: 'Timed Co' })).body;
    expect(c.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/);
  });
});
