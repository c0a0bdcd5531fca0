// Who is asking: the signed-in user and their ability, attached to the request once by the
// session middleware and read by everything after it.
import type { Request } from 'express';
import type { AppAbility } from '../../config/abilities';
import type { Role } from '../../config/vocabulary';
import { unauthorized } from '../errors';

export interface AuthUser {
  readonly id: number;
  readonly username: string;
  readonly fullName: string;
  readonly roles: readonly Role[];
  readonly district: string | null;
}

export interface Auth {
  readonly user: AuthUser;
  readonly ability: AppAbility;
  readonly sessionId: string;
}

const byRequest = new WeakMap<Request, Auth>();

export function setAuth(req: Request, auth: Auth): void {
  byRequest.set(req, auth);
}

export function authOf(req: Request): Auth {
  const auth = byRequest.get(req);
  if (!auth) throw unauthorized();
  return auth;
}
