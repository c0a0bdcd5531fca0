// Every model, initialised on one Sequelize instance, with the associations in one place.
import type { Sequelize } from 'sequelize';
import { AccountNumber } from './account-number';
import { BillingAccount } from './billing-account';
import { Customer } from './customer';
import { District } from './district';
import { Event } from './event';
import { InsurancePolicy } from './insurance-policy';
import { Session } from './session';
import { User } from './user';

export { AccountNumber, BillingAccount, Customer, District, Event, InsurancePolicy, Session, User };

let initialised: Sequelize | null = null;

/** Models are module singletons bound to one Sequelize instance per process (tests open one per file). */
export function initModels(sequelize: Sequelize): void {
  if (initialised === sequelize) return;
  for (const model of [AccountNumber, BillingAccount, Customer, District, Event, InsurancePolicy, Session, User]) model.initModel(sequelize);
  Customer.hasMany(BillingAccount, { as: 'billingAccounts', foreignKey: 'customerId' });
  BillingAccount.belongsTo(Customer, { as: 'customer', foreignKey: 'customerId' });
  Customer.hasOne(InsurancePolicy, { as: 'insurance', foreignKey: 'customerId' });
  InsurancePolicy.belongsTo(Customer, { as: 'customer', foreignKey: 'customerId' });
  Session.belongsTo(User, { as: 'user', foreignKey: 'userId' });
  initialised = sequelize;
}
