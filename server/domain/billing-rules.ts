// Rules about which billing accounts a customer keeps, read inside the caller's transaction.
import { Op, type Transaction } from 'sequelize';
import { LIVE_STATUSES } from '../../config/vocabulary';
import { conflict } from '../errors';
import { BillingAccount, type Customer } from '../models';
import { requiresBillingAccount } from './requirements';

export async function liveBillingCount(t: Transaction, customerId: number, excluding: readonly number[] = []): Promise<number> {
  return BillingAccount.count({
    where: { customerId, status: { [Op.in]: [...LIVE_STATUSES] }, ...(excluding.length ? { id: { [Op.notIn]: [...excluding] } } : {}) },
    transaction: t,
  });
}

/** Refuses (409) to take `leaving` away from a customer that must keep a live billing account. */
export async function assertKeepsBillingAccount(t: Transaction, customer: Customer, leaving: readonly number[], doing: string): Promise<void> {
  if (!requiresBillingAccount(customer)) return;
  if ((await liveBillingCount(t, customer.id, leaving)) > 0) return;
  throw conflict(
    `Cannot ${doing}: customer account ${customer.accountNumber} is ${customer.status} and must keep at least one billing account that is Preliminary, Active or Suspended.`,
  );
}
