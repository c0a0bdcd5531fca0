// Administrators register permit systems and revoke their tokens from the admin UI as well as
// with `cims api-client`. The token is in the creation's answer, once.
import { ForbiddenError } from '@casl/ability';
import { Router } from 'express';
import { authOf } from '../auth/context';
import type { Database } from '../db';
import { conflict, invalid, parseOrInvalid } from '../errors';
import { ApiClient } from '../models';
import { findReadable, recordChange, toApiRecord } from '../rest/engine';
import type { WriteContext } from '../rest/resource';
import { apiClientInput, apiClients } from '../resources/api-clients';
import { createApiClient } from './clients';

export function apiClientRoutes(db: Database): Router {
  const router = Router();

  router.post('/api-clients', async (req, res) => {
    const auth = authOf(req);
    ForbiddenError.from(auth.ability).throwUnlessCan('create', 'api-clients');
    const input = parseOrInvalid(apiClientInput, req.body);
    const body = await db.transaction(async (t) => {
      if (await ApiClient.count({ where: { name: input.name }, transaction: t })) throw invalid({ name: 'A client of that name exists already.' });
      const ctx: WriteContext = { db, t, ...auth };
      const { client, token } = await createApiClient(t, input.name, input.permitSystem);
      const record = toApiRecord(apiClients, client, auth);
      await recordChange(apiClients, ctx, client, 'create', {}, record);
      return { ...record, token };
    });
    res.status(201).json(body);
  });

  router.post('/api-clients/:id/revoke', async (req, res) => {
    const auth = authOf(req);
    ForbiddenError.from(auth.ability).throwUnlessCan('update', 'api-clients');
    const record = await db.transaction(async (t) => {
      const client = (await findReadable(apiClients, auth, req.params.id, t)) as ApiClient;
      if (!client.active) throw conflict('This client\'s token is revoked already.');
      const before = toApiRecord(apiClients, client, auth);
      await client.update({ active: false, revokedAt: new Date() }, { transaction: t });
      const after = toApiRecord(apiClients, client, auth);
      await recordChange(apiClients, { db, t, ...auth }, client, 'revoke', before, after);
      return after;
    });
    res.json(record);
  });

  return router;
}
