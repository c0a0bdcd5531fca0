// Sessions live in the database, so that several server processes share them. The cookie holds
// a random token; the table holds only its keyed hash, so a copy of the table opens no session.
import { createHmac, randomBytes } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { Op } from 'sequelize';
import { abilityFromRules, defineRulesFor } from '../../config/abilities';
import { Session, User } from '../models';
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
    const session = await Session.findOne({
      where: { id, expiresAt: { [Op.gt]: new Date() } },
      include: [{ model: User, as: 'user', where: { active: true } }],
    });
    const user = (session as (Session & { user?: User }) | null)?.user;
    if (!session || !user) return next();
    const authUser = toAuthUser(user);
    setAuth(req, { user: authUser, ability: abilityFromRules(defineRulesFor(authUser)), sessionId: id });
    // Sliding expiry, written at most hourly so that reads stay reads.
    const renewed = new Date(Date.now() + SESSION_DAYS * 86_400_000);
    if (renewed.getTime() - session.expiresAt.getTime() > IDLE_REFRESH_MS) {
      await Session.update({ expiresAt: renewed }, { where: { id } });
    }
    next();
  };
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
