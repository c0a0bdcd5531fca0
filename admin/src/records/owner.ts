import type { Identifier } from 'react-admin';

/** The account a record is kept under: a customer or a billing account, exactly one. */
export interface Owner {
  field: 'customerId' | 'billingAccountId';
  id: Identifier;
}

export function ownerOf(resource: 'customers' | 'billing-accounts', id: Identifier): Owner {
  return { field: resource === 'customers' ? 'customerId' : 'billingAccountId', id };
}

export function ownerFilter(owner: Owner): Record<string, Identifier> {
  return { [owner.field]: owner.id };
}

export function ownerDefaults(owner: Owner): Record<string, Identifier> {
  return { [owner.field]: owner.id };
}
