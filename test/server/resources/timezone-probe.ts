// Run by dates.db.test.ts in a child process whose TZ is another time zone (jest's sandbox cannot
// change the zone of its own process): the real app on a fresh database, the calendar days sent
// and read back, printed as one JSON line.
import './timezone-probe-globals';
import { createTestApp } from '../../support/app';
import { insurance } from '../../support/factories';

async function main(): Promise<void> {
  const t = await createTestApp();
  try {
    await t.user('tzmanager', ['account_manager']);
    const m = await t.login('tzmanager');
    const out: Record<string, unknown> = { offset: new Date('2024-03-31T00:00:00Z').getTimezoneOffset(), days: {} };
    for (const day of process.argv.slice(2)) {
      const c = (await m.post('/api/customers').send({ name: `Day ${day}` })).body;
      const p = await m.post('/api/insurance-policies').send({ ...insurance(c.id), policyExpiresOn: day });
      const s = await m.post('/api/securities').send({ customerId: c.id, securityType: 'bond', amount: '1.00', effectiveOn: day, expiresOn: day });
      const a = await m.post('/api/agreements').send({ customerId: c.id, agreementType: 'Maintenance', effectiveOn: day, expiresOn: day });
      const filter = encodeURIComponent(JSON.stringify({ policyExpiresOn_gte: day, policyExpiresOn_lte: day }));
      (out.days as Record<string, unknown>)[day] = {
        created: [p.body.policyExpiresOn, s.body.expiresOn, a.body.effectiveOn],
        read: [
          (await m.get(`/api/insurance-policies/${p.body.id}`)).body.policyExpiresOn,
          (await m.get(`/api/securities/${s.body.id}`)).body.effectiveOn,
          (await m.get(`/api/agreements/${a.body.id}`)).body.expiresOn,
        ],
        filtered: (await m.get(`/api/insurance-policies?filter=${filter}`)).body.map((x: { id: number }) => x.id).includes(p.body.id),
      };
    }
    process.stdout.write(`${JSON.stringify(out)}\n`);
  } finally {
    await t.close();
  }
}

main().then(() => process.exit(0), (e: unknown) => {
  console.error(e);
  process.exit(1);
});
