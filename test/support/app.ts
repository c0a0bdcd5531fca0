// The test app: the real Express app on a fresh migrated database, users of every role, and
// signed-in supertest agents that keep their session cookie.
import type { Express } from 'express';
import supertest from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { loadSettings } from '../../config/settings';
import type { Role } from '../../config/vocabulary';
import { createApp } from '../../server/app';
import { hashPassword } from '../../server/auth/passwords';
import { User } from '../../server/models';
import { createTestDatabase, type TestDatabase } from './db';

export const PASSWORD = 'Test-Password-42';

export type Agent = TestAgent;

export interface TestApp {
  readonly app: Express;
  readonly database: TestDatabase;
  /** A new agent signed in as `username` (made with `user()` first). */
  login(username: string): Promise<Agent>;
  user(username: string, roles: Role[], district?: string | null): Promise<User>;
  /** Agents of the usual cast: manager, authorizer, both (manager + authorizer), district (11-0), analyst, admin. */
  cast(): Promise<Cast>;
  anonymous(): Agent;
  close(): Promise<void>;
}

export interface Cast {
  manager: Agent;
  authorizer: Agent;
  both: Agent;
  district: Agent;
  analyst: Agent;
  admin: Agent;
  ids: Record<keyof Omit<Cast, 'ids'>, number>;
}

let hash: Promise<string> | null = null;

export async function createTestApp(env: NodeJS.ProcessEnv = {}): Promise<TestApp> {
  const settings = loadSettings({ SESSION_SECRET: 'test-secret-test-secret', CIMS_UPLOAD_LIMIT_MB: '2', CIMS_COUNT_CACHE_SECONDS: '0', ...env });
  const database = await createTestDatabase({ countCacheSeconds: settings.countCacheSeconds });
  const app = createApp({ db: database.db, settings, adminDir: '/nonexistent' });
  hash ??= hashPassword(PASSWORD);
  const t: TestApp = {
    app,
    database,
    async user(username, roles, district = null) {
      return User.create({ username, fullName: `Test ${username}`, roles, district, passwordHash: await hash! });
    },
    async login(username) {
      const agent = supertest.agent(app);
      const r = await agent.post('/api/auth/login').send({ username, password: PASSWORD });
      if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${r.text}`);
      return agent;
    },
    async cast() {
      const roles: Record<keyof Omit<Cast, 'ids'>, [Role[], string | null]> = {
        manager: [['account_manager'], null],
        authorizer: [['authorizer'], null],
        both: [['account_manager', 'authorizer'], null],
        district: [['district_viewer'], '11-0'],
        analyst: [['analyst'], null],
        admin: [['administrator'], null],
      };
      const cast = { ids: {} } as Cast;
      for (const [name, [r, d]] of Object.entries(roles) as [keyof Omit<Cast, 'ids'>, [Role[], string | null]][]) {
        const u = await t.user(name, r, d);
        cast.ids[name] = u.id;
        cast[name] = await t.login(name);
      }
      return cast;
    },
    anonymous: () => supertest.agent(app),
    close: () => database.drop(),
  };
  return t;
}

/** ra-data-simple-rest's list query string. */
export function listQuery({ sort = ['id', 'ASC'], range = [0, 24], filter = {} }: { sort?: [string, string]; range?: [number, number]; filter?: Record<string, unknown> } = {}): string {
  const p = new URLSearchParams({ sort: JSON.stringify(sort), range: JSON.stringify(range), filter: JSON.stringify(filter) });
  return `?${p}`;
}
