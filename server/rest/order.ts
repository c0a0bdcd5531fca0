// Sort order and keyset paging that behave the same on SQLite and PostgreSQL. The two disagree
// on where NULLs go (SQLite first, PostgreSQL last, for ASC), so nullable columns sort with an
// explicit "IS NULL" key first: empty values always come last, in lists and exports alike.
import { Op, Sequelize, type Model, type ModelStatic, type Order, type WhereOptions } from 'sequelize';

export interface SortKey {
  readonly attribute: string;
  readonly column: string;
  readonly nullable: boolean;
  readonly order: 'ASC' | 'DESC';
}

export function sortKey(model: ModelStatic<Model>, field: string, order: 'ASC' | 'DESC'): SortKey {
  const attribute = field === 'id' ? model.primaryKeyAttribute : field;
  const a = model.getAttributes()[attribute];
  return { attribute, column: a?.field ?? attribute, nullable: a?.allowNull !== false && attribute !== model.primaryKeyAttribute, order };
}

export function orderBy(model: ModelStatic<Model>, key: SortKey): Order {
  const pk = model.primaryKeyAttribute;
  const order: [unknown, string][] = [];
  if (key.nullable) order.push([Sequelize.literal(`${quoted(model, key.column)} IS NULL`), 'ASC']);
  order.push([key.attribute, key.order]);
  if (key.attribute !== pk) order.push([pk, key.order]);
  return order as Order;
}

/** Rows strictly after `last` in orderBy's order (keyset paging: no OFFSET, no re-reading). */
export function after(model: ModelStatic<Model>, key: SortKey, last: Record<string, unknown>): WhereOptions {
  const pk = model.primaryKeyAttribute;
  const beyond = key.order === 'ASC' ? Op.gt : Op.lt;
  const lastId = last[pk];
  if (key.attribute === pk) return { [pk]: { [beyond]: lastId } };
  const value = last[key.attribute];
  if (value === null || value === undefined) return { [key.attribute]: { [Op.is]: null }, [pk]: { [beyond]: lastId } };
  return {
    [Op.or]: [
      ...(key.nullable ? [{ [key.attribute]: { [Op.is]: null } }] : []),
      { [key.attribute]: { [beyond]: value } },
      { [key.attribute]: value, [pk]: { [beyond]: lastId } },
    ],
  };
}

function quoted(model: ModelStatic<Model>, column: string): string {
  const qi = model.sequelize!.getQueryInterface();
  return `${qi.quoteIdentifier(model.name)}.${qi.quoteIdentifier(column)}`;
}
