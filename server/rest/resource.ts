// What a resource declares: its model, which fields the API shows, sorts, filters and accepts,
// and the hooks where its domain rules run. The engine (./engine.ts) does everything else.
import type { Model, ModelStatic, Transaction, WhereOptions } from 'sequelize';
import type { z } from 'zod';
import type { AppAbility } from '../../config/abilities';
import type { ResourceName } from '../../config/resources';
import type { AuthUser } from '../auth/context';
import type { Database } from '../db';
import type { CustomFilter } from './where';

export type ApiRecord = Record<string, unknown>;
export type Values = Record<string, unknown>;

/** Everything a hook may need: who acts, with what rights, inside which transaction. */
export interface WriteContext {
  readonly db: Database;
  readonly t: Transaction;
  readonly user: AuthUser;
  readonly ability: AppAbility;
}

export interface ReadContext {
  readonly ability: AppAbility;
}

/** Where an event about a row belongs in the history. */
export interface HistoryPlace {
  readonly accountNumber: string | null;
  readonly customerAccountNumber: string | null;
  readonly status: string | null;
}

export interface ResourceDefinition<M extends Model = Model> {
  readonly name: ResourceName;
  readonly model: ModelStatic<M>;
  /** Record fields of the API, in display order (also the CSV columns). */
  readonly fields: readonly string[];
  readonly sortable: readonly string[];
  readonly filterable: readonly string[];
  readonly filters?: Readonly<Record<string, CustomFilter>>;
  readonly defaultSort?: { readonly field: string; readonly order: 'ASC' | 'DESC' };
  /** The fields whose text `q` searches; kept normalised in the `searchText` attribute. */
  readonly searchFields?: readonly string[];
  readonly readOnly?: boolean;
  /** Validates and normalises a client's body into model values; server-owned fields are not in it. */
  readonly input?: {
    readonly create: z.ZodType<Values>;
    readonly update: z.ZodType<Values>;
  };
  /** Field values shown in place of the real one when the user may not read that field. */
  readonly masks?: Readonly<Record<string, (value: unknown) => unknown>>;
  /** Field formatting on the way out (e.g. FEIN digits → NN-NNNNNNN). */
  readonly format?: Readonly<Record<string, (value: unknown) => unknown>>;
  /** Computes values that are not in the row itself (counts, parents' names). */
  readonly decorate?: (records: ApiRecord[], ctx: ReadContext) => Promise<void>;
  readonly history?: (row: M, t: Transaction) => Promise<HistoryPlace>;
  readonly hooks?: {
    beforeCreate?(ctx: WriteContext, values: Values): Promise<Values>;
    afterCreate?(ctx: WriteContext, row: M): Promise<void>;
    beforeUpdate?(ctx: WriteContext, row: M, values: Values): Promise<Values>;
    afterUpdate?(ctx: WriteContext, row: M, before: ApiRecord): Promise<void>;
    beforeDelete?(ctx: WriteContext, row: M): Promise<void>;
  };
  /**
   * A narrower table that answers some lists on its own (e.g. one row per district a billing
   * account serves, with copies of its status and name). Its attributes carry the resource's own
   * names, `id` being the record's id. A list that filters by one value of `filter` and otherwise
   * filters and sorts only by the table's attributes reads its page and count from the table's
   * index, then only that page's records from the resource's table.
   */
  readonly listIndex?: { readonly model: ModelStatic<Model>; readonly filter: string };
  /** Extra `where` every read of this resource gets (e.g. hide inactive users). */
  readonly scope?: (ctx: ReadContext) => WhereOptions | null;
}

/**
 * Declares a resource: the hooks see rows of its own model, while the engine and the registry
 * handle every resource alike. The engine only ever passes a definition rows of its own model, so
 * widening the type here is sound even though function parameters make TypeScript refuse it.
 */
export function defineResource<M extends Model>(definition: ResourceDefinition<M>): ResourceDefinition<Model> {
  return definition as unknown as ResourceDefinition<Model>;
}
