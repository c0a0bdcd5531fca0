// Uploads go to POST /api/attachments as multipart form data: the stock simple-rest provider
// only sends JSON. The server answers 413 (too large) and 415 (type not allowed) in words.
import { HttpError, type RaRecord } from 'react-admin';
import type { Owner } from '../records/owner';

export const UPLOAD_URL = '/api/attachments';

export interface UploadRequest {
  owner: Owner;
  documentType: string;
  description?: string;
  file: Blob & { name?: string };
}

const FALLBACK: Record<number, string> = {
  400: 'The upload was not understood.',
  403: 'You may not attach documents to this account.',
  413: 'The file is larger than the upload limit.',
  415: 'Files of this type cannot be attached; use PDF, an image, an office document, plain text or CSV.',
};

export function attachmentFormData({ owner, documentType, description, file }: UploadRequest): FormData {
  const form = new FormData();
  // Fields first, so that a server reading the stream sees them before the file.
  form.append(owner.field, String(owner.id));
  form.append('documentType', documentType);
  form.append('description', description ?? '');
  form.append('file', file, file.name ?? 'attachment');
  return form;
}

/** Sends the file; resolves with the new attachment, or rejects with the server's message. */
export async function uploadAttachment(request: UploadRequest, fetchImpl: typeof fetch = fetch): Promise<RaRecord> {
  const res = await fetchImpl(UPLOAD_URL, {
    method: 'POST',
    body: attachmentFormData(request),
    credentials: 'same-origin',
    headers: { Accept: 'application/json' },
  });
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!res.ok) {
    const message =
      body && typeof body === 'object' && typeof (body as { message?: unknown }).message === 'string'
        ? (body as { message: string }).message
        : FALLBACK[res.status] ?? `The upload failed (${res.status}).`;
    throw new HttpError(message, res.status, body && typeof body === 'object' ? body : { message });
  }
  return body as RaRecord;
}

/** 1536 → "1.5 KB". */
export function formatSize(bytes: unknown): string {
  const n = Number(bytes);
  if (!Number.isFinite(n) || n < 0) return '';
  if (n < 1024) return `${n} byte${n === 1 ? '' : 's'}`;
  const units = ['KB', 'MB', 'GB'];
  let value = n / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toLocaleString('en-US', { maximumFractionDigits: value < 10 ? 1 : 0 })} ${units[unit]}`;
}

export function contentUrl(id: unknown): string {
  return `/api/attachments/${encodeURIComponent(String(id))}/content`;
}
