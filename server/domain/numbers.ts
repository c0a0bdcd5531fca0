// Account numbers come from one registry for customers and billing accounts alike, so a number
// names exactly one account; a number is never reused, even after a delete.
import type { Transaction } from 'sequelize';
import { formatAccountNumber } from '../../config/account-numbers';
import { AccountNumber } from '../models';

export async function nextAccountNumber(t: Transaction, entityType: string): Promise<string> {
  const issued = await AccountNumber.create({ entityType, issuedAt: new Date() }, { transaction: t });
  return formatAccountNumber(issued.value);
}
