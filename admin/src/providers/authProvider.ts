// Cookie-session authentication against /api/auth, and permissions from the CASL rules that
// /api/auth/me sends: the same rules the server enforces, so the UI shows only what would succeed.
import { subject } from '@casl/ability';
import type { AuthProvider, UserIdentity } from 'react-admin';
import { abilityFromRules, type Action, type AppAbility, type AppRule } from '../../../config/abilities';
import type { ResourceName } from '../../../config/resources';
import type { Role } from '../../../config/vocabulary';

export interface Me {
  id: number;
  username: string;
  fullName: string;
  roles: Role[];
  district: string | null;
  rules: AppRule[];
}

export type CimsIdentity = UserIdentity & { username: string; roles: Role[]; district: string | null };

export type FetchMe = () => Promise<Me | null>;
export type Post = (path: string, body?: unknown) => Promise<{ status: number; body: unknown }>;

/** react-admin's action names → ours. Anything else (submit, activate, export, …) passes through. */
export const ACTION_MAP: Record<string, Action> = { list: 'read', show: 'read', edit: 'update', create: 'create', delete: 'delete' };

export function toCaslAction(action: string): Action {
  return ACTION_MAP[action] ?? (action as Action);
}

export function canAccessWith(
  ability: AppAbility,
  { action, resource, record }: { action: string; resource: string; record?: Record<string, unknown> },
): boolean {
  const dot = resource.indexOf('.');
  const type = (dot < 0 ? resource : resource.slice(0, dot)) as ResourceName;
  const field = dot < 0 ? undefined : resource.slice(dot + 1);
  const caslAction = toCaslAction(action);
  if (record) return ability.can(caslAction, subject(type, { ...record }), field);
  return ability.can(caslAction, type, field);
}

async function jsonRequest(path: string, init: RequestInit = {}): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`/api/auth${path}`, {
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    ...init,
  });
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = text;
  }
  return { status: res.status, body };
}

const defaultFetchMe: FetchMe = async () => {
  const { status, body } = await jsonRequest('/me', { method: 'GET' });
  if (status === 401) return null;
  if (status !== 200) throw new Error('The server could not say who you are; try again.');
  return body as Me;
};

const defaultPost: Post = (path, body) => jsonRequest(path, { method: 'POST', body: JSON.stringify(body ?? {}) });

function statusOf(error: unknown): number | undefined {
  if (error && typeof error === 'object' && 'status' in error) {
    const s = (error as { status: unknown }).status;
    return typeof s === 'number' ? s : undefined;
  }
  return undefined;
}

export interface CimsAuthProvider extends AuthProvider {
  /** The signed-in user, fetched once and kept until logout or a 401. */
  me(): Promise<Me | null>;
  getIdentity: NonNullable<AuthProvider['getIdentity']>;
  getPermissions: NonNullable<AuthProvider['getPermissions']>;
  canAccess: NonNullable<AuthProvider['canAccess']>;
}

export function buildAuthProvider(fetchMe: FetchMe = defaultFetchMe, post: Post = defaultPost): CimsAuthProvider {
  let cached: Promise<Me | null> | null = null;
  let ability: AppAbility | null = null;
  let abilityOf: Me | null = null;

  const me = (): Promise<Me | null> => {
    if (!cached) {
      cached = fetchMe().catch((e: unknown) => {
        cached = null;
        throw e;
      });
    }
    return cached;
  };
  const forget = () => {
    cached = null;
    ability = null;
    abilityOf = null;
  };
  const abilityNow = async (): Promise<AppAbility | null> => {
    const user = await me();
    if (!user) return null;
    if (!ability || abilityOf !== user) {
      ability = abilityFromRules(user.rules);
      abilityOf = user;
    }
    return ability;
  };

  return {
    me,
    login: async ({ username, password }: { username: string; password: string }) => {
      forget();
      const { status, body } = await post('/login', { username, password });
      if (status !== 200) {
        const message = body && typeof body === 'object' && 'message' in body ? String((body as { message: unknown }).message) : 'Sign-in failed.';
        throw new Error(message);
      }
      await me();
    },
    logout: async () => {
      const wasSignedIn = cached !== null;
      forget();
      if (wasSignedIn) {
        try {
          await post('/logout');
        } catch {
          // The session is gone from this page either way.
        }
      }
    },
    checkAuth: async () => {
      const user = await me();
      if (!user) {
        forget();
        throw new Error('Please sign in.');
      }
    },
    checkError: async (error: unknown) => {
      // Only a lost session signs the user out; a 403 is a refusal of one request, not of the session.
      if (statusOf(error) === 401) {
        forget();
        throw new Error('Your session has ended; please sign in again.');
      }
    },
    getIdentity: async (): Promise<CimsIdentity> => {
      const user = await me();
      if (!user) throw new Error('Please sign in.');
      return { id: user.id, fullName: user.fullName || user.username, username: user.username, roles: user.roles, district: user.district };
    },
    getPermissions: async () => {
      const user = await me();
      return user ? user.roles : [];
    },
    canAccess: async ({ action, resource, record }) => {
      const a = await abilityNow();
      if (!a) return false;
      return canAccessWith(a, { action, resource, record: record as Record<string, unknown> | undefined });
    },
  };
}

export const authProvider = buildAuthProvider();
