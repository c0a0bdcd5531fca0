// Sessions live in the database, so that several server processes share them. The cookie holds
// a random token; the table holds only its keyed hash, so a copy of the table opens no session.
import { createHmac, randomBytes } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { QueryTypes } from 'sequelize';
import { abilityFromRules, defineRulesFor, type AppAbility } from '../../config/abilities';
import type { Role } from '../../config/vocabulary';
import { Session, type User } from '../models';
import { setAuth, type AuthUser } from './context';

export const SESSION_COOKIE = 'cims_session';
const SESSION_DAYS = 7;
const IDLE_REFRESH_MS = 60 * 60 * 1000;

export interface SessionOptions {
  readonly secret: string;
}

export function sessionId(token: string, secret: string): string {
  return createHmac('sha256', secret).update(token).digest('hex');
}

export async function openSession(req: Request, res: Response, user: User, options: SessionOptions): Promise<void> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
  await Session.create({ id: sessionId(token, options.secret), userId: user.id, expiresAt });
  // Secure whenever the request came over HTTPS (directly or through a trusted proxy).
  res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/', expires: expiresAt });
}

export async function closeSession(req: Request, res: Response, options: SessionOptions): Promise<void> {
  const token = readToken(req);
  if (token) await Session.destroy({ where: { id: sessionId(token, options.secret) } });
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/' });
}

export function toAuthUser(user: User): AuthUser {
  return { id: user.id, username: user.username, fullName: user.fullName, roles: user.roles, district: user.district };
}

/** Attaches the signed-in user and their ability to the request, when the cookie names a live session. */
export function sessionMiddleware(options: SessionOptions): RequestHandler {
  return async (req, _res, next) => {
    const token = readToken(req);
    if (!token) return next();
    const id = sessionId(token, options.secret);
    const found = await liveSession(id);
    if (!found) return next();
    const { user, renew } = found;
    setAuth(req, { user, ability: abilityOf(user), sessionId: id });
    // Sliding expiry, written at most hourly so that reads stay reads.
    if (renew) await Session.update({ expiresAt: new Date(Date.now() + SESSION_DAYS * 86_400_000) }, { where: { id } });
    next();
  };
}

/**
 * The session's user, if the session is live and the user active, in one indexed query on every
 * request (plain rows: no model instances on this path), and whether its expiry is due a renewal.
 */
async function liveSession(id: string): Promise<{ user: AuthUser; renew: boolean } | null> {
  const now = Date.now();
  const rows = await Session.sequelize!.query<{ id: number; username: string; fullName: string; roles: string; district: string | null; renew: unknown }>(
    `SELECT u.id, u.username, u.full_name AS "fullName", u.roles, u.district, s.expires_at < :renewBefore AS renew
     FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.id = :id AND s.expires_at > :now AND u.active = :active`,
    { replacements: { id, now: new Date(now), renewBefore: new Date(now + SESSION_DAYS * 86_400_000 - IDLE_REFRESH_MS), active: true }, type: QueryTypes.SELECT },
  );
  const row = rows[0];
  if (!row) return null;
  const user: AuthUser = { id: row.id, username: row.username, fullName: row.fullName, roles: row.roles ? (row.roles.split(',') as Role[]) : [], district: row.district };
  // SQLite answers the comparison with 1 or 0, PostgreSQL with a boolean.
  return { user, renew: row.renew === true || row.renew === 1 };
}

/**
 * Abilities are a pure function of the user's id, roles and district, and CASL abilities are
 * never changed after they are built, so one is shared by every request of that user. A change of
 * roles or district makes a new key; the map is emptied when it grows past any plausible staff.
 */
const abilities = new Map<string, AppAbility>();

function abilityOf(user: AuthUser): AppAbility {
  const key = `${user.id}|${user.roles.join(',')}|${user.district ?? ''}`;
  let ability = abilities.get(key);
  if (!ability) {
    if (abilities.size >= 5000) abilities.clear();
    ability = abilityFromRules(defineRulesFor(user));
    abilities.set(key, ability);
  }
  return ability;
}

function readToken(req: Request): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name !== SESSION_COOKIE) continue;
    try {
      return decodeURIComponent(rest.join('='));
    } catch {
      // A tampered cookie is no session, not a server error.
      return null;
    }
  }
  return null;
}
