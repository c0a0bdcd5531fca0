// Whether a customer's insurance is in force: the single insurance record exists, its policy has
// not expired (commercial coverage), and its confirmation is not overdue.
import type { Transaction } from 'sequelize';
import { InsurancePolicy } from '../models';

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function isInForce(policy: Pick<InsurancePolicy, 'insuranceType' | 'policyExpiresOn' | 'confirmationDueOn'> | null, on: string = today()): boolean {
  if (!policy) return false;
  if (policy.confirmationDueOn && policy.confirmationDueOn < on) return false;
  if (policy.insuranceType === 'self') return Boolean(policy.confirmationDueOn);
  return Boolean(policy.policyExpiresOn && policy.policyExpiresOn >= on);
}

export async function insuranceInForce(t: Transaction, customerId: number): Promise<boolean> {
  return isInForce(await InsurancePolicy.findOne({ where: { customerId }, transaction: t }));
}

/** Self-insured coverage is confirmed by April 30 each year: the next April 30 on or after `on`. */
export function nextApril30(on: string = today()): string {
  const year = Number(on.slice(0, 4));
  const thisYear = `${year}-04-30`;
  return on <= thisYear ? thisYear : `${year + 1}-04-30`;
}
