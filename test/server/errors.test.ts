import { ForbiddenError } from '@casl/ability';
import { OptimisticLockError, UniqueConstraintError, ValidationError, ValidationErrorItem } from 'sequelize';
import { abilityFromRules } from '../../config/abilities';
import { badRequest, conflict, forbidden, HttpError, invalid, notFound, preconditionRequired, toResponse, unauthorized } from '../../server/errors';

describe('toResponse', () => {
  it.each<[unknown, number, Record<string, unknown>]>([
    [badRequest('bad'), 400, { message: 'bad' }],
    [unauthorized(), 401, { message: 'Please sign in.' }],
    [forbidden(), 403, { message: 'You are not allowed to do that.' }],
    [notFound('customer'), 404, { message: 'No such customer.' }],
    [conflict('no'), 409, { message: 'no' }],
    [preconditionRequired('v'), 428, { message: 'v' }],
    [invalid({ name: 'Required.' }), 422, { message: 'Required.', errors: { name: 'Required.' } }],
    [invalid({ name: 'Required.', zip: 'Bad.' }), 422, { message: 'Please correct 2 fields: name, zip.', errors: { name: 'Required.', zip: 'Bad.' } }],
    [new OptimisticLockError({ message: 'x', modelName: 'Customer', values: {}, where: {} }), 409, { message: expect.stringContaining('changed this record') }],
    [new UniqueConstraintError({ fields: { username: 'x' } }), 409, { message: 'This value is already taken.', errors: { username: 'This value is already taken.' } }],
    [new UniqueConstraintError({}), 409, { message: 'This value is already taken.' }],
    // SQLite's driver names the columns as an array.
    [new UniqueConstraintError({ fields: ['username'] as unknown as Record<string, unknown> }), 409, { message: 'This value is already taken.', errors: { username: 'This value is already taken.' } }],
    [Object.assign(new Error('big'), { type: 'entity.too.large', status: 413 }), 413, { message: 'The request is too large.' }],
    [Object.assign(new SyntaxError('Unexpected token'), { type: 'entity.parse.failed', status: 400 }), 400, { message: 'The request body is not valid JSON.' }],
  ])('%s → %i', (err, status, body) => {
    const r = toResponse(err);
    expect(r.status).toBe(status);
    expect(r.body).toEqual(body);
  });

  it('a CASL refusal is a 403 with its reason', () => {
    const ability = abilityFromRules([]);
    let err: unknown;
    try {
      ForbiddenError.from(ability).setMessage('Nope.').throwUnlessCan('read', 'customers');
    } catch (e) {
      err = e;
    }
    expect(toResponse(err)).toEqual({ status: 403, body: { message: 'Nope.' } });
  });

  it('a Sequelize validation error is a 422 per field', () => {
    const err = new ValidationError('x', [new ValidationErrorItem('too long', 'validation error', 'name', 'v', null as never, 'len', 'len', [])]);
    expect(toResponse(err)).toEqual({ status: 422, body: { message: expect.any(String), errors: { name: 'too long' } } });
  });

  it('anything else is a generic 500 that reveals nothing', () => {
    for (const err of [new Error('SQLITE_ERROR: no such table: secret_stuff'), 'a string', null, undefined, { status: 400 }]) {
      const r = toResponse(err);
      expect(r.status).toBe(500);
      expect(r.body.message).not.toMatch(/secret|SQLITE/);
    }
  });

  it('keeps the headers of an HttpError', () => {
    expect(toResponse(new HttpError(429, 'slow', undefined, { 'Retry-After': '5' })).headers).toEqual({ 'Retry-After': '5' });
  });
});
