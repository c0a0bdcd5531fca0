// Uploads and downloads of attachments. Files are kept in the database, so that every server
// process sees them; an upload over the limit or of a type outside the allow-list stores nothing.
import { createHash } from 'node:crypto';
import { ForbiddenError, subject } from '@casl/ability';
import { Router, type Request, type Response } from 'express';
import multer from 'multer';
import { z } from 'zod';
import { authOf } from '../auth/context';
import type { Database } from '../db';
import { HttpError, invalid, parseOrInvalid } from '../errors';
import { Attachment, AttachmentContent } from '../models';
import { findReadable, recordChange, toApiRecord, toApiRecords } from '../rest/engine';
import type { WriteContext } from '../rest/resource';
import { attachments } from '../resources/attachments';
import { optionalText, requiredText } from '../resources/fields';
import { assertOwner, ownerInput } from '../resources/owner';

/** PDF, images, office documents, plain text and CSV. */
export const ALLOWED_TYPES: ReadonlySet<string> = new Set([
  'application/pdf',
  'image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/tiff',
  'text/plain', 'text/csv',
  'application/msword', 'application/vnd.ms-excel', 'application/vnd.ms-powerpoint', 'application/rtf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text', 'application/vnd.oasis.opendocument.spreadsheet',
]);

const fields = z.object({ ...ownerInput, documentType: requiredText(40, 'Choose the type of document.'), description: optionalText(500) });

export function attachmentRoutes(db: Database, uploadLimitMb: number): Router {
  const router = Router();
  const upload = multer({
    storage: multer.memoryStorage(),
    // utf8: browsers send file names as UTF-8, and multer would otherwise read them as latin1.
    defParamCharset: 'utf8',
    limits: { fileSize: Math.floor(uploadLimitMb * 1024 * 1024), files: 1, fields: 10, fieldSize: 64 * 1024 },
  }).single('file');

  router.post('/attachments', async (req, res) => {
    const auth = authOf(req);
    ForbiddenError.from(auth.ability).throwUnlessCan('create', 'attachments');
    await receive(upload, req, res, uploadLimitMb);
    const file = req.file;
    if (!file) throw invalid({ file: 'Choose a file to upload.' });
    const mimeType = file.mimetype.toLowerCase();
    if (!ALLOWED_TYPES.has(mimeType)) {
      throw new HttpError(415, `Files of type ${mimeType} cannot be attached; use PDF, an image, an office document, plain text or CSV.`);
    }
    const input = parseOrInvalid(fields, req.body);
    const record = await db.transaction(async (t) => {
      const ctx: WriteContext = { db, t, ...auth };
      await assertOwner(t, input);
      const row = await Attachment.create({
        customerId: input.customerId ?? null,
        billingAccountId: input.billingAccountId ?? null,
        documentType: input.documentType,
        description: input.description ?? null,
        fileName: safeFileName(file.originalname),
        mimeType,
        size: file.size,
        sha256: createHash('sha256').update(file.buffer).digest('hex'),
        uploadedById: auth.user.id,
      }, { transaction: t });
      ForbiddenError.from(auth.ability).throwUnlessCan('create', subject('attachments', { ...(row.get({ plain: true }) as Record<string, unknown>) }));
      await AttachmentContent.create({ attachmentId: row.id, content: file.buffer }, { transaction: t });
      await recordChange(attachments, ctx, row, 'create', {}, toApiRecord(attachments, row, auth));
      return row;
    });
    // Decorated like every read of it, so that the answer names the uploader.
    res.status(201).json((await toApiRecords(attachments, [record], auth))[0]);
  });

  router.get('/attachments/:id/content', async (req, res) => {
    const auth = authOf(req);
    const row = (await findReadable(attachments, auth, req.params.id)) as Attachment;
    const content = await AttachmentContent.findByPk(row.id);
    if (!content) throw new HttpError(404, 'The file of this attachment is missing.');
    res.set({
      'Content-Type': row.mimeType,
      'Content-Length': String(content.content.length),
      'Content-Disposition': contentDisposition(row.fileName),
      // Served as a download, never rendered in our origin: an uploaded page cannot run here.
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "sandbox; default-src 'none'",
      'Cache-Control': 'private, no-store',
    });
    res.end(content.content);
  });

  return router;
}

function receive(upload: ReturnType<ReturnType<typeof multer>['single']>, req: Request, res: Response, limitMb: number): Promise<void> {
  return new Promise((ok, fail) => upload(req, res, (err: unknown) => {
    if (!err) return ok();
    if (err instanceof multer.MulterError) {
      if (err.code === 'LIMIT_FILE_SIZE') return fail(new HttpError(413, `The file is larger than the limit of ${limitMb} MB.`));
      return fail(new HttpError(400, `The upload was not understood: ${err.message}.`));
    }
    fail(new HttpError(400, 'The upload was not understood.'));
  }));
}

/** The file's own name, without any folder a browser or a script may have put before it. */
export function safeFileName(name: string): string {
  const base = name.normalize('NFC').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return clean.slice(0, 255) || 'attachment';
}

/** RFC 6266: an ASCII fallback and the exact name in UTF-8. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.normalize('NFKD').replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
