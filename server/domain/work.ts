// Work in process that permit systems report on billing accounts. While a billing account has
// open work it cannot become Inactive: inactivation waits in Pending Inactivation, and the close
// of its last open work completes it, with an event, by itself.
import { Op, type Transaction } from 'sequelize';
import { BillingAccount, Customer, WorkItem } from '../models';
import { recordChange, toApiRecord } from '../rest/engine';
import type { WriteContext } from '../rest/resource';
import { billingAccounts } from '../resources/billing-accounts';
import { customers } from '../resources/customers';

export async function openWork(t: Transaction | undefined, billingAccountIds: readonly number[]): Promise<WorkItem[]> {
  if (!billingAccountIds.length) return [];
  return WorkItem.findAll({ where: { billingAccountId: { [Op.in]: [...billingAccountIds] }, state: 'open' }, order: [['openedAt', 'ASC']], transaction: t });
}

export async function hasOpenWork(t: Transaction, billingAccountId: number): Promise<boolean> {
  return (await WorkItem.count({ where: { billingAccountId, state: 'open' }, transaction: t })) > 0;
}

/** Where an inactivated billing account goes: Inactive, or Pending Inactivation while work is open. */
export async function inactivationStatus(t: Transaction, billingAccountId: number): Promise<'inactive' | 'pending_inactivation'> {
  return (await hasOpenWork(t, billingAccountId)) ? 'pending_inactivation' : 'inactive';
}

const COMPLETED = 'The last work in process ended.';

/**
 * After work closed on `billing`: a Pending Inactivation account with no open work left becomes
 * Inactive, and so does its customer once none of its billing accounts is pending any more.
 */
export async function completeInactivation(ctx: WriteContext, billing: BillingAccount): Promise<void> {
  if (billing.status !== 'pending_inactivation' || (await hasOpenWork(ctx.t, billing.id))) return;
  const before = toApiRecord(billingAccounts, billing, ctx);
  await billing.update({ status: 'inactive' }, { transaction: ctx.t });
  await recordChange(billingAccounts, ctx, billing, 'inactivate', before, toApiRecord(billingAccounts, billing, ctx), COMPLETED);
  const customer = await Customer.findByPk(billing.customerId, { transaction: ctx.t, lock: ctx.t.LOCK.UPDATE });
  if (!customer || customer.status !== 'pending_inactivation') return;
  const pending = await BillingAccount.count({ where: { customerId: customer.id, status: 'pending_inactivation' }, transaction: ctx.t });
  if (pending > 0) return;
  const customerBefore = toApiRecord(customers, customer, ctx);
  await customer.update({ status: 'inactive' }, { transaction: ctx.t });
  await recordChange(customers, ctx, customer, 'inactivate', customerBefore, toApiRecord(customers, customer, ctx), COMPLETED);
}
