// API clients of the interface for permit systems, managed by administrators. A new client's
// token is in the answer to its creation only (POST /api/api-clients); revoking is an action.
import { z } from 'zod';
import { PERMIT_SYSTEMS } from '../../config/vocabulary';
import { ApiClient } from '../models';
import { defineResource } from '../rest/resource';
import { oneOf, requiredText } from './fields';

export const apiClientInput = z.object({
  name: requiredText(120, 'Name the system, e.g. EPS.'),
  permitSystem: oneOf(PERMIT_SYSTEMS, PERMIT_SYSTEMS.join(', ')),
});

export const apiClients = defineResource<ApiClient>({
  name: 'api-clients',
  model: ApiClient,
  fields: ['name', 'permitSystem', 'active', 'revokedAt', 'lastUsedAt', 'version', 'createdAt', 'updatedAt'],
  sortable: ['name', 'permitSystem', 'active', 'lastUsedAt', 'createdAt'],
  filterable: ['name', 'permitSystem', 'active'],
  defaultSort: { field: 'name', order: 'ASC' },
  // Created through the token route, renamed through the engine; the token never appears here.
  input: { create: z.never(), update: apiClientInput.pick({ name: true }).partial() },
  history: async (row) => ({ accountNumber: null, customerAccountNumber: null, status: row.active ? 'active' : 'revoked' }),
});
