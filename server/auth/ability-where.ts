// CASL rules → a Sequelize `where`, so that a list only ever contains rows the user may see.
// Conditions are kept to the operators config/abilities.ts may use ($eq, $ne, $in, $nin, $lt,
// $lte, $gt, $gte on the record's own columns); anything else is a programming error.
import { Op, type WhereOptions } from 'sequelize';
import type { Action, AppAbility } from '../../config/abilities';
import type { ResourceName } from '../../config/resources';

const OPERATORS: Record<string, symbol> = {
  $eq: Op.eq, $ne: Op.ne, $in: Op.in, $nin: Op.notIn, $lt: Op.lt, $lte: Op.lte, $gt: Op.gt, $gte: Op.gte,
};

/** null when nothing is allowed; {} when everything is. */
export function abilityWhere(ability: AppAbility, action: Action, subject: ResourceName): WhereOptions | null {
  const allowed: WhereOptions[] = [];
  const denied: WhereOptions[] = [];
  // rulesFor returns the most important rule first, so an unconditional rule ends the walk.
  for (const rule of ability.rulesFor(action, subject)) {
    const condition = rule.conditions ? conditionWhere(rule.conditions as Record<string, unknown>) : null;
    if (rule.inverted) {
      if (!condition) break;
      denied.push({ [Op.not]: condition });
    } else {
      if (!condition) return combine([{}], denied);
      allowed.push(condition);
    }
  }
  return allowed.length ? combine(allowed, denied) : null;
}

function combine(allowed: WhereOptions[], denied: WhereOptions[]): WhereOptions {
  const any: WhereOptions = allowed.length === 1 ? allowed[0] : { [Op.or]: allowed };
  return denied.length ? { [Op.and]: [any, ...denied] } : any;
}

function conditionWhere(conditions: Record<string, unknown>): WhereOptions {
  const parts = Object.entries(conditions).map(([field, value]): WhereOptions => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return { [field]: value };
    const ops = Object.entries(value as Record<string, unknown>).map(([op, operand]) => {
      const sequelizeOp = OPERATORS[op];
      if (!sequelizeOp) throw new Error(`Ability condition operator ${op} has no SQL translation`);
      return [sequelizeOp, operand] as const;
    });
    return { [field]: Object.fromEntries(ops) };
  });
  return parts.length === 1 ? parts[0] : { [Op.and]: parts };
}
