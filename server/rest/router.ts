// The five routes of the ra-data-simple-rest dialect, the same for every resource.
import { Router, type Request } from 'express';
import type { Model } from 'sequelize';
import { authOf } from '../auth/context';
import type { Database } from '../db';
import { createRecord, deleteRecord, listRecords, readRecord, updateRecord } from './engine';
import { exportCsv } from './export';
import { contentRange, parseListQuery } from './query';
import type { ResourceDefinition } from './resource';

export function resourceRouter(def: ResourceDefinition<Model>, db: Database): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    const auth = authOf(req);
    const query = parseListQuery(rawQuery(req), def);
    const { records, total, start } = await listRecords(def, auth, query, db.counts);
    if (query.range) {
      res.set('Content-Range', contentRange(def.name, start, records.length, total));
      // The contract exposes Content-Range to CORS, so that a client of an allowed origin can read the total.
      res.set('Access-Control-Expose-Headers', 'Content-Range');
    }
    res.json(records);
  });

  router.get('/export.csv', async (req, res) => {
    const query = parseListQuery(rawQuery(req), def);
    // Every matching row, whatever range the list had.
    await exportCsv(def, authOf(req), { ...query, range: null }, res);
  });

  router.get('/:id', async (req, res) => {
    res.json(await readRecord(def, authOf(req), req.params.id));
  });

  router.post('/', async (req, res) => {
    res.status(201).json(await createRecord(def, db, authOf(req), req.body));
  });

  router.put('/:id', async (req, res) => {
    res.json(await updateRecord(def, db, authOf(req), req.params.id, req.body));
  });

  router.delete('/:id', async (req, res) => {
    res.json(await deleteRecord(def, db, authOf(req), req.params.id));
  });

  return router;
}

/** Express 5 re-parses req.query on each access; read it once, as plain values. */
export function rawQuery(req: Request): Record<string, unknown> {
  return { ...(req.query as Record<string, unknown>) };
}
