// Searches saved under a name and shared with the team: a list's filter and sort, kept on the
// server so that everyone sees the same ones. The filter is checked against the list it is for.
import { z } from 'zod';
import { SavedSearch } from '../models';
import { defineResource, type Values } from '../rest/resource';
import { HttpError, invalid } from '../errors';
import { filterToWhere } from '../rest/where';
import { optionalText, requiredText } from './fields';
import { billingAccounts } from './billing-accounts';
import { customers } from './customers';

const LISTS = { customers, 'billing-accounts': billingAccounts } as const;

const editable = {
  name: requiredText(120, 'Give the search a name.'),
  resource: z.enum(['customers', 'billing-accounts'], { message: 'A saved search is of customers or billing-accounts.' }),
  filter: z.record(z.string(), z.unknown(), { message: 'The filter is a JSON object.' }),
  sort: z.tuple([z.string(), z.enum(['ASC', 'DESC'])]).nullable().optional(),
  description: optionalText(500),
};

export const savedSearches = defineResource<SavedSearch>({
  name: 'saved-searches',
  model: SavedSearch,
  fields: ['name', 'resource', 'filter', 'sort', 'description', 'ownerId', 'version', 'createdAt', 'updatedAt'],
  sortable: ['name', 'resource', 'createdAt', 'updatedAt'],
  filterable: ['name', 'resource', 'ownerId'],
  defaultSort: { field: 'name', order: 'ASC' },
  input: { create: z.object(editable), update: z.object(editable).partial() },
  hooks: {
    beforeCreate: async (ctx, values) => ({ ...checked(values), ownerId: ctx.user.id }),
    beforeUpdate: async (_ctx, row, values) => checked({ resource: row.resource, ...values }),
  },
});

/** A saved filter must be one its list accepts, so that opening it never fails. */
function checked(values: Values): Values {
  const list = LISTS[values.resource as keyof typeof LISTS];
  if (values.filter !== undefined) {
    try {
      filterToWhere(list.model, values.filter as Record<string, unknown>, { filterable: [...list.filterable, 'id'], filters: list.filters, searchAttribute: 'searchText' });
    } catch (e) {
      if (e instanceof HttpError) throw invalid({ filter: e.message });
      throw e;
    }
  }
  const sort = values.sort as [string, string] | null | undefined;
  if (sort && sort[0] !== 'id' && !list.sortable.includes(sort[0])) throw invalid({ sort: `The ${values.resource} list cannot be sorted by "${sort[0]}".` });
  return values;
}
