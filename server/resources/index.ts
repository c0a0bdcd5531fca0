// The registry of every resource the API serves, under its one name.
import type { Model } from 'sequelize';
import type { ResourceName } from '../../config/resources';
import type { ResourceDefinition } from '../rest/resource';
import { agreements } from './agreements';
import { apiClients } from './api-clients';
import { attachments } from './attachments';
import { billingAccounts } from './billing-accounts';
import { contacts } from './contacts';
import { customers } from './customers';
import { districts } from './districts';
import { events } from './events';
import { insurancePolicies } from './insurance-policies';
import { notes } from './notes';
import { savedSearches } from './saved-searches';
import { securities } from './securities';
import { users } from './users';

export const REGISTRY: Record<ResourceName, ResourceDefinition<Model>> = {
  customers,
  'billing-accounts': billingAccounts,
  contacts,
  'insurance-policies': insurancePolicies,
  securities,
  agreements,
  attachments,
  notes,
  'saved-searches': savedSearches,
  events,
  users,
  'api-clients': apiClients,
  districts,
};
