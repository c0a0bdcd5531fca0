// Error factories thrown anywhere in the server, and the one handler that shapes every error
// response as {"message", "errors"?}. Anything unexpected is a 500 with a generic message; its
// detail goes to the log, never to the client.
import { ForbiddenError } from '@casl/ability';
import type { ErrorRequestHandler } from 'express';
import { OptimisticLockError, UniqueConstraintError, ValidationError as SequelizeValidationError } from 'sequelize';

export type FieldErrors = Record<string, string>;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors?: FieldErrors,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const badRequest = (message: string) => new HttpError(400, message);
export const unauthorized = (message = 'Please sign in.') => new HttpError(401, message);
export const forbidden = (message = 'You are not allowed to do that.') => new HttpError(403, message);
export const notFound = (what = 'record') => new HttpError(404, `No such ${what}.`);
export const conflict = (message: string) => new HttpError(409, message);
export const preconditionRequired = (message: string) => new HttpError(428, message);
export const invalid = (errors: FieldErrors, message = firstMessage(errors)) => new HttpError(422, message, errors);

interface Issue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/** Validation issues as one message per field: the first problem of each. */
export function fieldErrors(issues: readonly Issue[], fallback = 'root'): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) errors[issue.path.length ? String(issue.path[0]) : fallback] ??= issue.message;
  return errors;
}

/** The parsed input, or a 422 naming each field that is wrong. */
export function parseOrInvalid<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: readonly Issue[] } } }, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw invalid(fieldErrors(parsed.error.issues));
}

function firstMessage(errors: FieldErrors): string {
  const entries = Object.entries(errors);
  if (entries.length === 1) return entries[0][1];
  return `Please correct ${entries.length} fields: ${entries.map(([f]) => f).join(', ')}.`;
}

export interface ErrorBody {
  message: string;
  errors?: FieldErrors;
}

/** Turns anything thrown into a status and a body; pure, so it is tested on its own. */
export function toResponse(err: unknown): { status: number; body: ErrorBody; headers?: Record<string, string> } {
  if (err instanceof HttpError) {
    return { status: err.status, body: err.errors ? { message: err.message, errors: err.errors } : { message: err.message }, headers: err.headers };
  }
  if (err instanceof ForbiddenError) return { status: 403, body: { message: err.message } };
  if (err instanceof OptimisticLockError) {
    return { status: 409, body: { message: 'Someone else changed this record meanwhile. Reload it and try again.' } };
  }
  if (err instanceof UniqueConstraintError) {
    // PostgreSQL names the clashing columns as an object's keys, SQLite as an array.
    const fields = Array.isArray(err.fields) ? err.fields.map(String) : Object.keys(err.fields ?? {});
    const errors = Object.fromEntries(fields.map((f) => [f, 'This value is already taken.']));
    return { status: 409, body: { message: 'This value is already taken.', ...(fields.length ? { errors } : {}) } };
  }
  if (err instanceof SequelizeValidationError) {
    const errors = Object.fromEntries(err.errors.map((e) => [e.path ?? 'record', e.message]));
    return { status: 422, body: { message: 'Please correct the highlighted fields.', errors } };
  }
  if (isBodyParserError(err)) {
    if (err.type === 'entity.too.large') return { status: 413, body: { message: 'The request is too large.' } };
    if (err.type === 'entity.parse.failed') return { status: 400, body: { message: 'The request body is not valid JSON.' } };
    if (err.status === 415) return { status: 415, body: { message: 'The request body\'s content type or charset is not supported; send UTF-8 JSON.' } };
    return { status: 400, body: { message: 'The request body could not be read.' } };
  }
  // Errors of the HTTP layer that name a client error themselves (a malformed %-escape in a path).
  if (err instanceof Error && 'status' in err && typeof err.status === 'number' && err.status >= 400 && err.status < 500) {
    return { status: err.status, body: { message: err.status === 400 ? 'The request is malformed.' : 'The request cannot be served.' } };
  }
  return { status: 500, body: { message: 'Something went wrong on the server. The problem has been logged.' } };
}

interface BodyParserError {
  type: string;
  status: number;
}

function isBodyParserError(err: unknown): err is BodyParserError {
  return typeof err === 'object' && err !== null && 'type' in err && 'status' in err && typeof err.type === 'string';
}

export const errorHandler: ErrorRequestHandler = (err, req, res, next) => {
  if (res.headersSent) {
    // Too late for an error response (a stream was under way): log it and end the connection.
    console.error(`${req.method} ${req.originalUrl} failed after the response began:`, err);
    return next(err);
  }
  const { status, body, headers } = toResponse(err);
  if (status >= 500) console.error(`${req.method} ${req.originalUrl} failed:`, err);
  if (headers) res.set(headers);
  res.status(status).json(body);
};
