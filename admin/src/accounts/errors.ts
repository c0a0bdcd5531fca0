import { fieldLabel } from './labels';

interface ErrorBody {
  message?: unknown;
  errors?: Record<string, unknown>;
}

/** A server error as one sentence a user can act on: the message, then each named problem. */
export function describeError(error: unknown, fallback = 'Something went wrong.'): string {
  if (!error || typeof error !== 'object') return fallback;
  const e = error as { message?: unknown; body?: ErrorBody };
  const body = e.body;
  const message = typeof body?.message === 'string' ? body.message : typeof e.message === 'string' ? e.message : fallback;
  const errors = body?.errors && typeof body.errors === 'object' ? body.errors : null;
  if (!errors) return message;
  const details = Object.entries(errors)
    .filter(([field]) => field !== 'root')
    .map(([field, text]) => `${fieldLabel(field)}: ${String(text)}`);
  return details.length ? `${message} ${details.join(' ')}` : message;
}
