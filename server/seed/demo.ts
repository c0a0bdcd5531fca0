// The demo data set: utilities, municipalities and driveway permittees across PennDOT's
// districts, with billing accounts in every status. Made-up names and numbers only (555 phone
// numbers, example.com mail), built through the same models and rules as real data.
import type { Transaction } from 'sequelize';
import { DISTRICTS } from '../../config/districts';
import type { AccountStatus, Role } from '../../config/vocabulary';
import { hashPassword } from '../auth/passwords';
import type { Database } from '../db';
import { recordEvent } from '../domain/history';
import { nextAccountNumber } from '../domain/numbers';
import { Agreement, BillingAccount, Contact, Customer, InsurancePolicy, Note, Security, User } from '../models';
import { setSearchText, toApiRecord } from '../rest/engine';
import { billingAccounts } from '../resources/billing-accounts';
import { customers } from '../resources/customers';
import { seededRandom, type Random } from './random';
import { abilityFromRules, defineRulesFor } from '../../config/abilities';

export const DEMO_PASSWORD = 'cims-demo-password';

export const DEMO_USERS: readonly { username: string; fullName: string; roles: Role[]; district: string | null }[] = [
  { username: 'manager', fullName: 'Morgan Account-Manager', roles: ['account_manager'], district: null },
  { username: 'authorizer', fullName: 'Avery Authorizer', roles: ['authorizer'], district: null },
  { username: 'district', fullName: 'Dana District-Viewer', roles: ['district_viewer'], district: '11-0' },
  { username: 'analyst', fullName: 'Alex Analyst', roles: ['analyst'], district: null },
  { username: 'admin', fullName: 'Sam Administrator', roles: ['administrator'], district: null },
];

export async function seedDemoUsers(db: Database): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (t) => {
    for (const u of DEMO_USERS) {
      if (!(await User.findOne({ where: { username: u.username }, transaction: t }))) {
        await User.create({ ...u, passwordHash }, { transaction: t });
      }
    }
  });
}

const UTILITY_KINDS = ['Electric Cooperative', 'Water Authority', 'Gas Company', 'Telephone Company', 'Broadband', 'Sewer Authority', 'Pipeline Company', 'Fiber Networks', 'Power & Light'];
const MUNICIPAL = ['Borough of', 'Township of', 'City of', 'Municipal Authority of'];
const DRIVEWAY_KINDS = ['Farms', 'Development LLC', 'Builders Inc.', 'Properties LP', 'Homes', 'Storage Co.', 'Family Orchard'];
const SURNAMES = ['Ashby', 'Brennan', 'Castellano', 'Dietrich', 'Eckert', 'Fenstermacher', 'Gallagher', 'Hollenbach', 'Iorio', 'Jablonski', 'Kowalczyk', 'Landis', 'Moyer', 'Nguyen', 'Oberholtzer', 'Patel', 'Quigley', 'Rinaldi', 'Stoltzfus', 'Trexler', 'Ulrich', 'Vargas', 'Weller', 'Yoder', 'Zimmerman'];
const STREETS = ['Market St', 'Main St', 'Ridge Rd', 'Valley View Dr', 'Industrial Park Rd', 'Front St', 'Turnpike Rd', 'Mill Rd', 'Church St', 'Quarry Ln'];
const CARRIERS = ['Keystone Mutual Insurance', 'Susquehanna Casualty', 'Allegheny Indemnity', 'Commonwealth Surety Co.'];
const REGIONS = ['North', 'South', 'East', 'West', 'Central', 'Metro'];
const GIVEN = ['Alex', 'Jordan', 'Casey', 'Riley', 'Taylor', 'Morgan', 'Jamie', 'Quinn', 'Drew', 'Robin'];
const TITLES = ['Permit Coordinator', 'Accounts Payable', 'Right-of-Way Agent', 'Engineering Manager', 'Office Manager'];
const NOTES = [
  'Called to confirm the mailing address for invoices.',
  'Certificate of insurance received by email; original to follow.',
  'Customer asked that invoices for the western region go to the shared mailbox.',
  'Bond renewal expected next quarter.',
  'Spoke with the permit coordinator about the pending HOP applications.',
];

interface Plan {
  status: AccountStatus;
  billingStatuses: AccountStatus[];
}

