// A submitted draft waits for the Authorizer as it was submitted. Changing it takes it out of the
// queue, so that it is submitted again, and four eyes hold for what is activated: nobody can
// change an account someone else submitted and then activate their own changes.
import type { Model } from 'sequelize';
import type { Values } from '../rest/resource';

export function withdrawnIfChanged(row: Model, values: Values): Values {
  if (row.get('status') !== 'preliminary' || !row.get('submittedAt')) return values;
  const changes = Object.entries(values).some(([k, v]) => JSON.stringify(v ?? null) !== JSON.stringify(row.get(k) ?? null));
  return changes ? { ...values, submittedAt: null, submittedById: null } : values;
}
