// The domain's own routes beside the generic ones: lifecycle actions and reassignment.
import { Router } from 'express';
import { z } from 'zod';
import { authOf } from '../auth/context';
import type { Database } from '../db';
import { badRequest } from '../errors';
import { billingAccounts } from '../resources/billing-accounts';
import { customers } from '../resources/customers';
import { parseAction, runAccountAction } from './accounts';
import { previewReassign, reassign } from './reassign';

const idList = z.array(z.coerce.number().int().positive()).min(1).max(500);

export function accountRoutes(db: Database): Router {
  const router = Router();

  router.get('/billing-accounts/reassign/preview', async (req, res) => {
    let ids: unknown;
    try {
      ids = JSON.parse(String(req.query.ids ?? ''));
    } catch {
      throw badRequest('ids must be a JSON array of billing account ids, such as [1,2].');
    }
    const parsed = idList.safeParse(ids);
    if (!parsed.success) throw badRequest('ids must be a JSON array of billing account ids, such as [1,2].');
    res.json(await previewReassign(authOf(req), parsed.data));
  });

  router.post('/billing-accounts/reassign', async (req, res) => {
    res.json(await reassign(db, authOf(req), req.body));
  });

  for (const def of [customers, billingAccounts]) {
    router.post(`/${def.name}/:id/:action`, async (req, res) => {
      res.json(await runAccountAction(def, db, authOf(req), req.params.id, parseAction(req.params.action), req.body));
    });
  }

  return router;
}
