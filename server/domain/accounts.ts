// The lifecycle actions on customer and billing accounts (submit, activate, return, suspend,
// reinstate, inactivate) with their cascades, each in one transaction with an event per change.
import { ForbiddenError, subject } from '@casl/ability';
import { Op, type Model, type Transaction } from 'sequelize';
import { z } from 'zod';
import { actionAllowed } from '../../config/lifecycle';
import { ACCOUNT_ACTIONS, ACTIONS_WITH_REASON, statusLabel, type AccountAction, type AccountStatus } from '../../config/vocabulary';
import type { Auth } from '../auth/context';
import type { Database } from '../db';
import { conflict, invalid, forbidden, notFound } from '../errors';
import { BillingAccount, Contact, Customer } from '../models';
import { findReadable, recordChange, toApiRecord, toApiRecords } from '../rest/engine';
import type { ApiRecord, ResourceDefinition, WriteContext } from '../rest/resource';
import { assertKeepsBillingAccount, liveBillingCount } from './billing-rules';
import { insuranceInForce } from './insurance';
import { inactivationStatus } from './work';
import { billingAccounts } from '../resources/billing-accounts';
import { customers } from '../resources/customers';
import { billingActivationErrors, customerActivationErrors } from './requirements';

export type AccountRow = Customer | BillingAccount;
export type AccountKind = 'customers' | 'billing-accounts';

const REASON_MAX_LENGTH = 2000;
const reasonSchema = z.object({ reason: z.string().trim().min(1).max(REASON_MAX_LENGTH).optional() }).loose();

export function parseAction(value: string): AccountAction {
  if ((ACCOUNT_ACTIONS as readonly string[]).includes(value)) return value as AccountAction;
  throw notFound('action');
}

export async function runAccountAction(
  def: ResourceDefinition<Model>,
  db: Database,
  auth: Auth,
  id: unknown,
  action: AccountAction,
  body: unknown,
): Promise<ApiRecord> {
  // Permission before the request's content: whoever may not act is told so, not how to ask.
  ForbiddenError.from(auth.ability).throwUnlessCan(action, def.name);
  const row = await db.transaction(async (t) => {
    const ctx: WriteContext = { db, t, ...auth };
    const account = (await findReadable(def, auth, id, t)) as AccountRow;
    ForbiddenError.from(auth.ability).throwUnlessCan(action, subject(def.name, { ...(account.get({ plain: true }) as Record<string, unknown>) }));
    const reason = reasonOf(action, body);
    // Submitting twice is harmless: the account is already in the queue. A customer's billing
    // accounts drafted since its submission join it, so that none is left behind unsubmitted.
    if (action === 'submit' && account.status === 'preliminary' && account.submittedAt) {
      if (account instanceof Customer) await submitDrafts(ctx, account);
      return account;
    }
    if (!actionAllowed(action, account)) {
      throw conflict(`${withArticle(statusLabel(account.status))} account cannot be ${PAST[action]}${action === 'activate' || action === 'return' ? ' until it is submitted' : ''}.`);
    }
    await (def.name === 'customers' ? CUSTOMER_ACTIONS : BILLING_ACTIONS)[action](ctx, account as never, reason);
    return account;
  });
  return (await toApiRecords(def, [row], auth))[0];
}

/** The reason the request gives; actions that must say why refuse to go on without one. */
function reasonOf(action: AccountAction, body: unknown): string | null {
  const parsed = reasonSchema.safeParse(body ?? {});
  const reason = parsed.success ? (parsed.data.reason ?? null) : null;
  if (!ACTIONS_WITH_REASON.includes(action) || reason) return reason;
  const tooLong = !parsed.success && parsed.error.issues.some((i) => i.code === 'too_big');
  throw invalid({ reason: tooLong ? `A reason has at most ${REASON_MAX_LENGTH} characters.` : 'Please give a reason.' });
}

/** "An Active", "A Suspended": the status as staff read it, with the article its sound takes. */
export function withArticle(label: string): string {
  return `${/^[aeiou]/i.test(label) ? 'An' : 'A'} ${label}`;
}

