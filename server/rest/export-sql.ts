// The export's one SELECT, written by the server's own Sequelize exactly as findAll would write it
// for the list (same where, same order, every attribute under its attribute name), so that a
// child process can run it with another driver and find the same rows in the same order.
import { Utils, type Model, type ModelStatic, type Order, type WhereOptions } from 'sequelize';
import type { ResourceDefinition } from './resource';

/** The part of Sequelize's (untyped) query generator used here. */
interface SelectQueryGenerator {
  selectQuery(table: unknown, options: object, model: ModelStatic<Model>): string;
}

/**
 * Sequelize 6 inlines every value of a select, escaped for the dialect (bind parameters are only
 * used when asked for), so the text is complete. findAll first maps attribute names to column
 * names (`mapFinderOptions`), then calls the query generator; so does this, without running it.
 */
export function exportSql(def: ResourceDefinition<Model>, where: WhereOptions, order: Order): string {
  const model = def.model;
  const options = { attributes: exportAttributes(def), where, order };
  Utils.mapFinderOptions(options, model);
  const generator = (model.sequelize!.getQueryInterface() as unknown as { queryGenerator: SelectQueryGenerator }).queryGenerator;
  // Without its semicolon: the child wraps it (COPY (…) TO STDOUT, … LIMIT 0 for the columns).
  return generator.selectQuery(model.getTableName(), options, model).replace(/;\s*$/, '');
}

/**
 * The record's id and fields; every attribute (as findAll selects them) when a field may be
 * masked, since the CASL conditions that decide it may read any of them. Leaving out the rest
 * (the search text, above all) saves a tenth of the reading.
 */
export function exportAttributes(def: ResourceDefinition<Model>): string[] {
  const all = Object.keys(def.model.getAttributes());
  if (def.masks && Object.keys(def.masks).length) return all;
  const wanted = new Set([def.model.primaryKeyAttribute, ...def.fields]);
  return all.filter((a) => wanted.has(a));
}
