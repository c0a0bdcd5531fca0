// Records that belong to an account: to a customer, or (contacts, notes, attachments) to a
// billing account. Exactly one owner; its numbers place the record's events in the history.
import type { Transaction } from 'sequelize';
import { z } from 'zod';
import { invalid } from '../errors';
import { BillingAccount, Customer } from '../models';
import type { HistoryPlace, ResourceDefinition, Values } from '../rest/resource';

const ref = z.preprocess((v) => (v === '' ? null : v), z.coerce.number().int().positive().nullable()).optional();
export const ownerInput = { customerId: ref, billingAccountId: ref };

export interface Owned {
  readonly customerId: number | null;
  readonly billingAccountId?: number | null;
}

/** Checks that a new record names exactly one existing owner. */
export async function assertOwner(t: Transaction, values: Values, { billing = true }: { billing?: boolean } = {}): Promise<void> {
  const customerId = values.customerId ?? null;
  const billingAccountId = billing ? (values.billingAccountId ?? null) : null;
  if ((customerId === null) === (billingAccountId === null)) {
    throw invalid(billing ? { customerId: 'Give either the customer account or the billing account it belongs to.' } : { customerId: 'Choose the customer account.' });
  }
  if (customerId !== null && !(await Customer.findByPk(Number(customerId), { attributes: ['id'], transaction: t }))) {
    throw invalid({ customerId: 'No such customer account.' });
  }
  if (billingAccountId !== null && !(await BillingAccount.findByPk(Number(billingAccountId), { attributes: ['id'], transaction: t }))) {
    throw invalid({ billingAccountId: 'No such billing account.' });
  }
}

/** A record keeps its owner; moving it would rewrite another account's history. */
export function refuseOwnerChange(row: Owned, values: Values): void {
  for (const key of ['customerId', 'billingAccountId'] as const) {
    if (values[key] !== undefined && (values[key] ?? null) !== (row[key] ?? null)) {
      throw invalid({ [key]: 'A record stays with the account it belongs to.' });
    }
  }
}

export async function ownerPlace(row: Owned, t: Transaction): Promise<HistoryPlace> {
  if (row.billingAccountId) {
    const b = await BillingAccount.findByPk(row.billingAccountId, { attributes: ['accountNumber', 'status', 'customerId'], transaction: t });
    const c = b ? await Customer.findByPk(b.customerId, { attributes: ['accountNumber'], transaction: t }) : null;
    return { accountNumber: b?.accountNumber ?? null, customerAccountNumber: c?.accountNumber ?? null, status: b?.status ?? null };
  }
  const c = row.customerId ? await Customer.findByPk(row.customerId, { attributes: ['accountNumber', 'status'], transaction: t }) : null;
  return { accountNumber: c?.accountNumber ?? null, customerAccountNumber: c?.accountNumber ?? null, status: c?.status ?? null };
}

type OwnedHooks = Required<Pick<NonNullable<ResourceDefinition['hooks']>, 'beforeCreate' | 'beforeUpdate'>>;

/** The hooks every owned record shares: a real owner on create, the same owner for good. */
export function ownedHooks({ billing = true }: { billing?: boolean } = {}): OwnedHooks {
  return {
    beforeCreate: async (ctx, values) => {
      await assertOwner(ctx.t, values, { billing });
      return values;
    },
    beforeUpdate: async (_ctx, row, values) => {
      refuseOwnerChange(row.get({ plain: true }) as Owned, values);
      return values;
    },
  };
}
