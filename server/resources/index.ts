// The registry of every resource the API serves, under its one name.
import type { Model } from 'sequelize';
import type { ResourceName } from '../../config/resources';
import type { ResourceDefinition } from '../rest/resource';
import { billingAccounts } from './billing-accounts';
import { customers } from './customers';
import { districts } from './districts';
import { events } from './events';
import { insurancePolicies } from './insurance-policies';
import { users } from './users';

export const REGISTRY: Record<ResourceName, ResourceDefinition<Model>> = {
  customers: customers,
  'billing-accounts': billingAccounts,
  'insurance-policies': insurancePolicies,
  events: events,
  users: users,
  districts: districts,
};