export async function seedDemoData(db: Database, { customers: count = 300, seed = 2026 }: { customers?: number; seed?: number } = {}): Promise<{ customers: number; billingAccounts: number }> {
  const rnd = seededRandom(seed);
  const actor = await User.findOne({ where: { username: 'manager' } });
  const ctxUser = actor ? { id: actor.id, username: actor.username, fullName: actor.fullName, roles: actor.roles, district: actor.district } : { id: 0, username: 'seed', fullName: 'Demo data', roles: ['account_manager'] as Role[], district: null };
  const ability = abilityFromRules(defineRulesFor(ctxUser));
  let billing = 0;
  // Batches keep each SQLite write transaction short, so a running server stays responsive.
  for (let done = 0; done < count; done += 50) {
    await db.transaction(async (t) => {
      for (let i = done; i < Math.min(count, done + 50); i++) billing += await seedCustomer(t, rnd, plan(rnd), ctxUser.id || null, ability);
    });
  }
  return { customers: count, billingAccounts: billing };
}

function plan(rnd: Random): Plan {
  const roll = rnd.next();
  const n = rnd.int(1, 6);
  if (roll < 0.1) return { status: 'preliminary', billingStatuses: Array(n).fill('preliminary') };
  if (roll < 0.18) return { status: 'suspended', billingStatuses: Array(n).fill('suspended') };
  if (roll < 0.25) return { status: 'inactive', billingStatuses: Array(n).fill('inactive') };
  const statuses: AccountStatus[] = ['active'];
  for (let i = 1; i < n; i++) statuses.push(rnd.pick<AccountStatus>(['active', 'active', 'active', 'active', 'suspended', 'inactive', 'preliminary']));
  return { status: 'active', billingStatuses: statuses };
}

async function seedCustomer(t: Transaction, rnd: Random, p: Plan, actorId: number | null, ability: ReturnType<typeof abilityFromRules>): Promise<number> {
  const kind = rnd.next();
  const district = rnd.pick(DISTRICTS);
  const county = rnd.pick(district.counties);
  const accountType = kind < 0.8 ? 'utility' : 'driveway';
  const name = kind < 0.55 ? `${county} ${rnd.pick(UTILITY_KINDS)}` : kind < 0.8 ? `${rnd.pick(MUNICIPAL)} ${county}` : `${rnd.pick(SURNAMES)} ${rnd.pick(DRIVEWAY_KINDS)}`;
  const slug = name.toLowerCase().replace(/[^a-z]+/g, '-').replace(/^-|-$/g, '');
  const address = { addressLine1: `${rnd.int(1, 9999)} ${rnd.pick(STREETS)}`, addressLine2: rnd.chance(0.2) ? `Suite ${rnd.int(100, 400)}` : null, city: `${county}ville`, state: 'PA', zip: String(rnd.int(15001, 19640)) };
  const complete = p.status !== 'preliminary' || rnd.chance(0.5);
  const submitted = p.status !== 'preliminary' || rnd.chance(0.5);
  const customer = Customer.build({
    accountNumber: await nextAccountNumber(t, 'customers'),
    name: `${name}${rnd.chance(0.3) ? ` ${rnd.int(2, 9)}` : ''}`,
    accountType,
    ...address,
    phone: `${rnd.pick(['717', '412', '610', '814', '570'])}-555-${String(rnd.int(100, 199)).padStart(4, '0')}`,
    phoneExt: rnd.chance(0.3) ? String(rnd.int(10, 999)) : null,
    email: `accounts@${slug}.example.com`,
    fein: complete ? `${rnd.int(10, 99)}${String(rnd.int(0, 9999999)).padStart(7, '0')}` : null,
    bpid: complete ? `BP${rnd.int(100000, 999999)}` : null,
    bpName: complete ? name.toUpperCase() : null,
    status: p.status,
    submittedAt: submitted ? new Date(Date.now() - rnd.int(1, 900) * 86_400_000) : null,
    submittedById: submitted ? actorId : null,
  });
  setSearchText(customers, customer);
  await customer.save({ transaction: t });
  await created(t, customers, customer, actorId, ability);
  if (complete) {
    const self = accountType === 'utility' && rnd.chance(0.15);
    const year = new Date().getUTCFullYear();
    await InsurancePolicy.create({
      customerId: customer.id,
      insuranceType: self ? 'self' : rnd.pick(['commercial', 'commercial', 'both'] as const),
      systemInsuranceId: `INS-${customer.accountNumber}`,
      carrier: self ? null : rnd.pick(CARRIERS),
      policyNumber: self ? null : `P-${rnd.int(100000, 999999)}`,
      policyExpiresOn: self ? null : `${year + rnd.int(0, 2)}-${String(rnd.int(1, 12)).padStart(2, '0')}-28`,
      confirmationDueOn: `${year + 1}-04-30`,
    }, { transaction: t });
  }
  await seedChildren(t, rnd, customer, slug, actorId);
  for (const [i, status] of p.billingStatuses.entries()) {
    const emailInvoices = rnd.chance(0.75);
    const districts = [district.code, ...(rnd.chance(0.25) ? [rnd.pick(DISTRICTS).code] : [])];
    const b = BillingAccount.build({
      accountNumber: await nextAccountNumber(t, 'billing-accounts'),
      customerId: customer.id,
      billingName: p.billingStatuses.length > 1 ? `${customer.name} — ${REGIONS[i]}` : customer.name,
      ...address,
      permitSystem: 'HOP',
      invoiceMethod: emailInvoices ? 'email' : 'physical',
      invoiceEmailPrimary: emailInvoices ? `ap-${REGIONS[i].toLowerCase()}@${slug}.example.com` : null,
      invoiceEmailSecondary: emailInvoices && rnd.chance(0.3) ? `billing@${slug}.example.com` : null,
      districts,
      suspendedByCustomer: p.status === 'suspended',
      status,
      submittedAt: status === 'preliminary' && !submitted ? null : customer.submittedAt,
      submittedById: status === 'preliminary' && !submitted ? null : actorId,
    });
    setSearchText(billingAccounts, b);
    await b.save({ transaction: t });
    await created(t, billingAccounts, b, actorId, ability, customer.accountNumber);
  }
  return p.billingStatuses.length;
}

