// Users and their roles, managed by administrators. The password is write-only.
import { z } from 'zod';
import { DISTRICT_CODES } from '../../config/districts';
import { ROLES } from '../../config/vocabulary';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../auth/passwords';
import { invalid } from '../errors';
import { User } from '../models';
import { defineResource, type Values } from '../rest/resource';
import { optionalText, requiredText } from './fields';

export const userFields = {
  username: z.preprocess((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v),
    z.string({ message: 'The username is required.' }).regex(/^[a-z0-9._-]{2,64}$/, 'Use 2–64 letters, digits, dots, dashes or underscores.')),
  fullName: requiredText(120, 'The full name is required.'),
  roles: z.array(z.enum(ROLES, { message: `A role is one of ${ROLES.join(', ')}.` })).min(1, 'Give the user at least one role.'),
  district: z.preprocess((v) => (v === '' ? null : v), z.enum(DISTRICT_CODES as [string, ...string[]], { message: `A district is one of ${DISTRICT_CODES.join(', ')}.` }).nullable()).optional(),
  active: z.boolean().optional(),
  password: z.string().min(MIN_PASSWORD_LENGTH, `A password has at least ${MIN_PASSWORD_LENGTH} characters.`).max(200).optional(),
};

export const users = defineResource<User>({
  name: 'users',
  model: User,
  fields: ['username', 'fullName', 'roles', 'district', 'active', 'version', 'createdAt', 'updatedAt'],
  sortable: ['username', 'fullName', 'district', 'active', 'createdAt'],
  filterable: ['username', 'district', 'active'],
  input: {
    create: z.object({ ...userFields, password: userFields.password.unwrap() }),
    update: z.object(userFields).partial(),
  },
  history: async (row) => ({ accountNumber: null, customerAccountNumber: null, status: row.active ? 'active' : 'inactive' }),
  hooks: {
    beforeCreate: (_ctx, values) => withPasswordHash(values, { roles: [], district: null }),
    beforeUpdate: (_ctx, row, values) => withPasswordHash(values, row),
  },
});

async function withPasswordHash(values: Values, current: { roles: readonly string[]; district: string | null }): Promise<Values> {
  const { password, ...rest } = values;
  const roles = (rest.roles as string[] | undefined) ?? current.roles;
  const district = rest.district === undefined ? current.district : rest.district;
  if (roles.includes('district_viewer') && !district) throw invalid({ district: 'A district viewer belongs to a district.' });
  return typeof password === 'string' ? { ...rest, passwordHash: await hashPassword(password) } : rest;
}
