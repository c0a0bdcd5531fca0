// The bulk load from the admin UI: the same importer as `cims import`, on an uploaded file.
import { ForbiddenError } from '@casl/ability';
import { Router } from 'express';
import multer from 'multer';
import { authOf } from '../auth/context';
import type { Database } from '../db';
import { HttpError, invalid } from '../errors';
import { importCsv, type ImportResource } from './import';

export function importRoutes(db: Database, uploadLimitMb: number): Router {
  const router = Router();
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: Math.floor(uploadLimitMb * 1024 * 1024), files: 1 } }).single('file');

  router.post('/imports/:resource', async (req, res) => {
    const resource = req.params.resource;
    if (resource !== 'customers' && resource !== 'billing-accounts') throw new HttpError(404, 'Accounts are loaded as customers or billing-accounts.');
    const auth = authOf(req);
    ForbiddenError.from(auth.ability).throwUnlessCan('import', resource);
    await new Promise<void>((ok, fail) => upload(req, res, (err: unknown) => {
      if (err instanceof multer.MulterError && err.code === 'LIMIT_FILE_SIZE') return fail(new HttpError(413, `The file is larger than the limit of ${uploadLimitMb} MB.`));
      return err ? fail(new HttpError(400, 'The upload was not understood.')) : ok();
    }));
    if (!req.file) throw invalid({ file: 'Choose a CSV file to load.' });
    const dryRun = String((req.body as Record<string, unknown>).dryRun ?? 'false') === 'true';
    const report = await importCsv(db, auth, resource as ImportResource, req.file.buffer.toString('utf8'), { dryRun });
    // A refused file is not an error of the request: the report says what to mend.
    res.status(report.fileErrors.length ? 422 : 200).json(report);
  });

  return router;
}
