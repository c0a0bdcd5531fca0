// Users and their roles, managed by administrators. The password is write-only.
import { Op } from 'sequelize';
import { z } from 'zod';
import { DISTRICT_CODES } from '../../config/districts';
import { ROLES } from '../../config/vocabulary';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../auth/passwords';
import { HttpError, invalid } from '../errors';
import { User } from '../models';
import { defineResource, type Values, type WriteContext } from '../rest/resource';
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
    beforeCreate: async (ctx, values) => {
      await assertUsernameFree(ctx, values.username);
      return withPasswordHash(values, { roles: [], district: null });
    },
    beforeUpdate: async (ctx, row, values) => {
      await assertUsernameFree(ctx, values.username, row.id);
      return withPasswordHash(values, row);
    },
  },
});

/**
 * A taken username is named under its field. The unique index stays the guarantee against a race;
 * this check runs first because the database's own error does not say which field clashed on
 * every dialect (SQLite names it by position). Deactivated users keep their usernames.
 */
async function assertUsernameFree(ctx: WriteContext, username: unknown, exceptId?: number): Promise<void> {
  if (typeof username !== 'string') return;
  const where = exceptId === undefined ? { username } : { username, id: { [Op.ne]: exceptId } };
  if (!(await User.findOne({ where, attributes: ['id'], transaction: ctx.t }))) return;
  const message = `The username ${username} is taken; choose another.`;
  throw new HttpError(409, message, { username: message });
}

/**
 * Users' full names by id, for records that say who wrote or uploaded them: their readers may
 * not list users. Ids of no user (id 0 is the system itself) are simply absent.
 */
export async function fullNamesOf(ids: readonly unknown[]): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((id): id is number => typeof id === 'number' && id > 0))];
  if (!wanted.length) return new Map();
  const rows = await User.findAll({ where: { id: wanted }, attributes: ['id', 'fullName'] });
  return new Map(rows.map((u) => [u.id, u.fullName]));
}

/** Sets `nameField` on each record to the full name of the user in `idField`, or null. */
export async function nameUsers(records: Record<string, unknown>[], idField: string, nameField: string): Promise<void> {
  const names = await fullNamesOf(records.map((r) => r[idField]));
  for (const r of records) r[nameField] = names.get(r[idField] as number) ?? null;
}

async function withPasswordHash(values: Values, current: { roles: readonly string[]; district: string | null }): Promise<Values> {
  const { password, ...rest } = values;
  const roles = (rest.roles as string[] | undefined) ?? current.roles;
  const district = rest.district === undefined ? current.district : rest.district;
  if (roles.includes('district_viewer') && !district) throw invalid({ district: 'A district viewer belongs to a district.' });
  return typeof password === 'string' ? { ...rest, passwordHash: await hashPassword(password) } : rest;
}
