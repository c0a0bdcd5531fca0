// Reassignment: billing accounts move to another customer (the buyer of part of a business) by
// changing their parent, one or several at once in one transaction, keeping their numbers,
// contacts and notes. The history keeps every former parent.
import { ForbiddenError } from '@casl/ability';
import { Op } from 'sequelize';
import { z } from 'zod';
import { reassignable } from '../../config/lifecycle';
import { LIVE_STATUSES, statusLabel } from '../../config/vocabulary';
import type { Auth } from '../auth/context';
import type { Database } from '../db';
import { conflict, invalid, notFound, parseOrInvalid } from '../errors';
import { BillingAccount, Customer } from '../models';
import { readWhere, toApiRecord, toApiRecords } from '../rest/engine';
import type { ApiRecord, WriteContext } from '../rest/resource';
import { billingAccounts } from '../resources/billing-accounts';
import { assertKeepsBillingAccount } from './billing-rules';
import { recordEvent } from './history';
import { openWork } from './work';

const request = z.object({
  ids: z.array(z.coerce.number().int().positive()).min(1, 'Choose at least one billing account.').max(500),
  customerId: z.coerce.number({ message: 'Choose the customer account that takes them over.' }).int().positive(),
  reason: z.string({ message: 'Please give a reason.' }).trim().min(1, 'Please give a reason.').max(2000),
});

export async function reassign(db: Database, auth: Auth, body: unknown): Promise<ApiRecord[]> {
  ForbiddenError.from(auth.ability).throwUnlessCan('reassign', 'billing-accounts');
  const { ids, customerId, reason } = parseOrInvalid(request, body);
  const moved = await db.transaction(async (t) => {
    const ctx: WriteContext = { db, t, ...auth };
    const rows = await BillingAccount.findAll({
      where: { [Op.and]: [readWhere(billingAccounts, auth, {}), { id: { [Op.in]: ids } }] },
      order: [['id', 'ASC']],
      transaction: t,
      lock: t.LOCK.UPDATE,
    });
    if (rows.length !== new Set(ids).size) throw notFound('billing account');
    const sellers = await assertMovable(ctx, rows, customerId);
    const numbersBySeller = new Map(sellers.map((s) => [s.id, rows.filter((r) => r.customerId === s.id).map((r) => r.accountNumber)]));
    for (const row of rows) {
      const from = row.customerId;
      row.customerId = customerId;
      await row.save({ transaction: t });
      await recordMove(ctx, row, from, reason);
    }
    const buyer = await Customer.findByPk(customerId, { transaction: t });
    for (const seller of sellers) {
      const numbers = numbersBySeller.get(seller.id) ?? [];
      await recordEvent(t, {
        entityType: 'customers', entityId: seller.id, action: 'reassign_out',
        place: { accountNumber: seller.accountNumber, customerAccountNumber: seller.accountNumber, status: seller.status },
        actorId: auth.user.id, changes: { billingAccounts: [numbers, null], toCustomer: [null, buyer?.accountNumber ?? null] }, reason,
      });
    }
    return rows;
  });
  return toApiRecords(billingAccounts, moved, auth);
}

/**
 * Refuses a move that breaks a rule (409), and returns the sellers. The billing accounts must be
 * Active or Suspended; the buyer a Preliminary, Active or Suspended customer of the same type; a
 * seller that must keep a billing account keeps one.
 */
export async function assertMovable(ctx: WriteContext, rows: BillingAccount[], customerId: number): Promise<Customer[]> {
  const buyer = await Customer.findByPk(customerId, { transaction: ctx.t, lock: ctx.t.LOCK.UPDATE });
  if (!buyer) throw invalid({ customerId: 'No such customer account.' });
  if (!LIVE_STATUSES.includes(buyer.status)) {
    throw conflict(`Billing accounts cannot move to customer account ${buyer.accountNumber}: it is ${statusLabel(buyer.status)}.`);
  }
  for (const row of rows) {
    if (!reassignable(row)) {
      throw conflict(`Billing account ${row.accountNumber} is ${statusLabel(row.status)}; only Active or Suspended billing accounts can be reassigned.`);
    }
    if (row.customerId === customerId) throw conflict(`Billing account ${row.accountNumber} already belongs to customer account ${buyer.accountNumber}.`);
  }
  const sellerIds = [...new Set(rows.map((r) => r.customerId))];
  const sellers = await Customer.findAll({ where: { id: sellerIds }, transaction: ctx.t, lock: ctx.t.LOCK.UPDATE, order: [['id', 'ASC']] });
  for (const seller of sellers) {
    if (seller.accountType !== buyer.accountType) {
      throw conflict(`Customer account ${buyer.accountNumber} is a ${buyer.accountType} account and cannot take over ${seller.accountType} billing accounts.`);
    }
    const leaving = rows.filter((r) => r.customerId === seller.id).map((r) => r.id);
    await assertKeepsBillingAccount(ctx.t, seller, leaving, `move ${leaving.length === 1 ? 'this billing account' : 'these billing accounts'} away`);
  }
  return sellers;
}

/** The event of one billing account's move, naming the former and the new parent. */
export async function recordMove(ctx: WriteContext, row: BillingAccount, fromCustomerId: number, reason: string | null): Promise<void> {
  const [from, to] = await Promise.all([
    Customer.findByPk(fromCustomerId, { attributes: ['accountNumber'], transaction: ctx.t }),
    Customer.findByPk(row.customerId, { attributes: ['accountNumber'], transaction: ctx.t }),
  ]);
  await recordEvent(ctx.t, {
    entityType: 'billing-accounts',
    entityId: row.id,
    action: 'reassign',
    place: { accountNumber: row.accountNumber, customerAccountNumber: to?.accountNumber ?? null, status: row.status },
    actorId: ctx.user.id,
    changes: {
      customerId: [fromCustomerId, row.customerId],
      customerAccountNumber: [from?.accountNumber ?? null, to?.accountNumber ?? null],
    },
    reason,
  });
}

/** What the reassign dialog shows before saving: each account, whether it can move, and why not. */
export async function previewReassign(auth: Auth, ids: number[]): Promise<ApiRecord[]> {
  const rows = await BillingAccount.findAll({ where: { [Op.and]: [readWhere(billingAccounts, auth, {}), { id: { [Op.in]: ids } }] }, order: [['id', 'ASC']] });
  const work = await openWork(undefined, rows.map((r) => r.id));
  return rows.map((row) => ({
    ...toApiRecord(billingAccounts, row, auth),
    // The permit-system work in process that moves with the account, shown before saving.
    workInProcess: work.filter((w) => w.billingAccountId === row.id).map((w) => ({
      permitSystem: w.permitSystem, externalId: w.externalId, description: w.description, openedAt: w.openedAt.toISOString(),
    })),
    movable: reassignable(row),
    why: reassignable(row) ? null : `${statusLabel(row.status)} billing accounts cannot be reassigned.`,
  }));
}
