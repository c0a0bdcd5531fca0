// Migrations (umzug) are the schema's only source of truth. Names leave out the extension so that
// a migration is the same one whether it runs from .ts (tsx) or from compiled .js.
import { basename, extname, join } from 'node:path';
import type { QueryInterface } from 'sequelize';
import { SequelizeStorage, Umzug, type MigrationParams } from 'umzug';
import type { Database } from './index';

export type Migration = (params: MigrationParams<QueryInterface>) => Promise<void>;

interface MigrationModule {
  up: Migration;
  down: Migration;
}

const MIGRATIONS_DIR = join(__dirname, '..', '..', 'migrations');

export function createMigrator(db: Database, { log = false }: { log?: boolean } = {}): Umzug<QueryInterface> {
  return new Umzug<QueryInterface>({
    migrations: {
      glob: ['*-*.{ts,js}', { cwd: MIGRATIONS_DIR, ignore: ['*.d.ts'] }],
      resolve: ({ name, path, context }) => {
        const file = path ?? join(MIGRATIONS_DIR, name);
        const load = (): MigrationModule => require(file) as MigrationModule;
        return {
          name: basename(name, extname(name)),
          up: (params) => load().up({ ...params, context }),
          down: (params) => load().down({ ...params, context }),
        };
      },
    },
    context: db.sequelize.getQueryInterface(),
    storage: new SequelizeStorage({ sequelize: db.sequelize }),
    logger: log ? console : undefined,
  });
}

export async function migrate(db: Database, options?: { log?: boolean }): Promise<string[]> {
  const done = await createMigrator(db, options).up();
  return done.map((m) => m.name);
}
