// Every model, initialised on one Sequelize instance, with the associations in one place.
import type { Sequelize } from 'sequelize';
import { AccountNumber } from './account-number';
import { Agreement } from './agreement';
import { ApiClient } from './api-client';
import { Attachment, AttachmentContent } from './attachment';
import { BillingAccount } from './billing-account';
import { BillingAccountDistrict } from './billing-account-district';
import { Contact } from './contact';
import { Customer } from './customer';
import { District } from './district';
import { Event } from './event';
import { InsurancePolicy } from './insurance-policy';
import { Note } from './note';
import { SavedSearch } from './saved-search';
import { Security } from './security';
import { Session } from './session';
import { User } from './user';
import { WorkItem } from './work-item';

export { AccountNumber, Agreement, ApiClient, Attachment, AttachmentContent, BillingAccount, BillingAccountDistrict, Contact, Customer, District, Event, InsurancePolicy, Note, SavedSearch, Security, Session, User, WorkItem };

let initialised: Sequelize | null = null;

/** Models are module singletons bound to one Sequelize instance per process (tests open one per file). */
export function initModels(sequelize: Sequelize): void {
  if (initialised === sequelize) return;
  for (const model of [AccountNumber, Agreement, ApiClient, Attachment, AttachmentContent, BillingAccount, BillingAccountDistrict, Contact, Customer, District, Event, InsurancePolicy, Note, SavedSearch, Security, Session, User, WorkItem]) model.initModel(sequelize);
  Customer.hasMany(BillingAccount, { as: 'billingAccounts', foreignKey: 'customerId' });
  BillingAccount.belongsTo(Customer, { as: 'customer', foreignKey: 'customerId' });
  Customer.hasOne(InsurancePolicy, { as: 'insurance', foreignKey: 'customerId' });
  InsurancePolicy.belongsTo(Customer, { as: 'customer', foreignKey: 'customerId' });
  Session.belongsTo(User, { as: 'user', foreignKey: 'userId' });
  initialised = sequelize;
}
