// Sign in, sign out, and who am I (with the CASL rules the admin builds its ability from).
import { Router } from 'express';
import { z } from 'zod';
import { defineRulesFor } from '../../config/abilities';
import { badRequest, unauthorized } from '../errors';
import { User } from '../models';
import { authOf } from './context';
import { DUMMY_HASH, verifyPassword } from './passwords';
import { closeSession, openSession, toAuthUser, type SessionOptions } from './sessions';

const credentials = z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(1000) });
const WRONG = 'The username or password is not correct.';

export function authRouter(options: SessionOptions): Router {
  const router = Router();

  router.post('/login', async (req, res) => {
    const parsed = credentials.safeParse(req.body);
    if (!parsed.success) throw badRequest('Send {"username", "password"}.');
    const user = await User.findOne({ where: { username: parsed.data.username, active: true } });
    // Hash even for an unknown user, so the answer's timing does not tell usernames apart.
    const ok = await verifyPassword(parsed.data.password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok) throw unauthorized(WRONG);
    await openSession(req, res, user, options);
    res.json({ user: toAuthUser(user) });
  });

  router.post('/logout', async (req, res) => {
    await closeSession(req, res, options);
    res.status(204).end();
  });

  router.get('/me', (req, res) => {
    const { user } = authOf(req);
    res.json({ ...user, rules: defineRulesFor(user) });
  });

  return router;
}