const PAST: Record<AccountAction, string> = {
  submit: 'submitted', activate: 'activated', return: 'returned', suspend: 'suspended', reinstate: 'reinstated', inactivate: 'inactivated',
};

type Handler<R> = (ctx: WriteContext, row: R, reason: string | null) => Promise<void>;

/** Applies `change` to one account and records it as the event `action`. */
async function apply<R extends AccountRow>(ctx: WriteContext, row: R, action: string, change: Partial<Record<string, unknown>>, reason: string | null): Promise<void> {
  const def = definitionOf(row);
  const before = toApiRecord(def, row, ctx);
  (row as Model).set(change);
  await row.save({ transaction: ctx.t });
  await recordChange(def, ctx, row, action, before, toApiRecord(def, row, ctx), reason);
}

function submitted(ctx: WriteContext) {
  return { submittedAt: new Date(), submittedById: ctx.user.id };
}

function assertFourEyes(ctx: WriteContext, row: AccountRow): void {
  if (row.submittedById === ctx.user.id) throw forbidden('You submitted this account; another Authorizer must activate it.');
}

async function billingOf(t: Transaction, customerId: number, statuses: readonly AccountStatus[], where: Record<string, unknown> = {}): Promise<BillingAccount[]> {
  return BillingAccount.findAll({ where: { customerId, status: { [Op.in]: [...statuses] }, ...where }, order: [['id', 'ASC']], transaction: t, lock: t.LOCK.UPDATE });
}

/** Submitting asks that the account's own records be complete: every contact has an email and a phone. */
async function assertContactsComplete(t: Transaction, owner: { customerId: number } | { billingAccountId: number[] }): Promise<void> {
  const incomplete = await Contact.findAll({
    where: { ...('customerId' in owner ? { customerId: owner.customerId } : { billingAccountId: { [Op.in]: owner.billingAccountId } }), [Op.or]: [{ email: null }, { phone: null }] },
    attributes: ['name'],
    transaction: t,
  });
  if (incomplete.length) {
    const names = incomplete.map((c) => c.name).join(', ');
    throw invalid({ contacts: `Give every contact an email and a phone before submitting (missing for ${names}).` });
  }
}

async function submitDrafts(ctx: WriteContext, customer: Customer, known?: BillingAccount[]): Promise<void> {
  const drafts = known ?? (await billingOf(ctx.t, customer.id, ['preliminary'], { submittedAt: null }));
  if (!known) await assertContactsComplete(ctx.t, { billingAccountId: drafts.map((b) => b.id) });
  for (const b of drafts) await apply(ctx, b, 'submit', submitted(ctx), 'Submitted with its customer account.');
}