async function created(t: Transaction, def: typeof customers, row: Customer | BillingAccount, actorId: number | null, ability: ReturnType<typeof abilityFromRules>, parentNumber?: string): Promise<void> {
  const after = toApiRecord(def, row, { ability });
  const changes = Object.fromEntries(Object.entries(after).filter(([k, v]) => v !== null && !['id', 'version', 'createdAt', 'updatedAt'].includes(k)).map(([k, v]) => [k, [null, v] as [unknown, unknown]]));
  await recordEvent(t, {
    entityType: def.name, entityId: Number(row.get('id')), action: 'create',
    place: { accountNumber: row.accountNumber, customerAccountNumber: parentNumber ?? row.accountNumber, status: row.status },
    actorId, changes, reason: 'Demo data',
  });
}

/** Contacts, securities, agreements and notes of a customer; complete enough for its status. */
async function seedChildren(t: Transaction, rnd: Random, customer: Customer, slug: string, actorId: number | null): Promise<void> {
  const people = rnd.int(1, 3);
  for (let i = 0; i < people; i++) {
    const given = rnd.pick(GIVEN);
    await Contact.create({
      customerId: customer.id, billingAccountId: null,
      name: `${given} ${rnd.pick(SURNAMES)}`, title: rnd.pick(TITLES),
      email: `${given.toLowerCase()}.${i}@${slug}.example.com`, phone: `717-555-${String(rnd.int(200, 999)).padStart(4, '0')}`,
      phoneExt: rnd.chance(0.3) ? String(rnd.int(100, 999)) : null, mobile: rnd.chance(0.4) ? `267-555-${String(rnd.int(100, 999)).padStart(4, '0')}` : null,
      isPrimary: i === 0,
    }, { transaction: t });
  }
  const year = new Date().getUTCFullYear();
  if (customer.accountType === 'utility' && rnd.chance(0.6)) {
    await Security.create({
      customerId: customer.id, securityType: rnd.chance(0.7) ? 'bond' : 'letter_of_credit',
      systemNumber: `SEC-${customer.accountNumber}`, issuerName: rnd.pick(CARRIERS), issuerNumber: `IS-${rnd.int(1000, 9999)}`,
      issuerReference: `REF-${rnd.int(10000, 99999)}`, amount: `${rnd.pick([10000, 25000, 50000, 100000, 250000])}.00`,
      effectiveOn: `${year - 1}-07-01`, expiresOn: `${year + rnd.int(0, 2)}-${String(rnd.int(1, 12)).padStart(2, '0')}-15`, blanket: rnd.chance(0.6),
    }, { transaction: t });
  }
  if (customer.accountType === 'utility' && rnd.chance(0.5)) {
    await Agreement.create({
      customerId: customer.id, agreementType: rnd.pick(['Master Utility Agreement', 'Reimbursement Agreement', 'Maintenance Agreement']),
      agreementNumber: `AG-${rnd.int(10000, 99999)}`, effectiveOn: `${year - rnd.int(1, 5)}-01-01`,
      expiresOn: `${year + rnd.int(0, 4)}-12-31`, agreementStatus: 'active',
    }, { transaction: t });
  }
  if (rnd.chance(0.4)) {
    await Note.create({ customerId: customer.id, billingAccountId: null, text: rnd.pick(NOTES), authorId: actorId }, { transaction: t });
  }
}