const CUSTOMER_ACTIONS: Record<AccountAction, Handler<Customer>> = {
  submit: async (ctx, customer) => {
    const drafts = await billingOf(ctx.t, customer.id, ['preliminary'], { submittedAt: null });
    await assertContactsComplete(ctx.t, { customerId: customer.id });
    await assertContactsComplete(ctx.t, { billingAccountId: drafts.map((b) => b.id) });
    await apply(ctx, customer, 'submit', submitted(ctx), null);
    await submitDrafts(ctx, customer, drafts);
  },
  activate: async (ctx, customer) => {
    assertFourEyes(ctx, customer);
    const errors = customerActivationErrors({
      ...customer.get({ plain: true }),
      liveBillingAccounts: await liveBillingCount(ctx.t, customer.id),
      insuranceInForce: await insuranceInForce(ctx.t, customer.id),
    });
    if (Object.keys(errors).length) throw invalid(errors, 'The account cannot be activated yet: see what is missing.');
    await apply(ctx, customer, 'activate', { status: 'active' }, null);
  },
  return: async (ctx, customer, reason) => {
    await apply(ctx, customer, 'return', { submittedAt: null, submittedById: null }, reason);
    for (const b of await billingOf(ctx.t, customer.id, ['preliminary'], { submittedAt: { [Op.ne]: null } })) {
      await apply(ctx, b, 'return', { submittedAt: null, submittedById: null }, reason);
    }
  },
  suspend: async (ctx, customer, reason) => {
    await apply(ctx, customer, 'suspend', { status: 'suspended' }, reason);
    for (const b of await billingOf(ctx.t, customer.id, ['active'])) {
      await apply(ctx, b, 'suspend', { status: 'suspended', suspendedByCustomer: true }, reason);
    }
  },
  reinstate: async (ctx, customer, reason) => {
    await apply(ctx, customer, 'reinstate', { status: 'active' }, reason);
    // Only those that the customer's suspension suspended; ones suspended on their own stay so.
    for (const b of await billingOf(ctx.t, customer.id, ['suspended'], { suspendedByCustomer: true })) {
      await apply(ctx, b, 'reinstate', { status: 'active', suspendedByCustomer: false }, reason);
    }
  },
  inactivate: async (ctx, customer, reason) => {
    // Billing accounts with work in process wait in Pending Inactivation, and so does the customer.
    const billing = await billingOf(ctx.t, customer.id, ['preliminary', 'active', 'suspended']);
    const targets = await Promise.all(billing.map((b) => inactivationStatus(ctx.t, b.id)));
    const waiting = targets.includes('pending_inactivation')
      || (await BillingAccount.count({ where: { customerId: customer.id, status: 'pending_inactivation' }, transaction: ctx.t })) > 0;
    await apply(ctx, customer, 'inactivate', { status: waiting ? 'pending_inactivation' : 'inactive' }, reason);
    for (const [i, b] of billing.entries()) {
      await apply(ctx, b, 'inactivate', { status: targets[i], suspendedByCustomer: false }, reason);
    }
  },
};

async function parentOf(t: Transaction, billing: BillingAccount): Promise<Customer> {
  const customer = await Customer.findByPk(billing.customerId, { transaction: t, lock: t.LOCK.UPDATE });
  if (!customer) throw notFound('customer account');
  return customer;
}

const BILLING_ACTIONS: Record<AccountAction, Handler<BillingAccount>> = {
  submit: async (ctx, b) => {
    await assertContactsComplete(ctx.t, { billingAccountId: [b.id] });
    await apply(ctx, b, 'submit', submitted(ctx), null);
  },
  activate: async (ctx, b) => {
    assertFourEyes(ctx, b);
    const parent = await parentOf(ctx.t, b);
    if (parent.status !== 'active') throw conflict(`Activate customer account ${parent.accountNumber} first: it is ${statusLabel(parent.status)}.`);
    const errors = billingActivationErrors(b.get({ plain: true }));
    if (Object.keys(errors).length) throw invalid(errors, 'The billing account cannot be activated yet: see what is missing.');
    await apply(ctx, b, 'activate', { status: 'active' }, null);
  },
  return: (ctx, b, reason) => apply(ctx, b, 'return', { submittedAt: null, submittedById: null }, reason),
  suspend: (ctx, b, reason) => apply(ctx, b, 'suspend', { status: 'suspended', suspendedByCustomer: false }, reason),
  reinstate: async (ctx, b, reason) => {
    const parent = await parentOf(ctx.t, b);
    if (parent.status !== 'active') throw conflict(`Customer account ${parent.accountNumber} is ${statusLabel(parent.status)}; reinstate it first.`);
    await apply(ctx, b, 'reinstate', { status: 'active', suspendedByCustomer: false }, reason);
  },
  inactivate: async (ctx, b, reason) => {
    await assertKeepsBillingAccount(ctx.t, await parentOf(ctx.t, b), [b.id], `inactivate billing account ${b.accountNumber}`);
    await apply(ctx, b, 'inactivate', { status: await inactivationStatus(ctx.t, b.id), suspendedByCustomer: false }, reason);
  },
};

function definitionOf(row: AccountRow): ResourceDefinition<Model> {
  return row instanceof Customer ? customers : billingAccounts;
}
